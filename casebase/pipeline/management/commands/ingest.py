"""``manage.py ingest PATH... [--kind] [--case] [--published] [--publisher] [--title] [--url]
[--authors]``.

Submits files, folders (recursively) and URLs through the submission service (a JSON file
holding several documents through the bulk JSON import), shows progress,
then sends the new documents for processing in batches (one ``nlp.pipe`` per batch) and prints
a summary: created, de-duplicated and failed, with reasons.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from io import BytesIO
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from casebase.knowledge.history import as_command
from casebase.knowledge.models import Document, DocumentKind
from casebase.pipeline.intake import IngestResult, SubmissionMeta, ingest_json
from casebase.pipeline.progress import Progress
from casebase.pipeline.submission import Submission, Upload, split_authors, submit
from casebase.pipeline.tasks import process_documents
from casebase.sources.refusals import Refused
from casebase.sources.sniff import JSON, sniff_media_type
from casebase.sources.uploads import read_upload

Outcome = IngestResult | Refused | OSError


def expand(paths: list[str]) -> Iterator[str]:
    """URLs (anything with "://") as given, for the submission service to check; files;
    folders walked recursively in name order (hidden files skipped)."""
    for raw in paths:
        if _is_url(raw):
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(p.startswith(".") for p in child.parts):
                    yield str(child)
        else:
            yield raw


class Command(BaseCommand):
    help = "Ingest files, folders and URLs (PDF, HTML, text, JSON import)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="Files, folders or http(s) URLs.")
        parser.add_argument("--kind", default="other", choices=DocumentKind.values)
        parser.add_argument("--case", dest="case_slug", help="Slug of the case it belongs to.")
        parser.add_argument("--published", help="Publication date: YYYY, YYYY-MM or YYYY-MM-DD.")
        parser.add_argument("--publisher", default="")
        parser.add_argument("--title", default="", help="Title (default: from the file).")
        parser.add_argument("--url", default="", help="Source URL of a file (citation link).")
        parser.add_argument("--authors", default="", help="Authors, separated by semicolons.")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=settings.CASEBASE_NLP_BATCH_SIZE,
            help="Documents per processing task (one nlp.pipe batch).",
        )

    @as_command("ingest")
    def handle(self, *args: Any, **options: Any) -> None:
        meta = SubmissionMeta(
            kind=options["kind"],
            title=options["title"],
            publisher=options["publisher"],
            source_url=options["url"],
            published=options["published"],
            case_slug=options["case_slug"],
            authors=split_authors(options["authors"]),
            reviewed=True,  # an operator's command: published without review
        )
        items = list(expand(options["paths"]))
        if not items:
            raise CommandError("Nothing to ingest.")
        tally: Counter[str] = Counter()
        failures: list[tuple[str, str]] = []
        created: list[int] = []
        notices: list[tuple[str, str]] = []
        progress = Progress(len(items), self.stderr._out)
        for item in items:
            outcomes = self._submit(item, meta)
            for outcome in outcomes:
                if isinstance(outcome, Refused):
                    tally["failed"] += 1
                    failures.append((item, outcome.message))
                elif isinstance(outcome, OSError):
                    tally["failed"] += 1
                    failures.append((item, str(outcome.strerror or outcome)))
                elif outcome.created:
                    tally["created"] += 1
                    if outcome.document.status == "queued" and outcome.document.original:
                        created.append(outcome.document.pk)
                else:
                    tally["de-duplicated"] += 1
                    notices.append((item, outcome.notice))
            progress.step(item, "failed" if failures and failures[-1][0] == item else "ok")
        self._process(created, max(1, options["batch_size"]))
        self._summary(tally, failures, notices, created)

    def _submit(self, item: str, meta: SubmissionMeta) -> list[Outcome]:
        """``item`` as a Submission (a bulk JSON import gives one outcome per document)."""
        try:
            if _is_url(item):
                # --url names the source of the files; a URL argument is its own source
                return [submit(Submission(url=item, meta=replace(meta, source_url="")))]
            path = Path(item)
            with path.open("rb") as handle:
                data = read_upload(handle, path.name)
            if _is_json(data):
                return list(ingest_json(data, meta, enqueue=False))
            upload = Upload(path.name, BytesIO(data))
            return [submit(Submission(file=upload, meta=meta), enqueue=False)]
        except (Refused, OSError) as exc:
            return [exc]

    def _process(self, ids: list[int], batch_size: int) -> None:
        for start in range(0, len(ids), batch_size):
            process_documents.delay(ids[start : start + batch_size])

    def _summary(
        self,
        tally: Counter[str],
        failures: list[tuple[str, str]],
        notices: list[tuple[str, str]],
        ids: list[int],
    ) -> None:
        self.stdout.write(
            f"created: {tally['created']}, de-duplicated: {tally['de-duplicated']}, "
            f"failed: {tally['failed']}"
        )
        for item, reason in failures:
            self.stdout.write(f"  failed: {item}: {reason}")
        for item, notice in notices:
            self.stdout.write(f"  de-duplicated: {item}: {notice}")
        if not ids:
            return
        statuses = Counter(Document.objects.filter(pk__in=ids).values_list("status", flat=True))
        self.stdout.write(
            "processing: " + ", ".join(f"{status} {n}" for status, n in sorted(statuses.items()))
        )
        for document in Document.objects.filter(pk__in=ids, status__in=["failed", "needs_ocr"]):
            self.stdout.write(
                f"  {document.status}: #{document.pk} {document.title}: {document.error}"
            )


def _is_json(data: bytes) -> bool:
    try:
        return sniff_media_type(data) == JSON
    except ValueError:
        return False


def _is_url(item: str) -> bool:
    return "://" in item
