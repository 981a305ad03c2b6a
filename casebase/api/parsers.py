"""Request parsers: DRF's JSON parser, with nesting too deep for Python's parser made a 400."""

from __future__ import annotations

from typing import Any

from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):
    """``[[[[...]]]]`` nested past the recursion limit raises RecursionError, which DRF's
    parser lets through as a 500; it is a parse error like any other malformed JSON."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise ParseError("JSON parse error - nested too deeply.") from exc
