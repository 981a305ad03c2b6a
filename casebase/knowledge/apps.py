from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "casebase.knowledge"
    label = "knowledge"
    verbose_name = "Knowledge base"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from casebase.knowledge import data_version  # noqa: PLC0415 - Django: hook up in ready()

        # Every write to a knowledge table bumps the data version that keys the response cache.
        data_version.install()
