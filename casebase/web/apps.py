from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "casebase.web"
    label = "web"
    verbose_name = "Web app"
