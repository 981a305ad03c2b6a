"""Web views: thin; each parses the request, asks a read-side query and renders a template."""

from .citations import document_cite, document_cite_file, event_cite_file
from .claims import claims_explorer
from .follow import follow
from .indexes import cases_index, documents_index, entities_index
from .links import event_links_json
from .originals import document_original
from .pages import case_detail, document_detail, entity_detail, event_detail, healthz, home
from .search import search
from .suggestions import entity_suggestions
from .timeline import timeline
from .upload import upload

__all__ = [
    "case_detail",
    "cases_index",
    "claims_explorer",
    "document_cite",
    "document_cite_file",
    "document_detail",
    "document_original",
    "documents_index",
    "entities_index",
    "entity_detail",
    "entity_suggestions",
    "event_cite_file",
    "event_detail",
    "event_links_json",
    "follow",
    "healthz",
    "home",
    "search",
    "timeline",
    "upload",
]
