"""Errors raised while getting bytes from a user: their message is safe to show to that user."""


class SourceError(ValueError):
    """An upload or URL that cannot be accepted (empty, too big, unsupported, refused)."""


class FetchRefused(SourceError):
    """A URL whose host resolves to an address casebase never connects to."""


class HttpStatusError(SourceError):
    """The server answered with an HTTP error status (``status``, and its ``Retry-After``)."""

    def __init__(self, message: str, *, status: int, retry_after: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after
