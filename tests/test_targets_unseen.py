"""Targets on sentences written for these tests in the style of provincial and ministerial
plans (y tế, giáo dục, nông nghiệp, môi trường, giao thông, chuyển đổi số, cải cách hành
chính, nông thôn mới, giảm nghèo), none taken from the corpus, run through the real pipeline.

Choices documented here:
- a range of a change is a range (FORMAT.md): "giảm tỷ lệ hộ nghèo bình quân 1 - 1,5%/năm"
  is a range with value 1 and value_max 1.5; a change verb wins over a bound;
- a level reached after a change is that level: "giảm xuống còn 2,5%" is "=", "xuống dưới 5%" "<";
- "phần trăm" written out counts like "%".
"""
import pytest

from pipeline import process
from pipeline.readers import SourceText

PLAN_2025 = ("ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\n\nSố: 215/KH-UBND\n\nAn Giang, ngày 20 tháng 12 năm 2024\n\n"
             "KẾ HOẠCH\n\nThực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2025\n\n")


def targets(text: str) -> list:
    doc = process.process(SourceText("kh.txt", "txt", text), "1" * 64)
    return [(t.value, t.value_max, t.comparator, t.deadline.year if t.deadline else None) for t in doc.targets]


# ---- one goal per sentence: value, upper bound, comparator, deadline ------

@pytest.mark.parametrize("sentence, expected", [
    # y tế
    ("Tỷ lệ bao phủ bảo hiểm y tế đạt trên 95% dân số.", (95, None, ">", None)),
    ("Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin đạt từ 95% trở lên.",
     (95, None, ">=", None)),
    ("Mức độ hài lòng của người bệnh đối với dịch vụ khám, chữa bệnh không dưới 90%.", (90, None, ">=", None)),
    ("Tỷ lệ suy dinh dưỡng thể thấp còi ở trẻ em dưới 5 tuổi dưới 15% vào năm 2030.", (15, None, "<", 2030)),
    # giáo dục
    ("Ít nhất 50% số trường trung học phổ thông đạt chuẩn quốc gia mức độ 2.", (50, None, ">=", None)),
    ("Phấn đấu 60 phần trăm cơ sở giáo dục mầm non có phòng học đạt chuẩn.", (60, None, "=", None)),
    ("Giảm tỷ lệ học sinh bỏ học xuống dưới 1% trong năm học 2025 - 2026.", (1, None, "<", None)),
    # nông nghiệp, nông thôn mới
    ("Giá trị sản phẩm nông nghiệp ứng dụng công nghệ cao tăng 15% so với năm 2024.",
     (15, None, "increase", None)),
    ("Đến 2030, 100% số xã đạt chuẩn nông thôn mới, trong đó có 40% số xã đạt chuẩn nâng cao.",
     (100, None, "=", 2030)),
    # môi trường
    ("Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý đạt 98 % vào cuối năm 2027.",
     (98, None, "=", 2027)),
    ("Tăng tỷ lệ che phủ rừng lên 42% vào năm 2030.", (42, None, "=", 2030)),
    # giao thông
    ("Tai nạn giao thông giảm từ 5% đến 10% mỗi năm trên cả ba tiêu chí.", (5, 10, "range", None)),
    ("Phấn đấu đến hết Quý IV/2026, 100% tuyến đường tỉnh được lắp đặt camera giám sát.",
     (100, None, "=", 2026)),
    # chuyển đổi số, cải cách hành chính
    ("Tỷ lệ hồ sơ giải quyết quá hạn tối đa 2% tổng số hồ sơ tiếp nhận.", (2, None, "<=", None)),
    ("Duy trì 100% thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình.",
     (100, None, "=", None)),
    ("Đảm bảo 100% cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số trước ngày 30/6/2025.",
     (100, None, "=", 2025)),
    # giảm nghèo, lao động
    ("Giảm tỷ lệ hộ nghèo đa chiều bình quân 1-1,5%/năm giai đoạn 2026 - 2030.", (1, 1.5, "range", 2030)),
    ("Tỷ lệ hộ nghèo không quá 5% vào năm 2026.", (5, None, "<=", 2026)),
    ("Tỷ lệ thất nghiệp ở khu vực thành thị duy trì ở mức dưới 3%.", (3, None, "<", None)),
    ("Tỷ lệ hộ nghèo giảm còn 2,5% vào cuối năm 2025.", (2.5, None, "=", 2025)),
])
def test_goal_sentences(sentence, expected):
    assert targets(sentence)[:1] == [expected]


def test_deadline_heading_then_two_goals():
    found = targets("Phấn đấu đến năm 2030: 100% trạm y tế xã có bác sĩ làm việc; tối thiểu 90% người dân "
                    "được quản lý sức khỏe bằng hồ sơ điện tử.")
    assert found == [(100, None, "=", 2030), (90, None, ">=", 2030)]


def test_a_paragraph_heading_scopes_the_bullets_after_it():
    text = ("Đến năm 2027:\n\n- 80% hộ gia đình nông thôn sử dụng nước sạch theo quy chuẩn.\n\n"
            "- Tối thiểu 30% hợp tác xã nông nghiệp ứng dụng công nghệ số.\n\n"
            "Đến năm 2030:\n\n- 100% hộ gia đình nông thôn sử dụng nước sạch theo quy chuẩn.\n")
    assert targets(text) == [(80, None, "=", 2027), (30, None, ">=", 2027), (100, None, "=", 2030)]


def test_starting_level_of_a_change_is_not_a_goal():
    found = targets("Nâng tỷ lệ dân số đô thị được cung cấp nước sạch từ 85% lên 95% vào năm 2030.")
    assert found == [(95, None, "=", 2030)]


# ---- not goals -----------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Năm 2024, tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh đạt 87,5%.",
    "Chỉ số cải cách hành chính của tỉnh đạt 85,17%, xếp thứ 16/63 tỉnh, thành phố.",
    "Vốn ngân sách tỉnh chiếm 30% tổng vốn thực hiện Chương trình.",
    "Ngân hàng Chính sách xã hội cho vay hộ cận nghèo với lãi suất 6%/năm.",
    "Hiện nay, toàn tỉnh có 85% số xã đạt chuẩn nông thôn mới.",
    "Tính đến ngày 31/12/2024, tỷ lệ người dân có hồ sơ sức khỏe điện tử đạt 82%.",
    "Cả năm ước đạt 92% kế hoạch vốn được giao.",
    "Ngân sách tỉnh hỗ trợ tối đa 50% kinh phí xây dựng mô hình sản xuất liên kết.",
    "Mức đóng bảo hiểm y tế hộ gia đình bằng 4,5% mức lương cơ sở.",
    "Sở Giáo dục và Đào tạo đã phổ cập tin học cho 97% học sinh, vượt chỉ tiêu đề ra.",
])
def test_reported_results_and_shares(sentence):
    assert targets(PLAN_2025 + sentence + "\n") == []


def test_last_years_result_in_a_plan_issued_the_december_before():
    text = PLAN_2025 + ("Năm 2024, tỷ lệ hồ sơ trực tuyến toàn trình đạt 87,5%.\n\n"
                        "Năm 2025, phấn đấu tỷ lệ hồ sơ trực tuyến toàn trình đạt trên 90%.\n")
    assert targets(text) == [(90, None, ">", 2025)]


def test_report_heading_paragraph_skips_its_figures():
    text = ("Kết quả thực hiện năm 2024\n\n"
            "- Kế hoạch chuyển đổi số của tỉnh đạt 98% khối lượng công việc.\n\n"
            "Mục tiêu năm 2025\n\n"
            "- 100% văn bản đi được ký số, trừ văn bản mật.\n")
    assert targets(text) == [(100, None, "=", 2025)]


def test_expected_results_heading_is_a_goal_section():
    text = "II. KẾT QUẢ CẦN ĐẠT\n\n1. Tối thiểu 70% giáo viên được bồi dưỡng năng lực số.\n"
    assert targets(text) == [(70, None, ">=", None)]


# ---- tables --------------------------------------------------------------

def test_markdown_table_with_year_columns():
    text = ("| Chỉ tiêu | Năm 2025 | Năm 2030 |\n|---|---|---|\n"
            "| Tỷ lệ hồ sơ trực tuyến | 80% | 100% |\n")
    assert targets(text) == [(80, None, "=", 2025), (100, None, "=", 2030)]


def test_unit_column_and_past_result_column():
    text = ("| STT | Chỉ tiêu | Đơn vị tính | Thực hiện năm 2024 | Kế hoạch năm 2025 |\n"
            "|---|---|---|---|---|\n"
            "| 1 | Tỷ lệ trường học đạt chuẩn quốc gia | % | 71 | 75 |\n"
            "| 2 | Tỷ lệ dân số tham gia bảo hiểm y tế | % | 93,2 | 95 |\n")
    assert targets(text) == [(75, None, "=", 2025), (95, None, "=", 2025)]


def test_short_indicator_under_a_chi_tieu_header():
    text = ("| TT | Tên chỉ tiêu | Mục tiêu đến năm 2030 |\n|---|---|---|\n"
            "| 1 | Che phủ rừng | 45% |\n| 2 | Dân số đô thị | trên 50% |\n")
    found = targets(text)
    assert found == [(45, None, "=", 2030), (50, None, ">", 2030)]


def test_time_column_of_an_assignment_table_gives_the_deadline():
    text = ("| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |\n|---|---|---|---|\n"
            "| 1 | Số hóa 100% sổ hộ tịch còn lưu trữ tại cấp xã | Sở Tư pháp | Quý III/2026 |\n")
    assert targets(text) == [(100, None, "=", 2026)]


def test_statistics_table_by_locality_is_not_a_goal():
    text = ("| STT | Địa phương | Tổng số hộ | Hộ nghèo | Tỷ lệ |\n|---|---|---|---|---|\n"
            "| 1 | Huyện Tân Châu | 24.310 | 1.120 | 4,6% |\n| 2 | Huyện Phú Tân | 30.045 | 980 | 3,3% |\n")
    assert targets(text) == []


# ---- words that look like reports or deadlines but are not ---------------

def test_comparison_baseline_and_the_plan_title_set_no_deadline():
    text = PLAN_2025 + "Phấn đấu kim ngạch xuất khẩu nông sản tăng 10% so với cuối năm 2024.\n"
    assert targets(text) == [(10, None, "increase", None)]


def test_thuc_hien_co_hieu_qua_is_not_a_present_figure():
    text = PLAN_2025 + "Các xã thực hiện có hiệu quả mô hình, bảo đảm 100% hộ dân được tiếp cận nước sạch.\n"
    assert targets(text) == [(100, None, "=", None)]


def test_vision_year_is_not_the_deadline():
    found = targets("Đến năm 2030, tầm nhìn đến năm 2045, 100% trạm y tế xã đạt chuẩn quốc gia.")
    assert found == [(100, None, "=", 2030)]


def test_year_of_a_cited_document_is_neither_deadline_nor_past():
    text = PLAN_2025 + ("Thực hiện Kế hoạch số 45/KH-UBND năm 2024, bảo đảm 100% trường học có nhà vệ sinh "
                        "đạt chuẩn.\n")
    assert targets(text) == [(100, None, "=", None)]


def test_a_bullet_scope_line_ends_at_the_next_lettered_heading():
    text = ("a) Về y tế\n\n- Đến năm 2026:\n\n- 90% trạm y tế xã thực hiện bệnh án điện tử.\n\n"
            "b) Về giáo dục\n\n- 100% học sinh được cấp học bạ số.\n")
    assert targets(text) == [(90, None, "=", 2026), (100, None, "=", None)]
