"""The indexes' filter forms: GET forms whose values become the read side's filters.

A bad value is shown beside its field on the same page, every other filter kept (never a page
that drops them). Choices are the models' own, so a hand-edited URL cannot smuggle anything in.
"""

from __future__ import annotations

from typing import Any

from django import forms

from casebase.knowledge.models import (
    DocumentKind,
    DocumentStatus,
    EntityKind,
    Origin,
    SourceKind,
)
from casebase.knowledge.models.choices import CaseStatus
from casebase.queries.indexes import (
    UNGRADED,
    CaseFilters,
    DocumentFilters,
    EntityFilters,
    case_choices,
    courts,
)

ANY = ("", "Any")
YES_NO = [("", "Either"), ("yes", "Has text"), ("no", "No text (citation record or failed)")]
MAX_Q = 200


def _words() -> forms.CharField:
    return forms.CharField(required=False, max_length=MAX_Q, label="Words")


class DocumentIndexForm(forms.Form):
    q = _words()
    kind = forms.ChoiceField(required=False, choices=[ANY, *DocumentKind.choices])
    case = forms.ChoiceField(required=False)
    source_kind = forms.ChoiceField(
        required=False,
        label="Kind of source",
        choices=[ANY, *SourceKind.choices, (UNGRADED, "Not yet graded")],
    )
    has_text = forms.ChoiceField(required=False, label="Text", choices=YES_NO)
    status = forms.ChoiceField(
        required=False, label="Processing state", choices=[ANY, *DocumentStatus.choices]
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        case_field = self.fields["case"]
        assert isinstance(case_field, forms.ChoiceField)
        case_field.choices = [ANY, *case_choices()]

    def filters(self) -> DocumentFilters:
        data = self.cleaned_data
        has_text = {"yes": True, "no": False}.get(data["has_text"])
        return DocumentFilters(
            q=data["q"],
            kind=data["kind"],
            case=data["case"],
            source_kind=data["source_kind"],
            has_text=has_text,
            status=data["status"],
        )


class EntityIndexForm(forms.Form):
    q = forms.CharField(required=False, max_length=MAX_Q, label="Name or alias")
    kind = forms.ChoiceField(required=False, choices=[ANY, *EntityKind.choices])
    origin = forms.ChoiceField(required=False, choices=[ANY, *Origin.choices])

    def filters(self) -> EntityFilters:
        data = self.cleaned_data
        return EntityFilters(q=data["q"], kind=data["kind"], origin=data["origin"])


class CaseIndexForm(forms.Form):
    q = _words()
    status = forms.ChoiceField(required=False, choices=[ANY, *CaseStatus.choices])
    court = forms.ChoiceField(required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        court_field = self.fields["court"]
        assert isinstance(court_field, forms.ChoiceField)
        court_field.choices = [ANY, *((court, court) for court in courts())]

    def filters(self) -> CaseFilters:
        data = self.cleaned_data
        return CaseFilters(q=data["q"], status=data["status"], court=data["court"])
