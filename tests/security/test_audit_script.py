"""bin/audit fails loudly when pip-audit cannot know, and never reports an unchecked env clean.

pip-audit itself is replaced by small fake executables that print each kind of report, so the
script's decisions are tested here without the network; bin/audit against the real service is
the documented step in docs/deploy.md.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _fake_pip_audit(tmp_path: Path, stdout: str, code: int = 0, stderr: str = "") -> Path:
    script = tmp_path / "pip-audit"
    script.write_text(
        f"#!/bin/sh\ncat <<'JSON'\n{stdout}\nJSON\necho {json.dumps(stderr)} >&2\nexit {code}\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def _audit(fake: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ROOT / "bin" / "audit")],
        env={**os.environ, "PIP_AUDIT": str(fake), **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def _report(*deps: Mapping[str, object]) -> str:
    return json.dumps({"dependencies": list(deps), "fixes": []})


CLEAN = {"name": "django", "version": "5.2.19", "vulns": []}
SKIPPED = {"name": "celery", "skip_reason": "Dependency not found on PyPI and could not be audited"}
VULNERABLE = {
    "name": "oldlib",
    "version": "1.0",
    "vulns": [{"id": "PYSEC-0000-1", "fix_versions": ["1.1"], "description": "x"}],
}


def test_clean_report_passes(tmp_path: Path) -> None:
    done = _audit(_fake_pip_audit(tmp_path, _report(CLEAN)))
    assert done.returncode == 0, done.stderr
    assert "1 distributions audited" in done.stdout


def test_unreachable_data_fails_loudly_even_when_pip_audit_says_zero(tmp_path: Path) -> None:
    """pip-audit exits 0 when every lookup answered 'not found': that is not a pass."""
    done = _audit(_fake_pip_audit(tmp_path, _report(SKIPPED, {**SKIPPED, "name": "redis"})))
    assert done.returncode == 3
    assert "DEPENDENCY AUDIT NOT DONE" in done.stderr and "2 of 2" in done.stderr


def test_one_unaudited_package_fails_unless_allowed(tmp_path: Path) -> None:
    fake = _fake_pip_audit(tmp_path, _report(CLEAN, SKIPPED))
    assert _audit(fake).returncode == 3
    assert _audit(fake, AUDIT_ALLOW_SKIP="celery").returncode == 0


def test_service_failure_fails_loudly(tmp_path: Path) -> None:
    fake = _fake_pip_audit(tmp_path, "", code=1, stderr="ConnectionError: api.osv.dev unreachable")
    done = _audit(fake)
    assert done.returncode == 3
    assert "could not be reached" in done.stderr and "ConnectionError" in done.stderr


def test_missing_pip_audit_fails_loudly(tmp_path: Path) -> None:
    done = _audit(tmp_path / "no-such-pip-audit")
    assert done.returncode == 3 and "bin/setup --dev" in done.stderr


def test_vulnerabilities_fail_and_are_listed(tmp_path: Path) -> None:
    done = _audit(_fake_pip_audit(tmp_path, _report(CLEAN, VULNERABLE), code=1))
    assert done.returncode == 1
    assert "oldlib 1.0: PYSEC-0000-1 (fixed in: 1.1)" in done.stdout
