"""What every response's Content-Security-Policy must say (docs/deploy.md,
"Content-Security-Policy").

Shared by the plain test of every response type and the browser test of every page type.
"""

from __future__ import annotations

HEADER = "Content-Security-Policy"

REQUIRED = {
    "default-src": {"'self'"},
    "script-src": {"'self'"},
    "style-src": {"'self'"},
    "object-src": {"'none'"},
    "base-uri": {"'self'"},
    "form-action": {"'self'"},
    "frame-ancestors": {"'none'"},
}
# Sources that would let injected markup run or style: never allowed for scripts or styles.
FORBIDDEN = {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "http:", "https:"}


def parse(header: str) -> dict[str, set[str]]:
    """``"a 'x'; b 'y' 'z'"`` as ``{"a": {"'x'"}, "b": {"'y'", "'z'"}}``."""
    directives: dict[str, set[str]] = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name.lower()] = set(sources)
    return directives


def problems(header: str | None, *, style_hashes: bool = False) -> list[str]:
    """What is missing from or too loose in a policy (empty when it is the strict one).

    ``style_hashes``: the page is a browsable API page, the one kind allowed to apply DRF's few
    fixed style attributes, each by hash (casebase/web/csp.py); nothing else inline.
    """
    if not header:
        return ["no Content-Security-Policy header"]
    policy = parse(header)
    found = [
        f"{name} is {sorted(policy.get(name, set()))}, not {sorted(sources)}"
        for name, sources in REQUIRED.items()
        if policy.get(name) != sources
    ]
    attributes = policy.pop("style-src-attr", set())
    if attributes and not style_hashes:
        found.append(f"style-src-attr is {sorted(attributes)} on a page that needs none")
    if others := {s for s in attributes if s != "'unsafe-hashes'" and not s.startswith("'sha256-")}:
        found.append(f"style-src-attr allows {sorted(others)}")
    for name in ("script-src", "script-src-elem", "script-src-attr", "style-src", "style-src-elem"):
        if loose := policy.get(name, set()) & FORBIDDEN:
            found.append(f"{name} allows {sorted(loose)}")
    return found
