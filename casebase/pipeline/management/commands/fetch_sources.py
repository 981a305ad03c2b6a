"""``manage.py fetch_sources``: fetch the URLs of the citation records (docs/ingestion.md).

Sends one ``fetch_source`` task per due citation record (queue ``fetch``, polite per host).
Run eagerly (no broker, the embedded default) each fetch, and the processing that follows it,
happens before the bar moves on; with a broker the bar counts the tasks sent, and ``--wait``
follows them until none is pending. Re-running is safe: fetched documents are no longer citation
records, pending ones are not sent twice, failures wait for their retry time.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from casebase.knowledge.models import Document, FetchStatus
from casebase.pipeline.progress import Progress
from casebase.pipeline.source_fetching import due_sources, fetch_status_counts
from casebase.pipeline.tasks import send_source_fetches


class Command(BaseCommand):
    help = "Fetch the URL of every citation record, politely, and process what was fetched."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--limit", type=int, default=0, help="Fetch at most this many.")
        parser.add_argument(
            "--retry-failed",
            action="store_true",
            help="Also try again the ones that failed for good (404, paywall, robots.txt...).",
        )
        parser.add_argument(
            "--document", type=int, action="append", default=[], help="Only this document id."
        )
        parser.add_argument(
            "--wait",
            action="store_true",
            help="With a broker: wait until the fetches sent have finished.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        documents = due_sources(retry_failed=options["retry_failed"])
        if options["document"]:
            documents = documents.filter(pk__in=options["document"])
        if options["limit"]:
            documents = documents[: options["limit"]]
        chosen = list(documents.only("pk", "title"))
        titles = {document.pk: document.title for document in chosen}
        progress = Progress(len(chosen), self.stderr._out)

        def step(document_id: int) -> None:
            status = Document.objects.filter(pk=document_id).values_list("fetch_status", flat=True)
            progress.step(titles[document_id], FetchStatus(status.first() or "").label)

        ids = send_source_fetches(chosen, progress=step)
        if options["wait"]:
            self._wait(ids)
        counts = fetch_status_counts()
        summary = ", ".join(
            f"{FetchStatus(key).label.lower()}: {n}" for key, n in sorted(counts.items())
        )
        self.stdout.write(f"sent: {len(ids)}; {summary or 'no citation records'}")

    def _wait(self, ids: list[int]) -> None:
        progress = Progress(len(ids), self.stderr._out)
        left = set(ids)
        while left:
            done = set(
                Document.objects.filter(pk__in=left)
                .exclude(fetch_status=FetchStatus.PENDING)
                .values_list("pk", flat=True)
            )
            for document_id in sorted(done):
                progress.step(str(document_id), "done")
            left -= done
            if left:
                time.sleep(1)
