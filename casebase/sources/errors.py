"""Errors raised while getting bytes from a user: their message is safe to show to that user."""


class SourceError(ValueError):
    """An upload or URL that cannot be accepted (empty, too big, unsupported, refused)."""


class FetchRefused(SourceError):
    """A URL whose host resolves to an address casebase never connects to."""
