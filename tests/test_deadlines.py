from extractors import deadlines


def test_table_cells():
    assert deadlines.parse("Năm 2024").year == 2024
    assert deadlines.parse("Quý III/2026").year == 2026
    assert deadlines.parse("Năm 2025-2027").year == 2027
    assert deadlines.parse("Tháng 6/2026").year == 2026
    assert deadlines.parse("Thường xuyên") is None


def test_start_is_not_a_deadline():
    assert deadlines.parse("Bắt đầu triển khai từ năm 2026") is None


def test_day_in_sentence():
    found = deadlines.find_in_sentence("Các sở báo cáo kết quả về Sở Nội vụ trước ngày 15/11/2025.")
    assert found.date == "2025-11-15"
    found = deadlines.find_in_sentence("hoàn thành trước ngày 31 tháng 3 năm 2026")
    assert found.date == "2026-03-31"


def test_day_without_year_uses_the_document_year():
    assert deadlines.find_in_sentence("gửi báo cáo trước ngày 20 tháng 12", 2025).date == "2025-12-20"
    found = deadlines.find_in_sentence("báo cáo trước ngày 15 tháng 01 của năm tiếp theo", 2025)
    assert found.date == "2026-01-15"


def test_scope_heading():
    assert deadlines.scope_year("* Đến năm 2030:").year == 2030


def test_month_and_year_in_words():
    assert deadlines.find_in_sentence("trình Thủ tướng Chính phủ phê duyệt trong tháng 11 năm 2025.").year == 2025
    assert deadlines.find_in_sentence("hoàn thành trong quý III năm 2026").year == 2026


def test_title_year():
    assert deadlines.title_year("DANH MỤC NHIỆM VỤ ĐẾN NĂM 2030").year == 2030
    assert deadlines.title_year("PHỤ LỤC I") is None


def test_work_plan_cells():
    assert deadlines.parse("trước ngày 15/12/2025").date == "2025-12-15"
    assert deadlines.parse("Quý I năm 2026").year == 2026
    assert deadlines.parse("hoàn thành trong tháng 6/2026").year == 2026
    assert deadlines.find_in_sentence("Sở Y tế hoàn thành trong tháng 6/2026.").year == 2026


def test_half_year_and_span_inside_a_sentence():
    assert deadlines.find_in_sentence("hoàn thành trong 6 tháng đầu năm 2026.").year == 2026
    assert deadlines.find_in_sentence("thực hiện trong năm 2026 - 2027").year == 2027
    assert deadlines.find_in_sentence("triển khai từ năm 2026") is None


def test_month_keeps_its_last_day():
    found = deadlines.parse("Tháng 06/2026")
    assert (found.date, found.precision, found.year) == ("2026-06-30", "month", 2026)
    assert deadlines.parse("hoàn thành trong tháng 02/2028").date == "2028-02-29"
    found = deadlines.find_in_sentence("Sở Xây dựng trình phương án trong tháng 9 năm 2026.")
    assert (found.date, found.precision) == ("2026-09-30", "month")


def test_quarter_and_half_year():
    found = deadlines.parse("Quý III/2025")
    assert (found.date, found.precision) == ("2025-09-30", "quarter")
    assert deadlines.parse("Quý I, II/2027").date == "2027-06-30"
    found = deadlines.find_in_sentence("Các huyện hoàn thành trong quý 1 năm 2026.")
    assert (found.date, found.precision) == ("2026-03-31", "quarter")
    found = deadlines.parse("6 tháng đầu năm 2025")
    assert (found.date, found.precision) == ("2025-06-30", "half_year")
    assert deadlines.parse("6 tháng cuối năm 2025").date == "2025-12-31"


def test_year_allows_up_to_the_last_day():
    found = deadlines.parse("Năm 2025 - 2027")
    assert (found.date, found.precision, found.recurring) == ("2027-12-31", "year", False)
    assert deadlines.parse("31/6/2025").precision == "year"  # no 31 June: only the year holds


def test_recurring_gives_the_first_due_date():
    found = deadlines.parse("Hằng năm", 2025)
    assert (found.date, found.precision, found.recurring) == ("2025-12-31", "year", True)
    found = deadlines.parse("trước ngày 15/12 hằng năm", 2026)
    assert (found.date, found.precision, found.recurring) == ("2026-12-15", "day", True)
    found = deadlines.find_in_sentence("Các sở báo cáo kết quả trước ngày 20/11 hàng năm để tổng hợp.", 2025)
    assert (found.date, found.recurring) == ("2025-11-20", True)
    found = deadlines.parse("Quý IV năm 2026 và các năm tiếp theo")
    assert (found.date, found.precision, found.recurring) == ("2026-12-31", "quarter", True)
    assert deadlines.parse("Hằng quý").recurring
    found = deadlines.parse("trước ngày 31 tháng 3 hằng năm")  # no document year to count from
    assert (found.date, found.precision, found.recurring) == (None, "day", True)
