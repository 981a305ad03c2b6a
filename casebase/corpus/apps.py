from django.apps import AppConfig


class CorpusConfig(AppConfig):
    name = "casebase.corpus"
    label = "corpus"
    verbose_name = "Curated corpus"
