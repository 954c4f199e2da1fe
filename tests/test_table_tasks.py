from extractors import table_tasks
from pipeline import tables
from pipeline.segment import Cell
from pipeline.process import process
from pipeline.readers import SourceText

HEADER = "| STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện |\n"


def tasks_of(text):
    return process(SourceText("test.txt", "txt", text), "0" * 64).tasks


def test_columns_found_from_a_work_plan_header():
    header = ["STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"]
    cells = [Cell(text, 0, len(text)) for text in header]
    table, row = next(tables.build([cells]))
    assert row.kind == "header"
    assert table.roles == {"number": 0, "task": 1, "lead": 2, "coordinating": 3, "deadline": 4}
    assert table.assigns


def test_rows_of_a_work_plan_table():
    text = (HEADER
            + "| 1 | Rà soát quy hoạch mạng lưới trường học | Sở Giáo dục và Đào tạo | Sở Tài chính; UBND các huyện "
              "| Quý I năm 2026 |\n"
            + "| 2 | Tập huấn kỹ năng số cho cán bộ cấp xã | Sở Khoa học và Công nghệ | Sở Nội vụ | Thường xuyên |\n"
            + "| 3 | Hoàn thiện cơ sở dữ liệu dân cư | Công an tỉnh | Các sở, ngành | hoàn thành trong tháng 6/2026 |\n")
    found = tasks_of(text)
    assert [t.lead_agencies for t in found] == [["Sở Giáo dục và Đào tạo"], ["Sở Khoa học và Công nghệ"],
                                                ["Công an tỉnh"]]
    assert found[0].coordinating_agencies == ["Sở Tài chính", "UBND các huyện"]
    assert found[0].deadline.year == 2026 and found[1].deadline is None and found[2].deadline.year == 2026


def test_split_cell_keeps_groups_and_drops_bullets():
    assert table_tasks.split_cell("- Sở Nội vụ;\n- UBND các huyện, thị xã") == ["Sở Nội vụ", "UBND các huyện, thị xã"]


def test_roles_of_one_agency_cell():
    assert table_tasks.roles("Chủ trì: Sở Y tế; Phối hợp: Công an tỉnh, Sở Công Thương") == (
        ["Sở Y tế"], ["Công an tỉnh", "Sở Công Thương"])
    assert table_tasks.roles("UBND các xã, Sở Nông nghiệp và Môi trường (chủ trì)") == (
        ["Sở Nông nghiệp và Môi trường"], ["UBND các xã"])
    assert table_tasks.roles("Sở Nội vụ chủ trì, các sở, ngành phối hợp") == (["Sở Nội vụ"], ["các sở, ngành"])
    assert table_tasks.roles("Sở Tư pháp") == (["Sở Tư pháp"], [])
