"""``manage.py make_synthetic``: replace the SYNTHETIC benchmark corpus (see bench/synthetic.py)."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Generate a large, seeded, clearly marked synthetic corpus for benchmarks and query-count "
        "tests (replacing any previous one). Never use it as demo data; --clear only removes it."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--events", type=int, default=10_000)
        parser.add_argument("--entities", type=int, default=1_000)
        parser.add_argument("--documents", type=int, default=2_000)
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--clear", action="store_true", help="Only delete the synthetic rows.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            from bench.synthetic import clear_synthetic, make_synthetic
        except ImportError as exc:  # bench/ lives beside manage.py, not in the installed package
            raise CommandError(
                f"run this from the casebase checkout (bench/ not found): {exc}"
            ) from exc
        started = time.perf_counter()
        if options["clear"]:
            self.stdout.write(f"deleted {clear_synthetic()} synthetic rows")
            return
        try:
            counts = make_synthetic(
                events=options["events"],
                entities=options["entities"],
                documents=options["documents"],
                seed=options["seed"],
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
        seconds = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"synthetic corpus: {summary} ({seconds:.1f} s)"))
