"""Pure-Python analysis over spaCy (no ORM): entities, dates and events, claims, citations.

Importing the package sets one BLAS thread per process before numpy loads (spaCy loads it): the
unit of scale is the worker process, one per core, and OpenBLAS's own threads made one process
slower (6,800 against 7,900 words/s on 2 cores; docs/extraction.md) and made two processes fight
over the cores. Variables already in the environment win (``OPENBLAS_NUM_THREADS=2``).
"""

import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
