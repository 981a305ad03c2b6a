"""Getting bytes: upload validation, type sniffing, and safe fetching of submitted URLs."""

from .errors import FetchRefused, SourceError
from .refusals import Refused
from .sniff import HTML, JSON, PDF, TEXT, sniff_media_type
from .uploads import read_upload, validate_upload

__all__ = [
    "HTML",
    "JSON",
    "PDF",
    "TEXT",
    "FetchRefused",
    "Refused",
    "SourceError",
    "read_upload",
    "sniff_media_type",
    "validate_upload",
]
