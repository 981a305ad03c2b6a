"""Services: the functions that change the knowledge base (ingestion, review, merges)."""
