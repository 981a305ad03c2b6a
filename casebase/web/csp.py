"""The Content-Security-Policy middleware: django-csp's, with one narrow exception.

The policy itself is ``CONTENT_SECURITY_POLICY`` in the settings (docs/deploy.md,
"Content-Security-Policy"). DRF's browsable API pages put a few fixed ``style`` attributes on
their buttons and filter fields (``rest_framework/base.html``, ``filters/search.html``,
``filters/ordering.html``, ``horizontal/*fieldset.html``). Those pages alone may apply exactly these
attribute values, allowed by hash: no other inline style, and no inline script anywhere.
"""

from __future__ import annotations

import base64
import hashlib

from csp.constants import UNSAFE_HASHES
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.middleware import PolicyParts
from django.http import HttpRequest, HttpResponseBase

BROWSABLE_API_PREFIX = "/api/v1/"
BROWSABLE_API_STYLE_ATTRIBUTES = (
    "float: right; margin-right: 10px",
    "float: right",
    "width: 350px",
    "border-bottom: 1px solid #e5e5e5",
    "border-bottom: 0",
)


def source_hash(value: str) -> str:
    """The CSP source expression allowing exactly this inline text (``'sha256-...'``)."""
    digest = hashlib.sha256(value.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


BROWSABLE_API_STYLES = {
    "style-src-attr": [UNSAFE_HASHES, *map(source_hash, BROWSABLE_API_STYLE_ATTRIBUTES)]
}


def is_browsable_api_page(request: HttpRequest, response: HttpResponseBase) -> bool:
    """An HTML answer under the versioned API: the browsable API (cached or freshly rendered)."""
    html = response.get("Content-Type", "").startswith("text/html")
    return html and request.path_info.startswith(BROWSABLE_API_PREFIX)


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if is_browsable_api_page(request, response):
            parts.update = {**(parts.update or {}), **BROWSABLE_API_STYLES}
        return parts
