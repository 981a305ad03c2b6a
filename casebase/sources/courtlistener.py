"""A client for CourtListener's REST API v4: HTTP and JSON in, plain dataclasses out (no ORM).

Every request goes through the safe fetcher (:func:`casebase.sources.fetch.fetch_url`) with the
token in an ``Authorization: Token ...`` header, to the API base URL of the settings
(``COURTLISTENER_API_URL``). Links the API returns (``next`` pages, a docket's clusters, a
cluster's opinions) are followed only as paths under that base URL, never to another host.
``calls`` counts the API requests made, for the import's report and the docs' cost figures.

What is read (the shapes of CourtListener's published serializers):

- ``dockets/{id}/`` or ``dockets/?court=ID&docket_number=NUMBER``: the docket;
- ``courts/{id}/``: the court's full name;
- ``parties/?docket=ID&filter_nested_results=True``: parties and their roles;
- ``docket-entries/?docket=ID&order_by=recap_sequence_number,entry_number``: the entries with
  their nested RECAP documents (``plain_text`` when CourtListener holds the PDF);
- ``clusters/?docket=ID`` then each of a cluster's ``sub_opinions``: the opinions' text.

``parties`` and ``docket-entries`` are open only to accounts CourtListener has granted RECAP API
access: an HTTP 403 there is :class:`CourtListenerError` with ``forbidden`` set, and the import
goes on with what it could read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

from django.conf import settings

from .errors import HTTPStatusError, SourceError
from .fetch import FetchedResource, fetch_url

API_PATH = "/api/rest/v4/"
MAX_PAGES = 200  # of 20 entries each: 4,000 docket entries, far beyond a typical docket

Fetcher = Callable[..., FetchedResource]


class CourtListenerError(SourceError):
    """CourtListener could not be read: no token, a refusal, a bad answer. ``status`` is the
    HTTP status when there was one."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status

    @property
    def forbidden(self) -> bool:
        return self.status == 403


@dataclass(frozen=True)
class Court:
    id: str
    full_name: str
    short_name: str


@dataclass(frozen=True)
class Docket:
    id: int
    court_id: str
    case_name: str
    case_name_short: str
    docket_number: str
    date_filed: dt.date | None
    date_terminated: dt.date | None
    assigned_to: str
    referred_to: str
    absolute_url: str
    pacer_case_id: str
    cluster_urls: tuple[str, ...] = ()


@dataclass(frozen=True)
class Party:
    name: str
    roles: tuple[str, ...]


@dataclass(frozen=True)
class RecapDocument:
    id: int
    document_number: str
    attachment_number: int | None
    is_main: bool
    description: str
    is_available: bool
    plain_text: str
    filepath_local: str
    pacer_doc_id: str
    page_count: int | None
    absolute_url: str


@dataclass(frozen=True)
class DocketEntry:
    id: int
    entry_number: int | None
    date_filed: dt.date | None
    description: str
    recap_documents: tuple[RecapDocument, ...] = ()


@dataclass(frozen=True)
class Opinion:
    id: int
    cluster_id: int
    type: str
    author: str
    plain_text: str
    html: str
    download_url: str
    absolute_url: str


@dataclass(frozen=True)
class Cluster:
    id: int
    case_name: str
    date_filed: dt.date | None
    judges: str
    absolute_url: str
    opinion_urls: tuple[str, ...] = ()


@dataclass
class CourtListenerClient:
    """Reads CourtListener's API v4. ``fetch`` is the safe fetcher (tests pass none: the real
    one, pointed at a local server through the settings)."""

    base_url: str = ""
    token: str = ""
    fetch: Fetcher = fetch_url
    calls: int = 0
    log: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.base_url = self.base_url or str(settings.COURTLISTENER_API_URL)
        self.base_url = self.base_url.rstrip("/") + "/"
        self.token = self.token or str(getattr(settings, "COURTLISTENER_API_TOKEN", "") or "")

    # --- requests -----------------------------------------------------------------------------

    def url_for(self, link: str) -> str:
        """An API link as a URL under the configured base: a path (``dockets/1/``), or a full
        link CourtListener returned (its ``/api/rest/v4/...`` path kept, its host not)."""
        if link.startswith(self.base_url):
            return link
        path = urlsplit(link).path if "://" in link else link
        query = urlsplit(link).query if "://" in link else ""
        if API_PATH in path:
            path = path.split(API_PATH, 1)[1]
        elif "://" in link:
            raise CourtListenerError(f"Not a CourtListener API link: {link}")
        return urljoin(self.base_url, path.lstrip("/")) + (f"?{query}" if query else "")

    def get(self, link: str, params: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """GET one API resource as JSON."""
        if not self.token:
            raise CourtListenerError(
                "No CourtListener API token: set COURTLISTENER_API_TOKEN (docs/courtlistener.md)."
            )
        url = self.url_for(link)
        if params:
            url += ("&" if "?" in url else "?") + urlencode(params)
        self.calls += 1
        self.log.append(url)
        try:
            fetched = self.fetch(
                url,
                headers={"Authorization": f"Token {self.token}", "Accept": "application/json"},
                max_bytes=int(settings.COURTLISTENER_MAX_RESPONSE_BYTES),
            )
        except HTTPStatusError as exc:
            raise CourtListenerError(_refusal(exc), status=exc.status) from exc
        except SourceError as exc:
            raise CourtListenerError(f"CourtListener could not be reached: {exc}") from exc
        try:
            data = json.loads(fetched.data)
        except ValueError as exc:
            raise CourtListenerError("CourtListener answered something that is not JSON.") from exc
        if not isinstance(data, dict):
            raise CourtListenerError("CourtListener answered JSON that is not an object.")
        return data

    def pages(self, link: str, params: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
        """Every result of a list endpoint, following its ``next`` links (cursor pagination)."""
        data = self.get(link, params)
        for _page in range(MAX_PAGES):
            results = data.get("results")
            if not isinstance(results, list):
                raise CourtListenerError("CourtListener answered a list without results.")
            yield from (item for item in results if isinstance(item, dict))
            following = data.get("next")
            if not following:
                return
            data = self.get(str(following))
        raise CourtListenerError(f"More than {MAX_PAGES} pages of results: stopped.")

    # --- resources ----------------------------------------------------------------------------

    def docket(self, docket_id: int) -> Docket:
        return docket_from(self.get(f"dockets/{int(docket_id)}/"))

    def find_docket(self, court: str, docket_number: str) -> Docket:
        """The docket with this number in this court (CourtListener's court id, e.g. "cand")."""
        found = list(
            self.get("dockets/", {"court": court, "docket_number": docket_number}).get(
                "results", []
            )
        )
        if not found:
            raise CourtListenerError(
                f"CourtListener has no docket {docket_number} in the court “{court}”."
            )
        if len(found) > 1:
            ids = ", ".join(str(item.get("id")) for item in found[:5])
            raise CourtListenerError(
                f"CourtListener has {len(found)} dockets numbered {docket_number} in “{court}” "
                f"(ids {ids}): import one by its id."
            )
        return docket_from(found[0])

    def court(self, court_id: str) -> Court:
        data = self.get(f"courts/{court_id}/")
        return Court(
            id=str(data.get("id") or court_id),
            full_name=_text(data.get("full_name")),
            short_name=_text(data.get("short_name")),
        )

    def parties(self, docket_id: int) -> list[Party]:
        params = {"docket": int(docket_id), "filter_nested_results": "True"}
        parties = []
        for item in self.pages("parties/", params):
            roles = tuple(
                _text(kind.get("name"))
                for kind in item.get("party_types") or []
                if isinstance(kind, dict) and _same_docket(kind, docket_id)
            )
            parties.append(Party(name=_text(item.get("name")), roles=roles))
        return [party for party in parties if party.name]

    def docket_entries(self, docket_id: int) -> list[DocketEntry]:
        params = {"docket": int(docket_id), "order_by": "recap_sequence_number,entry_number"}
        return [entry_from(item) for item in self.pages("docket-entries/", params)]

    def clusters(self, docket: Docket) -> list[Cluster]:
        items = self.pages("clusters/", {"docket": docket.id})
        return [cluster_from(item) for item in items]

    def opinion(self, link: str) -> Opinion:
        return opinion_from(self.get(link))


def _refusal(exc: HTTPStatusError) -> str:
    if exc.status == 401:
        return "CourtListener refused the token (HTTP 401): check COURTLISTENER_API_TOKEN."
    if exc.status == 403:
        return (
            "CourtListener refused this endpoint (HTTP 403): docket entries and parties are open "
            "only to accounts granted RECAP API access."
        )
    if exc.status == 404:
        return "CourtListener has no such record (HTTP 404)."
    if exc.status == 429:
        wait = f"; it asks to wait {exc.retry_after:.0f} s" if exc.retry_after else ""
        return f"CourtListener's rate limit was reached (HTTP 429{wait}): try again later."
    return f"CourtListener answered HTTP {exc.status}."


# --- JSON to values ---------------------------------------------------------------------------


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _raw(value: Any) -> str:
    """A text as it is (a document's text keeps its layout), or "" for anything else."""
    return value if isinstance(value, str) else ""


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


def _id(data: Mapping[str, Any], what: str) -> int:
    value = _int(data.get("id"))
    if value is None:
        raise CourtListenerError(f"CourtListener answered a {what} without an id.")
    return value


def _links(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _same_docket(party_type: Mapping[str, Any], docket_id: int) -> bool:
    found = _int(party_type.get("docket_id"))
    return found is None or found == int(docket_id)


def docket_from(data: Mapping[str, Any]) -> Docket:
    court_id = _text(data.get("court_id"))
    if not court_id:  # "court" is a link: .../courts/cand/
        court_id = urlsplit(_text(data.get("court"))).path.rstrip("/").rsplit("/", 1)[-1]
    return Docket(
        id=_id(data, "docket"),
        court_id=court_id,
        case_name=_text(data.get("case_name")) or _text(data.get("case_name_full")),
        case_name_short=_text(data.get("case_name_short")),
        docket_number=_text(data.get("docket_number")),
        date_filed=_date(data.get("date_filed")),
        date_terminated=_date(data.get("date_terminated")),
        assigned_to=_text(data.get("assigned_to_str")),
        referred_to=_text(data.get("referred_to_str")),
        absolute_url=_text(data.get("absolute_url")),
        pacer_case_id=_text(data.get("pacer_case_id")),
        cluster_urls=_links(data.get("clusters")),
    )


def recap_document_from(data: Mapping[str, Any]) -> RecapDocument:
    return RecapDocument(
        id=_id(data, "RECAP document"),
        document_number=str(data.get("document_number") or "").strip(),
        attachment_number=_int(data.get("attachment_number")),
        is_main=_int(data.get("document_type")) != 2,  # 1: the entry's document, 2: attachment
        description=_text(data.get("description")),
        is_available=data.get("is_available") is True,
        plain_text=_raw(data.get("plain_text")),
        filepath_local=_text(data.get("filepath_local")),
        pacer_doc_id=_text(data.get("pacer_doc_id")),
        page_count=_int(data.get("page_count")),
        absolute_url=_text(data.get("absolute_url")),
    )


def entry_from(data: Mapping[str, Any]) -> DocketEntry:
    documents = data.get("recap_documents") or []
    return DocketEntry(
        id=_id(data, "docket entry"),
        entry_number=_int(data.get("entry_number")),
        date_filed=_date(data.get("date_filed")),
        description=_text(data.get("description")),
        recap_documents=tuple(recap_document_from(d) for d in documents if isinstance(d, dict)),
    )


def cluster_from(data: Mapping[str, Any]) -> Cluster:
    return Cluster(
        id=_id(data, "cluster"),
        case_name=_text(data.get("case_name")) or _text(data.get("case_name_full")),
        date_filed=_date(data.get("date_filed")),
        judges=_text(data.get("judges")),
        absolute_url=_text(data.get("absolute_url")),
        opinion_urls=_links(data.get("sub_opinions")),
    )


def opinion_from(data: Mapping[str, Any]) -> Opinion:
    html = ""
    for name in ("html_with_citations", "html", "html_lawbox", "html_columbia", "xml_harvard"):
        html = _text(data.get(name))
        if html:
            break
    cluster_id = _int(data.get("cluster_id"))
    if cluster_id is None:  # "cluster" is a link: .../clusters/123/
        cluster_id = _int(urlsplit(_text(data.get("cluster"))).path.rstrip("/").rsplit("/", 1)[-1])
    return Opinion(
        id=_id(data, "opinion"),
        cluster_id=cluster_id or 0,
        type=_text(data.get("type")),
        author=_text(data.get("author_str")),
        plain_text=_raw(data.get("plain_text")),
        html=html,
        download_url=_text(data.get("download_url")),
        absolute_url=_text(data.get("absolute_url")),
    )
