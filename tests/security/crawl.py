"""A small same-site crawler for the security tests: pages, their links and their forms.

Generic on purpose: it starts from a few seed URLs (the home page, every argument-free web URL,
the pages of given objects) and follows links, so pages and forms added later are covered too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch

# Not HTML pages: the API (tests/api), Atom feeds (tests/security/test_feeds.py), files.
SKIP_PREFIXES = ("/admin/", "/api/", "/feeds/", "/static/", "/media/")


@dataclass
class Form:
    page: str
    action: str
    method: str
    has_csrf_token: bool
    csrf_token: str = ""
    fields: dict[str, str] = field(default_factory=dict)


class _PageParser(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._form: Form | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
        elif tag == "form":
            action = urljoin(self.page, values.get("action") or self.page)
            method = (values.get("method") or "get").lower()
            self._form = Form(self.page, action, method, has_csrf_token=False)
            self.forms.append(self._form)
        elif tag in {"input", "select", "textarea", "button"} and self._form is not None:
            name = values.get("name", "")
            if name == "csrfmiddlewaretoken":
                self._form.has_csrf_token = True
                self._form.csrf_token = values.get("value", "")
            elif name and values.get("type") not in {"submit", "button", "file"}:
                self._form.fields[name] = values.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None


@dataclass
class Crawl:
    pages: dict[str, tuple[int, str]] = field(default_factory=dict)  # url -> (status, body)
    forms: list[Form] = field(default_factory=list)
    # files served for download (Content-Disposition: attachment, never shown by the browser):
    # citation files hold the raw titles a reference manager needs -> status
    downloads: dict[str, int] = field(default_factory=dict)


def named_patterns(
    patterns: list[URLPattern | URLResolver] | None = None, namespace: str = ""
) -> Iterator[tuple[str, URLPattern]]:
    """Every named URL pattern of the project, with its namespaced name ("v1:event-list")."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from named_patterns(pattern.url_patterns, inner)
        elif pattern.name:
            yield f"{namespace}{pattern.name}", pattern


def web_urls_without_arguments() -> list[str]:
    """Every named URL of the site that takes no argument (outside admin and API)."""
    found = set()
    for name, _ in named_patterns():
        try:
            found.add(reverse(name))
        except NoReverseMatch:
            continue
    return sorted(url for url in found if not url.startswith(SKIP_PREFIXES))


def _same_site(href: str, page: str) -> str | None:
    url = urljoin(page, href)
    parts = urlsplit(url)
    if parts.scheme not in {"", "http", "https"} or parts.netloc not in {"", "testserver"}:
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    if not path.startswith("/") or path.startswith(SKIP_PREFIXES) or "logout" in path:
        return None
    return path


def crawl(client: Client, seeds: list[str], limit: int = 250) -> Crawl:
    """GET the seeds and every same-site page they link to, up to ``limit`` pages."""
    result = Crawl()
    queue = list(dict.fromkeys(seeds))
    while queue and len(result.pages) < limit:
        url = queue.pop(0)
        if url in result.pages or url in result.downloads:
            continue
        response = client.get(url, follow=False)
        if response.get("Content-Disposition", "").startswith("attachment"):
            result.downloads[url] = response.status_code
            continue
        body = response.content.decode("utf-8", "replace")
        result.pages[url] = (response.status_code, body)
        if response.status_code in {301, 302, 303, 307, 308}:
            target = _same_site(response["Location"], url)
            if target and target not in result.pages:
                queue.append(target)
            continue
        if "html" not in response.get("Content-Type", ""):
            continue
        parser = _PageParser(url)
        parser.feed(body)
        result.forms += parser.forms
        for href in parser.links:
            target = _same_site(href, url)
            if target and target not in result.pages:
                queue.append(target)
    return result


def post_forms(client: Client, seeds: list[str]) -> list[Form]:
    """The distinct POST forms on the pages reachable from ``seeds``."""
    forms = crawl(client, seeds).forms
    return list({(f.action, f.method): f for f in forms if f.method == "post"}.values())
