"""Every knowledge model is in the admin, searchable, with autocomplete for its relations."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib import admin
from django.db.models import Model


def _models() -> list[type[Model]]:
    """The knowledge models; their history tables (simple-history) are read through each
    model's own admin ("History"), not registered."""
    models = apps.get_app_config("knowledge").get_models()
    return [model for model in models if not hasattr(model, "instance_type")]


@pytest.mark.parametrize("model", _models(), ids=lambda m: m.__name__)
def test_model_is_registered_and_searchable(model: type[Model]) -> None:
    assert model in admin.site._registry, f"{model.__name__} is not in the admin"
    model_admin = admin.site._registry[model]
    assert model_admin.search_fields, f"{model.__name__} has no search"
    assert len(model_admin.list_display) > 1, f"{model.__name__} lists only __str__"


@pytest.mark.parametrize("model", _models(), ids=lambda m: m.__name__)
def test_every_relation_is_autocompleted_or_read_only(model: type[Model]) -> None:
    """Entities have thousands of rows: no relation may render as a plain <select>."""
    model_admin = admin.site._registry[model]
    covered = set(model_admin.autocomplete_fields) | set(model_admin.readonly_fields)
    relations = {
        f.name
        for f in model._meta.get_fields()
        if (f.many_to_one or f.many_to_many or f.one_to_one) and not f.auto_created
    }
    missing = relations - covered
    assert not missing, f"{model.__name__}: {sorted(missing)} not autocompleted"
