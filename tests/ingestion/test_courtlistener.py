"""Importing a docket from CourtListener's REST API v4, against recorded answers in the real
API's shape served by a local HTTP server (tests/data/courtlistener.py)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import feedparser
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client, override_settings
from django.utils import timezone

from casebase.curation import review
from casebase.knowledge.models import (
    Case,
    CaseParty,
    Document,
    DocumentStatus,
    Event,
    Evidence,
    ReviewStatus,
)
from casebase.pipeline import docket_tasks
from casebase.pipeline.courtlistener import (
    cases_due,
    document_kind,
    entry_event_kind,
    event_title,
    import_docket,
)
from casebase.sources.courtlistener import CourtListenerClient, CourtListenerError
from tests.data import courtlistener as recorded
from tests.data.courtlistener import DOCKET_ID, CourtListenerServer, serve_courtlistener
from tests.factories import EditorFactory

# One import: the docket, its court, parties, two pages of entries, clusters, one opinion.
CALLS = 7


@pytest.fixture
def courtlistener(settings: Any) -> Iterator[CourtListenerServer]:
    with serve_courtlistener() as server:
        settings.COURTLISTENER_API_URL = server.api
        settings.COURTLISTENER_API_TOKEN = "test-token"
        settings.COURTLISTENER_STORAGE_URL = f"{server.base}/storage/"
        settings.COURTLISTENER_SITE_URL = "https://www.courtlistener.com"
        settings.CASEBASE_FETCH_ALLOWED_ADDRESSES = ["127.0.0.1"]
        yield server


@pytest.fixture
def imports_inline(run_tasks_inline: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    """The import task runs in this process when it is sent (as processing does)."""
    monkeypatch.setattr(
        docket_tasks, "send_courtlistener_import", docket_tasks.fetch_courtlistener_docket.run
    )


def entry_document(number: int) -> Document:
    return Document.objects.get(courtlistener_key__startswith="docket-entry:", docket_entry=number)


def imported_event(date: dt.date) -> Event:
    return Event.objects.get(date=date, fingerprint__startswith="courtlistener-entry:")


def counts() -> tuple[int, ...]:
    """Cases, documents, imported events and their evidence, parties."""
    imported = Event.objects.filter(fingerprint__startswith="courtlistener-entry:")
    return (
        Case.objects.count(),
        Document.objects.count(),
        imported.count(),
        Evidence.objects.filter(event__in=imported).count(),
        CaseParty.objects.count(),
    )


def test_a_docket_is_imported_with_its_entries_parties_and_opinion(
    courtlistener: CourtListenerServer, run_tasks_inline: list[int]
) -> None:
    report = import_docket(docket_id=DOCKET_ID)
    assert report.api_calls == CALLS and report.warnings == []
    assert all(
        auth == "Token test-token" for path, auth in courtlistener.requests if "/api/" in path
    )

    case = Case.objects.get(courtlistener_id=DOCKET_ID)
    assert report.case_created and case.caption == "Example v. Beta Labs, Inc."
    assert case.court == "District Court, N.D. California" and case.courtlistener_court == "cand"
    assert case.docket_number == "4:99-cv-00001" and case.filed_on == dt.date(2099, 1, 2)
    assert case.judge_note == "Jane Q. Judgeperson (assigned)"
    assert [j.name for j in case.judges.all()] == ["Jane Q. Judgeperson"]
    roles = {(p.entity.name, p.role) for p in case.parties.select_related("entity")}
    assert roles == {
        ("Alice Example", "plaintiff"),
        ("Alice Example", "counter_defendant"),
        ("Beta Labs, Inc.", "defendant"),
    }

    # Every entry is a document of the case, with its number, date and links.
    complaint = entry_document(1)
    assert complaint.status == DocumentStatus.DONE, complaint.error  # its RECAP text, analysed
    assert "trained its model on the outputs" in complaint.text
    assert complaint.kind == "complaint" and complaint.source_kind == "court_record"
    assert complaint.published_on == dt.date(2099, 1, 2) and complaint.case == case
    details = complaint.metadata["courtlistener"]
    assert details["entry_number"] == 1 and details["recap_document_id"] == 440001
    assert details["ecf_url"] == "https://ecf.cand.uscourts.gov/doc1/0350440001"
    assert complaint.source_url == (
        "https://www.courtlistener.com/docket/990001/1/example-v-beta-labs/"
    )
    motion = entry_document(12)  # CourtListener does not hold it: a citation record
    assert motion.status == DocumentStatus.REFERENCE and motion.kind == "motion"
    assert motion.published_on == dt.date(2099, 1, 20)
    hearing = entry_document(20)
    assert hearing.source_url.endswith("/docket/990001/example-v-beta-labs/#entry-20")
    # The attachment CourtListener holds without text: its PDF, from storage, analysed.
    exhibit = Document.objects.get(courtlistener_key="recap-document:440002")
    assert exhibit.docket_entry == 1 and exhibit.status == DocumentStatus.DONE, exhibit.error
    assert "ORDER GRANTING IN PART" in exhibit.text
    assert any(path.startswith("/storage/recap/") for path, _ in courtlistener.requests)
    opinion = Document.objects.get(courtlistener_key="opinion:990501")
    assert opinion.kind == "opinion" and opinion.status == DocumentStatus.DONE
    assert opinion.title == "Example v. Beta Labs, Inc.: opinion (Judgeperson)"

    # Events: the hearing and the ruling, sourced and awaiting review; filings are not events.
    imported = Event.objects.filter(case=case, fingerprint__startswith="courtlistener-entry:")
    events = {e.date: e for e in imported}
    assert set(events) == {dt.date(2099, 2, 12), dt.date(2099, 2, 20)}
    ruling = events[dt.date(2099, 2, 20)]
    assert ruling.title == "Order granting in part and denying in part motion to Dismiss"
    assert ruling.review_status == ReviewStatus.EXTRACTED and ruling.origin == "extracted"
    assert ruling.evidence.get().document == entry_document(25)
    assert report.events_created == 2 and sorted(report.new_entries) == [1, 12, 20, 25]

    # The reader keeps the ECF link; the case page links the docket on CourtListener.
    page = Client().get(complaint.get_absolute_url()).content.decode()
    assert "From CourtListener, docket entry 1" in page
    assert 'href="https://ecf.cand.uscourts.gov/doc1/0350440001"' in page
    page = Client().get(case.get_absolute_url()).content.decode()
    assert 'href="https://www.courtlistener.com/docket/990001/"' in page


def test_a_re_import_updates_and_never_duplicates(
    courtlistener: CourtListenerServer, run_tasks_inline: list[int]
) -> None:
    first = import_docket(docket_id=DOCKET_ID)
    before = counts()
    case = first.case
    assert case is not None
    # An editor renames the case and a document, rejects the hearing event and picks a filing.
    Case.objects.filter(pk=case.pk).update(
        short_name="Example (edited)", courtlistener_show_entries=[12]
    )
    motion = entry_document(12)
    hearing_event = imported_event(dt.date(2099, 2, 12))
    Event.objects.filter(pk=hearing_event.pk).update(review_status=ReviewStatus.REJECTED)
    complaint = entry_document(1)
    Document.objects.filter(pk=complaint.pk).update(
        title="Complaint (edited)", metadata={**complaint.metadata, "title_source": "user"}
    )
    # Meanwhile the motion's text arrived on CourtListener, and a new entry was filed.
    courtlistener.entries[1]["recap_documents"][0].update(
        is_available=True, plain_text=recorded.ORDER_TEXT.replace("ORDER", "MOTION")
    )
    courtlistener.entries.append(
        recorded.docket_entry(550005, 26, "2099-02-21", "NOTICE OF APPEAL by Beta Labs.", [])
    )

    second = import_docket(docket_id=DOCKET_ID)
    assert second.case == case and not second.case_created
    assert second.new_entries == [26]
    case.refresh_from_db()
    assert case.short_name == "Example (edited)"  # kept
    assert Case.objects.count() == 1 and CaseParty.objects.count() == before[4]
    # one new document (entry 26); the motion's citation record got its text in place
    assert Document.objects.count() == before[1] + 1
    motion.refresh_from_db()
    assert motion.status == DocumentStatus.DONE, motion.error
    assert "MOTION GRANTING" in motion.text and second.texts_queued == 1
    assert entry_document(1).title == "Complaint (edited)"
    # the rejected event stays rejected and alone; the editors' chosen filing became an event
    assert imported_event(dt.date(2099, 2, 12)).pk == hearing_event.pk
    assert Event.objects.get(pk=hearing_event.pk).review_status == ReviewStatus.REJECTED
    chosen = imported_event(dt.date(2099, 1, 20))
    assert chosen.evidence.get().document == motion
    assert counts()[2] == before[2] + 1

    third = import_docket(docket_id=DOCKET_ID)
    assert third.new_entries == [] and third.events_created == 0
    assert counts()[:4] == (1, before[1] + 1, before[2] + 1, before[3] + 1)


def test_a_docket_is_found_by_court_and_number(
    courtlistener: CourtListenerServer, run_tasks_inline: list[int]
) -> None:
    report = import_docket(court="cand", docket_number="4:99-cv-00001")
    assert report.case is not None and report.case.courtlistener_id == DOCKET_ID
    assert "/api/rest/v4/dockets/?court=cand&docket_number=4%3A99-cv-00001" in [
        path for path, _ in courtlistener.requests
    ]
    with pytest.raises(CourtListenerError, match="has no docket 1:00-cv-1"):
        import_docket(court="cand", docket_number="1:00-cv-1")


def test_a_docket_is_imported_into_one_case_only(
    courtlistener: CourtListenerServer, run_tasks_inline: list[int], case_factory: Any
) -> None:
    elsewhere = case_factory(slug="elsewhere", courtlistener_id=123)
    with pytest.raises(CourtListenerError, match="linked to CourtListener docket 123"):
        import_docket(docket_id=DOCKET_ID, case=elsewhere)
    first = import_docket(docket_id=DOCKET_ID)
    other = case_factory(slug="other")
    with pytest.raises(CourtListenerError, match="already the docket of “Example”"):
        import_docket(docket_id=DOCKET_ID, case=other)
    assert first.case is not None and Case.objects.filter(courtlistener_id=DOCKET_ID).count() == 1


def test_refused_recap_endpoints_leave_the_docket_and_its_opinions(
    courtlistener: CourtListenerServer, run_tasks_inline: list[int]
) -> None:
    courtlistener.forbidden = {"docket-entries", "parties"}
    report = import_docket(docket_id=DOCKET_ID)
    assert report.case is not None and report.case.docket_number == "4:99-cv-00001"
    assert len(report.warnings) == 2
    assert all("granted RECAP API access" in warning for warning in report.warnings)
    assert Document.objects.filter(courtlistener_key="opinion:990501").exists()
    assert not Document.objects.filter(courtlistener_key__startswith="docket-entry:").exists()


def test_no_token_no_request(courtlistener: CourtListenerServer, settings: Any) -> None:
    settings.COURTLISTENER_API_TOKEN = ""
    with pytest.raises(CourtListenerError, match="COURTLISTENER_API_TOKEN"):
        import_docket(docket_id=DOCKET_ID)
    assert courtlistener.requests == []


def test_loopback_is_refused_without_the_test_only_setting(
    courtlistener: CourtListenerServer, settings: Any
) -> None:
    settings.CASEBASE_FETCH_ALLOWED_ADDRESSES = []
    with pytest.raises(CourtListenerError, match="private, loopback"):
        import_docket(docket_id=DOCKET_ID)
    assert courtlistener.requests == []


def test_links_are_followed_only_under_the_api_base(settings: Any) -> None:
    client = CourtListenerClient(base_url="http://127.0.0.1:9/api/rest/v4/", token="t")
    assert client.url_for("https://www.courtlistener.com/api/rest/v4/opinions/5/") == (
        "http://127.0.0.1:9/api/rest/v4/opinions/5/"
    )
    assert client.url_for(f"{recorded.API}docket-entries/?cursor=x&docket=1").endswith(
        "/api/rest/v4/docket-entries/?cursor=x&docket=1"
    )
    with pytest.raises(CourtListenerError, match="Not a CourtListener API link"):
        client.url_for("http://169.254.169.254/latest/meta-data/")


@pytest.mark.parametrize(
    ("description", "kind"),
    [
        ("ORDER GRANTING [12] MOTION to Dismiss. Signed by Judge X.", "ruling"),
        ("AMENDED ORDER re case schedule.", "ruling"),
        ("JUDGMENT in favor of defendant.", "ruling"),
        ("Minute Entry for proceedings held before Judge X: Status Conference.", "hearing"),
        ("Motion Hearing held on 2/12/2099.", "hearing"),
        ("MOTION to Dismiss filed by Beta Labs. Motion Hearing set for 2/12/2099.", None),
        ("Proposed ORDER re motion, filed by Beta Labs.", None),
        ("NOTICE of Appearance by A. Lawyer.", None),
    ],
)
def test_which_entries_are_rulings_or_hearings(description: str, kind: str | None) -> None:
    assert entry_event_kind(description) == kind


def test_titles_and_kinds_from_descriptions() -> None:
    assert event_title(
        "ORDER GRANTING IN PART [12] MOTION to Dismiss. Signed by Judge X on 2/20/2099."
    ) == ("Order granting in part motion to Dismiss")
    assert document_kind("COMPLAINT against Beta Labs") == "complaint"
    assert document_kind("MOTION to Dismiss") == "motion"
    assert document_kind("ADMINISTRATIVE MOTION to File Under Seal") == "motion"
    assert document_kind("TRANSCRIPT of Proceedings") == "transcript"
    assert document_kind("ORDER re schedule") == "order"
    assert document_kind("NOTICE of Appearance") == "other"


def test_the_command_imports_and_updates(
    courtlistener: CourtListenerServer, run_tasks_inline: list[int], capsys: Any
) -> None:
    call_command("courtlistener", "import", "--docket-id", str(DOCKET_ID), "--no-pdfs")
    out = capsys.readouterr().out
    assert "Example: 4 docket entries, 1 opinions" in out and "(new case)" in out
    assert f"{CALLS} API calls" in out
    # --no-pdfs: the attachment held without text stays a citation record
    exhibit = Document.objects.get(courtlistener_key="recap-document:440002")
    assert exhibit.status == DocumentStatus.REFERENCE
    call_command("courtlistener", "update")
    out = capsys.readouterr().out
    assert "0 new events" in out
    case = Case.objects.get()
    assert case.docket_checked_at is not None
    assert case.docket_check_note.startswith("0 new docket entries; 0 new events")
    with pytest.raises(CommandError, match="--docket-id, or --court"):
        call_command("courtlistener", "import", "--court", "cand")


def test_the_admin_action_imports_a_linked_case(
    courtlistener: CourtListenerServer, imports_inline: None, case_factory: Any
) -> None:
    linked = case_factory(slug="example", courtlistener_court="cand", docket_number="4:99-cv-00001")
    unlinked = case_factory(slug="other")
    client = Client()
    client.force_login(EditorFactory.create())
    response = client.post(
        "/admin/knowledge/case/",
        {"action": "import_from_courtlistener", "_selected_action": [linked.pk, unlinked.pk]},
        follow=True,
    )
    page = response.content.decode()
    assert "CourtListener import queued for 1 case(s)" in page
    assert "1 case(s) have no CourtListener docket id" in page
    linked.refresh_from_db()
    assert linked.courtlistener_id == DOCKET_ID and linked.docket_checked_at is not None
    assert "4 new docket entries (1, 12, 20, 25)" in linked.docket_check_note
    assert Document.objects.filter(case=linked).count() == 6


# --- dockets stay in sync (issue 15 item 4) ---------------------------------------------------


def test_due_cases_follow_each_case_schedule(case_factory: Any) -> None:
    now = timezone.now()
    never_checked = case_factory(slug="a", courtlistener_id=1)
    recent = case_factory(
        slug="b", courtlistener_id=2, docket_checked_at=now - dt.timedelta(hours=2)
    )
    stale = case_factory(
        slug="c",
        courtlistener_court="cand",
        docket_number="4:99-cv-00003",
        docket_checked_at=now - dt.timedelta(hours=7),
    )
    hourly = case_factory(
        slug="d",
        courtlistener_id=4,
        docket_sync_hours=1,
        docket_checked_at=now - dt.timedelta(hours=2),
    )
    case_factory(slug="e", courtlistener_id=5, docket_sync_hours=0)  # never
    case_factory(slug="f", docket_number="4:99-cv-00006")  # not linked
    assert [c.slug for c in cases_due(now)] == ["a", "c", "d"]
    for case in (never_checked, stale, hourly):
        case.refresh_from_db()
        assert case.docket_checked_at == now and case.docket_check_note == "Check queued."
    recent.refresh_from_db()
    assert recent.docket_check_note == ""
    assert cases_due(now + dt.timedelta(minutes=15)) == []  # queued once, not at every beat


def test_the_beat_task_imports_due_dockets_and_says_what_it_found(
    courtlistener: CourtListenerServer, imports_inline: None, case_factory: Any
) -> None:
    case = case_factory(slug="example", courtlistener_id=DOCKET_ID)
    assert docket_tasks.sync_courtlistener_dockets.run() == [case.pk]
    case.refresh_from_db()
    assert case.docket_check_note == (
        "4 new docket entries (1, 12, 20, 25); 2 new events awaiting review; 7 API calls"
    )
    assert docket_tasks.sync_courtlistener_dockets.run() == []  # not due again for 6 hours

    courtlistener.entries.append(
        recorded.docket_entry(
            550006, 27, "2099-03-01", "ORDER setting a case management conference.", []
        )
    )
    Case.objects.filter(pk=case.pk).update(
        docket_checked_at=timezone.now() - dt.timedelta(hours=6, minutes=1)
    )
    assert docket_tasks.sync_courtlistener_dockets.run() == [case.pk]
    case.refresh_from_db()
    assert case.docket_check_note.startswith("1 new docket entry (27); 1 new event awaiting")
    new = imported_event(dt.date(2099, 3, 1))
    assert new.review_status == ReviewStatus.EXTRACTED  # queued for review
    page = Client().get(case.get_absolute_url()).content.decode()
    assert "Docket checked" in page and "1 new docket entry (27)" in page

    with override_settings(COURTLISTENER_API_TOKEN=""):
        assert docket_tasks.fetch_courtlistener_docket.run(case.pk).startswith(
            "failed: No CourtListener API token"
        )
    case.refresh_from_db()
    assert case.docket_check_note.startswith("Failed: No CourtListener API token")
    assert case.docket_checked_at is not None


@pytest.mark.parametrize(("value", "scheduled"), [("", False), ("0", False), ("1", True)])
def test_the_sync_beat_entry_is_off_unless_turned_on(value: str, scheduled: bool) -> None:
    env = {k: v for k, v in os.environ.items() if k != "CASEBASE_DOCKET_SYNC"}
    if value:
        env["CASEBASE_DOCKET_SYNC"] = value
    code = (
        "from casebase.settings import base; "
        "print('sync-courtlistener-dockets' in base.CELERY_BEAT_SCHEDULE)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == str(scheduled)


def test_a_synced_ruling_reaches_the_case_feed_once_approved(
    courtlistener: CourtListenerServer, imports_inline: None, case_factory: Any
) -> None:
    case = case_factory(slug="example", courtlistener_id=DOCKET_ID)
    docket_tasks.sync_courtlistener_dockets.run()
    ruling = imported_event(dt.date(2099, 2, 20))

    def feed_titles() -> list[str]:
        body = Client().get(f"/feeds/cases/{case.slug}/").content
        return [entry.title for entry in feedparser.parse(body).entries]

    assert not any(ruling.title in title for title in feed_titles())  # awaiting review
    review.decide(Event.objects.filter(pk=ruling.pk), ReviewStatus.APPROVED, EditorFactory.create())
    assert any(ruling.title in title for title in feed_titles())
