"""A large SYNTHETIC corpus for benchmarks and query-count tests. Never demo data.

``make_synthetic(events=10_000, entities=1_000, documents=2_000, seed=0)`` writes, with
``bulk_create``, a deterministic (seeded) corpus: documents of a few hundred words with the
entity mentions, attributed claims and citations found at real offsets of their text, and events
with entities, evidence spans quoting those texts, and typed links between events.

Everything it makes is plainly marked: document, event and case titles start with
``[synthetic]``, every text opens with a line saying it is generated, every slug starts with
``synthetic-``, every event is on the thread ``synthetic``, and documents carry
``metadata={"synthetic": True}``. ``clear_synthetic()`` removes exactly those rows, and
``make_synthetic`` calls it first, so a run replaces the previous synthetic corpus.

Run it as ``python -m bench.synthetic --events 10000 --documents 2000 --entities 1000`` (or
``--clear``); ``bench/load`` does, and other benches import it
(``from bench.synthetic import make_synthetic``).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from django.db import transaction
from django.db.models import Model

from casebase.core.text_utils import content_hash, normalize_name, text_fingerprint
from casebase.knowledge.models import (
    Case,
    Citation,
    Claim,
    ClaimVerb,
    Document,
    DocumentKind,
    DocumentStatus,
    Entity,
    EntityAlias,
    EntityKind,
    Event,
    EventLink,
    Evidence,
    LinkKind,
    Mention,
    Origin,
    ReviewStatus,
    Thread,
)
from casebase.knowledge.models.choices import CitationKind, Confidence, DatePrecision

MARK = "[synthetic]"
SLUG_PREFIX = "synthetic-"
THREAD_SLUG = "synthetic"
TEXT_HEADER = f"{MARK} Generated text for benchmarks and tests; it reports nothing real.\n\n"
BATCH = 1000
M = TypeVar("M", bound=Model)
CASES = 20

_FIRST = (  # noqa: SIM905
    "Avery Blake Casey Devon Ellis Finley Harper Jordan Kendall Logan Morgan Parker"
).split()
_LAST = (  # noqa: SIM905
    "Quill Marrow Thistle Vantor Brindle Corvane Halden Ostrow Pellam Rusk Sorrel Tamsin"
).split()
_ORG = "Labs Holdings Systems Foundation Partners Institute Group Networks".split()  # noqa: SIM905
_WORDS = (  # noqa: SIM905
    "the court motion filed party counsel record hearing order schedule discovery model "
    "training output data agreement contract license terms claim damages witness "
    "testimony exhibit transcript board nonprofit mission charter funding investment "
    "compute research release weights policy review appeal judge jury verdict brief reply "
    "opposition notice deadline settlement evidence report statement argument ruling "
    "dispute company product"
).split()
_KINDS = [
    EntityKind.PERSON,
    EntityKind.PERSON,
    EntityKind.ORGANIZATION,
    EntityKind.ORGANIZATION,
    EntityKind.PRODUCT,
    EntityKind.COURT,
    EntityKind.LAW,
    EntityKind.PLACE,
]
_DOC_KINDS = [k for k in DocumentKind if k != DocumentKind.OTHER]
_VERBS = [ClaimVerb.SAID, ClaimVerb.TESTIFIED, ClaimVerb.ALLEGED, ClaimVerb.ARGUED, ClaimVerb.WROTE]
_LINK_KINDS = list(LinkKind)
_FIRST_DAY = dt.date(2000, 1, 1)
_SPAN_DAYS = (dt.date(2026, 12, 31) - _FIRST_DAY).days


@dataclass
class _Text:
    """A generated document text and the entity spans, claim spans and citations inside it."""

    text: str = ""
    mentions: list[tuple[int, int, int, str]] = field(default_factory=list)  # entity idx
    claims: list[tuple[int, int, int, str, str]] = field(default_factory=list)  # speaker idx
    citations: list[tuple[int, int, str]] = field(default_factory=list)


def _entity_name(rng: random.Random, kind: str, index: int) -> str:
    if kind == EntityKind.PERSON:
        return f"Synth {rng.choice(_FIRST)} {rng.choice(_LAST)} {index}"
    if kind == EntityKind.ORGANIZATION:
        return f"Synth {rng.choice(_LAST)} {rng.choice(_ORG)} {index}"
    return f"Synth {kind.title()} {rng.choice(_LAST)} {index}"


def _sentence(rng: random.Random, low: int = 8, high: int = 18) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def _make_text(rng: random.Random, number: int, names: list[str], words: int) -> _Text:
    """About ``words`` words of filler with entity names, claims and a docket citation in it."""
    out = _Text()
    pieces = [TEXT_HEADER, f"Synthetic document {number}. "]
    length = sum(len(p) for p in pieces)

    def add(piece: str) -> int:
        nonlocal length
        start = length
        pieces.append(piece)
        length += len(piece)
        return start

    written = 0
    while written < words:
        roll = rng.random()
        if roll < 0.25:
            who = rng.randrange(len(names))
            start = add(names[who])
            out.mentions.append((who, start, start + len(names[who]), names[who]))
            add(" ")
        elif roll < 0.32:
            who = rng.randrange(len(names))
            verb = rng.choice(_VERBS)
            said = _sentence(rng, 6, 12)
            content = f"{said[0].lower()}{said[1:]}"
            claim = f"{names[who]} {verb} that {content}"
            start = add(claim)
            out.mentions.append((who, start, start + len(names[who]), names[who]))
            out.claims.append((who, start, start + len(claim), verb, content))
            add(" ")
            written += 8
        elif roll < 0.34:
            cite = f"No. 0:{rng.randint(10, 26):02d}-cv-{rng.randint(1, 99999):05d}-SYN"
            start = add(cite)
            out.citations.append((start, start + len(cite), cite))
            add(". ")
        else:
            sentence = _sentence(rng)
            add(sentence + " ")
            written += sentence.count(" ") + 1
    out.text = "".join(pieces).rstrip()
    return out


def _bulk(objs: Iterable[M]) -> list[M]:
    items = list(objs)
    if not items:
        return []
    manager = type(items[0])._default_manager
    return manager.bulk_create(items, batch_size=BATCH)  # type: ignore[return-value]


def clear_synthetic() -> int:
    """Delete every synthetic row (and what hangs off it); return how many rows went."""
    deleted = 0
    deleted += Event.objects.filter(title__startswith=MARK).delete()[0]
    deleted += Document.objects.filter(title__startswith=MARK).delete()[0]
    deleted += Entity.objects.filter(slug__startswith=SLUG_PREFIX).delete()[0]
    deleted += Case.objects.filter(slug__startswith=SLUG_PREFIX).delete()[0]
    deleted += Thread.objects.filter(slug=THREAD_SLUG).delete()[0]
    return deleted


def _random_day(rng: random.Random) -> tuple[dt.date, str]:
    day = _FIRST_DAY + dt.timedelta(days=rng.randrange(_SPAN_DAYS))
    precision = rng.choices(
        [DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR], weights=[80, 15, 5]
    )[0]
    if precision == DatePrecision.MONTH:
        day = day.replace(day=1)
    elif precision == DatePrecision.YEAR:
        day = day.replace(month=1, day=1)
    return day, precision


def _make_entities(rng: random.Random, count: int) -> list[Entity]:
    entities = []
    for i in range(count):
        kind = _KINDS[i % len(_KINDS)]
        name = _entity_name(rng, kind, i)
        entities.append(
            Entity(
                name=name,
                slug=f"{SLUG_PREFIX}{i}",
                kind=kind,
                description=f"{MARK} Generated {kind} for benchmarks.",
                origin=Origin.CURATED if i % 3 else Origin.EXTRACTED,
            )
        )
    saved = _bulk(entities)
    aliases = [EntityAlias(entity=e, alias=e.name.rsplit(" ", 1)[0], normalized="") for e in saved]
    for alias in aliases:
        alias.normalized = normalize_name(alias.alias)  # bulk_create skips save()
    _bulk(aliases)
    return saved


def _make_documents(
    rng: random.Random, count: int, entities: list[Entity], cases: list[Case]
) -> tuple[list[Document], list[_Text], dict[str, int]]:
    names = [e.name for e in entities]
    texts = [_make_text(rng, n, names, rng.randint(250, 450)) for n in range(count)]
    documents = []
    for n, generated in enumerate(texts):
        day, precision = _random_day(rng)
        kind = rng.choice(_DOC_KINDS)
        documents.append(
            Document(
                kind=kind,
                title=f"{MARK} {DocumentKind(kind).label} {n}",
                publisher=f"{MARK} Synthetic Press",
                published_on=day,
                published_precision=precision,
                case=rng.choice(cases),
                media_type="text/plain",
                size_bytes=len(generated.text.encode()),
                content_hash=content_hash(f"{MARK}{n}\n{generated.text}".encode()),
                text=generated.text,
                language="en",
                metadata={"synthetic": True},
                status=DocumentStatus.DONE,
                pipeline_version="synthetic",
            )
        )
    saved = _bulk(documents)
    counts = _make_document_parts(saved, texts, entities)
    return saved, texts, counts


def _make_document_parts(
    documents: list[Document], texts: list[_Text], entities: list[Entity]
) -> dict[str, int]:
    mentions, claims, citations = [], [], []
    for doc, generated in zip(documents, texts, strict=True):
        mentions += [
            Mention(document=doc, entity=entities[who], start=s, end=e, text=t)
            for who, s, e, t in generated.mentions
        ]
        claims += [
            Claim(
                document=doc,
                speaker=entities[who],
                speaker_text=entities[who].name,
                verb=verb,
                content=content,
                sentence=generated.text[s:e],
                start=s,
                end=e,
                made_on=doc.published_on,
                made_precision=doc.published_precision,
                origin=Origin.EXTRACTED,
                review_status=ReviewStatus.EXTRACTED,
                fingerprint=text_fingerprint(str(doc.pk), generated.text[s:e]),
            )
            for who, s, e, verb, content in generated.claims
        ]
        citations += [
            Citation(document=doc, kind=CitationKind.DOCKET, text=t, normalized=t, start=s, end=e)
            for s, e, t in generated.citations
        ]
    _bulk(mentions)
    _bulk(claims)
    _bulk(citations)
    return {"mentions": len(mentions), "claims": len(claims), "citations": len(citations)}


def _make_events(
    rng: random.Random,
    count: int,
    thread: Thread,
    cases: list[Case],
    entities: list[Entity],
    documents: list[Document],
    texts: list[_Text],
) -> dict[str, int]:
    events = []
    for i in range(count):
        day, precision = _random_day(rng)
        extracted = rng.random() < 0.2
        events.append(
            Event(
                title=f"{MARK} Event {i}: {_sentence(rng, 3, 7)[:-1].lower()}",
                summary=_sentence(rng, 15, 30),
                date=day,
                date_precision=precision,
                case=rng.choice(cases) if rng.random() < 0.7 else None,
                origin=Origin.EXTRACTED if extracted else Origin.CURATED,
                review_status=ReviewStatus.EXTRACTED if extracted else ReviewStatus.APPROVED,
                confidence=rng.choices(list(Confidence), weights=[80, 15, 5])[0],
            )
        )
    saved = _bulk(events)
    _bulk(Event.threads.through(event=e, thread=thread) for e in saved)
    entity_links = []
    for event in saved:
        for entity in rng.sample(entities, k=min(len(entities), rng.randint(1, 3))):
            entity_links.append(Event.entities.through(event=event, entity=entity))
    _bulk(entity_links)
    evidence = _make_evidence(rng, saved, documents, texts)
    links = _make_links(rng, saved)
    return {"events": len(saved), "evidence": evidence, "event_links": links}


def _make_evidence(
    rng: random.Random, events: list[Event], documents: list[Document], texts: list[_Text]
) -> int:
    rows = []
    for event in events:
        for index in rng.sample(range(len(documents)), k=min(len(documents), rng.randint(1, 2))):
            text = texts[index].text
            start = rng.randrange(len(TEXT_HEADER), max(len(TEXT_HEADER) + 1, len(text) - 200))
            end = min(len(text), start + rng.randint(60, 200))
            rows.append(
                Evidence(
                    event=event,
                    document=documents[index],
                    start=start,
                    end=end,
                    quote=text[start:end],
                    origin=event.origin,
                )
            )
    _bulk(rows)
    return len(rows)


def _make_links(rng: random.Random, events: list[Event]) -> int:
    seen: set[tuple[int, int, str]] = set()
    rows = []
    for _ in range(len(events) // 2):
        source, target = rng.sample(events, k=2)
        kind = rng.choice(_LINK_KINDS)
        key = (source.pk, target.pk, kind)
        if key in seen:
            continue
        seen.add(key)
        rows.append(EventLink(source=source, target=target, kind=kind))
    _bulk(rows)
    return len(rows)


def make_synthetic(
    events: int = 10_000, entities: int = 1_000, documents: int = 2_000, seed: int = 0
) -> dict[str, int]:
    """Replace the synthetic corpus with a new one of this size; return the rows made, by kind."""
    if min(events, entities, documents) < 1:
        raise ValueError("events, entities and documents must each be at least 1")
    rng = random.Random(seed)
    with transaction.atomic():
        clear_synthetic()
        thread = Thread.objects.create(
            slug=THREAD_SLUG,
            name=f"{MARK} Synthetic benchmark data",
            description="Generated rows for benchmarks and tests. Not facts.",
            position=999,
            color="#888888",
        )
        cases = _bulk(
            Case(
                slug=f"{SLUG_PREFIX}case-{i}",
                caption=f"{MARK} Synthetic Plaintiff {i} v. Synthetic Defendant {i}",
                short_name=f"{MARK} Case {i}",
                court="[synthetic] Court",
                docket_number=f"0:00-cv-{i:05d}-SYN",
            )
            for i in range(CASES)
        )
        made_entities = _make_entities(rng, entities)
        made_documents, texts, parts = _make_documents(rng, documents, made_entities, cases)
        made_events = _make_events(rng, events, thread, cases, made_entities, made_documents, texts)
    return {
        "threads": 1,
        "cases": len(cases),
        "entities": len(made_entities),
        "aliases": len(made_entities),
        "documents": len(made_documents),
        **parts,
        **made_events,
    }


def main(argv: list[str] | None = None) -> None:
    """``python -m bench.synthetic [--events N ...] [--clear]`` with DJANGO_SETTINGS_MODULE set."""
    import argparse
    import time

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--entities", type=int, default=1_000)
    parser.add_argument("--documents", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--clear", action="store_true", help="Only delete the synthetic rows.")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.clear:
        print(f"deleted {clear_synthetic()} synthetic rows")
        return
    counts = make_synthetic(
        events=args.events, entities=args.entities, documents=args.documents, seed=args.seed
    )
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    print(f"synthetic corpus: {summary} ({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "casebase.settings.base")
    django.setup()
    main()
