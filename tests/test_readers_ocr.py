"""OCR: a Vietnamese text rendered into an image (and into a scanned PDF with no
text layer) is read back by Tesseract, and the source says OCR was used."""
from pathlib import Path

import pytest

from pipeline.readers import ocr, read

FONTS = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
         Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")]
FONT = next((f for f in FONTS if f.exists()), None)
LINES = ["KẾ HOẠCH", "Sở Tư pháp chủ trì thực hiện", "Ủy ban nhân dân tỉnh Nghệ An", "trước ngày 30 tháng 6 năm 2026"]

pytestmark = [pytest.mark.skipif(not ocr.available(), reason="Tesseract is not installed"),
              pytest.mark.skipif(FONT is None, reason="no TTF font with Vietnamese glyphs (fonts-dejavu-core)")]


def _page():
    from PIL import Image, ImageDraw, ImageFont
    image = Image.new("RGB", (1700, 700), "white")
    draw, font = ImageDraw.Draw(image), ImageFont.truetype(str(FONT), 48)
    for i, line in enumerate(LINES):
        draw.text((100, 80 + 140 * i), line, fill="black", font=font)
    return image


def _assert_read(text: str):
    for word in ("HOẠCH", "Tư pháp", "chủ trì", "Nghệ An", "tháng"):
        assert word in text


def test_image_is_read_with_ocr(tmp_path):
    _page().save(tmp_path / "scan.png")
    source = read(tmp_path / "scan.png")
    _assert_read(source.text)
    assert source.ocr_pages == [1] and "OCR used on pages 1" in source.warnings


def test_scanned_pdf_pages_are_read_with_ocr(tmp_path):
    _page().save(tmp_path / "scan.pdf", resolution=150)
    source = read(tmp_path / "scan.pdf")
    _assert_read(source.text)
    assert source.format == "pdf" and source.ocr_pages == [1]


def test_page_ranges_are_labelled():
    assert ocr.page_range_label([1, 2, 3, 5, 7, 8]) == "1-3, 5, 7-8"
