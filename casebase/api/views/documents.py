"""Documents: read, submit (file, text or URL -> 202), edit metadata, reprocess, delete."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.parsers import BaseParser, FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from casebase.knowledge.models import Document
from casebase.pipeline import deletion, intake
from casebase.pipeline.submission import submit
from casebase.sources.refusals import Refused

from .. import filters
from ..errors import refusal_error
from ..pagination import StableCursorPagination
from ..parsers import JSONParser
from ..serializers.documents import (
    DocumentDetailSerializer,
    DocumentSerializer,
    DocumentUpdateSerializer,
)
from ..serializers.submission import DocumentSubmissionSerializer
from .base import CasebaseViewSet
from .history import HistoryMixin

# Heavy columns a list never shows.
LIST_DEFERRED = ("text", "page_offsets", "metadata", "timings")

SUBMIT_EXAMPLES = [
    OpenApiExample(
        "Submit a URL",
        request_only=True,
        value={
            "url": "https://www.courtlistener.com/docket/68990373/musk-v-altman/",
            "kind": "other",
            "case": "musk-v-altman-ndcal",
        },
    ),
    OpenApiExample(
        "Submit pasted text",
        request_only=True,
        value={
            "text": "Elon Musk testified on Thursday...",
            "kind": "news_article",
            "title": "Musk testifies",
            "published": "2026-04-30",
        },
    ),
]


class DocumentJSONSubmissionSerializer(DocumentSubmissionSerializer):
    """The schema of a JSON submission: the same fields without the file (multipart only)."""

    file = None  # type: ignore[assignment]


@extend_schema_view(
    list=extend_schema(summary="List documents (no text; cursor pages)"),
    retrieve=extend_schema(
        summary="One document with its text; poll `status` and `error` after a submission"
    ),
    create=extend_schema(
        summary="Submit a document: a file (multipart), a text or a URL",
        description="Needs knowledge.add_document. Answers 202 with the queued document (its "
        "`url` to poll and its `status`); 200 with the existing document when the same content "
        "(or URL) was already submitted.",
        request={
            "multipart/form-data": DocumentSubmissionSerializer,
            "application/json": DocumentJSONSubmissionSerializer,
        },
        responses={
            202: OpenApiResponse(DocumentSerializer, description="Queued for processing."),
            200: OpenApiResponse(DocumentSerializer, description="Already submitted."),
        },
        examples=SUBMIT_EXAMPLES,
    ),
    update=extend_schema(request=DocumentUpdateSerializer, responses=DocumentDetailSerializer),
    partial_update=extend_schema(
        request=DocumentUpdateSerializer, responses=DocumentDetailSerializer
    ),
)
class DocumentViewSet(HistoryMixin, CasebaseViewSet):
    """Filings, transcripts, articles: metadata, processing status and extracted text."""

    serializer_class = DocumentSerializer
    write_serializer_class = DocumentUpdateSerializer
    filterset_class = filters.DocumentFilter
    pagination_class = StableCursorPagination
    search_fields = ["title", "publisher"]
    ordering_fields = ["id", "published_on", "title", "created_at"]
    ordering = ("-id",)

    def get_queryset(self) -> QuerySet[Document]:
        documents = Document.objects.visible_to(self.request.user).select_related("case")
        if self.action == "list":
            documents = documents.defer(*LIST_DEFERRED)
        return documents

    def get_serializer_class(self) -> Any:
        if self.action == "create":
            return DocumentSubmissionSerializer
        if self.action == "retrieve":
            return DocumentDetailSerializer
        return super().get_serializer_class()

    def get_parsers(self) -> list[BaseParser]:
        """A submission may also be a multipart upload (or a form); other writes are JSON."""
        # called before DRF sets ``action`` on a request (not so when the schema is generated)
        method = str(getattr(self.request, "method", None) or "").lower()
        if (getattr(self, "action", None) or self.action_map.get(method)) == "create":
            return [JSONParser(), MultiPartParser(), FormParser()]
        return super().get_parsers()

    def max_body_bytes(self) -> int:
        # a whole upload plus room for the multipart envelope and the metadata fields
        return int(settings.CASEBASE_MAX_UPLOAD_BYTES) + 1024 * 1024

    def read_data(self, instance: Any) -> Any:
        return DocumentDetailSerializer(instance, context=self.get_serializer_context()).data

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = DocumentSubmissionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            result = submit(serializer.submission(), user=request.user)
        except Refused as refusal:
            raise refusal_error(refusal) from refusal
        data = DocumentSerializer(result.document, context=self.get_serializer_context()).data
        code = status.HTTP_202_ACCEPTED if result.created else status.HTTP_200_OK
        return Response(data, status=code, headers={"Location": data["url"]})

    def perform_destroy(self, instance: Document) -> None:
        deletion.delete_document(instance)

    @extend_schema(
        summary="Queue a document for processing again (needs knowledge.change_document)",
        request=None,
        responses={202: DocumentSerializer},
    )
    @action(detail=True, methods=["post"])
    def reprocess(self, request: Request, pk: str | None = None) -> Response:
        document = self.get_object()
        try:
            intake.reprocess(document)
        except intake.IngestError as exc:
            raise serializers.ValidationError({"non_field_errors": [str(exc)]}) from exc
        data = DocumentSerializer(document, context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_202_ACCEPTED)
