"""The one submission function: every door (the upload page, the API, the admin's add form and
``manage.py ingest``) translates its input into a :class:`Submission` and calls :func:`submit`,
then shows the :class:`~casebase.sources.refusals.Refused` message it raises, if any.

The rules, the same on every door:

- exactly one of a file, pasted text or a URL (text or a URL of only spaces is not given);
- the title is optional: a file takes its name (an HTML page its own title), pasted text its
  first line, a URL the URL until the fetched page's title is known;
- ``source_url`` says where a file or text came from; for a URL submission it is the URL itself
  (a different source URL is refused rather than silently dropped);
- authors are a list of names (forms and the command take them separated by semicolons).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, BinaryIO

from casebase.pipeline.intake import (
    IngestResult,
    SubmissionMeta,
    ingest_bytes,
    ingest_text,
    ingest_url,
)
from casebase.sources.refusals import Refused
from casebase.sources.uploads import read_upload


@dataclass(frozen=True)
class Upload:
    """A file as a door received it: its name and a binary stream, read at most to the limit."""

    name: str
    stream: BinaryIO


@dataclass(frozen=True)
class Submission:
    """One submission: exactly one of ``file``, ``text`` or ``url``, and what is known about it."""

    file: Upload | None = None
    text: str | None = None
    url: str | None = None
    meta: SubmissionMeta = field(default_factory=SubmissionMeta)

    def given(self) -> list[str]:
        """The inputs given, named as messages name them."""
        named = [
            ("a file", self.file is not None),
            ("pasted text", bool(self.text and self.text.strip())),
            ("a URL", bool(self.url and self.url.strip())),
        ]
        return [name for name, present in named if present]


def split_authors(value: str) -> list[str]:
    """Authors typed in one field, separated by semicolons ("A. Writer; B. Writer")."""
    return [name.strip() for name in value.split(";") if name.strip()]


def submission_from_fields(data: Mapping[str, Any]) -> Submission:
    """A door's validated fields (the web/admin form's or the API serializer's, which share
    their names) as one :class:`Submission`. ``case`` is a slug or a Case; ``authors`` a list
    or one semicolon-separated string; ``file`` any uploaded file with a ``name``."""
    upload, case, authors = data.get("file"), data.get("case"), data.get("authors") or []
    return Submission(
        file=Upload(upload.name or "", upload) if upload is not None else None,
        text=data.get("text") or None,
        url=data.get("url") or None,
        meta=SubmissionMeta(
            kind=data["kind"],
            title=data.get("title") or "",
            publisher=data.get("publisher") or "",
            publisher_note=data.get("publisher_note") or "",
            source_url=data.get("source_url") or "",
            published=data.get("published") or None,
            case_slug=(case if isinstance(case, str) else case.slug) if case else None,
            docket_entry=data.get("docket_entry"),
            authors=split_authors(authors) if isinstance(authors, str) else list(authors),
        ),
    )


def submit(submission: Submission, *, user: Any = None, enqueue: bool = True) -> IngestResult:
    """Check ``submission`` and hand it to the ingestion service. Raises Refused."""
    given = submission.given()
    if not given:
        raise Refused("nothing_given")
    if len(given) > 1:
        raise Refused("several_given", given=" and ".join(given))
    meta = submission.meta
    if submission.file is not None:
        upload = submission.file
        data = read_upload(upload.stream, upload.name)
        return ingest_bytes(data, upload.name, meta, user=user, enqueue=enqueue)
    if submission.text is not None and submission.text.strip():
        return ingest_text(submission.text, meta, user=user, enqueue=enqueue)
    url = (submission.url or "").strip()
    source_url = meta.source_url.strip()
    if source_url and source_url != url:
        raise Refused("source_url_conflict")
    return ingest_url(url, replace(meta, source_url=url), user=user)
