"""axe-core (tests/js, installed by ``bin/setup --dev``) run on the page a browser test shows.

The script is added to the page by Playwright, so the context must be opened with
``bypass_csp=True`` (casebase's Content-Security-Policy refuses scripts it did not serve).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

AXE_SCRIPT = Path(__file__).resolve().parents[1] / "js" / "node_modules" / "axe-core" / "axe.min.js"

# Serious enough to fail a test: everything but "minor".
FAILING_IMPACTS = ("moderate", "serious", "critical")


def axe_violations(page: Any) -> list[str]:
    """axe-core's violations of impact moderate or higher on the page as shown, one line each
    (rule, impact, the first few offending elements)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate(
        """async () => {
          const r = await axe.run(document, {resultTypes: ["violations"]});
          return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ") + " :: " + n.failureSummary)}));
        }"""
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> {v['nodes']}"
        for v in result
        if v["impact"] in FAILING_IMPACTS
    ]
