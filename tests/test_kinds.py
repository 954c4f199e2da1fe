"""What a document is (extractors/kinds.py), and what each kind yields."""
from pipeline.process import process
from pipeline.readers import SourceText


def run(text: str, name: str = "page.md"):
    return process(SourceText(name, "txt", text), "0" * 64)


REFERENCE_PAGE = """# Sông Trà Khúc

Bài viết này cần thêm chú thích nguồn gốc để kiểm chứng thông tin. (tháng 3/2024)

| Sông Trà Khúc | |
|---|---|
| Chiều dài | 135 km |
| Lưu vực | 3.240 km² |
| Cửa sông | Cửa Đại Cổ Lũy |

**Sông Trà Khúc** là con sông lớn nhất tỉnh Quảng Ngãi, bắt nguồn từ dãy Trường Sơn.

Năm 1985, Bộ Thủy lợi được giao chủ trì xây dựng đập dâng Thạch Nham trên dòng chính của sông.

Sở Nông nghiệp và Phát triển nông thôn chủ trì quản lý hệ thống kênh tưới của đập từ năm 1995.

Giai đoạn 2010 - 2020, diện tích được tưới tăng 12% và dân số vùng hạ lưu tăng 5%.

Tham khảo
"""

PROCEDURE_PAGE = """THỦ TỤC HÀNH CHÍNH: Cấp giấy phép tổ chức lễ hội truyền thống

Trình tự thực hiện:

Bước 1: Tổ chức, cá nhân nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh.

Bước 2: Sở Văn hóa, Thể thao và Du lịch thẩm định hồ sơ và trình Chủ tịch UBND tỉnh trong 05 ngày làm việc.

Cách thức thực hiện: Nộp trực tiếp hoặc qua dịch vụ bưu chính công ích.

Thành phần hồ sơ:

- Văn bản đề nghị của Ban tổ chức lễ hội;

- Chương trình lễ hội, trong đó có ít nhất 30% hoạt động văn hóa dân gian.

Cơ quan giải quyết TTHC: Sở Văn hóa, Thể thao và Du lịch.

Thời hạn giải quyết: 10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.

Căn cứ pháp lý: Nghị định số 110/2018/NĐ-CP ngày 29/8/2018 của Chính phủ.
"""

PAST_NEWS = """# Hội nghị tổng kết công tác phòng chống thiên tai năm 2025

Sáng 12/12, Ban Chỉ huy Phòng chống thiên tai tỉnh tổ chức hội nghị tổng kết công tác năm 2025.

Năm 2025, Sở Nông nghiệp và Môi trường chủ trì di dời 4.500 hộ dân ra khỏi vùng nguy hiểm trước mỗi cơn bão.

Theo báo cáo, thiệt hại về tài sản giảm 35% so với cùng kỳ, dân số vùng ven biển tăng 5%.

Công an tỉnh đã phối hợp với lực lượng quân đội cứu hộ 120 người dân bị mắc kẹt.
"""

PLAN_NEWS = """# Tỉnh Gia Lai ban hành kế hoạch phát triển du lịch cộng đồng năm 2026

UBND tỉnh Gia Lai vừa ban hành Kế hoạch số 215/KH-UBND về phát triển du lịch cộng đồng năm 2026.

Kế hoạch đặt mục tiêu phấn đấu 100% làng du lịch cộng đồng có sản phẩm được chứng nhận OCOP.

Năm 2025, lượng khách đến các làng du lịch đã đạt 85% so với kế hoạch năm.

Theo kế hoạch, Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với UBND các xã xây dựng bộ tiêu chí làng du lịch cộng đồng, hoàn thành trong quý II/2026.

Năm 2025, Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức 15 lễ hội ẩm thực tại các làng.

Sở Tài chính có trách nhiệm tham mưu bố trí kinh phí thực hiện Kế hoạch.

Sở Tài chính bố trí kinh phí từ nguồn nào?

Kinh phí được bố trí từ ngân sách tỉnh và nguồn xã hội hóa, bảo đảm cắm trại an toàn.
"""

LAW_QA = """# Người lao động có được nghỉ việc riêng mà vẫn hưởng lương không?

Nội dung chính

Người lao động có được nghỉ việc riêng mà vẫn hưởng lương không?

Căn cứ Điều 115 Bộ luật Lao động 2019, người lao động được nghỉ việc riêng mà vẫn hưởng nguyên lương khi kết hôn.

Người sử dụng lao động có trách nhiệm trả đủ lương cho người lao động trong những ngày nghỉ này.

Ủy ban nhân dân cấp tỉnh có trách nhiệm chỉ đạo cơ quan quản lý nhà nước về lao động kiểm tra việc thực hiện.
"""

DECREE = """CHÍNH PHỦ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 41/2026/NĐ-CP

Hà Nội, ngày 20 tháng 2 năm 2026

NGHỊ ĐỊNH
Quy định về quản lý bến thủy nội địa

Điều 1. Phạm vi điều chỉnh

Nghị định này quy định về quản lý bến thủy nội địa.

Điều 2. Nhiệm vụ, quyền hạn của Cảng vụ đường thủy nội địa

Cảng vụ đường thủy nội địa có các nhiệm vụ, quyền hạn sau đây:

1. Cấp phép cho phương tiện vào, rời bến.

2. Kiểm tra điều kiện an toàn của bến.

Điều 3. Tổ chức thực hiện

Ủy ban nhân dân cấp tỉnh có trách nhiệm kiểm tra hoạt động của bến thủy nội địa trên địa bàn.

Bộ Xây dựng có trách nhiệm chủ trì xây dựng cơ sở dữ liệu bến thủy nội địa, hoàn thành trước ngày 31/12/2026.
"""


def test_reference_page_gives_no_tasks_and_no_targets():
    doc = run(REFERENCE_PAGE)
    assert doc.document.kind == "reference"
    assert doc.document.kind_evidence
    assert doc.tasks == [] and doc.targets == []


def test_procedure_announcement_gives_no_tasks_and_no_targets():
    doc = run(PROCEDURE_PAGE)
    assert doc.document.kind == "procedure"
    assert doc.tasks == [] and doc.targets == []


def test_news_of_past_events_gives_nothing():
    doc = run(PAST_NEWS)
    assert doc.document.kind == "news"
    assert doc.tasks == [] and doc.targets == []


def test_news_reporting_a_plan_keeps_the_duties_and_goals_it_quotes():
    doc = run(PLAN_NEWS)
    assert doc.document.kind == "news"
    assert [t.lead_agencies for t in doc.tasks] == [["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Tài chính"]]
    assert [t.value for t in doc.targets] == [100]  # the 85% reached last year is a result, not a goal


def test_closing_qa_of_a_news_article_inherits_no_agency():
    texts = [t.text for t in run(PLAN_NEWS).tasks]
    assert not any("cắm trại" in text or "nguồn nào" in text for text in texts)
    assert not any("lễ hội ẩm thực" in text for text in texts)  # last year's events


def test_qa_article_about_the_law_gives_nothing():
    doc = run(LAW_QA)
    assert doc.document.kind == "qa"
    assert doc.tasks == []


def test_decree_keeps_only_its_assignment_article():
    doc = run(DECREE, "decree.txt")
    assert doc.document.kind == "law"
    assert [t.lead_agencies for t in doc.tasks] == [["Bộ Xây dựng"]]
    assert doc.tasks[0].deadline.date == "2026-12-31"


def test_normative_number_makes_a_decision_a_law():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 12/2026/QĐ-UBND\n\nNinh Thuận, ngày 5 tháng 1 năm 2026\n\nQUYẾT ĐỊNH\n"
            "Ban hành Quy định quản lý cụm công nghiệp\n\n"
            "Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý cụm công nghiệp trên địa bàn tỉnh.\n")
    doc = run(text, "qd.txt")
    assert doc.document.kind == "law"
    assert any("12/2026/QĐ-UBND" in e for e in doc.document.kind_evidence)


def test_plan_without_a_header_is_still_a_plan():
    text = ("I. MỤC ĐÍCH, YÊU CẦU\n\nNâng cao chất lượng dịch vụ công trực tuyến.\n\nII. TỔ CHỨC THỰC HIỆN\n\n"
            "1. Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành triển khai nền tảng định danh điện tử.\n")
    doc = run(text, "kh.txt")
    assert doc.document.kind == "plan"
    assert [t.lead_agencies for t in doc.tasks] == [["Sở Khoa học và Công nghệ"]]


def test_encyclopedia_text_with_reference_marks_gives_nothing():
    text = ("Sau năm 1954, Bộ Giao thông và Công chính chủ trì khôi phục tuyến đường sắt Hà Nội - Lạng Sơn.[3] "
            "Đến năm 1956, tuyến đường được thông xe.[4]\n\n"
            "Tổng cục Đường sắt phối hợp với các công trường tuyển thêm 20.000 công nhân.[5][6]\n\n"
            "Năm 1958, Bộ Giao thông và Công chính tiếp tục chủ trì làm tuyến Hà Nội - Lào Cai.[7]\n")
    doc = run(text, "article.txt")
    assert doc.document.kind == "reference"
    assert doc.tasks == []


def test_a_regulation_is_read_as_a_law():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "QUY ĐỊNH\nPhân cấp quản lý công trình thủy lợi trên địa bàn tỉnh\n\n"
            "Điều 5. Trách nhiệm của Sở Nông nghiệp và Môi trường\n\n"
            "Sở Nông nghiệp và Môi trường chủ trì quản lý các hồ chứa có dung tích từ 3 triệu m3 trở lên.\n")
    doc = run(text, "quy-dinh.txt")
    assert doc.document.kind == "law"
    assert doc.tasks == []  # a rule with no time is not an assignment


def test_workbook_and_pages_show_the_kind(tmp_path):
    import openpyxl

    from pipeline.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "song.md").write_text(REFERENCE_PAGE, encoding="utf-8")
    (folder / "tin.md").write_text(PLAN_NEWS, encoding="utf-8")
    (folder / "nd.txt").write_text(DECREE, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(folder), "--out", str(out), "--workers", "1"]) == 0
    book = openpyxl.load_workbook(out / "review.xlsx")
    documents = book["Văn bản"]
    column = [c.value for c in documents[2]].index("kind")
    assert sorted(row[column].value.split(" ")[0] for row in documents.iter_rows(min_row=3)) == \
        ["law", "news", "reference"]
    summary = [[c.value for c in row] for row in book["Tổng hợp"].iter_rows()]
    at = next(i for i, row in enumerate(summary) if row[0] == "Theo dạng văn bản (per kind)")
    assert sorted(tuple(row[:2]) for row in summary[at + 3:at + 6]) == [("law", 1), ("news", 1), ("reference", 1)]
    pages = " ".join(p.read_text(encoding="utf-8") for p in (out / "html").glob("*.html"))
    assert "Dạng văn bản: reference" in pages and "<td>law</td>" in pages


BANNER = ("Bản dịch này thuộc quyền sở hữu của THƯ VIỆN PHÁP LUẬT.\n\n"
          "| Số hiệu: | 318/CĐ-TTg |\n| Loại văn bản: | Công điện |\n| Nơi ban hành: | Thủ tướng Chính phủ |\n\n")
SUMMARY = ("## Khẩn trương khắc phục sạt lở bờ sông trước mùa mưa\n\n"
           "Ngày 14/8/2026, Thủ tướng Chính phủ vừa ký Công điện 318/CĐ-TTg về khắc phục sạt lở bờ sông. "
           "Thời gian qua, sạt lở đã gây thiệt hại lớn cho người dân ven sông.\n\n")
DISPATCH = ("THỦ TƯỚNG CHÍNH PHỦ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 318/CĐ-TTg\n\nHà Nội, ngày 14 tháng 8 năm 2026\n\nCÔNG ĐIỆN\n\n"
            "Về việc khắc phục sạt lở bờ sông\n\n"
            "1. Bộ Nông nghiệp và Môi trường chủ trì, phối hợp với các địa phương rà soát các điểm sạt lở, "
            "hoàn thành trước ngày 30/9/2026.\n\n"
            "2. Ủy ban nhân dân các tỉnh ven sông di dời các hộ dân khỏi vùng nguy hiểm.\n\n"
            "Nơi nhận:\n- Như trên;\n\nTHỦ TƯỚNG\n\nNguyễn Văn An\n")


def test_a_document_after_a_site_banner_and_a_news_summary_is_read_as_the_document():
    doc = run(BANNER + SUMMARY + DISPATCH, "cong-dien.txt")
    assert doc.document.kind == "directive"
    leads = [t.lead_agencies for t in doc.tasks]
    assert ["Bộ Nông nghiệp và Môi trường"] in leads and ["Ủy ban nhân dân các tỉnh ven sông"] in leads


MANDATE_PAGE = """BAN DÂN VẬN TỈNH ỦY

I. Chức năng

Ban Dân vận Tỉnh ủy là cơ quan tham mưu, giúp việc của Tỉnh ủy về công tác dân vận trên địa bàn tỉnh.

II. Nhiệm vụ, quyền hạn

1. Chủ trì, phối hợp với các cơ quan liên quan nghiên cứu, đề xuất chủ trương về công tác dân vận.

2. Ban Dân vận có trách nhiệm hướng dẫn, kiểm tra các cấp ủy thực hiện quy chế dân chủ ở cơ sở.

3. Thực hiện các nhiệm vụ khác do Ban Thường vụ Tỉnh ủy giao.

III. Cơ cấu tổ chức

Ban có các phòng chuyên môn: Phòng Tổng hợp, Phòng Dân tộc - Tôn giáo.
""" + "Các phòng làm việc theo chế độ thủ trưởng, chịu sự chỉ đạo của lãnh đạo Ban. " * 30


def test_a_body_s_functions_and_powers_give_no_tasks():
    doc = run(MANDATE_PAGE, "chuc-nang.md")
    assert doc.document.kind == "law" and doc.tasks == []


HISTORY = ("Năm 1946, Chính phủ lâm thời đã giao Bộ Canh nông chủ trì việc khai hoang vùng trung du. "
           "Đến năm 1954, các đội sản xuất đã được thành lập ở nhiều tỉnh và đã khai phá hàng nghìn ha đất. "
           "Năm 1960, Bộ Thủy lợi vừa được tách ra, đã phối hợp với các tỉnh đắp nhiều tuyến đê mới. ") * 12


def test_a_long_account_of_past_events_without_header_gives_nothing():
    doc = run(HISTORY, "lich-su.txt")
    assert doc.document.kind == "news" and doc.tasks == []


LONG_PAGE = ("Khu đô thị nằm bên bờ sông, có tổng diện tích khoảng 420 ha với nhiều tiện ích nội khu. "
             "Các tòa căn hộ được thiết kế theo phong cách hiện đại, gần trường học và bệnh viện. ") * 30 + \
            "Ban quản lý khu đô thị có trách nhiệm vận hành hệ thống chiếu sáng.\n"


def test_a_long_page_with_few_role_words_is_another_page():
    doc = run(LONG_PAGE, "khu-do-thi.txt")
    assert doc.document.kind == "reference" and doc.tasks == []


LAW_NEWS = ("Luật Thư viện (sửa đổi) năm 2026 có những điểm mới cơ bản sau đây. Theo Nghị quyết số 45/NQ-CP, "
            "dự thảo Luật quy định thư viện công cộng cấp tỉnh có trách nhiệm hướng dẫn thư viện cấp xã. "
            "Điều 12 của Luật quy định Bộ Văn hóa, Thể thao và Du lịch chủ trì xây dựng tiêu chuẩn thư viện; "
            "khoản 3 Điều 12 quy định Ủy ban nhân dân cấp tỉnh bố trí kinh phí theo quy định của Luật "
            "Ngân sách nhà nước. Luật cũng quy định rõ quyền của người đọc. ") * 8


def test_an_article_explaining_a_law_is_not_the_resolution_it_mentions():
    doc = run(LAW_NEWS, "luat-moi.txt")
    assert doc.document.kind == "law" and doc.tasks == []


TABLE_NEWS = ("Thay mặt Ủy ban Thường vụ Quốc hội, Chủ tịch Quốc hội vừa ký ban hành Nghị quyết số 97/2026/UBTVQH15 "
              "điều chỉnh Chương trình giám sát năm 2026. Về tổ chức thực hiện, Ủy ban Thường vụ Quốc hội phân công "
              "như sau:\n\n"
              "| STT | Nội dung giám sát | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
              "|---|---|---|---|---|\n"
              "| 1 | Giám sát việc thực hiện chính sách nhà ở xã hội | Ủy ban Kinh tế và Tài chính | "
              "Hội đồng Dân tộc | Tháng 9/2026 |\n"
              "| 2 | Giám sát việc sắp xếp trường học sau hợp nhất xã | Ủy ban Văn hóa và Xã hội | "
              "Ủy ban Pháp luật và Tư pháp | Tháng 11/2026 |\n")


def test_news_quoting_an_assignment_table_of_a_normative_resolution_keeps_its_rows():
    doc = run(TABLE_NEWS, "tin-nghi-quyet.txt")
    assert doc.document.kind == "news"
    assert [t.lead_agencies for t in doc.tasks] == [["Ủy ban Kinh tế và Tài chính"], ["Ủy ban Văn hóa và Xã hội"]]


# a legal site's article: its table-of-contents box ("Nội dung chính") and its listing box sit above the story
SITE_ARTICLE = """# Triển khai chuyển đổi số trong thu nộp thuế tại Cà Mau (Kế hoạch 74/KH-UBND)

## Mua bán nhà đất tại Cà Mau

### Nội dung chính

## Triển khai chuyển đổi số trong thu nộp thuế tại Cà Mau (Kế hoạch 74/KH-UBND)

Ngày 12/3/2026, UBND tỉnh Cà Mau đã ban hành Kế hoạch 74/KH-UBND về chuyển đổi số trong thu nộp thuế năm 2026.

Theo Kế hoạch 74/KH-UBND, Sở Khoa học và Công nghệ chủ trì, phối hợp với Thuế tỉnh Cà Mau triển khai hóa đơn điện tử cho 100% hộ kinh doanh, hoàn thành trong quý III/2026.

Sở Tài chính có trách nhiệm bố trí kinh phí thực hiện Kế hoạch theo quy định.
"""


def test_a_site_article_with_a_contents_box_is_news_and_keeps_the_duties_it_quotes():
    doc = run(SITE_ARTICLE)
    assert doc.document.kind == "news"
    assert any(e.startswith("reports ") for e in doc.document.kind_evidence)
    assert [t.lead_agencies for t in doc.tasks] == [["Sở Khoa học và Công nghệ"], ["Sở Tài chính"]]


SITE_EVENT = """# Khánh thành cầu Rạch Miễu 2 nối Tiền Giang và Bến Tre

**Chuyên viên pháp lý:**Trần Thị Mai

### Nội dung chính

Sáng 20/1, Bộ Xây dựng đã tổ chức lễ khánh thành cầu Rạch Miễu 2 sau hơn ba năm thi công.

Cầu dài 17,5 km, có 4 làn xe, tổng vốn đầu tư hơn 6.800 tỷ đồng.

Ban Quản lý dự án Mỹ Thuận đã phối hợp với các nhà thầu hoàn thành công trình sớm hai tháng.
"""


def test_a_site_article_about_an_event_is_news_and_gives_nothing():
    doc = run(SITE_EVENT)
    assert doc.document.kind == "news"
    assert doc.tasks == [] and doc.targets == []


# a legal site's Q&A article that reprints a dispatch: the title asks, the answer quotes the text
FULL_TEXT_QA = """# Toàn văn Công điện 45/CĐ-TTg về ứng phó bão số 3 ra sao?

**Toàn văn Công điện 45/CĐ-TTg về ứng phó bão số 3 ra sao?**

Ngày 02/9/2026, Thủ tướng Chính phủ đã ký ban hành Công điện 45/CĐ-TTg về ứng phó bão số 3.

**>>> Tải về Toàn văn Công điện 45/CĐ-TTg**

Theo Công điện 45/CĐ-TTg, Thủ tướng Chính phủ yêu cầu:

1. Bộ Nông nghiệp và Môi trường chủ trì theo dõi chặt chẽ diễn biến của bão, thông tin kịp thời cho người dân.

2. Bộ Quốc phòng:

- Chỉ đạo các quân khu bố trí lực lượng, phương tiện sẵn sàng cứu hộ, cứu nạn.

- Phối hợp với các địa phương sơ tán người dân ra khỏi vùng nguy hiểm trước ngày 05/9/2026.
"""


def test_a_qa_article_reprinting_a_dispatch_is_qa_and_keeps_the_duties_it_quotes():
    doc = run(FULL_TEXT_QA)
    assert doc.document.kind == "qa"
    assert "reports Công văn" not in doc.document.kind_evidence  # the dispatch it reports, by its own type
    assert any(e.startswith("reports Công điện") for e in doc.document.kind_evidence)
    assert [t.lead_agencies for t in doc.tasks] == [["Bộ Nông nghiệp và Môi trường"], ["Bộ Quốc phòng"],
                                                    ["Bộ Quốc phòng"]]


FULL_TEXT_LAW_QA = """# Toàn văn Thông tư 21/2026/TT-BTC về chế độ công tác phí chi tiết ra sao?

**Toàn văn Thông tư 21/2026/TT-BTC về chế độ công tác phí chi tiết ra sao?**

Ngày 10/3/2026, Bộ trưởng Bộ Tài chính ban hành Thông tư 21/2026/TT-BTC về chế độ công tác phí.

Theo khoản 2 Điều 3 Thông tư 21/2026/TT-BTC, Sở Tài chính có trách nhiệm hướng dẫn mức phụ cấp lưu trú trước ngày 30/6/2026.
"""


def test_a_qa_article_reprinting_a_circular_explains_the_law_and_gives_nothing():
    doc = run(FULL_TEXT_LAW_QA)
    assert doc.document.kind == "qa"
    assert doc.tasks == []


# an excerpt of a decree's fines copied with no header, no title and no one assigned
FINES_EXCERPT = """**Mức phạt tiền từ 4-6 triệu đồng** áp dụng đối với người điều khiển xe mô tô, xe gắn máy:

+ **Đi ngược chiều của đường một chiều**, trừ các trường hợp xe ưu tiên đang đi làm nhiệm vụ khẩn cấp.

+ **Không chấp hành hiệu lệnh của đèn tín hiệu giao thông** (quy định cũ phạt từ 800.000 đồng đến 1 triệu đồng).

+ Ngoài bị phạt tiền, người vi phạm còn bị trừ 04 điểm giấy phép lái xe.
"""


def test_a_headerless_excerpt_of_fines_is_not_a_plan():
    doc = run(FINES_EXCERPT, "trich.txt")
    assert doc.document.kind == "law"
    assert doc.tasks == []


# a news story copied with no title: it reports that a conclusion was signed, then quotes it
SIGNED_NEWS = """### Tập trung hoàn thành sắp xếp bộ máy trước ngày 30/6

Thay mặt Bộ Chính trị, Thường trực Ban Bí thư đã ký Kết luận số 212-KL/TW ngày 12/4/2026 về tiếp tục sắp xếp tổ chức bộ máy.

Ban Tổ chức Trung ương chủ trì, phối hợp với Đảng ủy Chính phủ hoàn thiện đề án sắp xếp các cơ quan, trình Bộ Chính trị trước ngày 30/6/2026.

Đảng ủy Quốc hội có trách nhiệm lãnh đạo sửa đổi các luật liên quan trong kỳ họp thứ hai.
"""


def test_a_headerless_story_of_a_signed_conclusion_is_news_and_keeps_its_duties():
    doc = run(SIGNED_NEWS, "tin.txt")
    assert doc.document.kind == "news"
    assert any(e.startswith("reports ") for e in doc.document.kind_evidence)
    assert [t.lead_agencies for t in doc.tasks] == [["Ban Tổ chức Trung ương"], ["Đảng ủy Quốc hội"]]


# a body's page of its functions, with bold headings "I- CHỨC NĂNG"
BOLD_MANDATE = """**Ban Dân tộc tỉnh**

**I- CHỨC NĂNG CỦA BAN DÂN TỘC TỈNH**

Ban Dân tộc tỉnh là cơ quan chuyên môn, tham mưu giúp Ủy ban nhân dân tỉnh quản lý nhà nước về công tác dân tộc.

**II- NHIỆM VỤ CỦA BAN DÂN TỘC TỈNH**

1. Chủ trì, phối hợp với các sở, ngành hướng dẫn thực hiện chính sách dân tộc trên địa bàn tỉnh.

2. Phòng Chính sách có trách nhiệm theo dõi, tổng hợp tình hình vùng đồng bào dân tộc thiểu số.
"""


def test_a_body_s_functions_under_bold_headings_give_no_tasks():
    doc = run(BOLD_MANDATE, "ban-dan-toc.txt")
    assert doc.document.kind == "law"
    assert doc.tasks == []


# a Q&A article whose answer opens on the conclusion it quotes
QUOTING_QA = """# Bộ Chính trị giao Ban Tổ chức Trung ương hoàn thành đề án sắp xếp trong thời gian nào?

**Bộ Chính trị giao Ban Tổ chức Trung ương hoàn thành đề án sắp xếp trong thời gian nào?**

Theo Kết luận 212-KL/TW năm 2026 về tiếp tục sắp xếp tổ chức bộ máy:

Ban Tổ chức Trung ương chủ trì, phối hợp với Đảng ủy Chính phủ hoàn thiện đề án sắp xếp các cơ quan, trình Bộ Chính trị trước ngày 30/6/2026.

Phấn đấu giảm ít nhất 15% đầu mối bên trong các cơ quan.

**Cơ quan nào thẩm định đề án sắp xếp?**

Việc thẩm định đề án được thực hiện theo quy định của pháp luật về tổ chức bộ máy.
"""


def test_a_qa_answer_quoting_a_conclusion_keeps_its_named_duties_and_no_goals():
    doc = run(QUOTING_QA)
    assert doc.document.kind == "qa"
    assert any(e.startswith("quotes ") for e in doc.document.kind_evidence)
    assert [t.lead_agencies for t in doc.tasks] == [["Ban Tổ chức Trung ương"]]
    assert doc.targets == []


def _price_table(rows: int) -> str:
    """A long annex table: many characters and no role word."""
    header = "| STT | Khu vực | Mức giá tối đa |\n|---|---|---|\n"
    return header + "".join(f"| {i} | Tổ dân phố số {i} khu vực nội thành | {30 + i % 7}.000 đồng/hộ/tháng |\n"
                            for i in range(1, rows + 1))


# the implementation part of a decision copied without its header, above a long price table
HEADERLESS_DUTIES = ("Trong quá trình tổ chức thực hiện, trường hợp có sự thay đổi về quy định pháp luật, Sở Tài chính "
                     "rà soát, báo cáo UBND tỉnh điều chỉnh mức giá.\n\n"
                     "1. UBND cấp xã có trách nhiệm tổ chức triển khai thực hiện mức giá dịch vụ thu gom rác thải "
                     "sinh hoạt trên địa bàn.\n\n"
                     "2. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với các cơ quan liên quan kiểm tra việc "
                     "áp dụng mức giá.\n\n" + _price_table(80))


def test_a_headerless_decision_s_numbered_duties_above_a_long_table_are_a_plan_fragment():
    doc = run(HEADERLESS_DUTIES, "gia.txt")
    assert doc.document.kind == "plan"
    assert [t.lead_agencies for t in doc.tasks][-2:] == [["UBND cấp xã"], ["Sở Nông nghiệp và Môi trường"]]


# a decision's subject line and its one assignment, then its annex stamped with the decision's number
ANNEX_DECISION = ("VỀ VIỆC PHÊ DUYỆT DANH MỤC DỊCH VỤ CÔNG TRỰC TUYẾN TOÀN TRÌNH NGÀNH GIÁO DỤC\n\n"
                  "Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Giáo dục và Đào tạo tích hợp các dịch vụ "
                  "công trên Cổng Dịch vụ công quốc gia.\n\n"
                  "DANH MỤC DỊCH VỤ CÔNG TRỰC TUYẾN TOÀN TRÌNH\n\n"
                  "*(Ban hành kèm theo Quyết định số: 512/QĐ-UBND ngày 03 tháng 3 năm 2026 của Chủ tịch "
                  "Ủy ban nhân dân tỉnh Lâm Đồng)*\n\n" + _price_table(80))


def test_a_headerless_annex_stamped_with_its_decision_is_that_decision():
    doc = run(ANNEX_DECISION, "danh-muc.txt")
    assert doc.document.kind == "decision"
    assert [t.lead_agencies for t in doc.tasks] == [["Sở Khoa học và Công nghệ"]]


# a news story on a decree, copied without its title: it names the decree by its number, as no decree names itself
DECREE_NEWS = """Chính phủ ban hành Nghị định số 88/2026/NĐ-CP ngày 12/5/2026 sửa đổi, bổ sung một số điều của Nghị định số 60/2021/NĐ-CP về cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập.

## Thay đổi thẩm quyền ban hành danh mục dịch vụ sự nghiệp công

Theo quy định mới, Ủy ban nhân dân cấp tỉnh chủ trì ban hành danh mục dịch vụ sự nghiệp công trước ngày 31/12/2026.

Nghị định số 88/2026/NĐ-CP có hiệu lực thi hành từ ngày 01/7/2026.
"""


def test_a_headerless_story_naming_a_decree_by_its_number_is_news_about_the_law():
    doc = run(DECREE_NEWS, "tin-nghi-dinh.txt")
    assert doc.document.kind == "news"
    assert doc.tasks == []


# a letter copied without its header: its salutation wraps over two lines
HEADERLESS_LETTER = """**Kính
gửi:**

- Sở Y tế;
- Ủy ban nhân dân các huyện.

Để chuẩn bị cho mùa dịch sốt xuất huyết, Sở Y tế chủ trì, phối hợp với Ủy ban nhân dân các huyện tổ chức phun hóa chất diệt muỗi tại các ổ dịch trước ngày 15/6/2026.

Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def test_a_headerless_letter_with_a_wrapped_salutation_is_an_official_letter():
    doc = run(HEADERLESS_LETTER, "cv.txt")
    assert doc.document.kind == "official_letter"
    assert [t.lead_agencies for t in doc.tasks] == [["Sở Y tế"]]


# a story of a law passed, copied without its title: the vote opens it
LAW_PASSED = """Với 452/460 đại biểu Quốc hội có mặt tán thành, Quốc hội đã biểu quyết thông qua Luật sửa đổi, bổ sung một số điều của Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ.

Luật sửa đổi gồm 3 điều, có hiệu lực thi hành từ ngày 01/01/2027. Theo khoản 2 Điều 1 Luật sửa đổi, Bộ Công an chủ trì xây dựng cơ sở dữ liệu về phòng cháy, chữa cháy trước ngày 31/12/2027.

Trước đó, Quốc hội nghe Bộ trưởng Bộ Công an trình bày Báo cáo giải trình, tiếp thu, chỉnh lý dự thảo Luật. Theo Luật, Chính phủ quy định chi tiết điều kiện an toàn về phòng cháy đối với nhà ở kết hợp kinh doanh.
"""


def test_a_headerless_story_of_a_law_passed_is_news_and_gives_nothing():
    doc = run(LAW_PASSED, "tin-luat.txt")
    assert doc.document.kind == "news"
    assert doc.tasks == []



CONSTITUTION_AMENDMENT = """NGHỊ QUYẾT

Sửa đổi, bổ sung một số điều của Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam

QUỐC HỘI

Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;

QUYẾT NGHỊ:

Điều 1

1. Sửa đổi, bổ sung Điều 10 như sau:

Hội Liên hiệp Phụ nữ Việt Nam, Đoàn Thanh niên Cộng sản Hồ Chí Minh có trách nhiệm đại diện, bảo vệ quyền và lợi ích hợp pháp, chính đáng của đoàn viên, hội viên.

Ủy ban nhân dân các cấp có trách nhiệm tạo điều kiện để các tổ chức chính trị - xã hội hoạt động.

Điều 2

Nghị quyết này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026.
"""


def test_a_resolution_amending_the_constitution_is_a_law_and_gives_no_tasks():
    doc = run(CONSTITUTION_AMENDMENT)
    assert doc.document.kind == "law"
    assert doc.tasks == []
