"""What a corpus load did, by kind of row."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class LoadReport:
    """What a load did, by kind of row."""

    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    deleted: Counter[str] = field(default_factory=Counter)
    not_in_files: dict[str, list[str]] = field(default_factory=dict)
    submitted: list[str] = field(default_factory=list)
    pending_evidence: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return bool(+self.created or +self.updated or +self.deleted)

    def lines(self) -> list[str]:
        kinds = sorted({*self.created, *self.updated, *self.unchanged, *self.deleted})
        out = [
            f"{kind}: {self.created[kind]} created, {self.updated[kind]} updated, "
            f"{self.unchanged[kind]} unchanged"
            + (f", {self.deleted[kind]} deleted" if self.deleted[kind] else "")
            for kind in kinds
        ]
        for kind, keys in sorted(self.not_in_files.items()):
            out.append(f"{kind} in the database but not in the files (kept): {', '.join(keys)}")
        out += [f"document submitted: {key}" for key in self.submitted]
        out += [f"evidence not linked (document missing): {item}" for item in self.pending_evidence]
        if self.dry_run:
            out.append("dry run: nothing was saved")
        return out
