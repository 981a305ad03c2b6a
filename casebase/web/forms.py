"""The upload form: the shared submission form (one of a file, pasted text or a URL)."""

from __future__ import annotations

from casebase.knowledge.forms import SubmissionForm


class UploadForm(SubmissionForm):
    """The upload page's form; the submission service decides what is accepted."""
