"""TCVN3 and VNI: text encoded with the independent tables of
scripts/make_variants.py comes back as the same Unicode text."""
import sys
import unicodedata
from pathlib import Path

import pytest

from pipeline.readers import legacy

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from make_variants import encode_tcvn3, encode_vni  # noqa: E402

SENTENCES = [
    "Sở Tư pháp chủ trì, phối hợp với Ủy ban nhân dân các huyện triển khai thực hiện Kế hoạch này.",
    "Giao Sở Kế hoạch và Đầu tư hướng dẫn các đơn vị xây dựng dự toán ngân sách năm 2027.",
    "Bảo đảm 100% hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến; khuyến khích người dân.",
    "Trường mầm non, tiểu học ở vùng sâu, vùng xa được ưu tiên đầu tư cơ sở vật chất; thủy lợi, kỹ thuật.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_vni_round_trip(sentence):
    encoded = encode_vni(sentence)
    assert encoded != sentence
    assert legacy.detect(encoded) == "vni"
    assert legacy.decode_vni(encoded) == sentence


@pytest.mark.parametrize("sentence", SENTENCES)
def test_tcvn3_round_trip_keeps_capital_words(sentence):
    encoded = encode_tcvn3(sentence)
    assert legacy.detect(encoded) == "tcvn3"
    decoded = legacy.decode_tcvn3(encoded)
    assert decoded.lower() == sentence.lower()
    assert decoded.split()[0] == sentence.split()[0]


def test_tcvn3_lines_in_capitals_get_toned_capitals_back():
    assert legacy.decode_tcvn3(encode_tcvn3("QUYẾT ĐỊNH\nỦY BAN NHÂN DÂN TỈNH")) == "QUYẾT ĐỊNH\nỦY BAN NHÂN DÂN TỈNH"


def test_known_samples():
    assert legacy.decode_tcvn3("Së T\u00ad ph¸p") == "Sở Tư pháp"
    assert legacy.decode_vni("Sôû Tö phaùp") == "Sở Tư pháp"


def test_unicode_and_foreign_text_are_left_alone():
    for text in SENTENCES + ["Café crème brûlée à la française, naïve señor."]:
        assert legacy.to_unicode(text) == (text, "")


def test_fonts_name_their_encoding():
    assert legacy.decode_font_text("Së Y tÕ", ".VnTime") == "Sở Y tế"
    assert legacy.decode_font_text("quyÕt ®Þnh", ".VnTimeH") == "QUYẾT ĐỊNH"
    assert legacy.decode_font_text("Sôû Y teá", "VNI-Times") == "Sở Y tế"
    assert legacy.decode_font_text("Sở Y tế", "Times New Roman") == "Sở Y tế"


def test_unicode_vietnamese_is_recognised_without_decoding(monkeypatch):
    def decoded(text, *args):
        raise AssertionError("Unicode text decoded as a legacy encoding")
    monkeypatch.setattr(legacy, "decode_tcvn3", decoded)
    monkeypatch.setattr(legacy, "decode_vni", decoded)
    text = ("Ủy ban nhân dân tỉnh Thái Nguyên giao Sở Xây dựng chủ trì rà soát quy hoạch chung, "
            "báo cáo kết quả trước quý IV/2026; Sở Tài chính bảo đảm kinh phí.")
    assert legacy.detect(text) == ""
    assert legacy.detect(unicodedata.normalize("NFD", text)) == ""


def test_legacy_body_under_a_unicode_heading_is_still_found():
    heading = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    assert legacy.detect(heading + encode_tcvn3("\n".join(SENTENCES * 2))) == "tcvn3"
    assert legacy.detect(heading + encode_vni("\n".join(SENTENCES * 2))) == "vni"


# a plan as an office typed it in TCVN3: header block and title in capitals, "Số:" above the body
PLAN = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
Số: 215/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Tĩnh, ngày 14 tháng 3 năm 2026

KẾ HOẠCH
VỀ
VIỆC TRIỂN KHAI CÔNG TÁC PHÒNG CHÁY, CHỮA CHÁY NĂM 2026

Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
1. Ủy ban nhân dân các xã chủ trì, phối hợp với Công an tỉnh kiểm tra an toàn phòng cháy tại các chợ, hoàn thành trước ngày 30/6/2026.
2. Sở Tài chính bảo đảm kinh phí thực hiện Kế hoạch này.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Lê Ngọc Ánh
"""


def _read_plan(tmp_path, content: bytes):
    from pipeline.process import process
    from pipeline.readers import read
    path = tmp_path / "ke-hoach.txt"
    path.write_bytes(content)
    return process(read(path), "0" * 64).document


@pytest.mark.parametrize("encode", [encode_tcvn3, encode_vni])
def test_legacy_plan_gives_the_fields_of_its_unicode_text(tmp_path, encode):
    from make_variants import legacy_bytes
    unicode = _read_plan(tmp_path, PLAN.encode("utf-8"))
    document = _read_plan(tmp_path, legacy_bytes(encode(PLAN)))
    fields = ("number", "issue_date", "doc_type", "issuer", "title", "signer")
    assert [getattr(document, f) for f in fields] == [getattr(unicode, f) for f in fields]
    assert document.number == "215/KH-UBND" and document.issuer.endswith("tỉnh Hà Tĩnh")
    assert (document.signer.title, document.signer.name) == ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "Lê Ngọc Ánh")


def test_tcvn3_words_without_a_capital_code_take_their_case_from_the_context():
    decoded = legacy.decode_tcvn3(encode_tcvn3(PLAN))
    assert "\nSố: 215/KH-UBND\n" in decoded  # not 'SỐ', though KH-UBND is in capitals
    assert "\nKẾ HOẠCH\nVỀ\nVIỆC TRIỂN KHAI" in decoded  # a lone word above a line in capitals
    assert "\n1. Ủy ban nhân dân các xã" in decoded and "\nỦy ban nhân dân tỉnh ban hành" in decoded
    assert decoded.endswith("\nLê Ngọc Ánh\n")


def test_a_unicode_line_of_a_legacy_file_is_left_as_it_is():
    heading = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    body = "\n".join(SENTENCES * 2)
    assert legacy.decode_tcvn3(heading + "\n" + encode_tcvn3(body)) == heading + "\n" + legacy.decode_tcvn3(
        encode_tcvn3(body))
    assert legacy.decode_vni(heading + "\n" + encode_vni(body)) == heading + "\n" + body
