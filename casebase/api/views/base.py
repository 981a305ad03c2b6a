"""What every API viewset shares: error-documenting schema, ETags, expansions, read/write
serializers."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Model
from rest_framework import status, viewsets
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.pagination import BasePagination
from rest_framework.parsers import BaseParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from casebase.knowledge.models.querysets import Reader

from ..backends import StrictFilterBackend, StrictOrderingFilter, StrictSearchFilter
from ..conditional import ConditionalGetMixin
from ..errors import PayloadTooLarge
from ..expand import requested_expansions
from ..pagination import StrictLimitOffsetPagination
from ..parsers import JSONParser
from ..permissions import ModelPermissionsWithChangeActions
from ..schema import CasebaseAutoSchema

WRITE_ACTIONS = frozenset({"create", "update", "partial_update"})


class CasebaseViewSet(ConditionalGetMixin, viewsets.ModelViewSet):
    """A model resource: anonymous read, model permissions to write.

    ``write_serializer_class`` (if set) validates input; answers always use ``serializer_class``.
    ``expandable`` names the ``?expand=`` options; a detail view expands them all.
    """

    schema = CasebaseAutoSchema()
    # Token first: a request without credentials gets 401 with "WWW-Authenticate: Token".
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    permission_classes = [ModelPermissionsWithChangeActions]
    # JSON bodies only: a form cannot say null, a number or a list the way the schema does.
    parser_classes: list[type[BaseParser]] = [JSONParser]
    filter_backends = [StrictFilterBackend, StrictSearchFilter, StrictOrderingFilter]
    pagination_class: type[BasePagination] | None = StrictLimitOffsetPagination
    write_serializer_class: type[BaseSerializer[Any]] | None = None
    expandable: frozenset[str] = frozenset()

    def max_body_bytes(self) -> int:
        return int(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        """After authentication, permissions and throttles: refuse oversized bodies unread."""
        super().initial(request, *args, **kwargs)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > self.max_body_bytes():
            raise PayloadTooLarge(
                f"The request body is {length} bytes; the limit is {self.max_body_bytes()}."
            )

    @property
    def expansions(self) -> frozenset[str]:
        if not hasattr(self, "_expansions"):
            if getattr(self, "action", None) == "retrieve":
                self._expansions = self.expandable
            elif getattr(self, "action", None) == "list" and self.expandable:
                self._expansions = requested_expansions(self.request, self.expandable)
            else:
                self._expansions = frozenset()
        return self._expansions

    def get_serializer_context(self) -> dict[str, Any]:
        context = dict(super().get_serializer_context())
        context["expand"] = self.expansions
        return context

    def get_serializer_class(self) -> type[BaseSerializer[Any]]:
        if self.action in WRITE_ACTIONS and self.write_serializer_class is not None:
            return self.write_serializer_class
        return super().get_serializer_class()

    def read_data(self, instance: Model) -> Any:
        serializer_class = self.serializer_class
        assert serializer_class is not None
        return serializer_class(instance, context=self.get_serializer_context()).data

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        instance = serializer.save()
        created = self.get_queryset().get(pk=instance.pk)  # with the list's annotations
        return Response(self.read_data(created), status=status.HTTP_201_CREATED)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        partial = kwargs.pop("partial", False)
        instance = self.get_object()
        serializer = self.get_serializer(instance, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        instance = serializer.save()
        return Response(self.read_data(self.get_queryset().get(pk=instance.pk)))

    @property
    def reader(self) -> Reader:
        """Who reads (``visible_to``); nobody while the schema is generated."""
        request = getattr(self, "request", None)
        return None if request is None else request.user
