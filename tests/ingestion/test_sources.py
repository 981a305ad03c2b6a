"""Upload validation, type sniffing and the SSRF-safe URL fetcher."""

from __future__ import annotations

import pytest

from casebase.sources.addresses import is_public_address
from casebase.sources.errors import FetchRefused, SourceError
from casebase.sources.fetch import check_url, fetch_url
from casebase.sources.sniff import HTML, JSON, PDF, TEXT, sniff_media_type
from casebase.sources.uploads import validate_upload

from .conftest import LocalServer


@pytest.mark.parametrize("data", [b"", b"   \n\t "])
def test_empty_upload_is_refused(data: bytes) -> None:
    with pytest.raises(SourceError, match="empty"):
        validate_upload(data, "blank.txt")


def test_upload_over_the_limit_is_refused(settings: pytest.FixtureRequest) -> None:
    settings.CASEBASE_MAX_UPLOAD_BYTES = 1000  # type: ignore[attr-defined]
    validate_upload(b"x" * 1000, "ok.txt")
    with pytest.raises(SourceError, match="limit is 1000 bytes"):
        validate_upload(b"x" * 1001, "big.txt")


def test_default_limit_is_25_megabytes() -> None:
    from casebase.sources.uploads import max_upload_bytes

    assert max_upload_bytes() == 25 * 1024 * 1024


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", PDF),
        (b"\xef\xbb\xbf<!DOCTYPE html><html><body>x</body></html>", HTML),
        (b"  <p>Just a fragment of markup</p>", HTML),
        (b'{"text": "hello", "title": "t"}', JSON),
        (b'[{"text": "a"}]', JSON),
        (b"[*2] M LLC; and for 2010", TEXT),
        (b"Plain words, nothing else.", TEXT),
        (b"\xff\xfeh\x00i\x00", TEXT),
    ],
)
def test_sniffing_reads_the_bytes(data: bytes, expected: str) -> None:
    assert sniff_media_type(data) == expected


@pytest.mark.parametrize(
    "data", [b"\x89PNG\r\n\x1a\n....", b"PK\x03\x04zip", b"\x7fELF\x02\x01\x00\x00binary"]
)
def test_binary_formats_are_refused(data: bytes) -> None:
    with pytest.raises(SourceError):
        sniff_media_type(data)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.9.10",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "100.64.0.1",
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        "64:ff9b::7f00:1",
        "2002:7f00:1::",
    ],
)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert is_public_address(address) is False


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert is_public_address(address) is True


@pytest.mark.parametrize(
    "url",
    ["ftp://example.org/x", "file:///etc/passwd", "example.org", "", "http://[::1", "http://[zz]/"],
)
def test_only_http_urls_are_accepted(url: str) -> None:
    with pytest.raises(SourceError):
        check_url(url)


def test_loopback_server_is_refused_before_any_request(local_server: LocalServer) -> None:
    with pytest.raises(FetchRefused):
        fetch_url(local_server.base + "/doc")
    assert local_server.hits == []


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost/",
        "http://0x7f000001/",
        "http://2130706433/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
    ],
)
def test_disguised_private_hosts_are_refused(url: str) -> None:
    with pytest.raises(FetchRefused):
        fetch_url(url, timeout=2)


def test_redirect_from_loopback_is_refused_at_the_first_hop(local_server: LocalServer) -> None:
    with pytest.raises(FetchRefused):
        fetch_url(local_server.base + "/metadata")
    assert local_server.hits == []


def test_every_redirect_hop_is_checked(settings: object, local_server: LocalServer) -> None:
    """With loopback allowed (tests only), the redirect to the metadata address is refused."""
    settings.CASEBASE_FETCH_ALLOWED_ADDRESSES = ["127.0.0.1"]  # type: ignore[attr-defined]
    with pytest.raises(FetchRefused, match=r"169\.254\.169\.254"):
        fetch_url(local_server.base + "/metadata")
    assert local_server.hits == ["/metadata"]
    with pytest.raises(FetchRefused):
        fetch_url(local_server.base + "/to-loopback")


def test_allowed_fetch_follows_redirects(settings: object, local_server: LocalServer) -> None:
    settings.CASEBASE_FETCH_ALLOWED_ADDRESSES = ["127.0.0.1"]  # type: ignore[attr-defined]
    fetched = fetch_url(local_server.base + "/to-doc")
    assert fetched.url == local_server.base + "/doc"
    assert b"Elon Musk testified" in fetched.data
    assert fetched.content_type == "text/html"
    assert fetched.filename == "doc"
    assert local_server.hits == ["/to-doc", "/doc"]


def test_fetch_limits(settings: object, local_server: LocalServer) -> None:
    settings.CASEBASE_FETCH_ALLOWED_ADDRESSES = ["127.0.0.1"]  # type: ignore[attr-defined]
    with pytest.raises(SourceError, match="limit"):
        fetch_url(local_server.base + "/big", max_bytes=10_000)
    with pytest.raises(SourceError, match="redirects"):
        fetch_url(local_server.base + "/loop")
    with pytest.raises(SourceError, match="HTTP 404"):
        fetch_url(local_server.base + "/missing")
    with pytest.raises(SourceError):
        fetch_url(local_server.base + "/slow", timeout=0.5)


def test_resolution_is_checked_at_connect_time() -> None:
    """The injected resolver's answer is what is vetted and connected to: any private answer
    among the addresses refuses the host, so DNS rebinding has no gap to use."""
    calls: list[str] = []

    def rebinding(host: str, port: int) -> list[str]:
        calls.append(host)
        return ["93.184.216.34", "10.0.0.7"]

    with pytest.raises(FetchRefused):
        fetch_url("https://news.example/article", resolver=rebinding)
    assert calls == ["news.example"]


def test_read_upload_refuses_before_reading(settings: object) -> None:
    import io

    from casebase.sources.uploads import read_upload

    settings.CASEBASE_MAX_UPLOAD_BYTES = 100  # type: ignore[attr-defined]

    class Huge(io.BytesIO):
        size = 10**12

        def read(self, *args: object) -> bytes:
            raise AssertionError("a refused upload must not be read")

    with pytest.raises(SourceError, match="limit is 100 bytes"):
        read_upload(Huge(), "huge.pdf")
    with pytest.raises(SourceError, match="limit"):
        read_upload(io.BytesIO(b"x" * 500), "unsized.txt")  # no size: reads at most 101 bytes
    assert read_upload(io.BytesIO(b"fine text"), "ok.txt") == b"fine text"
