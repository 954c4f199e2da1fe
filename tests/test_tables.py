"""Assignment tables in every layout the readers and web copies give, read by column role."""
from pipeline.process import process
from pipeline.readers import SourceText
from pipeline.segment import segment


def tasks_of(text):
    return process(SourceText("test.txt", "txt", text), "0" * 64).tasks


def web_copy(rows):
    """One cell per line between bare "|" lines, two of them ending a row."""
    return "".join("|\n" + "\n|\n".join(cells) + "\n|\n" for cells in rows)


def pipes(rows):
    """One line per row, as the DOCX and PDF readers write tables."""
    return "".join("| " + " | ".join(" ".join(c.split()) for c in cells) + " |\n" for cells in rows)


def summary(found):
    return [(t.text, t.lead_agencies, t.coordinating_agencies, t.deadline.year if t.deadline else None)
            for t in found]


INTRO = "KẾ HOẠCH\n\nTriển khai chuyển đổi số năm 2026\n\nPHỤ LỤC\n\nDANH MỤC NHIỆM VỤ\n\n"

# A web copy: group rows, a task with two leads (its TT, task and deadline cells merged down),
# the header repeated after a page break without its TT column.
WEB_TABLE = [
    ["**TT**", "**Nội dung nhiệm vụ**", "**Cơ quan chủ trì**", "**Cơ quan phối hợp**", "**Thời gian hoàn thành**"],
    ["I", "NHÓM NHIỆM VỤ VỀ HẠ TẦNG SỐ"],
    ["1", "Nâng cấp trung tâm dữ liệu dùng chung\ncủa tỉnh theo mô hình điện toán đám mây",
     "Sở Khoa học và Công nghệ", "Sở Tài chính", "Năm 2026"],
    ["Công an tỉnh", "Các sở, ngành"],
    ["2", "Triển khai nền tảng họp trực tuyến đến cấp xã", "Văn phòng UBND tỉnh", "UBND các xã, phường",
     "Quý III/2026"],
    ["II", "NHÓM NHIỆM VỤ VỀ NHÂN LỰC SỐ"],
    ["**Nội dung nhiệm vụ**", "**Cơ quan chủ trì**", "**Cơ quan phối hợp**", "**Thời gian hoàn thành**"],
    ["3", "Bồi dưỡng kỹ năng số cho công chức cấp xã", "Sở Nội vụ", "Trường Chính trị tỉnh", "Năm 2027"],
]
CENTRE = "Nâng cấp trung tâm dữ liệu dùng chung của tỉnh theo mô hình điện toán đám mây"


def test_web_copy_table_with_group_rows_merged_cells_and_repeated_header():
    assert summary(tasks_of(INTRO + web_copy(WEB_TABLE))) == [
        (CENTRE, ["Sở Khoa học và Công nghệ"], ["Sở Tài chính"], 2026),
        (CENTRE, ["Công an tỉnh"], ["Các sở, ngành"], 2026),
        ("Triển khai nền tảng họp trực tuyến đến cấp xã", ["Văn phòng UBND tỉnh"], ["UBND các xã, phường"], 2026),
        ("Bồi dưỡng kỹ năng số cho công chức cấp xã", ["Sở Nội vụ"], ["Trường Chính trị tỉnh"], 2027)]


def test_the_same_table_as_reader_rows():
    assert len(tasks_of(INTRO + pipes(WEB_TABLE))) == 4


def test_a_table_task_spans_its_task_cell():
    found = tasks_of(INTRO + web_copy(WEB_TABLE))
    assert [" ".join(t.excerpt.split()) for t in found] == [
        CENTRE, CENTRE, "Triển khai nền tảng họp trực tuyến đến cấp xã", "Bồi dưỡng kỹ năng số cho công chức cấp xã"]


def test_group_row_naming_an_agency_leads_rows_without_a_lead_cell():
    text = INTRO + (
        "| STT | Thuộc nhóm nhiệm vụ | Nội dung công việc | Đơn vị thực hiện | Thời hạn |\n"
        "|---|---|---|---|---|\n"
        "| A. | SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG | | | |\n"
        "| 1 | Chuyển đổi số | Chủ trì, phối hợp với Sở Tài chính, UBND các xã xây dựng cơ sở dữ liệu đất đai "
        "| | Tháng 9/2026 |\n"
        "| 2 | Cải cách hành chính | Rút ngắn thời gian giải quyết hồ sơ đăng ký đất đai "
        "| Văn phòng đăng ký đất đai tỉnh | Năm 2026 |\n"
        "| B. | SỞ Y TẾ | | | |\n"
        "| 3 | Chuyển đổi số | Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh | | Quý IV/2026 |\n")
    assert summary(tasks_of(text)) == [
        ("Chủ trì, phối hợp với Sở Tài chính, UBND các xã xây dựng cơ sở dữ liệu đất đai",
         ["SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"], ["Sở Tài chính", "UBND các xã"], 2026),
        ("Rút ngắn thời gian giải quyết hồ sơ đăng ký đất đai", ["Văn phòng đăng ký đất đai tỉnh"], [], 2026),
        ("Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh", ["SỞ Y TẾ"], [], 2026)]


def test_two_row_header_in_a_web_copy():
    rows = [["TT", "Nhiệm vụ", "Cơ quan thực hiện", "Tiến độ"],
            ["Chủ trì", "Phối hợp"],
            ["1", "Xây dựng bộ chỉ số đánh giá mức độ hài lòng của người dân", "Sở Nội vụ",
             "Sở Tư pháp; UBND các xã", "Quý II/2026"],
            ["2", "Số hóa hồ sơ lưu trữ lịch sử của tỉnh", "Sở Văn hóa, Thể thao và Du lịch", "Sở Nội vụ",
             "Năm 2027"]]
    assert summary(tasks_of(INTRO + web_copy(rows))) == [
        ("Xây dựng bộ chỉ số đánh giá mức độ hài lòng của người dân", ["Sở Nội vụ"],
         ["Sở Tư pháp", "UBND các xã"], 2026),
        ("Số hóa hồ sơ lưu trữ lịch sử của tỉnh", ["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Nội vụ"], 2027)]


def test_two_row_header_from_a_docx_table():
    rows = [["TT", "Nhiệm vụ", "Cơ quan thực hiện", "Tiến độ"],
            ["TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Tiến độ"],
            ["1", "Số hóa hồ sơ lưu trữ lịch sử của tỉnh", "Sở Nội vụ", "Các sở, ngành", "Năm 2027"]]
    assert summary(tasks_of(INTRO + pipes(rows))) == [
        ("Số hóa hồ sơ lưu trữ lịch sử của tỉnh", ["Sở Nội vụ"], ["Các sở, ngành"], 2027)]


def test_one_cell_per_paragraph_table_with_a_group_row():
    text = INTRO + ("TT\n\nNội dung\n\nCơ quan chủ trì\n\nCơ quan phối hợp\n\nThời gian hoàn thành\n\n"
                    "I\n\nNHÓM NHIỆM VỤ VỀ THỂ CHẾ\n\n"
                    "1\n\nBan hành quy chế quản lý dữ liệu số của tỉnh\n\nSở Khoa học và Công nghệ\n\n"
                    "Sở Tư pháp\n\nNăm 2026\n\n"
                    "2\n\nRà soát thủ tục hành chính nội bộ\n\nVăn phòng UBND tỉnh\n\nCác sở, ngành\n\nQuý I/2027\n")
    assert summary(tasks_of(text)) == [
        ("Ban hành quy chế quản lý dữ liệu số của tỉnh", ["Sở Khoa học và Công nghệ"], ["Sở Tư pháp"], 2026),
        ("Rà soát thủ tục hành chính nội bộ", ["Văn phòng UBND tỉnh"], ["Các sở, ngành"], 2027)]


def test_procedure_table_gives_no_tasks():
    rows = [["Bước", "Nội dung công việc", "Trách nhiệm thực hiện", "Thời gian"],
            ["Bước 1", "Tổ chức nộp hồ sơ đề nghị cấp giấy phép", "Tổ chức, cá nhân", "Giờ hành chính"],
            ["Bước 2", "Tiếp nhận và kiểm tra hồ sơ", "Bộ phận Một cửa của Sở Xây dựng", "01 ngày làm việc"]]
    assert tasks_of(INTRO + web_copy(rows)) == []


def test_list_of_procedures_gives_no_tasks():
    rows = [["STT", "Tên thủ tục hành chính", "Cách thức thực hiện", "Cơ quan thực hiện", "Căn cứ pháp lý"],
            ["1", "Cấp giấy phép khai thác nước dưới đất", "Trực tuyến hoặc trực tiếp", "Sở Nông nghiệp và Môi trường",
             "Nghị định số 54/2024/NĐ-CP"]]
    assert tasks_of(INTRO + pipes(rows)) == []


def test_rows_of_one_table_share_one_table_model():
    blocks = [b for b in segment(INTRO + web_copy(WEB_TABLE)) if b.kind == "row"]
    table = blocks[0].table
    assert all(b.table is table for b in blocks)
    assert (table.roles["task"], table.roles["lead"], table.roles["coordinating"], table.roles["deadline"]) == (
        1, 2, 3, 4)
    kinds = [row.kind for row in table.rows]
    assert kinds == ["header", "group", "data", "data", "data", "group", "header", "data"]
    assert table.rows[3].cells[1].merged and table.rows[3].groups == ["NHÓM NHIỆM VỤ VỀ HẠ TẦNG SỐ"]


def test_steps_handled_by_offices_and_officers_give_no_tasks():
    rows = [["TT", "Cơ quan, bộ phận, người thực hiện", "Nội dung công việc", "Thời gian"],
            ["1", "Bộ phận tiếp nhận và trả kết quả", "Kiểm tra tính đầy đủ của hồ sơ, chuyển phòng chuyên môn",
             "0,5 ngày"],
            ["2", "Chuyên viên Phòng Quản lý đô thị", "Thẩm định hồ sơ, dự thảo văn bản trình lãnh đạo", "03 ngày"]]
    assert tasks_of(INTRO + web_copy(rows)) == []


def test_rows_that_lost_their_first_pipe():
    text = INTRO + (
        "STT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan tham gia | Thời hạn |\n\n"
        "1 | Xây dựng đề án phát triển kinh tế ban đêm | Sở Văn hóa, Thể thao và Du lịch | Sở Công Thương | "
        "Quý IV/2026 |\n\n"
        "2 | Tổng kết mô hình chợ an toàn thực phẩm | Sở Công Thương | | Năm 2027 |\n\n"
        "Xem thêm: Kế hoạch 15/KH-UBND | Quyết định 20/QĐ-UBND |\n")
    assert summary(tasks_of(text)) == [
        ("Xây dựng đề án phát triển kinh tế ban đêm", ["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Công Thương"],
         2026),
        ("Tổng kết mô hình chợ an toàn thực phẩm", ["Sở Công Thương"], [], 2027)]
    assert segment(text)[-1].kind == "paragraph"


def test_a_web_copy_leaves_out_an_empty_cell():
    rows = [["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"],
            ["1", "Lập quy hoạch mạng lưới điểm sạc xe điện", "Sở Xây dựng", "Sở Công Thương", "Năm 2026"],
            ["2", "Kiểm tra an toàn phòng cháy tại các chung cư cao tầng", "Công an tỉnh", "Quý II/2027"]]
    assert summary(tasks_of(INTRO + web_copy(rows)))[1] == (
        "Kiểm tra an toàn phòng cháy tại các chung cư cao tầng", ["Công an tỉnh"], [], 2027)


def test_a_task_cell_of_two_paragraphs_stays_one_cell():
    text = INTRO + ("TT\n\nNội dung\n\nCơ quan chủ trì\n\nCơ quan phối hợp\n\nThời gian hoàn thành\n\n"
                    "1\n\nRà soát hiện trạng hệ thống camera giám sát giao thông.\n\n"
                    "Đề xuất phương án kết nối về Trung tâm điều hành đô thị thông minh\n\n"
                    "Công an tỉnh\n\nSở Xây dựng\n\nQuý III/2026\n")
    assert summary(tasks_of(text)) == [
        ("Rà soát hiện trạng hệ thống camera giám sát giao thông. Đề xuất phương án kết nối về Trung tâm điều "
         "hành đô thị thông minh", ["Công an tỉnh"], ["Sở Xây dựng"], 2026)]


def test_agency_group_rows_lead_a_table_without_a_lead_column():
    rows = [["STT", "Nhiệm vụ", "Thời hạn hoàn thành"],
            ["I", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"],
            ["1", "Hướng dẫn các trường xây dựng kế hoạch giáo dục kỹ năng số", "Tháng 8/2026"],
            ["II", "SỞ NỘI VỤ"],
            ["2", "Thẩm định đề án vị trí việc làm của các đơn vị sự nghiệp", "Quý IV/2026"]]
    assert summary(tasks_of(INTRO + web_copy(rows))) == [
        ("Hướng dẫn các trường xây dựng kế hoạch giáo dục kỹ năng số", ["SỞ GIÁO DỤC VÀ ĐÀO TẠO"], [], 2026),
        ("Thẩm định đề án vị trí việc làm của các đơn vị sự nghiệp", ["SỞ NỘI VỤ"], [], 2026)]


def test_a_table_with_no_lead_column_gives_no_tasks():
    rows = [["STT", "Nội dung", "Năm 2025", "Kế hoạch năm 2026", "Ghi chú"],
            ["I", "NHÓM CHỈ TIÊU VỀ HẠ TẦNG SỐ"],
            ["1", "Tỷ lệ hộ gia đình có kết nối cáp quang", "78%", "85%", ""],
            ["2", "Số trạm phát sóng 5G được lắp đặt mới", "120", "300", "Sở Khoa học và Công nghệ tổng hợp"]]
    assert tasks_of(INTRO + pipes(rows)) == []


def test_a_table_goes_on_after_a_page_number():
    rows = [["TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"],
            ["1", "Xây dựng quy chế phối hợp ứng phó sự cố tràn dầu trên sông", "Sở Nông nghiệp và Môi trường",
             "Bộ Chỉ huy Quân sự tỉnh", "Quý I/2026"]]
    after = [["2", "Diễn tập ứng phó sự cố tràn dầu tại cảng thủy nội địa của tỉnh năm 2026 với sự tham gia "
                   "của các lực lượng cứu hộ", "Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh", "Quý III/2026"]]
    found = tasks_of(INTRO + pipes(rows) + "\n7\n\n" + pipes(after))
    assert [(t.lead_agencies, t.coordinating_agencies, t.evidence) for t in found] == [
        (["Sở Nông nghiệp và Môi trường"], ["Bộ Chỉ huy Quân sự tỉnh"], "table"),
        (["Bộ Chỉ huy Quân sự tỉnh"], ["Công an tỉnh"], "table")]


def test_a_lead_cell_merged_down_over_the_next_numbered_row():
    rows = [["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"],
            ["1", "Xây dựng bản đồ số về nguy cơ sạt lở đất vùng núi", "Sở Nông nghiệp và Môi trường",
             "UBND các xã", "Năm 2026"],
            ["2", "Lắp đặt hệ thống cảnh báo sớm lũ quét tại các khu dân cư"],
            ["II", "**NHÓM NHIỆM VỤ VỀ TUYÊN TRUYỀN**"],
            ["1", "**Nâng cao nhận thức cộng đồng**"]]
    assert summary(tasks_of(INTRO + web_copy(rows)))[1:] == [
        ("Lắp đặt hệ thống cảnh báo sớm lũ quét tại các khu dân cư", ["Sở Nông nghiệp và Môi trường"],
         ["UBND các xã"], 2026)]


def test_a_list_of_products_names_its_tasks():
    rows = [["STT", "Tên sản phẩm", "Đơn vị được giao", "Thời gian hoàn thành"],
            ["1", "Bộ tài liệu hướng dẫn chuyển đổi số cho hợp tác xã", "Liên minh Hợp tác xã tỉnh", "Tháng 6/2026"]]
    assert summary(tasks_of(INTRO + pipes(rows))) == [
        ("Bộ tài liệu hướng dẫn chuyển đổi số cho hợp tác xã", ["Liên minh Hợp tác xã tỉnh"], [], 2026)]


def test_two_row_markdown_header_with_empty_cells():
    text = INTRO + (
        "| TT | Nội dung | Cơ quan thực hiện | | Thời gian |\n"
        "|---|---|---|---|---|\n"
        "| | | Chủ trì | Phối hợp | |\n"
        "| 1 | Kiểm tra việc chấp hành pháp luật về bảo vệ môi trường tại các làng nghề "
        "| Sở Nông nghiệp và Môi trường | Công an tỉnh | Năm 2026 |\n")
    assert summary(tasks_of(text)) == [
        ("Kiểm tra việc chấp hành pháp luật về bảo vệ môi trường tại các làng nghề",
         ["Sở Nông nghiệp và Môi trường"], ["Công an tỉnh"], 2026)]


def test_agencies_on_separate_lines_of_one_web_cell():
    rows = [["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"],
            ["1", "Xây dựng cơ sở dữ liệu về người có công với cách mạng", "Sở Nội vụ\nSở Tài chính",
             "Sở Khoa học và\nCông nghệ; UBND các\nxã, phường", "Năm 2026"]]
    assert summary(tasks_of(INTRO + web_copy(rows))) == [
        ("Xây dựng cơ sở dữ liệu về người có công với cách mạng", ["Sở Nội vụ", "Sở Tài chính"],
         ["Sở Khoa học và Công nghệ", "UBND các xã, phường"], 2026)]
