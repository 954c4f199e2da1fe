"""A ruled appendix table in a scan, across a page break: the header row repeated on the next page
is dropped and a row cut by the break is read as one row, into the same table model as any input."""
from pathlib import Path

import pytest

from pipeline.process import process
from pipeline.readers import ocr, read
from pipeline.readers.pdf_layout import Line, pages_text

FONTS = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
         Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")]
FONT = next((f for f in FONTS if f.exists()), None)
HEADER = ["TT", "Nhiệm vụ", "Cơ quan chủ trì"]
XS = [200, 420, 1100, 1600]


def _table(rows, top=300.0):
    return Line("", 100.0, 500.0, top - 200, top, [list(row) for row in rows])


def test_repeated_header_is_dropped_and_the_cut_row_joined():
    first = [Line("Ủy ban nhân dân tỉnh giao nhiệm vụ như sau:", 100, 500, 700, 712),
             _table([HEADER, ["1", "Rà soát thủ tục", "Sở Tư pháp"], ["2", "Xây dựng cơ sở", "Sở Y tế"]])]
    second = [_table([HEADER, ["", "dữ liệu dân cư", ""], ["3", "Đào tạo cán bộ", "Sở Nội vụ"]], 780),
              Line("Sở Tài chính bố trí kinh phí thực hiện.", 100, 500, 400, 412)]
    texts, _ = pages_text([first, second])
    assert "| 2 | Xây dựng cơ sở dữ liệu dân cư | Sở Y tế |" in texts[0]
    assert texts[1].startswith("| 3 | Đào tạo cán bộ | Sở Nội vụ |")
    other = ["STT", "Chỉ tiêu", "Năm 2026"]  # a new table on the next page keeps its own header
    texts, _ = pages_text([[_table([HEADER, ["1", "Rà soát", "Sở Tư pháp"]])],
                           [_table([other, ["1", "Tỷ lệ hồ sơ", "90%"]], 780)]])
    assert texts[1].startswith("| STT | Chỉ tiêu | Năm 2026 |")


def _page(ys, rows, above=None, below=None):
    from PIL import Image, ImageDraw, ImageFont
    image = Image.new("L", (1800, 1500), 255)
    draw, font = ImageDraw.Draw(image), ImageFont.truetype(str(FONT), 40)
    if above:
        draw.text((200, 380), above, fill=0, font=font)
    for y in ys:
        draw.line([(XS[0], y), (XS[-1], y)], fill=0, width=3)
    for x in XS:
        draw.line([(x, ys[0]), (x, ys[-1])], fill=0, width=3)
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            draw.text((XS[j] + 20, ys[i] + 30), text, fill=0, font=font)
    if below:
        draw.text((200, ys[-1] + 120), below, fill=0, font=font)
    return image


@pytest.mark.skipif(not ocr.available() or FONT is None, reason="needs Tesseract and a Vietnamese TTF font")
def test_scanned_table_across_a_page_break_gives_one_task_per_row(tmp_path):
    first = _page([600, 720, 900, 1080, 1260], [HEADER, ["1", "Rà soát thủ tục", "Sở Tư pháp"],
                                                ["2", "Số hóa hồ sơ", "Sở Nội vụ"], ["3", "Xây dựng cơ sở", "Sở Y tế"]],
                  above="Ủy ban nhân dân tỉnh giao nhiệm vụ như sau:")
    second = _page([100, 220, 400, 580], [HEADER, ["", "dữ liệu dân cư", ""], ["4", "Đào tạo cán bộ", "Sở Tài chính"]],
                   below="Sở Tài chính bố trí kinh phí thực hiện.")
    first.save(tmp_path / "phu-luc.pdf", save_all=True, append_images=[second], resolution=300)
    doc = process(read(tmp_path / "phu-luc.pdf"), "0" * 64)
    found = {task.text: task.lead_agencies for task in doc.tasks}
    assert found.get("Xây dựng cơ sở dữ liệu dân cư") == ["Sở Y tế"]
    assert found.get("Đào tạo cán bộ") == ["Sở Tài chính"]
    assert not any("Nhiệm vụ" == text or "dữ liệu dân cư" == text for text in found)
