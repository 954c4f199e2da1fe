"""Tasks on document fragments written for these tests in the style of provincial and
ministerial plans, decisions, chỉ thị, công điện, công văn and news articles (none taken
from the corpus), run through the real pipeline and checked against FORMAT.md:
text without the agency heading, lead, coordinating agencies, deadline (ISO date, year or None).
"""
from pipeline.process import process
from pipeline.readers import SourceText

PLAN = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n\nSố: 87/KH-UBND\n\nQuảng Trị, ngày 14 tháng 3 năm 2026\n\n"
        "KẾ HOẠCH\n\nPhòng, chống dịch bệnh truyền nhiễm trên địa bàn tỉnh năm 2026\n\n")


def tasks_of(text: str, name: str = "kh.txt") -> list:
    return process(SourceText(name, "txt", text), "2" * 64).tasks


def due(task):
    if task.deadline is None:
        return None
    return task.deadline.date if task.deadline.precision == "day" else task.deadline.year


def rows(text: str, name: str = "kh.txt") -> list:
    """(text, lead, coordinating, deadline) of each task."""
    return [(t.text, t.lead_agencies, t.coordinating_agencies, due(t)) for t in tasks_of(text, name)]


def leads(text: str) -> list:
    return [t.lead_agencies for t in tasks_of(text)]


# ---- agency headings with bullets below --------------------------------------

def test_implementation_section_with_numbered_agency_headings():
    text = PLAN + (
        "IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ\n\n"
        "- Chủ trì, hướng dẫn các cơ quan, đơn vị triển khai thực hiện Kế hoạch này.\n\n"
        "- Tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2026.\n\n"
        "2. Sở Tài chính:\n\n- Tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí thực hiện Kế hoạch.\n\n"
        "+ Hướng dẫn các đơn vị lập dự toán, thanh quyết toán kinh phí theo quy định.\n\n"
        "3. Các sở, ban, ngành\n\n"
        "- Căn cứ chức năng, nhiệm vụ được giao, xây dựng kế hoạch cụ thể để triển khai thực hiện.\n\n"
        "- Định kỳ hằng quý báo cáo kết quả thực hiện về Sở Nội vụ.\n")
    assert rows(text) == [
        ("Chủ trì, hướng dẫn các cơ quan, đơn vị triển khai thực hiện Kế hoạch này.", ["Sở Nội vụ"], [], None),
        ("Tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2026.", ["Sở Nội vụ"], [],
         "2026-12-15"),
        ("Tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí thực hiện Kế hoạch.", ["Sở Tài chính"], [], None),
        ("Hướng dẫn các đơn vị lập dự toán, thanh quyết toán kinh phí theo quy định.", ["Sở Tài chính"], [], None),
        ("Căn cứ chức năng, nhiệm vụ được giao, xây dựng kế hoạch cụ thể để triển khai thực hiện.",
         ["Các sở, ban, ngành"], [], None),
        ("Định kỳ hằng quý báo cáo kết quả thực hiện về Sở Nội vụ.", ["Các sở, ban, ngành"], [], None),
    ]


def test_lettered_agency_with_its_duty_after_a_colon():
    text = PLAN + (
        "2. Trách nhiệm của các cơ quan, đơn vị\n\n"
        "a) Sở Y tế: Chủ trì, phối hợp với Sở Giáo dục và Đào tạo tổ chức khám sức khỏe định kỳ cho học sinh, "
        "hoàn thành trong Quý I/2026.\n\n"
        "b) Công an tỉnh: Tăng cường kiểm tra, xử lý nghiêm các vi phạm về an toàn thực phẩm.\n\n"
        "c) Ủy ban nhân dân các huyện, thị xã, thành phố: Chỉ đạo Trung tâm Y tế cấp huyện giám sát dịch bệnh "
        "tại cộng đồng.\n")
    assert rows(text) == [
        ("Chủ trì, phối hợp với Sở Giáo dục và Đào tạo tổ chức khám sức khỏe định kỳ cho học sinh, "
         "hoàn thành trong Quý I/2026.", ["Sở Y tế"], ["Sở Giáo dục và Đào tạo"], 2026),
        ("Tăng cường kiểm tra, xử lý nghiêm các vi phạm về an toàn thực phẩm.", ["Công an tỉnh"], [], None),
        ("Chỉ đạo Trung tâm Y tế cấp huyện giám sát dịch bệnh tại cộng đồng.",
         ["Ủy ban nhân dân các huyện, thị xã, thành phố"], [], None),
    ]


def test_district_group_heading_with_a_colon():
    text = PLAN + (
        "5. UBND các huyện, thị xã, thành phố:\n\n"
        "- Xây dựng kế hoạch triển khai trên địa bàn, hoàn thành trước ngày 30/4/2026.\n\n"
        "- Phối hợp với Sở Y tế tổ chức tuyên truyền phòng, chống dịch bệnh.\n")
    assert rows(text) == [
        ("Xây dựng kế hoạch triển khai trên địa bàn, hoàn thành trước ngày 30/4/2026.",
         ["UBND các huyện, thị xã, thành phố"], [], "2026-04-30"),
        ("Phối hợp với Sở Y tế tổ chức tuyên truyền phòng, chống dịch bệnh.",
         ["UBND các huyện, thị xã, thành phố"], ["Sở Y tế"], None),
    ]


def test_numbered_duties_under_a_roman_agency_heading():
    text = PLAN + (
        "III. TRÁCH NHIỆM THỰC HIỆN\n\n1. Sở Khoa học và Công nghệ\n\n"
        "1.1. Chủ trì triển khai nền tảng số dùng chung của tỉnh.\n\n"
        "1.2. Hướng dẫn các cơ quan bảo đảm an toàn thông tin mạng.\n\n"
        "2. Văn phòng Ủy ban nhân dân tỉnh\n\n"
        "Theo dõi, đôn đốc việc thực hiện Kế hoạch; tham mưu sơ kết, tổng kết.\n")
    assert leads(text) == [["Sở Khoa học và Công nghệ"], ["Sở Khoa học và Công nghệ"],
                           ["Văn phòng Ủy ban nhân dân tỉnh"]]


# ---- assignment sentences --------------------------------------------------------

def test_giao_with_lead_coordination_and_deadline():
    text = PLAN + ("Giao Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Tài chính, UBND các huyện, thị xã, "
                   "thành phố rà soát, sắp xếp mạng lưới trường lớp, hoàn thành trước ngày 30/9/2026.\n")
    [task] = tasks_of(text)
    assert task.lead_agencies == ["Sở Giáo dục và Đào tạo"]
    assert task.coordinating_agencies == ["Sở Tài chính", "UBND các huyện, thị xã, thành phố"]
    assert due(task) == "2026-09-30"


def test_request_to_the_front_and_socio_political_organisations():
    text = PLAN + ("Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh phối hợp với "
                   "chính quyền các cấp tuyên truyền, vận động Nhân dân chủ động phòng, chống dịch bệnh.\n")
    [task] = tasks_of(text)
    assert task.lead_agencies == ["Ủy ban MTTQ Việt Nam tỉnh", "các tổ chức chính trị - xã hội tỉnh"]
    assert task.coordinating_agencies == ["chính quyền các cấp"]


def test_demand_to_office_holders():
    text = PLAN + ("Yêu cầu Giám đốc các sở, Thủ trưởng các ban, ngành, Chủ tịch UBND các xã, phường nghiêm túc "
                   "triển khai thực hiện Kế hoạch này; định kỳ báo cáo kết quả trước ngày 20 tháng 12 hằng năm.\n")
    [task] = tasks_of(text)
    assert task.lead_agencies == ["Giám đốc các sở", "Thủ trưởng các ban, ngành", "Chủ tịch UBND các xã, phường"]
    assert task.coordinating_agencies == []


def test_subject_with_duty_word_and_a_second_agency_sentence():
    text = PLAN + ("Sở Nông nghiệp và Môi trường có trách nhiệm theo dõi diễn biến thời tiết, cảnh báo sớm "
                   "thiên tai. Đài Phát thanh và Truyền hình tỉnh đưa tin kịp thời về tình hình mưa lũ.\n")
    assert rows(text) == [
        ("Sở Nông nghiệp và Môi trường có trách nhiệm theo dõi diễn biến thời tiết, cảnh báo sớm thiên tai.",
         ["Sở Nông nghiệp và Môi trường"], [], None),
        ("Đài Phát thanh và Truyền hình tỉnh đưa tin kịp thời về tình hình mưa lũ.",
         ["Đài Phát thanh và Truyền hình tỉnh"], [], None),
    ]


def test_coordinating_group_after_chu_tri():
    text = PLAN + ("Sở Công Thương chủ trì, phối hợp các cơ quan, đơn vị liên quan kiểm tra thị trường hàng hóa "
                   "dịp Tết Nguyên đán.\n")
    [task] = tasks_of(text)
    assert task.lead_agencies == ["Sở Công Thương"]
    assert task.coordinating_agencies == ["các cơ quan, đơn vị liên quan"]


# ---- chỉ thị, công điện, công văn --------------------------------------------------

def test_directive_with_lettered_duties_under_an_office_holder():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\n\nSố: 05/CT-UBND\n\nĐồng Tháp, ngày 02 tháng 4 năm 2026\n\n"
            "CHỈ THỊ\n\nVề tăng cường phòng, chống hạn hán, xâm nhập mặn\n\n"
            "Để chủ động ứng phó với hạn hán, xâm nhập mặn, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:\n\n"
            "1. Giám đốc Sở Nông nghiệp và Môi trường:\n\n"
            "a) Theo dõi chặt chẽ diễn biến xâm nhập mặn, kịp thời thông tin cho Nhân dân.\n\n"
            "b) Chủ trì, phối hợp với Công ty Cổ phần Cấp nước tỉnh bảo đảm nước sinh hoạt cho người dân.\n\n"
            "2. Chủ tịch Ủy ban nhân dân các xã, phường:\n\n"
            "a) Rà soát, thống kê các hộ thiếu nước sinh hoạt trên địa bàn.\n")
    assert rows(text, "ct.txt") == [
        ("Theo dõi chặt chẽ diễn biến xâm nhập mặn, kịp thời thông tin cho Nhân dân.",
         ["Giám đốc Sở Nông nghiệp và Môi trường"], [], None),
        ("Chủ trì, phối hợp với Công ty Cổ phần Cấp nước tỉnh bảo đảm nước sinh hoạt cho người dân.",
         ["Giám đốc Sở Nông nghiệp và Môi trường"], ["Công ty Cổ phần Cấp nước tỉnh"], None),
        ("Rà soát, thống kê các hộ thiếu nước sinh hoạt trên địa bàn.",
         ["Chủ tịch Ủy ban nhân dân các xã, phường"], [], None),
    ]


def test_official_dispatch_of_the_prime_minister():
    text = ("THỦ TƯỚNG CHÍNH PHỦ\n\nSố: 131/CĐ-TTg\n\nHà Nội, ngày 10 tháng 9 năm 2026\n\nCÔNG ĐIỆN\n\n"
            "Về việc tập trung ứng phó bão số 5\n\n"
            "THỦ TƯỚNG CHÍNH PHỦ điện:\n\n"
            "Để chủ động ứng phó với bão, Thủ tướng Chính phủ yêu cầu:\n\n"
            "1. Bộ trưởng các Bộ: Công an, Tài chính, Xây dựng theo chức năng, nhiệm vụ được giao chỉ đạo "
            "các lực lượng sẵn sàng hỗ trợ địa phương.\n\n"
            "2. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương ven biển tổ chức kêu gọi, "
            "hướng dẫn tàu thuyền vào nơi tránh trú an toàn, hoàn thành trước ngày 12/9/2026.\n\n"
            "3. Văn phòng Chính phủ theo dõi, đôn đốc các bộ, địa phương thực hiện Công điện này.\n")
    assert rows(text, "cd.txt") == [
        ("Bộ trưởng các Bộ: Công an, Tài chính, Xây dựng theo chức năng, nhiệm vụ được giao chỉ đạo "
         "các lực lượng sẵn sàng hỗ trợ địa phương.",
         ["Bộ trưởng Bộ Công an", "Bộ trưởng Bộ Tài chính", "Bộ trưởng Bộ Xây dựng"], [], None),
        ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương ven biển tổ chức kêu gọi, "
         "hướng dẫn tàu thuyền vào nơi tránh trú an toàn, hoàn thành trước ngày 12/9/2026.",
         ["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương ven biển"], [], "2026-09-12"),
        ("Văn phòng Chính phủ theo dõi, đôn đốc các bộ, địa phương thực hiện Công điện này.",
         ["Văn phòng Chính phủ"], [], None),
    ]


def test_letter_with_numbered_assignments():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n\nSố: 2150/UBND-KT\nV/v xử lý kiến nghị của doanh nghiệp\n\n"
            "Nghệ An, ngày 08 tháng 5 năm 2026\n\n"
            "Kính gửi:\n- Sở Xây dựng;\n- Sở Tài chính;\n- UBND huyện Diễn Châu.\n\n"
            "Xét đề nghị của Công ty TNHH Minh Phát tại Văn bản số 12/CV-MP ngày 20/4/2026, "
            "UBND tỉnh có ý kiến như sau:\n\n"
            "1. Giao Sở Xây dựng kiểm tra hồ sơ, hướng dẫn doanh nghiệp hoàn thiện thủ tục cấp phép xây dựng "
            "theo quy định.\n\n"
            "2. Giao Sở Tài chính chủ trì, phối hợp với UBND huyện Diễn Châu xác định giá đất cụ thể, "
            "báo cáo UBND tỉnh trước ngày 30/6/2026.\n\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n")
    assert rows(text, "cv.txt") == [
        ("Giao Sở Xây dựng kiểm tra hồ sơ, hướng dẫn doanh nghiệp hoàn thiện thủ tục cấp phép xây dựng "
         "theo quy định.", ["Sở Xây dựng"], [], None),
        ("Giao Sở Tài chính chủ trì, phối hợp với UBND huyện Diễn Châu xác định giá đất cụ thể, "
         "báo cáo UBND tỉnh trước ngày 30/6/2026.", ["Sở Tài chính"], ["UBND huyện Diễn Châu"], "2026-06-30"),
    ]


# ---- appendix tables ----------------------------------------------------------------

TABLE_HEADER = "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"


def test_markdown_appendix_table_with_a_section_row_and_a_merged_number_cell():
    text = ("PHỤ LỤC\n\nDANH MỤC NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH\n\n" + TABLE_HEADER
            + "|---|---|---|---|---|\n"
            + "| I | NHIỆM VỤ VỀ THỂ CHẾ | | | |\n"
            + "| 1 | Xây dựng quy định quản lý cụm công nghiệp | Sở Công Thương | Sở Tư pháp; Sở Tài chính "
              "| Quý I/2026 |\n"
            + "| Sửa đổi quy chế phối hợp quản lý khoáng sản | Sở Nông nghiệp và Môi trường | Công an tỉnh "
              "| Năm 2027 |\n"
            + "| 2 | Tổ chức tập huấn nghiệp vụ cho cán bộ cấp xã | Sở Nội vụ | UBND các xã, phường "
              "| Hằng năm |\n")
    assert rows(text) == [
        ("Xây dựng quy định quản lý cụm công nghiệp", ["Sở Công Thương"], ["Sở Tư pháp", "Sở Tài chính"], 2026),
        ("Sửa đổi quy chế phối hợp quản lý khoáng sản", ["Sở Nông nghiệp và Môi trường"], ["Công an tỉnh"], 2027),
        ("Tổ chức tập huấn nghiệp vụ cho cán bộ cấp xã", ["Sở Nội vụ"], ["UBND các xã, phường"], None),
    ]
    assert all(t.evidence == "table" for t in tasks_of(text))


def test_web_copy_table_with_one_cell_per_line():
    cells = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "",
             "I", "Chuyển đổi số", "",
             "1", "Số hóa hồ sơ đất đai", "Sở Nông nghiệp và Môi trường", "UBND các xã, phường", "Năm 2026", "",
             "2", "Nâng cấp Cổng dịch vụ công của tỉnh", "Văn phòng UBND tỉnh", "Sở Khoa học và Công nghệ",
             "Thường xuyên", ""]
    text = "PHỤ LỤC\n\n|\n" + "".join(f"{c}\n|\n" if c else "|\n" for c in cells)
    assert rows(text) == [
        ("Số hóa hồ sơ đất đai", ["Sở Nông nghiệp và Môi trường"], ["UBND các xã, phường"], 2026),
        ("Nâng cấp Cổng dịch vụ công của tỉnh", ["Văn phòng UBND tỉnh"], ["Sở Khoa học và Công nghệ"], None),
    ]


def test_table_whose_lead_cell_lists_bullets():
    text = (TABLE_HEADER
            + "| 1 | Kiểm tra an toàn phòng cháy tại chợ | - Công an tỉnh;  - UBND các huyện | Sở Công Thương "
              "| trước ngày 31/10/2026 |\n")
    assert rows(text) == [("Kiểm tra an toàn phòng cháy tại chợ", ["Công an tỉnh", "UBND các huyện"],
                           ["Sở Công Thương"], "2026-10-31")]


# ---- list fields under a task item ---------------------------------------------

def test_list_fields_give_lead_coordination_and_quarter():
    text = PLAN + (
        "2. Nhiệm vụ cụ thể\n\n"
        "2.1. Xây dựng cơ sở dữ liệu về dịch bệnh truyền nhiễm\n\n"
        "- Cơ quan chủ trì: Sở Y tế.\n\n- Cơ quan phối hợp: Sở Khoa học và Công nghệ, Trung tâm Kiểm soát "
        "bệnh tật tỉnh.\n\n- Thời gian thực hiện: Quý II/2026.\n\n"
        "2.2. Tuyên truyền kiến thức phòng bệnh trên báo chí\n\n"
        "- Cơ quan chủ trì: Báo và Phát thanh, Truyền hình tỉnh.\n\n- Thời gian thực hiện: Thường xuyên.\n")
    assert rows(text) == [
        ("Xây dựng cơ sở dữ liệu về dịch bệnh truyền nhiễm", ["Sở Y tế"],
         ["Sở Khoa học và Công nghệ", "Trung tâm Kiểm soát bệnh tật tỉnh"], 2026),
        ("Tuyên truyền kiến thức phòng bệnh trên báo chí", ["Báo và Phát thanh, Truyền hình tỉnh"], [], None),
    ]


def test_list_fields_with_unit_words():
    text = PLAN + (
        "a) Nhiệm vụ: Hoàn thiện quy trình tiếp nhận, xử lý phản ánh, kiến nghị của người dân.\n\n"
        "b) Đơn vị thực hiện:\n\n- Đơn vị chủ trì: Văn phòng UBND tỉnh.\n\n"
        "- Đơn vị phối hợp: Các sở, ban, ngành; UBND các xã, phường.\n\n"
        "c) Thời gian thực hiện: Hoàn thành trước ngày 31/8/2026.\n")
    assert rows(text) == [
        ("Hoàn thiện quy trình tiếp nhận, xử lý phản ánh, kiến nghị của người dân.", ["Văn phòng UBND tỉnh"],
         ["Các sở, ban, ngành", "UBND các xã, phường"], "2026-08-31"),
    ]


# ---- continuations --------------------------------------------------------------

def test_connective_paragraphs_go_on_with_the_task_above():
    text = PLAN + (
        "Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức các hoạt động văn hóa, thể thao mừng Xuân.\n\n"
        "Đồng thời, hướng dẫn các địa phương bảo đảm an toàn tại các lễ hội.\n\n"
        "Bên cạnh đó, tăng cường kiểm tra hoạt động kinh doanh dịch vụ karaoke, vũ trường.\n\n"
        "II. MỤC TIÊU\n\nNâng cao đời sống tinh thần của Nhân dân.\n")
    assert leads(text) == [["Sở Văn hóa, Thể thao và Du lịch"]] * 3
    assert [t.evidence for t in tasks_of(text)] == ["explicit", "continuation", "continuation"]


def test_bare_verb_paragraph_after_a_giao_sentence():
    text = PLAN + ("UBND tỉnh giao Sở Xây dựng chủ trì rà soát các công trình xuống cấp.\n\n"
                   "Kiểm tra, xử lý các công trình vi phạm trật tự xây dựng.\n")
    assert leads(text) == [["Sở Xây dựng"], ["Sở Xây dựng"]]


# ---- not tasks ----------------------------------------------------------------------

def test_objectives_boilerplate_recipients_and_legal_bases_are_not_tasks():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\n\nSố: 1250/QĐ-UBND\n\nBình Định, ngày 05 tháng 5 năm 2026\n\n"
            "QUYẾT ĐỊNH\n\nBan hành Kế hoạch cải cách hành chính năm 2026\n\n"
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n\n"
            "Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ;\n\n"
            "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV.\n\n"
            "QUYẾT ĐỊNH:\n\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2026.\n\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
            "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở, Thủ trưởng các ban, ngành, Chủ tịch UBND "
            "các huyện chịu trách nhiệm thi hành Quyết định này./.\n\n"
            "Nơi nhận:\n- Như Điều 3;\n- Bộ Nội vụ;\n- Thường trực Tỉnh ủy;\n- Lưu: VT.\n\n"
            "KẾ HOẠCH\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n"
            "1. Mục tiêu\n\nNâng cao chất lượng phục vụ người dân, doanh nghiệp.\n\n"
            "Mục tiêu đến năm 2030, xây dựng nền hành chính phục vụ, chuyên nghiệp.\n\n"
            "- Nâng cao chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính.\n")
    assert tasks_of(text, "qd.txt") == []


def test_report_of_past_results_is_not_a_task():
    text = PLAN + ("Năm 2025, các sở, ngành, địa phương đã triển khai đồng bộ các giải pháp phòng, chống dịch "
                   "bệnh, đạt nhiều kết quả tích cực.\n\n"
                   "Sở Y tế đã phối hợp tổ chức 25 lớp tập huấn cho cán bộ y tế cơ sở.\n")
    assert tasks_of(text) == []


# ---- news articles ------------------------------------------------------------------

def test_news_article_reporting_a_plan():
    text = ("Quảng Ngãi triển khai kế hoạch phòng, chống sốt xuất huyết năm 2026\n\n"
            "(Báo Quảng Ngãi) - UBND tỉnh Quảng Ngãi vừa ban hành Kế hoạch số 42/KH-UBND về phòng, chống sốt "
            "xuất huyết năm 2026.\n\n"
            "Theo đó, Sở Y tế chủ trì, phối hợp với các địa phương tổ chức giám sát, phát hiện sớm ổ dịch.\n\n"
            "UBND tỉnh giao Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.\n\n"
            "Năm 2025, toàn tỉnh ghi nhận hơn 1.200 ca mắc sốt xuất huyết.\n")
    assert rows(text, "news.txt") == [
        ("Theo đó, Sở Y tế chủ trì, phối hợp với các địa phương tổ chức giám sát, phát hiện sớm ổ dịch.",
         ["Sở Y tế"], ["các địa phương"], None),
        ("UBND tỉnh giao Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.", ["Sở Tài chính"], [], None),
    ]


# ---- deadlines -----------------------------------------------------------------------

def test_deadline_forms_in_sentences():
    text = PLAN + (
        "Sở Tư pháp hoàn thành rà soát văn bản trước ngày 15/12/2025.\n\n"
        "Sở Nội vụ trình phương án sắp xếp đơn vị sự nghiệp trong Quý I/2026.\n\n"
        "Sở Xây dựng hoàn thành quy hoạch chung đô thị trong năm 2027.\n\n"
        "Sở Tài chính tổng hợp báo cáo tình hình thực hiện hằng năm.\n\n"
        "Công an tỉnh thường xuyên kiểm tra an ninh trật tự tại các khu du lịch.\n")
    assert [due(t) for t in tasks_of(text)] == ["2025-12-15", 2026, 2027, None, None]


def test_enclosing_year_heading_sets_the_deadline():
    text = PLAN + ("III. NHIỆM VỤ\n\n* Đến năm 2030:\n\n"
                   "- Sở Giáo dục và Đào tạo hoàn thành phổ cập giáo dục mầm non cho trẻ em từ 3 đến 5 tuổi.\n\n"
                   "- Sở Y tế bảo đảm mỗi xã có trạm y tế đạt chuẩn quốc gia.\n")
    found = tasks_of(text)
    assert [t.lead_agencies for t in found] == [["Sở Giáo dục và Đào tạo"], ["Sở Y tế"]]
    assert [due(t) for t in found] == [2030, 2030]


def test_table_deadline_cells():
    text = (TABLE_HEADER
            + "| 1 | Ban hành quy chế phối hợp | Sở Tư pháp | | Quý I/2026 |\n"
            + "| 2 | Kiểm tra công tác văn thư | Sở Nội vụ | | Hằng năm |\n"
            + "| 3 | Công khai thủ tục hành chính | Văn phòng UBND tỉnh | | Thường xuyên |\n"
            + "| 4 | Tổng kết Kế hoạch | Sở Nội vụ | Các sở, ngành | Tháng 12/2027 |\n")
    assert [due(t) for t in tasks_of(text)] == [2026, None, None, 2027]


# ---- more layouts: web copies, PDFs, heading forms ------------------------------

def test_web_copy_with_bold_headings_and_no_blank_lines():
    text = ("# **IV. TỔ CHỨC THỰC HIỆN**\n**1. Sở Y tế**\n"
            "- Chủ trì tổ chức tiêm vắc xin phòng bệnh sởi cho trẻ em.\n"
            "- Phối hợp với Sở Tài chính bảo đảm đủ vắc xin, vật tư tiêm chủng.\n"
            "**2. Sở Giáo dục và Đào tạo**\n"
            "- Chỉ đạo các trường học rà soát tình trạng tiêm chủng của học sinh.\n")
    assert rows(text) == [
        ("Chủ trì tổ chức tiêm vắc xin phòng bệnh sởi cho trẻ em.", ["Sở Y tế"], [], None),
        ("Phối hợp với Sở Tài chính bảo đảm đủ vắc xin, vật tư tiêm chủng.", ["Sở Y tế"], ["Sở Tài chính"], None),
        ("Chỉ đạo các trường học rà soát tình trạng tiêm chủng của học sinh.", ["Sở Giáo dục và Đào tạo"], [], None),
    ]


def test_pdf_text_with_wrapped_lines():
    text = ("3. Sở Nông nghiệp và Môi trường\n\n"
            "a) Chủ trì, phối hợp với Ủy ban nhân dân các xã hướng dẫn người dân\n"
            "chuyển đổi cơ cấu cây trồng phù hợp với điều kiện hạn hán.\n\n"
            "b) Kiểm tra, giám sát việc vận hành các hồ chứa nước trên địa\n"
            "bàn tỉnh, bảo đảm an toàn công trình.\n")
    assert rows(text) == [
        ("Chủ trì, phối hợp với Ủy ban nhân dân các xã hướng dẫn người dân chuyển đổi cơ cấu cây trồng phù hợp "
         "với điều kiện hạn hán.", ["Sở Nông nghiệp và Môi trường"], ["Ủy ban nhân dân các xã"], None),
        ("Kiểm tra, giám sát việc vận hành các hồ chứa nước trên địa bàn tỉnh, bảo đảm an toàn công trình.",
         ["Sở Nông nghiệp và Môi trường"], [], None),
    ]


def test_giao_list_with_agency_and_duty_per_bullet():
    text = PLAN + ("Ủy ban nhân dân tỉnh giao:\n\n"
                   "- Sở Công Thương: Kiểm tra, bình ổn giá các mặt hàng thiết yếu.\n\n"
                   "- Công an tỉnh: Bảo đảm an ninh, trật tự tại các chợ đầu mối.\n")
    assert rows(text) == [
        ("Kiểm tra, bình ổn giá các mặt hàng thiết yếu.", ["Sở Công Thương"], [], None),
        ("Bảo đảm an ninh, trật tự tại các chợ đầu mối.", ["Công an tỉnh"], [], None),
    ]


def test_single_agency_list_head_passes_its_lead_to_the_bullets():
    text = PLAN + ("Giao Sở Y tế chủ trì, phối hợp với các đơn vị liên quan thực hiện các nhiệm vụ sau:\n\n"
                   "- Tổ chức điều tra, giám sát ổ dịch.\n\n- Bảo đảm thuốc, hóa chất phòng, chống dịch.\n")
    found = tasks_of(text)
    assert [t.lead_agencies for t in found] == [["Sở Y tế"]] * 3
    assert found[1].coordinating_agencies == ["các đơn vị liên quan"]


def test_request_heading_to_the_front_with_bullets():
    text = PLAN + ("4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh\n\n"
                   "- Tăng cường tuyên truyền, vận động đoàn viên, hội viên tham gia vệ sinh môi trường.\n\n"
                   "- Giám sát việc thực hiện chính sách hỗ trợ người dân vùng dịch.\n")
    assert leads(text) == [["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội tỉnh"]] * 2


def test_group_heading_ending_with_duty_word():
    text = PLAN + ("6. Các sở, ban, ngành, địa phương theo chức năng, nhiệm vụ được giao có trách nhiệm:\n\n"
                   "- Quán triệt, triển khai Kế hoạch đến cán bộ, công chức, viên chức.\n")
    [task] = tasks_of(text)
    assert task.lead_agencies[0].startswith("Các sở, ban, ngành, địa phương")
    assert task.text == "Quán triệt, triển khai Kế hoạch đến cán bộ, công chức, viên chức."


def test_responsibility_of_heading():
    text = PLAN + ("1. Trách nhiệm của Sở Tư pháp\n\n"
                   "- Thẩm định dự thảo văn bản quy phạm pháp luật do các sở, ngành soạn thảo.\n")
    assert leads(text) == [["Sở Tư pháp"]]


def test_table_without_a_number_column():
    text = ("| Nhiệm vụ, giải pháp | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |\n"
            "| Xây dựng bản đồ số du lịch của tỉnh | Sở Văn hóa, Thể thao và Du lịch | Sở Khoa học và Công nghệ "
            "| Năm 2026 |\n")
    assert rows(text) == [("Xây dựng bản đồ số du lịch của tỉnh", ["Sở Văn hóa, Thể thao và Du lịch"],
                           ["Sở Khoa học và Công nghệ"], 2026)]


def test_funding_and_purpose_sections_are_not_tasks():
    text = PLAN + ("I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n"
                   "Chủ động phòng, chống dịch bệnh, không để dịch lớn xảy ra.\n\n"
                   "V. KINH PHÍ THỰC HIỆN\n\n"
                   "Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách nhà nước theo phân cấp hiện hành.\n")
    assert tasks_of(text) == []


def test_more_deadline_forms():
    text = PLAN + (
        "Sở Tư pháp gửi báo cáo chậm nhất ngày 20/11/2026.\n\n"
        "Sở Nội vụ hoàn thành việc sắp xếp trước ngày 15 tháng 12 năm 2026.\n\n"
        "Sở Xây dựng trình phê duyệt đề án trong tháng 10/2026.\n\n"
        "Sở Y tế gửi báo cáo trước ngày 20 hằng tháng.\n")
    assert [due(t) for t in tasks_of(text)] == ["2026-11-20", "2026-12-15", 2026, None]


def test_heads_of_agencies_and_the_press():
    text = PLAN + ("Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm trước Chủ tịch UBND tỉnh về kết quả thực hiện "
                   "Kế hoạch.\n\nCác cơ quan báo chí của tỉnh tăng cường thông tin, tuyên truyền về Kế hoạch.\n")
    assert leads(text) == [["Thủ trưởng các cơ quan, đơn vị"], ["Các cơ quan báo chí của tỉnh"]]


def test_web_copy_row_whose_number_cell_is_merged():
    cells = ["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "",
             "1", "Rà soát thủ tục hành chính nội bộ", "Sở Tư pháp", "Các sở, ngành", "Quý III năm 2026", "",
             "Công bố danh mục thủ tục hành chính", "Văn phòng UBND tỉnh", "", ""]
    text = "|\n" + "".join(f"{c}\n|\n" if c else "|\n" for c in cells)
    assert rows(text) == [
        ("Rà soát thủ tục hành chính nội bộ", ["Sở Tư pháp"], ["Các sở, ngành"], 2026),
        ("Công bố danh mục thủ tục hành chính", ["Văn phòng UBND tỉnh"], ["Các sở, ngành"], 2026),
    ]


def test_one_agency_column_naming_both_roles():
    text = ("| TT | Nhiệm vụ | Cơ quan thực hiện | Thời gian |\n"
            "| 1 | Kiểm tra an toàn thực phẩm tại bếp ăn tập thể | Chủ trì: Sở Y tế; Phối hợp: Công an tỉnh, "
            "Sở Công Thương | Năm 2026 |\n"
            "| 2 | Cập nhật dữ liệu hộ nghèo, hộ cận nghèo | Sở Nông nghiệp và Môi trường (chủ trì), UBND các xã "
            "| 2026 - 2027 |\n")
    assert rows(text) == [
        ("Kiểm tra an toàn thực phẩm tại bếp ăn tập thể", ["Sở Y tế"], ["Công an tỉnh", "Sở Công Thương"], 2026),
        ("Cập nhật dữ liệu hộ nghèo, hộ cận nghèo", ["Sở Nông nghiệp và Môi trường"], ["UBND các xã"], 2027),
    ]


def test_deadlines_stated_as_half_years_and_spans():
    text = PLAN + ("Sở Nội vụ hoàn thành việc sắp xếp bộ máy trong 6 tháng đầu năm 2026.\n\n"
                   "Sở Tư pháp hoàn thành hệ thống hóa văn bản trong năm 2026 - 2027.\n\n"
                   "Công an tỉnh triển khai mô hình camera an ninh từ năm 2026.\n")
    assert [due(t) for t in tasks_of(text)] == [2026, 2027, None]


def test_agency_headings_printed_in_capitals():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n\n1. SỞ TÀI CHÍNH\n\n- Bố trí kinh phí thực hiện Kế hoạch.\n\n"
            "2. SỞ Y TẾ\n\n- Hướng dẫn chuyên môn cho các cơ sở khám, chữa bệnh.\n\n"
            "3. CHÍNH QUYỀN SỐ\n\n- Hoàn thiện hệ thống thông tin giải quyết thủ tục hành chính.\n")
    assert leads(text) == [["SỞ TÀI CHÍNH"], ["SỞ Y TẾ"]]


def test_topic_headings_of_a_digital_plan_are_not_agencies():
    text = ("III. NHIỆM VỤ TRỌNG TÂM\n\n1. Chính quyền số\n\n- Hoàn thiện nền tảng tích hợp, chia sẻ dữ liệu.\n\n"
            "2. Kinh tế số\n\n- Phát triển thương mại điện tử ở nông thôn.\n")
    assert tasks_of(text) == []


def test_line_breaks_inside_web_table_cells():
    text = (TABLE_HEADER + "|---|---|---|---|---|\n"
            "| 1 | Xây dựng cơ sở dữ liệu giá đất | Sở Nông nghiệp và Môi trường | Sở Tài chính;<br>UBND các xã "
            "| Năm 2026 |\n")
    assert rows(text) == [("Xây dựng cơ sở dữ liệu giá đất", ["Sở Nông nghiệp và Môi trường"],
                           ["Sở Tài chính", "UBND các xã"], 2026)]


def test_news_wording_of_a_plan_and_its_requests():
    text = ("Bình Phước: Ban hành kế hoạch chuyển đổi số năm 2026\n\n"
            "Kế hoạch yêu cầu các sở, ngành, địa phương quán triệt đầy đủ các nhiệm vụ được giao.\n\n"
            "Theo Kế hoạch, Sở Khoa học và Công nghệ sẽ chủ trì xây dựng nền tảng dữ liệu dùng chung, hoàn thành "
            "trong năm 2026.\n\n"
            "Năm 2025, tỉnh đã hoàn thành 95% chỉ tiêu chuyển đổi số.\n")
    found = tasks_of(text, "news.txt")
    assert [t.lead_agencies for t in found] == [["các sở, ngành, địa phương"], ["Sở Khoa học và Công nghệ"]]
    assert due(found[1]) == 2026


def test_aside_between_the_subject_and_its_duty():
    text = PLAN + ("Sở Tài chính, trên cơ sở đề xuất của các cơ quan, đơn vị, địa phương, chủ trì tổng hợp, trình cấp "
                   "có thẩm quyền bố trí kinh phí.\n\n"
                   "Các sở, ngành, theo chức năng, nhiệm vụ được giao, chủ động triển khai các nội dung của Kế hoạch.\n")
    assert leads(text) == [["Sở Tài chính"], ["Các sở, ngành"]]


def test_item_giving_its_own_agency_a_list_under_another_heading():
    text = PLAN + ("3. Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh:\n\n"
                   "a) Quán triệt cán bộ, công chức thực hiện nghiêm Chỉ thị này.\n\n"
                   "b) Giao Ban Quản lý các khu công nghiệp tỉnh chỉ đạo các doanh nghiệp hạ tầng khu công nghiệp "
                   "có trách nhiệm:\n\n"
                   "- Xây dựng hệ thống xử lý nước thải tập trung.\n\n- Báo cáo tình hình xả thải hằng quý.\n")
    assert leads(text) == [["Giám đốc các sở", "Thủ trưởng các ban, ngành tỉnh"]] \
        + [["Ban Quản lý các khu công nghiệp tỉnh"]] * 3


def test_articles_of_a_decision():
    text = ("QUYẾT ĐỊNH:\n\nĐiều 1. Phê duyệt Kế hoạch phát triển du lịch tỉnh giai đoạn 2026 - 2030.\n\n"
            "Điều 2. Giao Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với các sở, ngành, địa phương tổ chức "
            "triển khai thực hiện Kế hoạch.\n\nĐiều 3. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
            "Chánh Văn phòng UBND tỉnh, Giám đốc các sở, Thủ trưởng các ban, ngành và Chủ tịch UBND các huyện căn cứ "
            "Quyết định thi hành./.\n")
    [task] = tasks_of(text, "qd.txt")
    assert task.lead_agencies == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert task.coordinating_agencies == ["các sở, ngành, địa phương"]


def test_letter_requesting_its_addressees_a_numbered_list():
    text = ("Kính gửi: Các sở, ban, ngành tỉnh\n\n"
            "Thực hiện chỉ đạo của UBND tỉnh, Sở Nội vụ đề nghị các cơ quan, đơn vị:\n\n"
            "1. Rà soát, thống kê số lượng người làm việc tại đơn vị.\n\n"
            "2. Gửi báo cáo về Sở Nội vụ trước ngày 15/8/2026.\n")
    found = tasks_of(text, "cv.txt")  # the lead-in names its addressees only: the items are the duties
    assert [t.text[:7] for t in found] == ["Rà soát", "Gửi báo"]
    assert [t.lead_agencies for t in found] == [["các cơ quan, đơn vị"]] * 2
    assert due(found[1]) == "2026-08-15"


def test_chairman_requesting_heads_to_carry_out_numbered_points():
    text = ("Để kịp thời khắc phục hậu quả mưa lũ, Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành tỉnh, "
            "Chủ tịch UBND các huyện, thị xã, thành phố khẩn trương thực hiện các nội dung sau:\n\n"
            "1. Tổ chức kiểm tra, rà soát các công trình bị hư hỏng.\n\n"
            "2. Báo cáo UBND tỉnh trước ngày 20/9/2026.\n\n"
            "II. KẾT QUẢ ĐẠT ĐƯỢC\n\n1. Công tác phòng chống thiên tai được triển khai kịp thời.\n")
    assert leads(text) == [["Thủ trưởng các sở, ban, ngành tỉnh", "Chủ tịch UBND các huyện, thị xã, thành phố"]] * 3


def test_assignment_verb_phrases():
    text = PLAN + ("UBND tỉnh giao nhiệm vụ cho Sở Xây dựng chủ trì lập quy hoạch chung đô thị.\n\n"
                   "Giao trách nhiệm cho Sở Tư pháp thẩm định các dự thảo quy chế.\n\n"
                   "UBND tỉnh phân công Sở Nội vụ theo dõi việc thực hiện.\n")
    assert leads(text) == [["Sở Xây dựng"], ["Sở Tư pháp"], ["Sở Nội vụ"]]


def test_agency_and_lowercase_duty_after_a_colon():
    text = ("a) Sở Y tế: chủ trì, phối hợp với Sở Tài chính thẩm định giá dịch vụ khám bệnh.\n\n"
            "b) Các sở, ban, ngành: căn cứ chức năng, nhiệm vụ triển khai thực hiện.\n")
    assert rows(text) == [
        ("chủ trì, phối hợp với Sở Tài chính thẩm định giá dịch vụ khám bệnh.", ["Sở Y tế"], ["Sở Tài chính"], None),
        ("căn cứ chức năng, nhiệm vụ triển khai thực hiện.", ["Các sở, ban, ngành"], [], None),
    ]


def test_bullet_under_a_heading_split_where_another_agency_takes_over():
    text = ("1. Sở Y tế\n\n- Chủ trì tổ chức tiêm chủng cho trẻ em. Sở Tài chính bảo đảm kinh phí mua vắc xin.\n\n"
            "2. Các sở, ban, ngành; UBND các xã, phường\n\n"
            "- Công khai dữ liệu mở của ngành, địa phương. UBND cấp xã chú trọng công khai dữ liệu dân cư.\n")
    assert rows(text) == [
        ("Chủ trì tổ chức tiêm chủng cho trẻ em.", ["Sở Y tế"], [], None),
        ("Sở Tài chính bảo đảm kinh phí mua vắc xin.", ["Sở Tài chính"], [], None),
        ("Công khai dữ liệu mở của ngành, địa phương. UBND cấp xã chú trọng công khai dữ liệu dân cư.",
         ["Các sở, ban, ngành", "UBND các xã, phường"], [], None),
    ]
