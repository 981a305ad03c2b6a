"""Hostile PDFs built from raw bytes: a decompression bomb and page trees of absurd size.

Nothing here is read from disk: each builder returns the bytes of a small file whose
declared or implied size is enormous.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def assemble(objects: Sequence[bytes], root: int = 1) -> bytes:
    """A syntactically complete PDF: header, numbered objects, xref table and trailer."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\n" % (len(objects) + 1, root)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def stream(data: bytes, *, flate: bool = False, extra: bytes = b"") -> bytes:
    filters = b" /Filter /FlateDecode" if flate else b""
    return b"<< /Length %d%s%s >>\nstream\n" % (len(data), filters, extra) + data + b"\nendstream"


def deflated(chunk: bytes, repeat: int) -> bytes:
    """``chunk * repeat`` deflated, without ever holding the inflated bytes in memory."""
    packer = zlib.compressobj(9)
    parts = [packer.compress(chunk) for _ in range(repeat)]
    parts.append(packer.flush())
    return b"".join(parts)


def one_page(content: bytes, *, flate: bool = False) -> bytes:
    """A one-page PDF whose page draws ``content`` (already deflated when ``flate``)."""
    return assemble(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            stream(content, flate=flate),
            FONT,
        ]
    )


def text_page(text: str) -> bytes:
    """A one-page PDF showing ``text`` (ASCII) in Helvetica."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return one_page(b"BT /F1 12 Tf 72 720 Td (" + escaped.encode("latin-1") + b") Tj ET")


TEXT_OPS = b"BT /F1 12 Tf 72 720 Td (bomb) Tj ET\n"
EMPTY_TEXT_OPS = b"BT /F1 12 Tf 72 720 Td () Tj ET\n"  # text operators that draw nothing


def text_ops(mib: int, ops: bytes = TEXT_OPS) -> bytes:
    """``mib`` MiB of text-drawing operators, deflated."""
    block = (ops * (1024 * 1024 // len(ops) + 1))[: 1024 * 1024]
    return deflated(block, mib)


def decompression_bomb(inflated_mb: int = 1100) -> bytes:
    """One page whose FlateDecode content stream inflates to ``inflated_mb`` MiB of text ops
    (a few hundredth of that is stored)."""
    return one_page(text_ops(inflated_mb), flate=True)


def heavy_shared_pages(levels: int, inflated_mb: int, *, empty: bool = False) -> bytes:
    """2**levels pages that all draw one content stream of ``inflated_mb`` MiB: each page is
    under every per-stream limit, the whole is hours of parsing in a few kilobytes."""
    ops = EMPTY_TEXT_OPS if empty else TEXT_OPS
    return doubling_page_tree(levels, text_ops(inflated_mb, ops))


def claimed_page_count(count: int = 1_000_000) -> bytes:
    """A page tree whose root claims ``count`` pages and holds one."""
    return assemble(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % count,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            stream(b"BT /F1 12 Tf 72 720 Td (one real page of many claimed) Tj ET"),
            FONT,
        ]
    )


def doubling_page_tree(levels: int = 20, content: bytes | None = None) -> bytes:
    """A page tree in which each node lists the next one twice: 2**levels pages in
    ``levels`` objects (1,048,576 for 20). The root honestly counts them all. Every page
    draws the same content stream (``content``, deflated, when given)."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(levels):
        number = level + 2
        child = number + 1
        objects.append(
            b"<< /Type /Pages /Kids [%d 0 R %d 0 R] /Count %d >>"
            % (child, child, 2 ** (levels - level))
        )
    page = len(objects) + 1
    objects.append(
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R"
        b" /Resources << /Font << /F1 %d 0 R >> >> >>" % (page - 1, page + 1, page + 2)
    )
    if content is None:
        objects.append(stream(b"BT /F1 12 Tf 72 720 Td (a page shared a million times) Tj ET"))
    else:
        objects.append(stream(content, flate=True))
    objects.append(FONT)
    return assemble(objects)


def understated_page_tree(levels: int = 20) -> bytes:
    """The doubling tree whose every /Count claims a single page."""
    return doubling_page_tree(levels).replace(b"/Count ", b"/Count 1 /X ")
