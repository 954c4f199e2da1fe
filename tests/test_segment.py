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
