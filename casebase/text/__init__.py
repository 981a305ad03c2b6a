"""Bytes to text: plain, HTML, PDF (with court-paper cleanup) and the JSON import format."""
