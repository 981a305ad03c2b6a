"""Recorded CourtListener API v4 answers for a made-up docket, in the shape of the real API
(CourtListener's published serializers and API documentation: dockets, courts, parties,
docket-entries with nested recap_documents, clusters, opinions; cursor pagination with absolute
``next`` links). The case, its parties and its filings are invented ("Example v. Beta Labs"), like
the order in ``tests/data/pdfs.py``; nothing here is a fact about a real case.

``CourtListenerServer`` serves them on 127.0.0.1 for the test that starts it, records each
request's path and ``Authorization`` header, and can be told to change its answers (a new
docket entry, a document whose text arrived, an endpoint that refuses with 403).
"""

from __future__ import annotations

import copy
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from tests.data.pdfs import ORDER_LINES, court_pdf

API = "https://www.courtlistener.com/api/rest/v4/"
DOCKET_ID = 990001
COURT = "cand"
DOCKET_NUMBER = "4:99-cv-00001"

DOCKET: dict[str, Any] = {
    "resource_uri": f"{API}dockets/{DOCKET_ID}/",
    "id": DOCKET_ID,
    "court": f"{API}courts/{COURT}/",
    "court_id": COURT,
    "original_court_info": None,
    "idb_data": None,
    "clusters": [f"{API}clusters/880001/"],
    "audio_files": [],
    "assigned_to": f"{API}people/770001/",
    "referred_to": None,
    "absolute_url": f"/docket/{DOCKET_ID}/example-v-beta-labs/",
    "date_created": "2099-01-02T10:00:00-08:00",
    "date_modified": "2099-03-01T10:00:00-08:00",
    "source": 9,
    "assigned_to_str": "Jane Q. Judgeperson",
    "referred_to_str": "",
    "panel_str": "",
    "date_filed": "2099-01-02",
    "date_terminated": None,
    "date_last_filing": "2099-02-20",
    "case_name_short": "Example",
    "case_name": "Example v. Beta Labs, Inc.",
    "case_name_full": "",
    "slug": "example-v-beta-labs",
    "docket_number": DOCKET_NUMBER,
    "docket_number_core": "9900001",
    "pacer_case_id": "123456",
    "cause": "28:1332 Diversity-Breach of Contract",
    "nature_of_suit": "Contract: Other",
    "jury_demand": "Plaintiff",
    "jurisdiction_type": "Diversity",
    "filepath_ia": "",
    "blocked": False,
    "tags": [],
    "panel": [],
}

COURT_JSON = {
    "resource_uri": f"{API}courts/{COURT}/",
    "id": COURT,
    "full_name": "District Court, N.D. California",
    "short_name": "N.D. California",
    "citation_string": "N.D. Cal.",
    "jurisdiction": "FD",
    "in_use": True,
}


def party(party_id: int, name: str, roles: list[str]) -> dict[str, Any]:
    """A party with its party types in this docket (criminal fields empty: a civil case)."""
    types: list[dict[str, Any]] = [
        {
            "docket": f"{API}dockets/{DOCKET_ID}/",
            "docket_id": DOCKET_ID,
            "name": role,
            "date_terminated": None,
            "extra_info": "",
            "highest_offense_level_opening": "",
            "highest_offense_level_terminated": "",
            "criminal_counts": [],
            "criminal_complaints": [],
        }
        for role in roles
    ]
    return {
        "resource_uri": f"{API}parties/{party_id}/",
        "id": party_id,
        "attorneys": [],
        "party_types": types,
        "date_created": "2099-01-02T10:00:00-08:00",
        "date_modified": "2099-01-02T10:00:00-08:00",
        "name": name,
        "extra_info": "",
    }


PARTIES = [
    party(660001, "Alice Example", ["Plaintiff", "Counter Defendant"]),
    party(660002, "Beta Labs, Inc.", ["Defendant"]),
]

COMPLAINT_TEXT = (
    "UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n\n"
    "ALICE EXAMPLE, Plaintiff, v. BETA LABS, INC., Defendant.\n\n"
    "COMPLAINT\n\nPlaintiff Alice Example alleges that Beta Labs trained its model on the "
    "outputs of her company's model without permission, in breach of their contract.\n"
)
ORDER_TEXT = (
    "ORDER GRANTING IN PART THE MOTION TO DISMISS\n\n"
    "Beta Labs moves to dismiss the contract claim. The Court heard argument on February 12, "
    "2099. The motion is granted in part and denied in part.\n"
)
OPINION_TEXT = (
    "Alice Example sued Beta Labs, Inc. for breach of contract. For the reasons below, the "
    "motion to dismiss is granted in part and denied in part. IT IS SO ORDERED.\n"
)


def recap_document(
    doc_id: int,
    number: int,
    description: str,
    *,
    text: str = "",
    available: bool = False,
    attachment: int | None = None,
    path: str = "",
) -> dict[str, Any]:
    main = attachment is None
    return {
        "resource_uri": f"{API}recap-documents/{doc_id}/",
        "id": doc_id,
        "entry_number": number,
        "absolute_url": f"/docket/{DOCKET_ID}/{number}/"
        + (f"{attachment}/" if attachment else "")
        + "example-v-beta-labs/",
        "date_created": "2099-01-02T10:00:00-08:00",
        "date_modified": "2099-01-02T10:00:00-08:00",
        "date_upload": "2099-01-02T10:00:00-08:00" if available else None,
        "document_type": 1 if main else 2,
        "document_number": str(number),
        "description": description,
        "pacer_doc_id": f"0350{doc_id}",
        "is_available": available,
        "is_free_on_pacer": None,
        "is_sealed": False,
        "sha1": "",
        "page_count": 3 if available else None,
        "file_size": None,
        "filepath_local": path,
        "filepath_ia": "",
        "ia_upload_failure_count": None,
        "thumbnail": None,
        "thumbnail_status": 0,
        "plain_text": text,
        "ocr_status": None,
        "attachment_number": attachment,
        "acms_document_guid": "",
        "tags": [],
    }


def docket_entry(
    entry_id: int, number: int, date: str, description: str, documents: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "resource_uri": f"{API}docket-entries/{entry_id}/",
        "id": entry_id,
        "docket": f"{API}dockets/{DOCKET_ID}/",
        "recap_documents": documents,
        "date_created": f"{date}T12:00:00-08:00",
        "date_modified": f"{date}T12:00:00-08:00",
        "date_filed": date,
        "time_filed": None,
        "entry_number": number,
        "recap_sequence_number": f"{date}.{number:03d}",
        "pacer_sequence_number": number,
        "description": description,
        "tags": [],
    }


def entries() -> list[dict[str, Any]]:
    return [
        docket_entry(
            550001,
            1,
            "2099-01-02",
            "COMPLAINT against Beta Labs, Inc. (Filing fee $ 405), filed by Alice Example.",
            [
                recap_document(
                    440001,
                    1,
                    "Complaint",
                    text=COMPLAINT_TEXT,
                    available=True,
                    path="recap/gov.uscourts.cand.123456/gov.uscourts.cand.123456.1.0.pdf",
                ),
                recap_document(
                    440002,
                    1,
                    "Exhibit A",
                    available=True,
                    attachment=1,
                    path="recap/gov.uscourts.cand.123456/gov.uscourts.cand.123456.1.1.pdf",
                ),
            ],
        ),
        docket_entry(
            550002,
            12,
            "2099-01-20",
            "MOTION to Dismiss filed by Beta Labs, Inc.. Motion Hearing set for 2/12/2099.",
            [recap_document(440003, 12, "Motion to Dismiss")],
        ),
        docket_entry(
            550003,
            20,
            "2099-02-12",
            "Minute Entry for proceedings held before Judge Jane Q. Judgeperson: Motion "
            "Hearing held on 2/12/2099 re [12] MOTION to Dismiss. (Court Reporter: A. Typist.)",
            [],
        ),
        docket_entry(
            550004,
            25,
            "2099-02-20",
            "ORDER GRANTING IN PART AND DENYING IN PART [12] MOTION to Dismiss. Signed by "
            "Judge Jane Q. Judgeperson on 2/20/2099. (jqj, COURT STAFF)",
            [
                recap_document(
                    440004, 25, "Order on Motion to Dismiss", text=ORDER_TEXT, available=True
                )
            ],
        ),
    ]


CLUSTER = {
    "resource_uri": f"{API}clusters/880001/",
    "id": 880001,
    "absolute_url": "/opinion/880001/example-v-beta-labs/",
    "panel": [],
    "non_participating_judges": [],
    "docket_id": DOCKET_ID,
    "docket": f"{API}dockets/{DOCKET_ID}/",
    "sub_opinions": [f"{API}opinions/990501/"],
    "citations": [],
    "judges": "Judgeperson",
    "date_filed": "2099-02-20",
    "case_name": "Example v. Beta Labs, Inc.",
    "case_name_full": "",
    "precedential_status": "Unpublished",
}

OPINION = {
    "resource_uri": f"{API}opinions/990501/",
    "id": 990501,
    "absolute_url": "/opinion/880001/example-v-beta-labs/",
    "cluster_id": 880001,
    "cluster": f"{API}clusters/880001/",
    "author_id": None,
    "author": None,
    "joined_by": [],
    "author_str": "Judgeperson",
    "per_curiam": False,
    "joined_by_str": "",
    "type": "010combined",
    "sha1": "",
    "page_count": 2,
    "download_url": None,
    "local_path": "",
    "plain_text": OPINION_TEXT,
    "html": "",
    "html_lawbox": "",
    "html_columbia": "",
    "html_anon_2020": "",
    "xml_harvard": "",
    "html_with_citations": "",
    "extracted_by_ocr": False,
}


def page(results: list[dict[str, Any]], following: str | None = None) -> dict[str, Any]:
    return {"next": following, "previous": None, "results": results}


@dataclass
class CourtListenerServer:
    """The recorded answers, served on 127.0.0.1. ``requests`` lists (path with query,
    Authorization header) of every request."""

    base: str = ""
    requests: list[tuple[str, str]] = field(default_factory=list)
    entries: list[dict[str, Any]] = field(default_factory=entries)
    forbidden: set[str] = field(default_factory=set)  # endpoints answering 403
    pdf: bytes = field(default_factory=lambda: court_pdf([ORDER_LINES]))

    @property
    def api(self) -> str:
        return f"{self.base}/api/rest/v4/"

    def answer(self, path: str, query: dict[str, str]) -> tuple[int, str, bytes]:
        endpoint = path.removeprefix("/api/rest/v4/").split("/", 1)[0]
        if endpoint in self.forbidden:
            body = {"detail": "You do not have permission to perform this action."}
            return 403, "application/json", json.dumps(body).encode()
        if path.startswith("/storage/"):
            return 200, "application/pdf", self.pdf
        routes: dict[str, Any] = {
            f"/api/rest/v4/dockets/{DOCKET_ID}/": DOCKET,
            f"/api/rest/v4/courts/{COURT}/": COURT_JSON,
            "/api/rest/v4/clusters/": page([CLUSTER]),
            "/api/rest/v4/opinions/990501/": OPINION,
        }
        if path == "/api/rest/v4/dockets/":
            found = query.get("court") == COURT and query.get("docket_number") == DOCKET_NUMBER
            return self._json(page([DOCKET] if found else []))
        if path == "/api/rest/v4/parties/":
            return self._json(page(PARTIES))
        if path == "/api/rest/v4/docket-entries/":
            # Two pages: the first links the second with an absolute link, as the API does.
            if query.get("cursor") == "page2":
                return self._json(page(copy.deepcopy(self.entries[2:])))
            following = f"{API}docket-entries/?cursor=page2&docket={DOCKET_ID}"
            return self._json(page(copy.deepcopy(self.entries[:2]), following))
        if path in routes:
            return self._json(routes[path])
        return 404, "application/json", b'{"detail": "Not found."}'

    def _json(self, data: Any) -> tuple[int, str, bytes]:
        return 200, "application/json", json.dumps(data).encode()


@contextmanager
def serve_courtlistener() -> Iterator[CourtListenerServer]:
    state = CourtListenerServer()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            state.requests.append((self.path, self.headers.get("Authorization", "")))
            status, media_type, body = state.answer(parts.path, dict(parse_qsl(parts.query)))
            self.send_response(status)
            self.send_header("Content-Type", media_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
