"""Joins three migrations written in parallel on 0005: fetching sources, CourtListener dockets,
review before publishing with the change history. No operations."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0006_courtlistener"),
        ("knowledge", "0006_document_fetch_and_search"),
        ("knowledge", "0006_review_history_subscriptions"),
    ]

    operations = []
