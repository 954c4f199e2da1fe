"""Percentage targets on administrative sentences, most written for these tests in the
style of Kế hoạch / Quyết định texts (not taken from the corpus)."""
import pytest

from extractors import targets
from pipeline import process
from pipeline.document import ParsedDocument
from pipeline.readers import SourceText
from pipeline.records import Document, Source


def extract(text: str, issue_date: str = "2025-03-10") -> list:
    doc = ParsedDocument(source=SourceText("kh.txt", "txt", text), doc_id="d1", sha256="0" * 64)
    doc = process.segment(process.normalize(doc))
    doc.document = Document(doc_id="d1", source=Source("kh.txt", "0" * 64, "txt"), issue_date=issue_date)
    return targets.extract(doc)


def summary(found: list) -> list:
    return [(t.value, t.value_max, t.comparator, t.deadline.year if t.deadline else None) for t in found]


# ---- values and comparators ----------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("Phấn đấu đến năm 2030, tỷ lệ hộ gia đình nông thôn sử dụng nước sạch đạt từ 70% trở lên.",
     (70, None, ">=", 2030)),
    ("Tỷ lệ hài lòng của người bệnh đối với dịch vụ y tế công lập đạt trên 90%.", (90, None, ">", None)),
    ("Khoảng 25 - 35% số xã đạt chuẩn nông thôn mới nâng cao.", (25, 35, "range", None)),
    ("Tỷ lệ lao động qua đào tạo đạt từ 40% đến 45% trong năm 2026.", (40, 45, "range", 2026)),
    ("Phấn đấu tỷ lệ bao phủ bảo hiểm y tế đạt 95,5% dân số.", (95.5, None, "=", None)),
    ("Tỷ lệ hộ nghèo đa chiều không quá 3% vào năm 2027.", (3, None, "<=", 2027)),
    ("Tỷ lệ nợ xấu của các tổ chức tín dụng duy trì dưới 2%.", (2, None, "<", None)),
    ("Bảo đảm tối thiểu 60% cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số.", (60, None, ">=", None)),
    ("Tỷ lệ hộ nghèo giảm bình quân 1,5%/năm giai đoạn 2026 - 2030.", (1.5, None, "decrease", 2030)),
    ("Năm 2026, tổng thu ngân sách trên địa bàn phấn đấu tăng 12% so với dự toán.",
     (12, None, "increase", 2026)),
])
def test_value_comparator_and_deadline(sentence, expected):
    assert summary(extract(sentence)) == [expected]


def test_the_verb_wins_over_at_least():
    found = extract("Cắt giảm ít nhất 20% thời gian giải quyết thủ tục hành chính và 20% chi phí tuân thủ.")
    assert [t.comparator for t in found] == ["decrease", "decrease"]
    assert summary(extract("Tăng thêm tối thiểu 15% số cơ sở giáo dục đạt chuẩn quốc gia."))[0][2] == "increase"


@pytest.mark.parametrize("sentence, expected", [
    ("Tổng vốn đầu tư toàn xã hội tăng bình quân 8 - 9%/năm giai đoạn 2026 - 2030.", (8, 9, "range", 2030)),
    ("Cắt giảm từ 10 - 15% chi phí tuân thủ thủ tục hành chính của người dân, doanh nghiệp đến năm 2027.",
     (10, 15, "range", 2027)),
    ("Kim ngạch xuất khẩu hàng hóa tăng từ 6% đến 7% mỗi năm.", (6, 7, "range", None)),
])
def test_a_growth_or_reduction_range_is_a_range(sentence, expected):
    assert summary(extract(sentence)) == [expected]


def test_at_least_applies_to_listed_values():
    found = extract("Đến năm 2026, số hóa hồ sơ đất đai của cấp tỉnh, cấp huyện, cấp xã đạt tối thiểu "
                    "tương ứng là 90%, 70%, 50%; mỗi năm tiếp theo tăng tối thiểu 10%.")
    assert summary(found) == [(90, None, ">=", 2026), (70, None, ">=", 2026), (50, None, ">=", 2026),
                              (10, None, "increase", 2026)]


def test_two_goals_in_one_sentence_share_the_text():
    text = ("100% trường học được kết nối Internet băng rộng, trong đó tỷ lệ trường có đường truyền "
            "cáp quang đạt trên 80%.")
    found = extract(text)
    assert summary(found) == [(100, None, "=", None), (80, None, ">", None)]
    assert {t.text for t in found} == {text}
    assert found[0].subject == "trường học được kết nối Internet băng rộng"
    assert found[1].subject == "tỷ lệ trường có đường truyền cáp quang"


def test_subject_is_the_measured_phrase():
    found = extract("Tối thiểu 85% hồ sơ đăng ký doanh nghiệp được tiếp nhận và trả kết quả qua mạng.")
    assert found[0].subject == "hồ sơ đăng ký doanh nghiệp được tiếp nhận và trả kết quả qua mạng"
    assert found[0].task_id is None


# ---- reported results and shares are not goals ---------------------------

@pytest.mark.parametrize("sentence", [
    "Năm 2024, tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh đạt 85,5%.",
    "Chỉ số SIPAS của tỉnh đạt 83,41%, xếp thứ 21/63 tỉnh, thành phố.",
    "Toàn tỉnh đã giải quyết 1.245/1.300 hồ sơ (đạt 95,8%).",
    "Thu ngân sách quý I tăng 8,2% so với cùng kỳ.",
    "Sở Y tế đã tiêm chủng đầy đủ cho 97% trẻ em dưới 1 tuổi.",
    "Ngân sách trung ương hỗ trợ khoảng 70% tổng vốn đầu tư của dự án (khoảng 120 tỷ đồng).",
    "Vốn đối ứng của địa phương dự kiến chiếm 30% tổng mức đầu tư.",
    "Cho vay hộ nghèo với lãi suất 6,6%/năm.",
    "Sắp xếp lại các doanh nghiệp do Nhà nước nắm giữ 100% vốn điều lệ.",
])
def test_reported_results_and_shares_are_not_targets(sentence):
    assert extract(sentence) == []


def test_footnote_figures_are_not_targets():
    text = ("Tỷ lệ thanh toán trực tuyến của một số địa phương còn thấp[4].\n\n"
            "[4] Như: tỉnh A (38,2%), tỉnh B (41,5%); các tỉnh còn lại đạt trên 60%.")
    assert extract(text) == []


def test_a_goal_share_of_budget_is_a_target():
    found = extract("Bố trí tối thiểu 2% tổng chi ngân sách hằng năm cho khoa học, công nghệ và đổi mới sáng tạo.")
    assert summary(found) == [(2, None, ">=", None)]


def test_keeping_up_a_reached_level_is_a_goal():
    found = extract("Duy trì 100% xã, phường đã đạt chuẩn tiếp cận pháp luật.")
    assert summary(found) == [(100, None, "=", None)]


def test_report_sections_are_skipped_goal_sections_kept():
    text = ("I. KẾT QUẢ THỰC HIỆN NĂM 2024\n\n"
            "- Tỷ lệ dịch vụ công trực tuyến toàn trình đạt 82%.\n\n"
            "II. MỤC TIÊU, CHỈ TIÊU NĂM 2025\n\n"
            "- Tỷ lệ dịch vụ công trực tuyến toàn trình đạt 100%.\n")
    found = extract(text)
    assert summary(found) == [(100, None, "=", 2025)]
    assert found[0].text == "Tỷ lệ dịch vụ công trực tuyến toàn trình đạt 100%."


# ---- deadlines from headings and tables ---------------------------------

def test_heading_years_scope_their_bullets():
    text = ("2. Mục tiêu cụ thể\n\n"
            "a) Đến năm 2027:\n\n"
            "- 90% người dân trưởng thành có chữ ký số cá nhân.\n\n"
            "b) Nâng cao chất lượng nguồn nhân lực đến năm 2030\n\n"
            "- 100% cán bộ, công chức được bồi dưỡng kỹ năng số.\n")
    assert summary(extract(text)) == [(90, None, "=", 2027), (100, None, "=", 2030)]


def test_a_baseline_period_is_not_the_deadline():
    text = ("* Đến năm 2030:\n\n"
            "Giảm 10% biên chế hưởng lương từ ngân sách so với giai đoạn 2021 - 2025.\n")
    assert summary(extract(text)) == [(10, None, "decrease", 2030)]


def test_goal_table_rows_take_the_indicator_cell_and_section_year():
    text = ("| STT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi |\n"
            "| I | Giai đoạn 2026 - 2028 |\n"
            "| 1 | Tỷ lệ trường phổ thông có phòng học thông minh | % | 60% | Sở Giáo dục và Đào tạo |\n"
            "| II | Giai đoạn 2029 - 2030 |\n"
            "| 1 | Tỷ lệ trường phổ thông có phòng học thông minh | % | 90% | Sở Giáo dục và Đào tạo |\n")
    found = extract(text)
    assert summary(found) == [(60, None, "=", 2028), (90, None, "=", 2030)]
    assert found[0].text == "Tỷ lệ trường phổ thông có phòng học thông minh"
    assert text[found[0].span.start:found[0].span.end] == found[0].text


def test_statistics_and_report_tables_are_skipped():
    text = ("| STT | Địa phương | Số TTHC | Đã công bố | Tỷ lệ |\n"
            "| 1 | Huyện Đông Anh | 1.820 | 1.790 | 98,4% |\n"
            "| 2 | Huyện Sóc Sơn | 1.805 | 1.650 | 91,4% |\n\n"
            "PHỤ LỤC II KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2024\n\n"
            "| 1 | Tỷ lệ hồ sơ được số hóa kết quả giải quyết | % | 76% |\n")
    assert extract(text) == []


def test_year_columns_give_each_value_its_deadline():
    text = ("| TT | Nội dung chỉ tiêu | Năm 2026 | Năm 2030 | Cơ quan chủ trì |\n"
            "| 1 | Tỷ lệ xã có điểm phục vụ bưu chính | 80% | 100% | Sở Khoa học và Công nghệ |\n")
    assert summary(extract(text)) == [(80, None, "=", 2026), (100, None, "=", 2030)]


def test_a_wide_row_gives_each_value_its_own_column_year_and_indicator():
    """A yearly indicator table over 2026-2045: twenty year columns, the value of each in its cell."""
    years = range(2026, 2046)
    text = ("| TT | Chỉ tiêu | " + " | ".join(f"Năm {y}" for y in years) + " |\n"
            "| 1 | Tỷ lệ dân số có hồ sơ sức khỏe điện tử | " + " | ".join(f"{60 + i}%" for i in range(20)) + " |\n")
    found = extract(text)
    assert summary(found) == [(60 + i, None, "=", y) for i, y in enumerate(years)]
    assert {t.text for t in found} == {"Tỷ lệ dân số có hồ sơ sức khỏe điện tử"}


def test_dates_of_cited_documents_are_not_past_results():
    found = extract("Thực hiện Kế hoạch ban hành ngày 12 tháng 01 năm 2024, phấn đấu 100% hồ sơ "
                    "được giải quyết đúng hạn trong năm 2025.")
    assert summary(found) == [(100, None, "=", 2025)]
