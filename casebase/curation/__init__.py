"""casebase.curation: the editors' admin, review queue, merges and roles."""
