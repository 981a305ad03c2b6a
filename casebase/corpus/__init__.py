"""casebase.corpus: the curated demo corpus loader (fixtures/, format in docs/corpus.md).

``schema`` (record fields and their checks), ``references`` (checks across records), ``reading``
(``read_corpus``: parse and validate, no database), ``loading`` (``load_corpus``: upsert in one
transaction), ``upserting`` and ``report`` (counted writes, the ``LoadReport``).
"""
