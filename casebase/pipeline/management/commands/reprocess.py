"""``manage.py reprocess [--failed | --all | --outdated | ID...]``: queue documents again."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import QuerySet

from casebase.knowledge.history import as_command
from casebase.knowledge.models import Document, DocumentStatus
from casebase.pipeline.intake import IngestError, reprocess
from casebase.pipeline.processing import pipeline_version


class Command(BaseCommand):
    help = "Re-run processing: failed documents, all, those from an older pipeline, or by id."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("ids", nargs="*", type=int, help="Document ids.")
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--failed", action="store_true", help="Failed and needs-OCR ones.")
        group.add_argument("--all", action="store_true", help="Every document with text.")
        group.add_argument(
            "--outdated", action="store_true", help="Done with an older pipeline version."
        )

    @as_command("reprocess")
    def handle(self, *args: Any, **options: Any) -> None:
        documents = self._select(options)
        sent, refused = 0, []
        for document in documents.order_by("pk"):
            try:
                reprocess(document)
                sent += 1
            except IngestError as exc:
                refused.append(f"#{document.pk}: {exc}")
        self.stdout.write(f"queued again: {sent}")
        for line in refused:
            self.stdout.write(f"  skipped {line}")

    def _select(self, options: dict[str, Any]) -> QuerySet[Document]:
        documents = Document.objects.exclude(status=DocumentStatus.REFERENCE)
        if options["ids"]:
            found = documents.filter(pk__in=options["ids"])
            missing = set(options["ids"]) - set(found.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"No such document: {', '.join(map(str, sorted(missing)))}")
            return found
        if options["failed"]:
            return documents.filter(status__in=[DocumentStatus.FAILED, DocumentStatus.NEEDS_OCR])
        if options["outdated"]:
            return documents.filter(status=DocumentStatus.DONE).exclude(
                pipeline_version=pipeline_version()
            )
        if options["all"]:
            return documents.exclude(status__in=[DocumentStatus.QUEUED, DocumentStatus.PROCESSING])
        raise CommandError("Say which: --failed, --all, --outdated or document ids.")
