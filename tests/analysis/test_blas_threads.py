"""The analysis package pins BLAS to one thread per process unless the environment says otherwise.

The probe asks numpy's bundled OpenBLAS itself how many threads it runs, in a fresh process that
loads the analysis the way a worker does (so it fails if numpy gets imported before the setting).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = """
import ctypes, pathlib
import casebase.analysis.pipeline
import numpy
libs = pathlib.Path(numpy.__file__).parent.parent / "numpy.libs"
blas = ctypes.CDLL(str(next(libs.glob("libscipy_openblas*.so"))))
print(blas.scipy_openblas_get_num_threads64_())
"""


@pytest.mark.parametrize(("given", "expected"), [(None, "1"), ("2", "2")])
def test_blas_threads_default_to_one_and_the_environment_wins(
    given: str | None, expected: str
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    if given is not None:
        env["OPENBLAS_NUM_THREADS"] = given
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == expected
