"""``manage.py load_corpus [--dir fixtures]``: load the curated demo corpus (docs/corpus.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from casebase.corpus.loading import load_corpus
from casebase.corpus.schema import CorpusError
from casebase.knowledge.history import as_command


class Command(BaseCommand):
    help = "Validate fixtures/ and upsert the curated corpus by key (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dir", default=str(settings.CASEBASE_CORPUS_DIR), help="Corpus directory."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Validate and report, save nothing."
        )
        parser.add_argument(
            "--no-documents", action="store_true", help="Skip the documents with text."
        )
        parser.add_argument(
            "--no-process",
            action="store_true",
            help="Store documents with text without sending them to the pipeline.",
        )

    @as_command("load_corpus")
    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = load_corpus(
                Path(options["dir"]),
                submit_documents=not options["no_documents"],
                process=not options["no_process"],
                dry_run=options["dry_run"],
            )
        except CorpusError as exc:
            raise CommandError(str(exc)) from exc
        for line in report.lines():
            self.stdout.write(line)
        verdict = "changed" if report.changed else "already up to date"
        self.stdout.write(self.style.SUCCESS(f"corpus loaded from {options['dir']}: {verdict}"))
