"""Extraction errors: their message is shown to the user who submitted the input."""


class ExtractionError(ValueError):
    """Bytes that cannot be turned into text (undecodable, corrupt, encrypted, too large)."""
