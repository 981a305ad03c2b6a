"""casebase.pipeline: submit, fetch, process and store documents."""
