from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "casebase.api"
    label = "api"
    verbose_name = "REST API"
