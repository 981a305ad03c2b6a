"""Scoring the extractor against the gold set: building gold from specs (gold) and comparing
an analysis with it (scoring). Pure Python: no ORM, no spaCy (docs/evaluation.md)."""
