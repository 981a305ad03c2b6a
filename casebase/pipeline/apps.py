from django.apps import AppConfig


class PipelineConfig(AppConfig):
    name = "casebase.pipeline"
    label = "pipeline"
    verbose_name = "Document pipeline"
