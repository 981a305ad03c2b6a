from django.apps import AppConfig


class CurationConfig(AppConfig):
    name = "casebase.curation"
    label = "curation"
    verbose_name = "Curation"
