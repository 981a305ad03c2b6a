"""Page furniture in the analysis: ranges of the text (found by the text stage,
casebase.text.furniture) that hold no entity, claim, event or citation."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence


class Furniture:
    """Sorted, non-overlapping ``(start, end)`` ranges, asked about spans in O(log n)."""

    def __init__(self, spans: Sequence[tuple[int, int]] = ()) -> None:
        self.spans = sorted((int(s), int(e)) for s, e in spans)
        self._starts = [s for s, _ in self.spans]

    def __bool__(self) -> bool:
        return bool(self.spans)

    def _near(self, start: int, end: int) -> list[tuple[int, int]]:
        """The ranges that may overlap [start, end)."""
        first = max(0, bisect_right(self._starts, start) - 1)
        last = bisect_right(self._starts, end)
        return self.spans[first:last]

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self._near(start, end))

    def share(self, start: int, end: int) -> float:
        """How much of [start, end) is furniture (0 to 1)."""
        if end <= start:
            return 0.0
        inside = sum(max(0, min(e, end) - max(s, start)) for s, e in self._near(start, end))
        return inside / (end - start)
