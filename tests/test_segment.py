from pipeline.segment import segment


def test_wrapped_lines_join_into_one_paragraph():
    text = "Sở Y tế chủ trì, phối hợp với các đơn vị\nliên quan tổ chức kiểm tra.\n\nSở Tư pháp theo dõi."
    blocks = segment(text)
    assert [b.text for b in blocks] == ["Sở Y tế chủ trì, phối hợp với các đơn vị liên quan tổ chức kiểm tra.",
                                        "Sở Tư pháp theo dõi."]


def test_items_know_their_heading():
    text = "3. Trách nhiệm\n\nb) Sở Xây dựng\n\n- Rà soát hệ thống thoát nước.\n"
    blocks = segment(text)
    assert blocks[-1].marker_kind == "dash"
    assert [p.text for p in blocks[-1].path] == ["Trách nhiệm", "Sở Xây dựng"]


def test_one_cell_per_paragraph_table():
    text = ("TT\n\nNội dung\n\nCơ quan chủ trì\n\nCơ quan phối hợp\n\nThời gian hoàn thành\n\n"
            "1\n\nXây dựng quy chế phối hợp\n\nSở Nội vụ\n\nCác sở, ngành\n\nNăm 2026\n\n"
            "2\n\nTổ chức tập huấn\n\nSở Tư pháp\n\n- UBND các xã\n\n- Các phòng chuyên môn\n\nQuý II/2026\n")
    rows = [b for b in segment(text) if b.kind == "row"]
    assert len(rows) == 3
    assert [c.text for c in rows[2].cells] == ["2", "Tổ chức tập huấn", "Sở Tư pháp",
                                               "- UBND các xã - Các phòng chuyên môn", "Quý II/2026"]
    assert rows[2].header[1] == "Nội dung"


def test_title_between_web_tables_is_not_a_cell():
    text = "|\n1\n|\nTỉ lệ hồ sơ\n|\n|\nPHỤ LỤC II\nDANH MỤC NHIỆM VỤ\n|\nTT\n|\nNhiệm vụ\n|\nCơ quan chủ trì\n|\nThời hạn\n|\n|\n"
    blocks = segment(text)
    assert any(b.kind != "row" and b.text.startswith("PHỤ LỤC II") for b in blocks)
    assert any(b.kind == "row" and b.cells[0].text == "TT" for b in blocks)


def test_marker_alone_on_its_line_joins_the_next_line():
    text = "2. Sở Tư pháp\n\n3.\nCông an tỉnh, Bộ Chỉ huy Quân sự tỉnh\n\n- Bảo đảm an ninh trật tự.\n"
    blocks = segment(text)
    assert [(b.marker, b.text) for b in blocks[:2]] == [("2", "Sở Tư pháp"),
                                                        ("3", "Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh")]
    assert blocks[2].path[-1].marker == "3"


def test_hard_wrapped_text_splits_paragraphs_at_sentence_ends():
    text = ("Thực hiện Kế hoạch số 12/KH-UBND, các sở đã triển khai nhiều\nnội dung quan trọng.\n"
            "Để bảo đảm tiến độ, Chủ tịch UBND tỉnh yêu cầu các sở\nkhẩn trương thực hiện như sau:\n"
            "Sở Tài chính bố trí kinh phí theo\nquy định.\n")
    assert [b.text for b in segment(text)] == [
        "Thực hiện Kế hoạch số 12/KH-UBND, các sở đã triển khai nhiều nội dung quan trọng.",
        "Để bảo đảm tiến độ, Chủ tịch UBND tỉnh yêu cầu các sở khẩn trương thực hiện như sau:",
        "Sở Tài chính bố trí kinh phí theo quy định."]


def test_blank_line_paragraphs_are_not_split_at_line_ends():
    text = "Sở Y tế kiểm tra các cơ sở.\nĐồng thời báo cáo kết quả.\n\nSở Tư pháp theo dõi.\n"
    assert len(segment(text)) == 2


def test_roman_heading_closes_the_numbered_items_above():
    text = "I. NHIỆM VỤ\n\n1. Sở Xây dựng\n\na) Rà soát quy hoạch.\n\nII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ\n"
    blocks = segment(text)
    assert blocks[3].path == [] and [p.marker for p in blocks[4].path] == ["II"]


def test_dotted_numbers_do_not_repeat_their_parents():
    text = ("II. NỘI DUNG\n\n2. Giải pháp\n\n2.1. Giải pháp chung\n\n2.1.2. Kiểm soát mực nước\n\n"
            "- Vận hành trạm bơm.\n\n3. Tổ chức thực hiện\n\nd) Sở Xây dựng\n")
    blocks = segment(text)
    assert [b.section for b in blocks] == ["II", "II.2", "II.2.1", "II.2.1.2", "II.2.1.2", "II.3", "II.3.d"]


def test_marker_styles_of_older_documents_and_pdfs():
    text = ("IV - TỔ CHỨC THỰC HIỆN\n\n1/ Sở Nội vụ:\n\n● Hướng dẫn thực hiện.\n\n\uf0b7 Tổng hợp kết quả.\n\n"
            "2/ Sở Tài chính:\n\n▪ Bố trí kinh phí.\n")
    blocks = segment(text)
    assert [(b.marker_kind, b.marker) for b in blocks] == [
        ("roman", "IV"), ("number", "1"), ("dash", "●"), ("dash", "\uf0b7"), ("number", "2"), ("dash", "▪")]
    assert blocks[2].text == "Hướng dẫn thực hiện." and blocks[-1].section == "IV.2"


def test_a_date_or_fraction_is_not_a_marker():
    blocks = segment("30/6/2026 là hạn cuối.\n\n1/2 số xã đạt chuẩn.\n")
    assert [b.marker_kind for b in blocks] == ["", ""]
