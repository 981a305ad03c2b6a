"""casebase.corpus: the curated demo corpus loader (fixtures/)."""
