"""Scan clean-up before OCR, each step on a page drawn here: coloured ink
(seal, stamp, signature) painted over with paper, the page turned straight by
its text lines, its text brought to a readable height;
a page read with OCR is cleaned first (the stamp's words are not read)."""
from pathlib import Path

import numpy as np
import pytest

from pipeline.readers import ocr, read
from pipeline.readers.scan_cleanup import (X_HEIGHT, clean_page, deskewed, ocr_scale, skew_angle,
                                           without_colour_ink, x_height)

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
LINES = ["Sở Tài nguyên và Môi trường chủ trì, phối hợp với các sở,", "ngành rà soát quỹ đất công trên địa bàn tỉnh",
         "và báo cáo Ủy ban nhân dân tỉnh trước ngày 30/9/2026.", "Sở Xây dựng hướng dẫn thực hiện quy hoạch chung,",
         "kiểm tra chất lượng công trình xây dựng định kỳ."]
RED, BLUE = (205, 35, 45), (40, 70, 190)

needs_font = pytest.mark.skipif(not FONT.exists(), reason="no TTF font with Vietnamese glyphs (fonts-dejavu-core)")


def _page(size: int = 40, paper: int = 255):
    """An RGB page of LINES in black, `size` px letters, on `paper` grey."""
    from PIL import Image, ImageDraw, ImageFont
    image = Image.new("RGB", (1800, 200 + 2 * size * len(LINES)), (paper,) * 3)
    draw, font = ImageDraw.Draw(image), ImageFont.truetype(str(FONT), size)
    for i, line in enumerate(LINES):
        draw.text((80, 100 + 2 * size * i), line, fill="black", font=font)
    return image


def _with_seal(image):
    """A red ring and a blue stamp frame drawn over the text, multiplied like ink."""
    from PIL import Image, ImageChops, ImageDraw
    layer = Image.new("RGB", image.size, "white")
    draw = ImageDraw.Draw(layer)
    draw.ellipse((200, 60, 560, 420), outline=RED, width=14)
    draw.rectangle((900, 80, 1500, 300), outline=BLUE, width=10)
    return ImageChops.multiply(image, layer)


@needs_font
def test_red_and_blue_ink_is_painted_over_and_black_print_under_it_kept():
    plain, sealed = np.asarray(_page().convert("L")), np.asarray(_with_seal(_page()))
    cleaned = without_colour_ink(sealed)
    coloured = (sealed.max(axis=2) - sealed.min(axis=2)) > 60
    assert coloured.sum() > 10000 and (cleaned[coloured] == 255).all()
    print_under_ink = (plain < 60) & (sealed.max(axis=2) < 60)  # black print the seal crossed
    assert print_under_ink.sum() > 100 and (cleaned[print_under_ink] < 128).all()


@needs_font
@pytest.mark.parametrize("angle", [-1.8, -1.0, 1.3, 2.0])
def test_skew_angle_is_found_from_text_lines_and_turned_back(angle):
    from PIL import Image
    gray = np.asarray(_page().convert("L").rotate(angle, resample=Image.BICUBIC, fillcolor=255))
    assert abs(skew_angle(gray) - angle) <= 0.2
    straight, turned_by = deskewed(gray)
    assert abs(turned_by - angle) <= 0.2 and abs(skew_angle(straight)) <= 0.2


@needs_font
def test_a_straight_page_is_left_as_it_is():
    gray = np.asarray(_page().convert("L"))
    assert deskewed(gray) == (gray, 0.0) or np.array_equal(deskewed(gray)[0], gray)


@needs_font
def test_small_text_is_enlarged_large_text_reduced_readable_text_kept():
    small, readable, large = (np.asarray(_page(size).convert("L")) for size in (18, 40, 110))
    assert x_height(small) < x_height(readable) < x_height(large)
    assert ocr_scale(small) > 1.5 and ocr_scale(readable) == 1.0 and ocr_scale(large) < 0.7
    enlarged = clean_page(np.asarray(_page(18).convert("RGB")))
    assert abs(x_height(enlarged.gray) - X_HEIGHT) <= 0.25 * X_HEIGHT


@needs_font
def test_the_rules_of_a_table_are_not_lines_of_text():
    """Each line of the page in a row of a ruled table: 3 px rules above and under every
    line, across the page, are taller than the 2 px a line of text must span."""
    from PIL import ImageDraw
    page = _page(40)
    draw = ImageDraw.Draw(page)
    for i in range(len(LINES) + 1):
        draw.line((60, 90 + 80 * i, 1760, 90 + 80 * i), fill="black", width=3)
    ruled = np.asarray(page.convert("L"))
    assert abs(x_height(ruled) - x_height(np.asarray(_page(40).convert("L")))) <= 1
    assert ocr_scale(ruled) == 1.0


@pytest.mark.skipif(not ocr.available(), reason="Tesseract is not installed")
@needs_font
def test_a_stamp_over_the_page_is_not_read(tmp_path):
    from PIL import Image, ImageChops, ImageDraw, ImageFont
    page = _page(paper=225)
    stamp = Image.new("RGB", page.size, "white")
    ImageDraw.Draw(stamp).text((1000, 20), "CÔNG VĂN ĐẾN", fill=RED, font=ImageFont.truetype(str(FONT), 60))
    ImageChops.multiply(page, stamp).rotate(1.5, resample=Image.BICUBIC, fillcolor="white").save(tmp_path / "s.png")
    text = read(tmp_path / "s.png").text
    assert "ĐẾN" not in text.upper() and "VĂN" not in text.upper()
    assert "quỹ đất công" in text and "30/9/2026" in text
