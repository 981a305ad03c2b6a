"""``manage.py requeue``: the stalled-documents sweep by hand (beat runs it every 5 min)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from casebase.pipeline.tasks import requeue_stalled


class Command(BaseCommand):
    help = "Send again documents left queued (broker down) or stuck processing past the timeout."

    def handle(self, *args: Any, **options: Any) -> None:
        ids = requeue_stalled()
        self.stdout.write(
            f"requeued: {len(ids)}" + (f" ({', '.join(map(str, ids))})" if ids else "")
        )
