"""A one-line progress bar for the commands (``ingest``, ``fetch_sources``)."""

from __future__ import annotations

from typing import Any


class Progress:
    """A one-line progress bar on a terminal; one line per item otherwise."""

    def __init__(self, total: int, stream: Any) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.tty = bool(getattr(stream, "isatty", lambda: False)())

    def step(self, label: str, outcome: str) -> None:
        self.done += 1
        if self.tty:
            width = 30
            filled = int(width * self.done / max(self.total, 1))
            bar = "#" * filled + "." * (width - filled)
            self.stream.write(f"\r[{bar}] {self.done}/{self.total} {label[-40:]:<40}")
            if self.done == self.total:
                self.stream.write("\n")
        else:
            self.stream.write(f"[{self.done}/{self.total}] {outcome}: {label}\n")
        self.stream.flush()
