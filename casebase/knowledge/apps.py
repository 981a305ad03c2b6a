from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "casebase.knowledge"
    label = "knowledge"
    verbose_name = "Knowledge base"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from casebase.knowledge import data_version, history  # noqa: PLC0415 - Django: in ready()

        # Every write to a knowledge table bumps the data version that keys the response cache.
        data_version.install()
        # Change reasons for writes outside a request (the pipeline, commands).
        history.install()
