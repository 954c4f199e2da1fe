from pipeline.process import process
from pipeline.readers import SourceText


def tasks_of(text):
    return process(SourceText("test.txt", "txt", text), "0" * 64).tasks


def test_sentence_subject_and_coordination():
    [task] = tasks_of("Sở Giao thông vận tải chủ trì, phối hợp với Công an tỉnh, UBND các huyện rà soát các điểm đen.")
    assert task.lead_agencies == ["Sở Giao thông vận tải"]
    assert task.coordinating_agencies == ["Công an tỉnh", "UBND các huyện"]
    assert task.evidence == "explicit"


def test_assignment_verb_gives_the_lead():
    [task] = tasks_of("UBND tỉnh giao Sở Y tế tăng cường kiểm tra an toàn thực phẩm trong dịp Tết.")
    assert task.lead_agencies == ["Sở Y tế"]


def test_group_lead_with_coordination():
    [task] = tasks_of("Các cơ quan, đơn vị phối hợp với Sở Nội vụ tổng hợp số liệu biên chế.")
    assert task.lead_agencies == ["Các cơ quan, đơn vị"]
    assert task.coordinating_agencies == ["Sở Nội vụ"]


def test_duties_under_an_agency_heading():
    text = "IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Công Thương\n\n- Kiểm tra thị trường xăng dầu.\n\n- Báo cáo UBND tỉnh hằng quý.\n"
    found = tasks_of(text)
    assert [t.text for t in found] == ["Kiểm tra thị trường xăng dầu.", "Báo cáo UBND tỉnh hằng quý."]
    assert all(t.lead_agencies == ["Sở Công Thương"] and t.evidence == "heading" for t in found)


def test_continuation_paragraph():
    text = ("Sở Tài chính có trách nhiệm thẩm định dự toán kinh phí.\n\n"
            "Đồng thời, hướng dẫn các đơn vị quyết toán đúng hạn.\n\n"
            "Kế hoạch này được phổ biến rộng rãi.")
    found = tasks_of(text)
    assert [t.lead_agencies for t in found] == [["Sở Tài chính"], ["Sở Tài chính"]]
    assert found[1].evidence == "continuation"


def test_not_tasks():
    text = ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\n"
            "Nâng cao chất lượng dịch vụ công trực tuyến.\n\n"
            "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này./.\n\n"
            "Nơi nhận:\n- Như Điều 3;\n- Sở Tư pháp;\n")
    assert tasks_of(text) == []


def test_paragraph_split_where_agencies_change():
    found = tasks_of("Các sở, ngành gửi báo cáo về Sở Kế hoạch và Đầu tư trước ngày 10/12/2025. "
                     "Sở Kế hoạch và Đầu tư tổng hợp, báo cáo UBND tỉnh.")
    assert [t.lead_agencies for t in found] == [["Các sở, ngành"], ["Sở Kế hoạch và Đầu tư"]]
    assert found[0].deadline.date == "2025-12-10"


def test_list_fields_attach_to_the_task_above():
    text = ("a) Xây dựng cơ sở dữ liệu đất đai\n\n- Cơ quan chủ trì: Sở Nông nghiệp và Môi trường.\n\n"
            "- Cơ quan phối hợp: Sở Tài chính, UBND các xã.\n\n- Thời gian hoàn thành: Quý IV/2026.\n")
    [task] = tasks_of(text)
    assert task.text == "Xây dựng cơ sở dữ liệu đất đai"
    assert task.lead_agencies == ["Sở Nông nghiệp và Môi trường"]
    assert task.coordinating_agencies == ["Sở Tài chính", "UBND các xã"]
    assert task.deadline.year == 2026


def test_assignment_table_rows():
    text = ("| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |\n"
            "| I | Hoàn thiện thể chế |\n"
            "| 1 | Ban hành quy chế quản lý dữ liệu | Sở Khoa học và Công nghệ | Các sở, ngành | Năm 2026 |\n"
            "| Xây dựng kho dữ liệu dùng chung | Sở Tài chính |\n")
    found = tasks_of(text)
    assert [t.text for t in found] == ["Ban hành quy chế quản lý dữ liệu", "Xây dựng kho dữ liệu dùng chung"]
    assert found[1].lead_agencies == ["Sở Tài chính"]
    assert found[1].coordinating_agencies == ["Các sở, ngành"]  # trailing cells merged from the row above
    assert found[1].deadline.year == 2026 and found[0].evidence == "table"
