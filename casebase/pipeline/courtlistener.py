"""Importing a CourtListener docket: the case, its parties, its docket entries as documents,
rulings and hearings as events, and the opinions' text (docs/courtlistener.md).

The client (``casebase.sources.courtlistener``) reads the API; this module persists what it read.
Every record is matched by its CourtListener key (``Document.courtlistener_key``: docket-entry:ID,
recap-document:ID, opinion:ID; ``Case.courtlistener_id``; events by fingerprint), so a re-import
updates and never duplicates. Documents with text go through the one submission function; entries
without a document CourtListener holds are citation records (status ``reference``) on the case's
docket table, and get their text when a later import finds it. Values an editor set are kept: an
import fills only what is blank, and a rejected event never comes back.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.text import slugify

from casebase.analysis.types import FoundEntity
from casebase.knowledge.history import update_with_history
from casebase.knowledge.models import (
    Case,
    CaseParty,
    Document,
    DocumentKind,
    DocumentStatus,
    EntityKind,
    Event,
    Evidence,
    Origin,
    PartyRole,
    ReviewStatus,
    SourceKind,
)
from casebase.knowledge.models.choices import CaseStatus, Confidence
from casebase.pipeline.intake import SubmissionMeta, attach_original
from casebase.pipeline.storing import EntityResolver
from casebase.pipeline.submission import Submission, Upload, submit
from casebase.sources import courtlistener as cl
from casebase.sources.errors import SourceError
from casebase.sources.fetch import fetch_url

logger = logging.getLogger(__name__)
TITLE_CHARS = 200
EVENT_TITLE_CHARS = 140

# What a docket entry's description starts with when the court ruled, and the words of a hearing.
RULING = re.compile(
    r"^\W*(?:(?:AMENDED|FINAL|PARTIAL|SEALED|CORRECTED)\s+)*"
    r"(?:ORDER|OPINION|MEMORANDUM\s+(?:AND\s+)?(?:OPINION|ORDER|DECISION)|JUDGMENT|DECISION|"
    r"VERDICT|MANDATE)\b",
    re.IGNORECASE,
)
HEARING = re.compile(
    r"\b(?:minute\s+entry\s+for\s+proceedings\s+held|hearing\s+held|"
    r"(?:motion|status|pretrial|case\s+management)\s+(?:hearing|conference)\s+held|"
    r"(?:jury|bench)\s+trial\s+(?:held|begun|completed)|oral\s+argument\s+held)\b",
    re.IGNORECASE,
)
KIND_WORDS = (
    (re.compile(r"^\W*(?:AMENDED\s+)?COMPLAINT\b", re.I), DocumentKind.COMPLAINT),
    (re.compile(r"^\W*(?:\w+\s+){0,3}MOTION\b", re.I), DocumentKind.MOTION),
    (re.compile(r"^\W*TRANSCRIPT\b", re.I), DocumentKind.TRANSCRIPT),
    (
        re.compile(r"^\W*(?:\w+\s+)?(?:OPINION|MEMORANDUM\s+(?:AND\s+)?OPINION)\b", re.I),
        DocumentKind.OPINION,
    ),
    (RULING, DocumentKind.ORDER),
)
PARTY_ROLES = {
    "plaintiff": PartyRole.PLAINTIFF,
    "defendant": PartyRole.DEFENDANT,
    "counter-claimant": PartyRole.COUNTER_CLAIMANT,
    "counter claimant": PartyRole.COUNTER_CLAIMANT,
    "counterclaimant": PartyRole.COUNTER_CLAIMANT,
    "counter-defendant": PartyRole.COUNTER_DEFENDANT,
    "counter defendant": PartyRole.COUNTER_DEFENDANT,
    "counterdefendant": PartyRole.COUNTER_DEFENDANT,
    "appellant": PartyRole.APPELLANT,
    "appellee": PartyRole.APPELLEE,
    "petitioner": PartyRole.PETITIONER,
    "respondent": PartyRole.RESPONDENT,
    "intervenor": PartyRole.INTERVENOR,
    "amicus": PartyRole.AMICUS,
}
ORGANIZATION_WORDS = re.compile(
    r"\b(?:inc|llc|l\.l\.c|corp|corporation|company|co|ltd|lp|llp|foundation|association|"
    r"university|bank|group|holdings|partners|department|agency|united states|state of)\b\.?",
    re.IGNORECASE,
)


@dataclass
class ImportReport:
    """What one import did, and what it cost in API calls."""

    case: Case | None = None
    case_created: bool = False
    api_calls: int = 0
    entries: int = 0
    opinions: int = 0
    documents_created: int = 0
    documents_updated: int = 0
    texts_queued: int = 0
    events_created: int = 0
    new_entries: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        name = self.case.short_name if self.case else "no case"
        return (
            f"{name}: {self.entries} docket entries, {self.opinions} opinions; documents "
            f"{self.documents_created} new, {self.documents_updated} updated, {self.texts_queued} "
            f"with text queued for analysis; {self.events_created} new events awaiting review; "
            f"{self.api_calls} API calls"
        )


@dataclass(frozen=True)
class Record:
    """One document to create or update, as read from CourtListener."""

    key: str
    title: str
    kind: str
    published: dt.date | None
    docket_entry: int | None
    source_url: str
    details: dict[str, Any]
    text: str = ""
    html: str = ""
    pdf_path: str = ""


# --- the import -------------------------------------------------------------------------------


def import_docket(
    *,
    docket_id: int | None = None,
    court: str = "",
    docket_number: str = "",
    case: Case | None = None,
    client: cl.CourtListenerClient | None = None,
    fetch_pdfs: bool = True,
) -> ImportReport:
    """Import (or update) one docket, named by its CourtListener id or by court and number.
    Raises CourtListenerError when the docket itself cannot be read."""
    client = client or cl.CourtListenerClient()
    report = ImportReport()
    if docket_id is not None:
        docket = client.docket(docket_id)
    elif court and docket_number:
        docket = client.find_docket(court, docket_number)
    else:
        raise cl.CourtListenerError("Name the docket: its CourtListener id, or court and number.")
    court_name = docket.court_id
    try:
        court_name = client.court(docket.court_id).full_name or court_name
    except cl.CourtListenerError as exc:
        report.warnings.append(f"court: {exc}")
    parties = _optional(report, "parties", lambda: client.parties(docket.id), [])
    entries = _optional(report, "docket entries", lambda: client.docket_entries(docket.id), [])
    opinions = _optional(report, "opinions", lambda: _opinions(client, docket), [])
    report.entries, report.opinions = len(entries), len(opinions)

    with transaction.atomic():
        report.case, report.case_created = _case(docket, court_name, case)
        _parties(report.case, docket, parties, report)
    known = set(
        Document.objects.filter(case=report.case, courtlistener_key__startswith="docket-entry:")
        .exclude(docket_entry=None)
        .values_list("docket_entry", flat=True)
    )
    shown = {int(n) for n in report.case.courtlistener_show_entries or [] if str(n).isdigit()}
    for entry in entries:
        records = entry_records(docket, entry)
        documents = [_upsert(record, report.case, report, fetch_pdfs) for record in records]
        main = documents[0] if documents else None
        if entry.entry_number is not None and entry.entry_number not in known:
            report.new_entries.append(entry.entry_number)
        if main is not None and _shown(entry, shown):
            _event(report.case, entry, main, report)
    for cluster, opinion in opinions:
        _upsert(opinion_record(docket, cluster, opinion), report.case, report, fetch_pdfs)
    report.api_calls = client.calls
    return report


def update_case(case: Case, client: cl.CourtListenerClient | None = None) -> ImportReport:
    """Import the docket linked to ``case`` (by its CourtListener id, else its CourtListener
    court and docket number) and record when it was checked and what the check found."""
    try:
        if case.courtlistener_id:
            report = import_docket(docket_id=case.courtlistener_id, case=case, client=client)
        elif case.courtlistener_court and case.docket_number:
            report = import_docket(
                court=case.courtlistener_court,
                docket_number=case.docket_number,
                case=case,
                client=client,
            )
        else:
            raise cl.CourtListenerError(
                "The case has no CourtListener docket id, nor a CourtListener court id with its "
                "docket number."
            )
    except cl.CourtListenerError as exc:
        note = f"Failed: {exc}"
        update_with_history(
            Case.objects.filter(pk=case.pk),
            docket_checked_at=timezone.now(),
            docket_check_note=note[:500],
        )
        raise
    found = report.new_entries
    note = (
        f"{len(found)} new docket entr{'y' if len(found) == 1 else 'ies'}"
        + (f" ({', '.join(map(str, found[:20]))})" if found else "")
        + f"; {report.events_created} new event{'' if report.events_created == 1 else 's'} "
        + f"awaiting review; {report.api_calls} API calls"
        + (f"; {len(report.warnings)} warnings" if report.warnings else "")
    )
    update_with_history(
        Case.objects.filter(pk=case.pk),
        docket_checked_at=timezone.now(),
        docket_check_note=note[:500],
    )
    return report


def linked_cases() -> QuerySet[Case]:
    """Cases linked to a CourtListener docket: by its id, or by court id and docket number."""
    by_number = Q(docket_number__gt="") & Q(courtlistener_court__gt="")
    return Case.objects.filter(Q(courtlistener_id__isnull=False) | by_number)


def cases_due(now: dt.datetime | None = None) -> list[Case]:
    """Linked cases whose own schedule (every ``docket_sync_hours``; 0 never) is due, and
    marks them as being checked (so the next beat does not queue them again meanwhile)."""
    now = now or timezone.now()
    due = []
    for case in linked_cases().filter(docket_sync_hours__gt=0).order_by("pk"):
        last = case.docket_checked_at
        if last is None or last <= now - dt.timedelta(hours=case.docket_sync_hours):
            updated = update_with_history(
                Case.objects.filter(pk=case.pk, docket_checked_at=last),
                docket_checked_at=now,
                docket_check_note="Check queued.",
            )
            if updated:
                due.append(case)
    return due


def _optional(report: ImportReport, what: str, read: Any, default: Any) -> Any:
    """Read a part of the docket; a refusal (403 for RECAP endpoints) is a warning."""
    try:
        return read()
    except cl.CourtListenerError as exc:
        report.warnings.append(f"{what}: {exc}")
        return default


def _opinions(
    client: cl.CourtListenerClient, docket: cl.Docket
) -> list[tuple[cl.Cluster, cl.Opinion]]:
    found: list[tuple[cl.Cluster, cl.Opinion]] = []
    for cluster in client.clusters(docket):
        found.extend((cluster, client.opinion(link)) for link in cluster.opinion_urls)
    return found


# --- the case and its parties -----------------------------------------------------------------


def _case(docket: cl.Docket, court_name: str, given: Case | None) -> tuple[Case, bool]:
    """The case to import into: the one given, the one linked to the docket, one with the same
    docket number, or a new one. Only blank fields are filled."""
    case = (
        given
        or Case.objects.filter(courtlistener_id=docket.id).first()
        or (
            Case.objects.filter(docket_number=docket.docket_number, courtlistener_id=None)
            .filter(courtlistener_court__in=["", docket.court_id])
            .first()
            if docket.docket_number
            else None
        )
    )
    if given is not None:
        other = Case.objects.filter(courtlistener_id=docket.id).exclude(pk=given.pk).first()
        if other is not None:
            raise cl.CourtListenerError(
                f"CourtListener docket {docket.id} is already the docket of “{other.short_name}”."
            )
        if given.courtlistener_id not in (None, docket.id):
            raise cl.CourtListenerError(
                f"“{given.short_name}” is linked to CourtListener docket "
                f"{given.courtlistener_id}, not {docket.id}."
            )
    created = case is None
    if case is None:
        name = docket.case_name or f"Docket {docket.docket_number or docket.id}"
        case = Case(
            slug=_unique_slug(docket.case_name_short or name),
            caption=name[:500],
            short_name=(docket.case_name_short or name)[:200],
            court=court_name[:300],
            status=CaseStatus.CLOSED if docket.date_terminated else CaseStatus.OPEN,
        )
    fill = {
        "courtlistener_id": docket.id,
        "courtlistener_court": docket.court_id[:20],
        "court": court_name[:300],
        "docket_number": docket.docket_number[:200],
        "filed_on": docket.date_filed,
        "closed_on": docket.date_terminated,
        "judge_note": _judge_note(docket)[:300],
    }
    for name, value in fill.items():
        if value and not getattr(case, name):
            setattr(case, name, value)
    case.save()
    return case, created


def _unique_slug(name: str) -> str:
    base = (slugify(name) or "case")[:180]
    slug, number = base, 2
    while Case.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _judge_note(docket: cl.Docket) -> str:
    parts = [f"{docket.assigned_to} (assigned)" if docket.assigned_to else ""]
    parts.append(f"{docket.referred_to} (referred)" if docket.referred_to else "")
    return "; ".join(part for part in parts if part)


def _parties(case: Case, docket: cl.Docket, parties: list[cl.Party], report: ImportReport) -> None:
    resolver = EntityResolver()
    found = [FoundEntity(name=p.name, kind=_party_kind(p.name)) for p in parties]
    judge = [FoundEntity(name=docket.assigned_to, kind=EntityKind.PERSON)]
    entities = resolver.resolve_all(found + (judge if docket.assigned_to else []))
    for party, entity in zip(parties, entities, strict=False):
        if entity is None:
            report.warnings.append(f"party “{party.name}”: not a name casebase links")
            continue
        for role_name in party.roles or ("",):
            role = PARTY_ROLES.get(role_name.strip().lower(), PartyRole.OTHER)
            note = role_name[:300] if role == PartyRole.OTHER else ""
            CaseParty.objects.get_or_create(
                case=case, entity=entity, role=role, defaults={"note": note}
            )
    if docket.assigned_to and entities and entities[-1] is not None and not case.judges.exists():
        case.judges.add(entities[-1])


def _party_kind(name: str) -> str:
    return EntityKind.ORGANIZATION if ORGANIZATION_WORDS.search(name) else EntityKind.PERSON


# --- records ----------------------------------------------------------------------------------


def site_url(path: str) -> str:
    return urljoin(str(settings.COURTLISTENER_SITE_URL).rstrip("/") + "/", path) if path else ""


def ecf_url(court_id: str, pacer_doc_id: str) -> str:
    """The document on the court's CM/ECF (PACER login and fees there)."""
    if not pacer_doc_id or not court_id.isalnum():
        return ""
    return f"https://ecf.{court_id}.uscourts.gov/doc1/{pacer_doc_id}"


def entry_records(docket: cl.Docket, entry: cl.DocketEntry) -> list[Record]:
    """The documents a docket entry gives: its main document (the entry itself, a citation
    record until CourtListener holds its text) and each attachment CourtListener holds."""
    number = entry.entry_number
    label = f"Docket entry {number}" if number is not None else "Docket entry"
    description = entry.description or label
    main = next((d for d in entry.recap_documents if d.is_main), None)
    base = {
        "docket_id": docket.id,
        "entry_id": entry.id,
        "entry_number": number,
        "description": entry.description,
    }
    entry_url = site_url(docket.absolute_url) + (f"#entry-{number}" if number is not None else "")
    records = [
        Record(
            key=f"docket-entry:{entry.id}",
            title=description[:TITLE_CHARS],
            kind=document_kind(description),
            published=entry.date_filed,
            docket_entry=number,
            source_url=site_url(main.absolute_url) if main and main.absolute_url else entry_url,
            details={**base, **(_recap_details(docket, main) if main else {})},
            text=_usable_text(main),
            pdf_path=main.filepath_local if main and main.is_available else "",
        )
    ]
    for attachment in entry.recap_documents:
        if attachment.is_main or not attachment.is_available:
            continue
        name = attachment.description or f"attachment {attachment.attachment_number}"
        records.append(
            Record(
                key=f"recap-document:{attachment.id}",
                title=f"{label}, attachment {attachment.attachment_number}: {name}"[:TITLE_CHARS],
                kind=document_kind(name),
                published=entry.date_filed,
                docket_entry=number,
                source_url=site_url(attachment.absolute_url) or entry_url,
                details={**base, **_recap_details(docket, attachment)},
                text=_usable_text(attachment),
                pdf_path=attachment.filepath_local,
            )
        )
    return records


def _usable_text(document: cl.RecapDocument | None) -> str:
    if document is None or not document.is_available:
        return ""
    text = document.plain_text.replace("\x00", "")
    return text if sum(ch.isalnum() for ch in text) >= 20 else ""


def _recap_details(docket: cl.Docket, document: cl.RecapDocument) -> dict[str, Any]:
    return {
        "recap_document_id": document.id,
        "document_number": document.document_number,
        "attachment_number": document.attachment_number,
        "pacer_doc_id": document.pacer_doc_id,
        "page_count": document.page_count,
        "ecf_url": ecf_url(docket.court_id, document.pacer_doc_id),
        "available": document.is_available,
    }


def opinion_record(docket: cl.Docket, cluster: cl.Cluster, opinion: cl.Opinion) -> Record:
    name = cluster.case_name or docket.case_name or "Opinion"
    author = f" ({opinion.author})" if opinion.author else ""
    text = opinion.plain_text.replace("\x00", "")
    return Record(
        key=f"opinion:{opinion.id}",
        title=f"{name}: opinion{author}"[:TITLE_CHARS],
        kind=DocumentKind.OPINION,
        published=cluster.date_filed,
        docket_entry=None,
        source_url=site_url(opinion.absolute_url or cluster.absolute_url),
        details={
            "docket_id": docket.id,
            "cluster_id": cluster.id,
            "opinion_id": opinion.id,
            "type": opinion.type,
            "download_url": opinion.download_url,
        },
        text=text if text.strip() else "",
        html="" if text.strip() else opinion.html,
    )


def document_kind(description: str) -> str:
    for pattern, kind in KIND_WORDS:
        if pattern.search(description):
            return str(kind)
    return str(DocumentKind.OTHER)


# --- documents --------------------------------------------------------------------------------


def _content(record: Record, fetch_pdfs: bool, report: ImportReport) -> tuple[bytes, str] | None:
    """The bytes to store for ``record`` and their file name, or None (a citation record)."""
    if record.text:
        return record.text.encode("utf-8"), "courtlistener.txt"
    if record.html:
        return record.html.encode("utf-8"), "courtlistener.html"
    if record.pdf_path and fetch_pdfs:
        url = urljoin(str(settings.COURTLISTENER_STORAGE_URL).rstrip("/") + "/", record.pdf_path)
        try:
            return fetch_url(url).data, record.pdf_path.rsplit("/", 1)[-1] or "document.pdf"
        except SourceError as exc:
            report.warnings.append(f"{record.key}: the PDF could not be downloaded ({exc})")
    return None


def _upsert(record: Record, case: Case, report: ImportReport, fetch_pdfs: bool) -> Document:
    """Create or update the document of ``record``; give a citation record its text."""
    document = Document.objects.filter(courtlistener_key=record.key).first()
    content = None
    if document is None or document.status == DocumentStatus.REFERENCE:
        content = _content(record, fetch_pdfs, report)
    with transaction.atomic():
        if document is None:
            document = _create(record, case, content, report)
        else:
            _update(document, record, case, content, report)
    return document


def _create(
    record: Record, case: Case, content: tuple[bytes, str] | None, report: ImportReport
) -> Document:
    document: Document | None = None
    if content is not None:
        meta = SubmissionMeta(
            kind=record.kind,
            title=record.title,
            source_url=record.source_url,
            published=record.published.isoformat() if record.published else None,
            case_slug=case.slug,
            docket_entry=record.docket_entry,
            reviewed=True,  # a court record of the docket an editor linked
        )
        data, name = content
        try:
            result = submit(Submission(file=Upload(name, io.BytesIO(data)), meta=meta))
        except SourceError as exc:
            report.warnings.append(f"{record.key}: {exc}")
        else:
            document = result.document
            if not result.created and document.courtlistener_key:
                report.warnings.append(
                    f"{record.key}: same text as {document.courtlistener_key}, kept once"
                )
                return document
            report.texts_queued += int(result.created)
    if document is None:
        document = Document.objects.create(
            title=record.title,
            kind=record.kind,
            status=DocumentStatus.REFERENCE,
            source_url=record.source_url,
            published_on=record.published,
            case=case,
            docket_entry=record.docket_entry,
        )
    document.courtlistener_key = record.key
    document.source_kind = document.source_kind or SourceKind.COURT_RECORD
    document.publisher = document.publisher or "CourtListener (Free Law Project)"
    document.metadata = {
        **document.metadata,
        "courtlistener": record.details,
        "title_source": "courtlistener",
    }
    document.save(
        update_fields=["courtlistener_key", "source_kind", "publisher", "metadata", "updated_at"]
    )
    report.documents_created += 1
    return document


def _update(
    document: Document,
    record: Record,
    case: Case,
    content: tuple[bytes, str] | None,
    report: ImportReport,
) -> None:
    locked = Document.objects.select_for_update().get(pk=document.pk)
    if locked.metadata.get("title_source") == "courtlistener":
        locked.title = record.title
        locked.kind = record.kind if locked.kind == DocumentKind.OTHER else locked.kind
    locked.docket_entry = (
        record.docket_entry if locked.docket_entry is None else locked.docket_entry
    )
    locked.published_on = locked.published_on or record.published
    locked.case = locked.case or case
    locked.source_url = locked.source_url or record.source_url
    locked.source_kind = locked.source_kind or SourceKind.COURT_RECORD
    locked.metadata = {**locked.metadata, "courtlistener": record.details}
    locked.save()
    document.refresh_from_db()
    report.documents_updated += 1
    if content is not None and locked.status == DocumentStatus.REFERENCE:
        try:
            report.texts_queued += int(attach_original(locked, *content))
        except SourceError as exc:
            report.warnings.append(f"{record.key}: {exc}")


# --- events -----------------------------------------------------------------------------------


def entry_event_kind(description: str) -> str | None:
    """ "ruling" or "hearing" when a docket entry records one, else None."""
    if RULING.search(description):
        return "ruling"
    if HEARING.search(description):
        return "hearing"
    return None


def _shown(entry: cl.DocketEntry, chosen: set[int]) -> bool:
    if entry.date_filed is None:
        return False
    return entry_event_kind(entry.description) is not None or entry.entry_number in chosen


def event_title(description: str) -> str:
    """The first sentence of an entry's description, without the bracketed references."""
    text = re.sub(r"\s*\[\d+\]|\s*\((?:[^()]*)\)", "", description).strip()
    first = re.split(r"(?<=[a-z0-9\)])\.\s", text, maxsplit=1)[0].strip().rstrip(".")
    if len(first) > EVENT_TITLE_CHARS:
        first = first[: EVENT_TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"
    # Dockets shout the document's name ("ORDER GRANTING ... MOTION to Dismiss"): words in
    # capitals are lowered, names in mixed case kept.
    words = [w.lower() if w.isupper() and len(w) > 1 else w for w in first.split(" ")]
    first = " ".join(words)
    return first[:1].upper() + first[1:]


def _event(case: Case, entry: cl.DocketEntry, document: Document, report: ImportReport) -> None:
    """An event for a ruling, a hearing or an entry the editors chose; awaits review."""
    assert entry.date_filed is not None
    fingerprint = f"courtlistener-entry:{entry.id}"[:40]
    event = Event.objects.filter(fingerprint=fingerprint, origin=Origin.EXTRACTED).first()
    if event is not None and event.review_status == ReviewStatus.REJECTED:
        return
    number = f"Docket entry {entry.entry_number}" if entry.entry_number is not None else "Entry"
    if event is None:
        event = Event.objects.create(
            title=event_title(entry.description) or number,
            summary=f"{number} ({entry_event_kind(entry.description) or 'filing'}): "
            f"{entry.description}",
            date=entry.date_filed,
            case=case,
            origin=Origin.EXTRACTED,
            review_status=ReviewStatus.EXTRACTED,
            confidence=Confidence.HIGH,
            fingerprint=fingerprint,
        )
        report.events_created += 1
    elif event.review_status == ReviewStatus.EXTRACTED and (
        (event.date, event.case_id) != (entry.date_filed, case.pk)
    ):
        event.date, event.case = entry.date_filed, case
        event.save(update_fields=["date", "case", "updated_at"])  # recorded in its history
    Evidence.objects.get_or_create(
        event=event,
        document=document,
        defaults={
            "quote": entry.description[:2000],
            "note": "The docket entry's text, as CourtListener lists it.",
            "origin": Origin.EXTRACTED,
        },
    )
