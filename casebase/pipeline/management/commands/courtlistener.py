"""``manage.py courtlistener``: import a docket from CourtListener, or update linked cases.

    manage.py courtlistener import --docket-id 68571705 [--case SLUG] [--no-pdfs]
    manage.py courtlistener import --court cand --docket-number 4:24-cv-04722
    manage.py courtlistener update [SLUG ...]

The token is read from COURTLISTENER_API_TOKEN (docs/courtlistener.md).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from casebase.knowledge.models import Case
from casebase.pipeline.courtlistener import (
    ImportReport,
    import_docket,
    linked_cases,
    update_case,
)
from casebase.sources.courtlistener import CourtListenerError


class Command(BaseCommand):
    help = "Import a docket from CourtListener (REST API v4), or update the cases linked to one."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        one = actions.add_parser("import", help="Import (or update) one docket.")
        one.add_argument("--docket-id", type=int, help="The docket's CourtListener id.")
        one.add_argument("--court", default="", help='CourtListener\'s court id, e.g. "cand".')
        one.add_argument("--docket-number", default="", help='e.g. "4:24-cv-04722".')
        one.add_argument("--case", default="", help="Import into this case (slug).")
        one.add_argument(
            "--no-pdfs",
            action="store_true",
            help="Do not download RECAP PDFs that CourtListener holds without their text.",
        )
        linked = actions.add_parser("update", help="Update cases linked to a docket.")
        linked.add_argument("slugs", nargs="*", help="Cases (all linked cases when none).")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "import":
            self._import(options)
        else:
            self._update(options["slugs"])

    def _import(self, options: dict[str, Any]) -> None:
        if options["docket_id"] is None and not (options["court"] and options["docket_number"]):
            raise CommandError("Give --docket-id, or --court with --docket-number.")
        case = None
        if options["case"]:
            case = Case.objects.filter(slug=options["case"]).first()
            if case is None:
                raise CommandError(f"No case with slug “{options['case']}”.")
        try:
            report = import_docket(
                docket_id=options["docket_id"],
                court=options["court"],
                docket_number=options["docket_number"],
                case=case,
                fetch_pdfs=not options["no_pdfs"],
            )
        except CourtListenerError as exc:
            raise CommandError(str(exc)) from exc
        self._report(report)

    def _update(self, slugs: list[str]) -> None:
        cases = linked_cases()
        if slugs:
            cases = Case.objects.filter(slug__in=slugs)
            missing = set(slugs) - set(cases.values_list("slug", flat=True))
            if missing:
                raise CommandError(f"No case with slug: {', '.join(sorted(missing))}")
        failed = 0
        for case in cases.order_by("pk"):
            try:
                self._report(update_case(case))
            except CourtListenerError as exc:
                failed += 1
                self.stderr.write(f"{case.short_name}: {exc}")
        if failed:
            raise CommandError(f"{failed} case(s) could not be updated.")

    def _report(self, report: ImportReport) -> None:
        created = " (new case)" if report.case_created else ""
        self.stdout.write(report.summary() + created)
        for warning in report.warnings:
            self.stdout.write(f"  warning: {warning}")
