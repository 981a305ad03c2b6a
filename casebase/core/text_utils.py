"""Small text helpers shared by every stage."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def normalize_name(name: str) -> str:
    """Case- and accent-insensitive key for names and aliases ("OpenAI's" -> "openai")."""
    text = unicodedata.normalize("NFKC", name).strip()
    text = _POSSESSIVE.sub("", text)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    return _SPACE.sub(" ", text).strip(" .,;:").casefold()


def content_hash(data: bytes) -> str:
    """SHA-256 of the bytes as received: the key that finds a re-submitted document."""
    return hashlib.sha256(data).hexdigest()


def text_fingerprint(*parts: str) -> str:
    """A stable short key for an extracted item (used to keep review decisions across re-runs)."""
    joined = "\x1f".join(_SPACE.sub(" ", p).strip().casefold() for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()
