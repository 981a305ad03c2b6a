"""Court cases and the parties to them."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from casebase.knowledge.history import TrackedHistory
from casebase.knowledge.models.choices import CaseStatus, PartyRole


class Case(models.Model):
    """A court case: caption, court, docket, judges, dates, status, parties and related cases."""

    slug = models.SlugField(max_length=200, unique=True)
    caption = models.CharField(max_length=500, help_text='Full caption, e.g. "Musk v. Altman".')
    short_name = models.CharField(max_length=200)
    court = models.CharField(max_length=300)
    docket_number = models.CharField(max_length=200, blank=True, db_index=True)
    judges = models.ManyToManyField(
        "knowledge.Entity",
        blank=True,
        related_name="cases_judged",
        limit_choices_to={"kind": "person"},
    )
    judge_note = models.CharField(
        max_length=300, blank=True, help_text="Judge as the sources name them, or why unknown."
    )
    filed_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    status_note = models.TextField(blank=True, help_text="Status and outcome so far, in words.")
    claims_summary = models.TextField(blank=True, help_text="The causes of action.")
    entity = models.OneToOneField(
        "knowledge.Entity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_record",
        help_text="The entity that stands for this case in texts (for mentions and citations).",
    )
    related = models.ManyToManyField("self", blank=True, symmetrical=True)
    courtlistener_id = models.PositiveBigIntegerField(
        null=True,
        blank=True,
        unique=True,
        verbose_name="CourtListener docket id",
        help_text="The docket's id on CourtListener (courtlistener.com/docket/ID/...), "
        "for `manage.py courtlistener` and the admin's import action.",
    )
    courtlistener_court = models.CharField(
        max_length=20,
        blank=True,
        verbose_name="CourtListener court id",
        help_text='CourtListener\'s id of the court, e.g. "cand": with the docket number, '
        "finds the docket when its CourtListener id is not known.",
    )
    courtlistener_show_entries = models.JSONField(
        default=list,
        blank=True,
        verbose_name="docket entries shown on the timeline",
        help_text="Numbers of the docket entries an import makes timeline events of, besides "
        "rulings and hearings, e.g. [1, 32].",
    )
    docket_sync_hours = models.PositiveSmallIntegerField(
        default=6,
        help_text="Check CourtListener for new docket entries every this many hours "
        "(0: never). Runs only where the docket-sync beat task is on.",
    )
    docket_checked_at = models.DateTimeField(null=True, blank=True, editable=False)
    docket_check_note = models.CharField(max_length=500, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = TrackedHistory(m2m_fields=["judges", "related"])

    class Meta:
        ordering = ["filed_on", "short_name"]

    def __str__(self) -> str:
        return self.short_name

    def get_absolute_url(self) -> str:
        return reverse("web:case", kwargs={"slug": self.slug})


class CaseParty(models.Model):
    """An entity's role in a case (plaintiff, defendant, counter-claimant, intervenor...)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="parties")
    entity = models.ForeignKey(
        "knowledge.Entity", on_delete=models.CASCADE, related_name="party_roles"
    )
    role = models.CharField(max_length=20, choices=PartyRole.choices)
    note = models.CharField(max_length=300, blank=True)

    history = TrackedHistory()

    class Meta:
        ordering = ["case", "role", "entity__name"]
        verbose_name_plural = "case parties"
        constraints = [
            models.UniqueConstraint(fields=["case", "entity", "role"], name="party_unique_role")
        ]

    def __str__(self) -> str:
        return f"{self.entity.name} ({self.get_role_display()}) in {self.case.short_name}"
