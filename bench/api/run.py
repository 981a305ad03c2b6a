"""Latency and throughput of the API against minimal DRF views, in one run, in-process.

    .venv/bin/python -m bench.api.run [--events 10000] [--requests 200] [--export-requests 10]

Measures, on a SYNTHETIC corpus (bench.synthetic, 10,000 events by default):

- the events list filtered by entity and date range (``/api/v1/events/?entity=..&date_from=..``),
- an entity detail (``/api/v1/entities/<slug>/``),
- the timeline export of all 10,000 events (``/api/v1/timeline/?format=json``),

each against a *minimal DRF view of the same data* (a plain ListAPIView / RetrieveAPIView /
APIView with a bare ModelSerializer or ``values()``, same query, no filters backend, no
expansion, no ETag), and also against a trivial DRF view that returns a constant. The JSON
export is also compared with a minimal view that returns the same content (events with their
threads, entities and sources, read with ``values()`` and nested by hand). Prints
median and 95th-percentile latency, requests per second, and the ratios.

Requests go through Django's test client (full middleware and DRF stack, no network). The
database is a throwaway SQLite file unless DATABASE_URL is set (e.g. to PostgreSQL).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "casebase.settings.base")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
os.environ.setdefault("CASEBASE_ANON_RATE", "100000000/minute")
os.environ.setdefault("CASEBASE_USER_RATE", "100000000/minute")
os.environ.setdefault("CASEBASE_VAR_DIR", tempfile.mkdtemp(prefix="casebase-bench-api-"))


@dataclass
class Figures:
    label: str
    median_ms: float
    p95_ms: float
    rps: float


def measure(label: str, get: Callable[[], int], requests: int) -> Figures:
    for _ in range(min(3, requests)):  # warm-up
        assert get() == 200, label
    timings = []
    started = time.perf_counter()
    for _ in range(requests):
        t0 = time.perf_counter()
        status = get()
        timings.append((time.perf_counter() - t0) * 1000)
        assert status == 200, (label, status)
    total = time.perf_counter() - started
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    return Figures(label, statistics.median(timings), p95, requests / total)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--export-requests", type=int, default=10)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client, override_settings

    from bench.synthetic import make_synthetic
    from casebase.knowledge.models import Entity, Event

    call_command("migrate", verbosity=0)
    if Event.objects.filter(threads__slug="synthetic").count() != args.events:
        started = time.perf_counter()
        make_synthetic(events=args.events, entities=1_000, documents=2_000, seed=0)
        print(f"synthetic corpus made in {time.perf_counter() - started:.1f} s")

    # the entity on the most events, and a date range covering a fair part of them
    entity = (
        Entity.objects.filter(slug__startswith="synthetic-")
        .annotate(n=django.db.models.Count("events"))
        .order_by("-n")
        .first()
    )
    assert entity is not None
    dates = Event.objects.filter(entities=entity).order_by("date").values_list("date", flat=True)
    low, high = dates[len(dates) // 4], dates[3 * len(dates) // 4]
    date_from, date_to = low.isoformat()[:7], high.isoformat()[:7]

    client = Client()
    events_url = f"/api/v1/events/?entity={entity.slug}&date_from={date_from}&date_to={date_to}"
    minimal_events_url = (
        f"/bench/events/?entity={entity.slug}&date_from={low.isoformat()}"
        f"&date_to={high.isoformat()}"
    )
    cases = [
        ("events list (entity + date range)", events_url, minimal_events_url, args.requests),
        (
            "entity detail",
            f"/api/v1/entities/{entity.slug}/",
            f"/bench/entities/{entity.slug}/",
            args.requests,
        ),
        (
            f"timeline export ({args.events} events, json)",
            "/api/v1/timeline/?format=json",
            "/bench/timeline/",
            args.export_requests,
        ),
        (
            "timeline export (json) vs same content",
            "/api/v1/timeline/?format=json",
            "/bench/timeline-full/",
            args.export_requests,
        ),
        (
            "timeline export (csv)",
            "/api/v1/timeline/?format=csv",
            "/bench/timeline/",
            args.export_requests,
        ),
        (
            "timeline export (ics)",
            "/api/v1/timeline/?format=ics",
            "/bench/timeline/",
            args.export_requests,
        ),
    ]
    with override_settings(ROOT_URLCONF="bench.api.urls", DEBUG=False):
        trivial = measure(
            "trivial DRF view", lambda: client.get("/bench/ping/").status_code, args.requests
        )
        events_in_export = len(client.get("/api/v1/timeline/").json()["events"])
        print(
            f"database: {settings.DATABASES['default']['ENGINE']}; entity {entity.slug} "
            f"on {len(dates)} events; range {date_from}..{date_to}; "
            f"timeline export holds {events_in_export} events"
        )
        header = (
            f"{'endpoint':44} {'median ms':>10} {'p95 ms':>8} {'req/s':>8} "
            f"{'x minimal':>10} {'x trivial':>10}"
        )
        print(header)
        print("-" * len(header))
        print(
            f"{trivial.label:44} {trivial.median_ms:10.2f} {trivial.p95_ms:8.2f} {trivial.rps:8.1f}"
        )
        for label, url, minimal_url, n in cases:
            api = measure(label, lambda u=url: client.get(u).status_code, n)  # type: ignore[misc]
            base = measure("minimal " + label, lambda u=minimal_url: client.get(u).status_code, n)  # type: ignore[misc]
            print(
                f"{'minimal: ' + label:44} {base.median_ms:10.2f} {base.p95_ms:8.2f} "
                f"{base.rps:8.1f}"
            )
            print(
                f"{'API: ' + label:44} {api.median_ms:10.2f} {api.p95_ms:8.2f} "
                f"{api.rps:8.1f} {api.median_ms / base.median_ms:10.2f} "
                f"{api.median_ms / trivial.median_ms:10.1f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
