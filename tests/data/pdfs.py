"""Court-paper PDFs built in the test with fpdf2, so PDF extraction is tested from a plain clone.

They print what real filings print: a CM/ECF running header on every page, pleading-paper line
numbers down the margin, hyphenated line ends, several pages, and scanned pages that carry a
picture and no text layer. The real court PDFs stay outside the repository (``shared_dir``).
"""

from __future__ import annotations

import io
from collections.abc import Collection, Sequence

from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

DISTRICT_HEADER = "Case 4:24-cv-04722-YGR Document 32 Filed 11/14/24 Page {page} of {pages}"
APPELLATE_HEADER = "Case: 21-1298 Document: 42 Page: {page} Date Filed: 08/31/2022"

#: Body text of a made-up order, wrapped as a typewriter would, with hyphenated line ends.
ORDER_LINES = (
    "ORDER GRANTING IN PART THE MOTION TO DISMISS",
    "Plaintiff Alice Example alleges that Beta Labs trained its model on the out-",
    "puts of her company's model without permission. Beta Labs moves to dismiss",
    "the contract claim. The Court heard argument on March 3, 2024.",
    "The motion is granted in part and denied in part, as follows.",
)


def _scan(text: str) -> Image.Image:
    """A grey 'photograph' of a page: strokes on paper, no characters anywhere in the file."""
    image = Image.new("L", (425, 550), 235)
    draw = ImageDraw.Draw(image)
    for row in range(40, 520, 18):
        draw.line((40, row, 385 - (row * 7 + len(text)) % 90, row), fill=60, width=3)
    return image


def _typed_scan(lines: Sequence[str]) -> Image.Image:
    """A 200 dpi 'scan' of typed lines: a picture of the words, no characters in the file."""
    image = Image.new("L", (1300, 1500), 250)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=30)
    for row, line in enumerate(lines):
        draw.text((40, 40 + 60 * row), line, fill=20, font=font)
    return image


def court_pdf(
    pages: Sequence[Sequence[str]],
    *,
    header: str | None = None,
    line_numbers: bool = False,
    scanned: Collection[int] = (),
    readable_scans: bool = False,
) -> bytes:
    """A letter-size PDF with one page per item of ``pages``, each item the page's lines.

    ``header`` (with ``{page}`` and ``{pages}``) is stamped at the top of every page as CM/ECF
    does; ``line_numbers`` prints pleading paper's 1 to 28 down the left margin; the 1-based
    page numbers in ``scanned`` carry a picture instead of their lines (and still the header):
    strokes that no OCR reads, or with ``readable_scans`` a picture of the typed lines.
    """
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_auto_page_break(False)
    pdf.set_creator("casebase tests")
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        if header:
            pdf.set_font("Helvetica", size=9)
            pdf.text(72, 30, header.format(page=number, pages=len(pages)))
        if number in scanned:
            picture = _typed_scan(lines) if readable_scans else _scan(" ".join(lines))
            pdf.image(picture, x=72, y=72, w=468)
            continue
        pdf.set_font("Courier", size=12)
        for row in range(1, 29 if line_numbers else 0):
            pdf.text(40, 72 + 24 * (row - 1), str(row))
        for row, line in enumerate(lines):
            pdf.text(72, 72 + 24 * row, line)
    out = io.BytesIO()
    pdf.output(out)
    return out.getvalue()


def order_pdf(page_count: int = 2) -> bytes:
    """A made-up district-court order of ``page_count`` pages on pleading paper."""
    body = [
        [*ORDER_LINES[:1], f"Page {n} of the order.", *ORDER_LINES[1:]]
        for n in range(1, page_count + 1)
    ]
    return court_pdf(body, header=DISTRICT_HEADER, line_numbers=True)
