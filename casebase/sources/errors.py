"""Errors raised while getting bytes from a user: their message is safe to show to that user."""


class SourceError(ValueError):
    """An upload or URL that cannot be accepted (empty, too big, unsupported, refused)."""


class FetchRefused(SourceError):
    """A URL whose host resolves to an address casebase never connects to."""


class FetchTimeout(SourceError):
    """The server did not answer, or the download did not finish, in time (worth retrying)."""


class FetchUnreachable(SourceError):
    """The host could not be resolved or connected to (worth retrying later)."""


class HTTPStatusError(SourceError):
    """The server answered with an error status; ``retry_after`` holds its ``Retry-After`` in
    seconds when it sent one (429 and 503 answers)."""

    def __init__(self, message: str, status: int, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after
