"""Document headers composed in the official format (Nghị định 30/2020/NĐ-CP), none taken from the corpus.

Every case asserts every scored field. Conventions (gold/FORMAT.md):
- issuer: the body the header names as issuing, i.e. its lowest line ("UBND TỈNH NGHỆ AN / SỞ Y TẾ"
  gives "Sở Y tế"); a bare generic unit ("VĂN PHÒNG") is named with its parent body;
- issue_date: the document's own date; a news publication date is not it, and a news "Chiều 12/6"
  takes its year from the publication date;
- signer: the name only, whatever stamp or "(Đã ký)" line stands between title and name.
"""
import pytest

from tests.test_metadata import extract

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"


def scored(doc) -> dict:
    """The scored fields; the issuer without case, as scoring compares it ('Bộ Công Thương')."""
    return {"number": doc.number, "doc_type": doc.doc_type, "issue_date": doc.issue_date,
            "issuer": doc.issuer and doc.issuer.casefold(), "signer": doc.signer.name, "title": doc.title}


def expect(number, doc_type, issue_date, issuer, signer, title) -> dict:
    return {"number": number, "doc_type": doc_type, "issue_date": issue_date,
            "issuer": issuer and issuer.casefold(), "signer": signer, "title": title}


CASES = {
    "so_y_te_cong_van": (
        "UBND TỈNH NGHỆ AN\nSỞ Y TẾ\n-------\n" + MOTTO +
        "Số: 1234/SYT-KHTC\nV/v triển khai tiêm chủng vắc xin sởi\ncho trẻ em năm 2025\n"
        "Nghệ An, ngày 05 tháng 3 năm 2025\n\nKính gửi: Trung tâm Y tế các huyện, thành phố, thị xã.\n\n"
        "Thực hiện Kế hoạch số 45/KH-UBND ngày 20/01/2025 của UBND tỉnh, Sở Y tế đề nghị các đơn vị:\n"
        "1. Rà soát đối tượng trẻ em chưa tiêm đủ mũi.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT, KHTC.\n"
        "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n(Đã ký)\nNguyễn Văn An\n",
        expect("1234/SYT-KHTC", "Công văn", "2025-03-05", "Sở Y tế", "Nguyễn Văn An",
               "Triển khai tiêm chủng vắc xin sởi cho trẻ em năm 2025")),
    "hdnd_nghi_quyet": (
        "HỘI ĐỒNG NHÂN DÂN\nTỈNH THỪA THIÊN HUẾ\n-------\n" + MOTTO +
        "Số: 25/2024/NQ-HĐND\nThừa Thiên Huế, ngày 10 tháng 12 năm 2024\n\nNGHỊ QUYẾT\n"
        "Quy định mức chi hỗ trợ công tác phổ biến, giáo dục pháp luật\ntrên địa bàn tỉnh\n\n"
        "HỘI ĐỒNG NHÂN DÂN TỈNH THỪA THIÊN HUẾ\nKHÓA VIII, KỲ HỌP THỨ 20\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\nQUYẾT NGHỊ:\n"
        "Điều 1. Phạm vi điều chỉnh.\n\nNơi nhận:\n- UBTVQH;\n- Lưu: VT.\n"
        "TM. HỘI ĐỒNG NHÂN DÂN\nCHỦ TỊCH\n\n(đã ký)\n\nLê Trường Lưu\n",
        expect("25/2024/NQ-HĐND", "Nghị quyết", "2024-12-10", "HĐND tỉnh Thừa Thiên Huế", "Lê Trường Lưu",
               "Quy định mức chi hỗ trợ công tác phổ biến, giáo dục pháp luật trên địa bàn tỉnh")),
    "bo_thong_bao": (
        "BỘ GIÁO DỤC VÀ ĐÀO TẠO\n-------\n" + MOTTO +
        "Số: 45/TB-BGDĐT\nHà Nội, ngày 20 tháng 01 năm 2025\n\nTHÔNG BÁO\n"
        "Kết luận của Thứ trưởng Phạm Ngọc Thưởng tại cuộc họp về công tác tuyển sinh năm 2025\n\n"
        "Ngày 15 tháng 01 năm 2025, Thứ trưởng chủ trì cuộc họp. Thứ trưởng kết luận như sau:\n"
        "1. Vụ Giáo dục Đại học hoàn thiện dự thảo quy chế.\n\nNơi nhận:\n- Lưu: VT.\n"
        "TL. BỘ TRƯỞNG\nCHÁNH VĂN PHÒNG\n\nNguyễn Văn Hùng\n",
        expect("45/TB-BGDĐT", "Thông báo", "2025-01-20", "Bộ Giáo dục và Đào tạo", "Nguyễn Văn Hùng",
               "Kết luận của Thứ trưởng Phạm Ngọc Thưởng tại cuộc họp về công tác tuyển sinh năm 2025")),
    "chinh_phu_nghi_quyet": (
        "CHÍNH PHỦ\n-------\n" + MOTTO + "Số: 12/NQ-CP\nHà Nội, ngày 15 tháng 01 năm 2025\n\nNGHỊ QUYẾT\n"
        "Về những nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển kinh tế - xã hội\n"
        "và Dự toán ngân sách nhà nước năm 2025\n\nCHÍNH PHỦ\n\n"
        "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n\nQUYẾT NGHỊ:\n"
        "I. TÌNH HÌNH\n\nNơi nhận:\n- Ban Bí thư Trung ương Đảng;\n"
        "TM. CHÍNH PHỦ\nTHỦ TƯỚNG\n\nPhạm Minh Chính\n",
        expect("12/NQ-CP", "Nghị quyết", "2025-01-15", "Chính phủ", "Phạm Minh Chính",
               "Về những nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển kinh tế - xã hội "
               "và Dự toán ngân sách nhà nước năm 2025")),
    "ban_chi_dao_numeric_date": (
        "UBND TỈNH LÂM ĐỒNG\nBAN CHỈ ĐẠO PHÒNG THỦ DÂN SỰ\n-------\n" + MOTTO +
        "Số: 15/KH-BCĐ\nLâm Đồng, ngày 03/4/2025\n\nKẾ HOẠCH\nỨng phó sự cố tràn dầu trên hồ thủy điện năm 2025\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Chủ động ứng phó.\n\nNơi nhận:\n- Lưu: VT.\n"
        "KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nPHÓ CHỦ TỊCH UBND TỈNH\n\nĐặng Trí Dũng\n",
        expect("15/KH-BCĐ", "Kế hoạch", "2025-04-03", "Ban Chỉ đạo phòng thủ dân sự", "Đặng Trí Dũng",
               "Ứng phó sự cố tràn dầu trên hồ thủy điện năm 2025")),
    "dashed_date_and_hcm_place": (
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\n-------\n" + MOTTO +
        "Số: 3120/KH-UBND\nTP. Hồ Chí Minh, ngày 5-6-2025\n\nKẾ HOẠCH\n"
        "Tổ chức các hoạt động hưởng ứng Tháng hành động vì môi trường năm 2025\n\n"
        "I. MỤC ĐÍCH\nNâng cao nhận thức.\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nBùi Xuân Cường\n",
        expect("3120/KH-UBND", "Kế hoạch", "2025-06-05", "UBND thành phố Hồ Chí Minh", "Bùi Xuân Cường",
               "Tổ chức các hoạt động hưởng ứng Tháng hành động vì môi trường năm 2025")),
    "hyphenated_province_so": (
        "UBND TỈNH BÀ RỊA - VŨNG TÀU\nSỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG\n-------\n" + MOTTO +
        "Số: 2087/STNMT-CCBVMT\nV/v: tăng cường kiểm soát ô nhiễm môi trường tại các khu công nghiệp\n"
        "Bà Rịa - Vũng Tàu, ngày 18 tháng 7 năm 2024\n\nKính gửi: Ban Quản lý các khu công nghiệp tỉnh.\n\n"
        "Nơi nhận:\n- Như trên;\nGIÁM ĐỐC\n\nLê Văn Hoàng\n",
        expect("2087/STNMT-CCBVMT", "Công văn", "2024-07-18", "Sở Tài nguyên và Môi trường", "Lê Văn Hoàng",
               "Tăng cường kiểm soát ô nhiễm môi trường tại các khu công nghiệp")),
    "acting_chairman_signs": (
        "ỦY BAN NHÂN DÂN\nTỈNH SÓC TRĂNG\n-------\n" + MOTTO +
        "Số: 987/QĐ-UBND\nSóc Trăng, ngày 22 tháng 4 năm 2025\n\nQUYẾT ĐỊNH\n"
        "Về việc thành lập Tổ công tác triển khai Đề án 06 của tỉnh\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương;\n\nQUYẾT ĐỊNH:\nĐiều 1. Thành lập Tổ công tác.\n\n"
        "Nơi nhận:\n- Như Điều 3;\nTM. ỦY BAN NHÂN DÂN\nQ. CHỦ TỊCH\n\nHồ Văn Mừng\n",
        expect("987/QĐ-UBND", "Quyết định", "2025-04-22", "UBND tỉnh Sóc Trăng", "Hồ Văn Mừng",
               "Về việc thành lập Tổ công tác triển khai Đề án 06 của tỉnh")),
    "stamp_marker_before_name": (
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n-------\n" + MOTTO +
        "Số: 210/KH-UBND\nQuảng Trị, ngày 09 tháng 9 năm 2025\n\nKẾ HOẠCH\n"
        "Triển khai thực hiện phong trào thi đua “Cả nước chung tay xóa nhà tạm, nhà dột nát”\n\n"
        "I. MỤC ĐÍCH\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n[daky]\n\nHoàng Nam\n",
        expect("210/KH-UBND", "Kế hoạch", "2025-09-09", "UBND tỉnh Quảng Trị", "Hoàng Nam",
               "Triển khai thực hiện phong trào thi đua “Cả nước chung tay xóa nhà tạm, nhà dột nát”")),
    "signed_and_sealed_line": (
        "BỘ TÀI CHÍNH\n-------\n" + MOTTO + "Số: 4567/BTC-NSNN\nV/v hướng dẫn xây dựng dự toán ngân sách\n"
        "nhà nước năm 2026\nHà Nội, ngày 28 tháng 5 năm 2025\n\nKính gửi: Các bộ, cơ quan ngang bộ.\n\n"
        "Nơi nhận:\n- Như trên;\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n(Đã ký và đóng dấu)\n\nBùi Văn Khắng\n",
        expect("4567/BTC-NSNN", "Công văn", "2025-05-28", "Bộ Tài chính", "Bùi Văn Khắng",
               "Hướng dẫn xây dựng dự toán ngân sách nhà nước năm 2026")),
    "pdf_merged_columns_province": (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH QUẢNG NAM Độc lập - Tự do - Hạnh phúc\n"
        "Số: 98/KH-UBND Quảng Nam, ngày 12 tháng 6 năm 2025\n\nKẾ HOẠCH\n"
        "Triển khai công tác phòng, chống dịch sốt xuất huyết năm 2025\n\nI. MỤC ĐÍCH, YÊU CẦU\n"
        "Nơi nhận: TM. ỦY BAN NHÂN DÂN\n- Bộ Y tế; KT. CHỦ TỊCH\n- Lưu: VT. PHÓ CHỦ TỊCH\n\nTrần Anh Tuấn\n",
        expect("98/KH-UBND", "Kế hoạch", "2025-06-12", "UBND tỉnh Quảng Nam", "Trần Anh Tuấn",
               "Triển khai công tác phòng, chống dịch sốt xuất huyết năm 2025")),
    "pdf_merged_columns_so": (
        "UBND TỈNH ĐỒNG THÁP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ NỘI VỤ Độc lập - Tự do - Hạnh phúc\n"
        "Số: 456/SNV-CCVC Đồng Tháp, ngày 7 tháng 5 năm 2025\nV/v báo cáo kết quả sắp xếp\n"
        "đơn vị sự nghiệp công lập\n\nKính gửi: Các sở, ban, ngành tỉnh.\n\n"
        "Nơi nhận:\n- Như trên;\nGIÁM ĐỐC\n\nPhan Văn Thắng\n",
        expect("456/SNV-CCVC", "Công văn", "2025-05-07", "Sở Nội vụ", "Phan Văn Thắng",
               "Báo cáo kết quả sắp xếp đơn vị sự nghiệp công lập")),
    "web_copy_metadata_table": (
        "| Số hiệu: | 12/2025/QĐ-UBND | Loại văn bản: | Quyết định |\n|---|---|---|---|\n"
        "| Nơi ban hành: | Tỉnh Nghệ An | Người ký: | Nguyễn Đức Trung |\n"
        "| Ngày ban hành: | 05/03/2025 | Ngày hiệu lực: | 15/03/2025 |\n\n"
        "**ỦY BAN NHÂN DÂN TỈNH NGHỆ AN** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n"
        "**Độc lập - Tự do - Hạnh phúc**\n\n**QUYẾT ĐỊNH**\n\n"
        "**BAN HÀNH QUY ĐỊNH PHÂN CẤP QUẢN LÝ NHÀ NƯỚC VỀ AN TOÀN THỰC PHẨM TRÊN ĐỊA BÀN TỈNH NGHỆ AN**\n\n"
        "**ỦY BAN NHÂN DÂN TỈNH NGHỆ AN**\n\nCăn cứ Luật An toàn thực phẩm ngày 17 tháng 6 năm 2010;\n",
        expect("12/2025/QĐ-UBND", "Quyết định", "2025-03-05", "UBND tỉnh Nghệ An", "Nguyễn Đức Trung",
               "Ban hành quy định phân cấp quản lý nhà nước về an toàn thực phẩm trên địa bàn tỉnh Nghệ An")),
    "web_page_title_only": (
        "# Quyết định 12/2025/QĐ-UBND quy định phân cấp quản lý an toàn thực phẩm do tỉnh Nghệ An ban hành\n\n"
        "| Số hiệu: | 12/2025/QĐ-UBND | Loại văn bản: | Quyết định |\n"
        "| Nơi ban hành: | Tỉnh Nghệ An | Người ký: | Nguyễn Đức Trung |\n"
        "| Ngày ban hành: | 05/03/2025 | Ngày hiệu lực: | Đã biết |\n\nNội dung đang được cập nhật.\n",
        expect("12/2025/QĐ-UBND", "Quyết định", "2025-03-05", "UBND tỉnh Nghệ An", "Nguyễn Đức Trung",
               "Quy định phân cấp quản lý an toàn thực phẩm")),
    "news_day_month_only": (
        "Thứ Sáu, 13/6/2025 06:30\nQuảng Ninh triển khai chuyển đổi số trong trường học\n"
        "Chiều 12/6, UBND tỉnh Quảng Ninh ban hành Kế hoạch số 98/KH-UBND về triển khai chuyển đổi số "
        "trong ngành giáo dục giai đoạn 2025 - 2030. Theo đó, Sở Giáo dục và Đào tạo chủ trì thực hiện.\n",
        expect("98/KH-UBND", "Kế hoạch", "2025-06-12", "UBND tỉnh Quảng Ninh", None,
               "Triển khai chuyển đổi số trong ngành giáo dục giai đoạn 2025 - 2030")),
    "news_ministry_decision_with_its_date": (
        "Cập nhật 10/3/2025\nBộ Y tế vừa ban hành Quyết định số 678/QĐ-BYT ngày 5/3/2025 phê duyệt Kế hoạch "
        "phòng, chống bệnh không lây nhiễm năm 2025. Kế hoạch đặt mục tiêu giảm tỷ lệ tử vong sớm.\n",
        expect("678/QĐ-BYT", "Quyết định", "2025-03-05", "Bộ Y tế", None,
               "Phê duyệt Kế hoạch phòng, chống bệnh không lây nhiễm năm 2025")),
    "news_so_cong_van": (
        "(Đăng lúc 08:00 ngày 21/8/2025)\nSở Giáo dục và Đào tạo Hà Nội vừa ban hành Công văn số "
        "3050/SGDĐT-GDPT về việc hướng dẫn thực hiện nhiệm vụ giáo dục phổ thông năm học 2025 - 2026; "
        "đề nghị các trường triển khai.\n",
        expect("3050/SGDĐT-GDPT", "Công văn", None, "Sở Giáo dục và Đào tạo Hà Nội", None,
               "Hướng dẫn thực hiện nhiệm vụ giáo dục phổ thông năm học 2025 - 2026")),
    "cong_dien_chu_tich": (
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n-------\n" + MOTTO + "Số: 05/CĐ-UBND\nQuảng Ngãi, ngày 24 tháng 8 năm 2025\n\n"
        "CÔNG ĐIỆN\nVề việc chủ động ứng phó với bão số 5\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:\n"
        "- Giám đốc các sở, ban, ngành;\n\nNơi nhận:\n- Như trên;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Phước Hiền\n",
        expect("05/CĐ-UBND", "Công điện", "2025-08-24", "UBND tỉnh Quảng Ngãi", "Trần Phước Hiền",
               "Về việc chủ động ứng phó với bão số 5")),
    "bo_chi_thi_all_caps_subject": (
        "BỘ CÔNG THƯƠNG\n-------\n" + MOTTO + "Số: 07/CT-BCT\nHà Nội, ngày 02 tháng 4 năm 2025\n\nCHỈ THỊ\n"
        "VỀ VIỆC TĂNG CƯỜNG CÔNG TÁC BẢO ĐẢM CUNG ỨNG ĐIỆN MÙA KHÔ NĂM 2025\n\n"
        "Trong những năm gần đây, nhu cầu điện tăng cao.\n\nNơi nhận:\n- Như trên;\nBỘ TRƯỞNG\n\nNguyễn Hồng Diên\n",
        expect("07/CT-BCT", "Chỉ thị", "2025-04-02", "Bộ Công Thương", "Nguyễn Hồng Diên",
               "Về việc tăng cường công tác bảo đảm cung ứng điện mùa khô năm 2025")),
    "district_plan": (
        "ỦY BAN NHÂN DÂN\nHUYỆN ĐÔNG ANH\n-------\n" + MOTTO + "Số: 321/KH-UBND\nĐông Anh, ngày 14 tháng 02 năm 2025\n\n"
        "KẾ HOẠCH\nCải cách hành chính năm 2025 trên địa bàn huyện\n\nI. MỤC ĐÍCH\n\n"
        "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Xuân Linh\n",
        expect("321/KH-UBND", "Kế hoạch", "2025-02-14", "UBND huyện Đông Anh", "Nguyễn Xuân Linh",
               "Cải cách hành chính năm 2025 trên địa bàn huyện")),
    "commune_under_district": (
        "UBND HUYỆN HÒA VANG\nUBND XÃ HÒA PHONG\n-------\n" + MOTTO + "Số: 58/TB-UBND\nHòa Phong, ngày 3 tháng 3 năm 2025\n\n"
        "THÔNG BÁO\nLịch tiếp công dân tháng 3 năm 2025\n\nUBND xã thông báo lịch tiếp công dân như sau:\n\n"
        "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Tám\n",
        expect("58/TB-UBND", "Thông báo", "2025-03-03", "UBND xã Hòa Phong", "Lê Văn Tám",
               "Lịch tiếp công dân tháng 3 năm 2025")),
    "office_of_the_provincial_committee": (
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\nVĂN PHÒNG\n-------\n" + MOTTO + "Số: 112/TB-VPUBND\n"
        "Bình Định, ngày 19 tháng 5 năm 2025\n\nTHÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh tại buổi làm việc "
        "với Sở Xây dựng\n\nNgày 15/5/2025, Chủ tịch UBND tỉnh làm việc với Sở Xây dựng.\n\n"
        "TL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n\nLê Văn Chí\n",
        expect("112/TB-VPUBND", "Thông báo", "2025-05-19", "Văn phòng UBND tỉnh Bình Định", "Lê Văn Chí",
               "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với Sở Xây dựng")),
    "work_programme": (
        "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\n-------\n" + MOTTO + "Số: 03/CTr-UBND\nNinh Bình, ngày 06 tháng 01 năm 2025\n\n"
        "CHƯƠNG TRÌNH\nCông tác năm 2025 của Ủy ban nhân dân tỉnh\n\nI. MỤC TIÊU\n\n"
        "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nPhạm Quang Ngọc\n",
        expect("03/CTr-UBND", "Chương trình", "2025-01-06", "UBND tỉnh Ninh Bình", "Phạm Quang Ngọc",
               "Công tác năm 2025 của Ủy ban nhân dân tỉnh")),
    "pdf_spaced_number": (
        "ỦY BAN NHÂN DÂN\nTỈNH HẬU GIANG\n" + MOTTO + "Số: 1234 /QĐ-UBND Hậu Giang, ngày 08 tháng 8 năm 2024\n\n"
        "QUYẾT ĐỊNH\nBan hành Kế hoạch phát triển du lịch năm 2024\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Ban hành.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrương Cảnh Tuyên\n",
        expect("1234/QĐ-UBND", "Quyết định", "2024-08-08", "UBND tỉnh Hậu Giang", "Trương Cảnh Tuyên",
               "Ban hành Kế hoạch phát triển du lịch năm 2024")),
    "guidance_by_department": (
        "UBND THÀNH PHỐ CẦN THƠ\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n-------\n" + MOTTO + "Số: 2345/HD-SGDĐT\n"
        "Cần Thơ, ngày 29 tháng 8 năm 2025\n\nHƯỚNG DẪN\nThực hiện nhiệm vụ giáo dục mầm non năm học 2025 - 2026\n\n"
        "Căn cứ Quyết định số 2045/QĐ-BGDĐT ngày 31 tháng 7 năm 2025 của Bộ Giáo dục và Đào tạo;\n\n"
        "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nTrần Thị Thu Hà\n",
        expect("2345/HD-SGDĐT", "Hướng dẫn", "2025-08-29", "Sở Giáo dục và Đào tạo", "Trần Thị Thu Hà",
               "Thực hiện nhiệm vụ giáo dục mầm non năm học 2025 - 2026")),
    "one_line_table_cells": (
        "| ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
        "Độc lập - Tự do - Hạnh phúc --------------- |\n|---|---|\n"
        "| Số: 4410/UBND-KT V/v triển khai các giải pháp thúc đẩy giải ngân vốn đầu tư công | "
        "Khánh Hòa, ngày 10 tháng 6 năm 2025 |\n\nKính gửi: Các sở, ban, ngành.\n\n"
        "| Nơi nhận: - Như trên; - Lưu: VT. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Hòa Nam |\n|---|---|\n",
        expect("4410/UBND-KT", "Công văn", "2025-06-10", "UBND tỉnh Khánh Hòa", "Trần Hòa Nam",
               "Triển khai các giải pháp thúc đẩy giải ngân vốn đầu tư công")),
    "e_signature_lines_before_name": (
        "BỘ Y TẾ\n" + MOTTO + "Số: 1500/BYT-KCB\nV/v tăng cường công tác phòng, chống bệnh sốt xuất huyết\n"
        "Hà Nội, ngày 20 tháng 3 năm 2025\n\nKính gửi: Sở Y tế các tỉnh, thành phố.\n\nNơi nhận:\n- Như trên;\n"
        "TUQ. BỘ TRƯỞNG\nCỤC TRƯỞNG CỤC QUẢN LÝ KHÁM, CHỮA BỆNH\n\nKý bởi: Bộ Y tế\n"
        "Thời gian ký: 20.03.2025 10:00:00 +07:00\n\nHà Anh Đức\n",
        expect("1500/BYT-KCB", "Công văn", "2025-03-20", "Bộ Y tế", "Hà Anh Đức",
               "Tăng cường công tác phòng, chống bệnh sốt xuất huyết")),
    "party_directive_number_under_issuer": (
        "ĐẢNG BỘ TỈNH QUẢNG NAM\nTỈNH ỦY\n*\nSố 15-CT/TU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Quảng Nam, ngày 10 tháng 4 năm 2025\n\nCHỈ THỊ\n"
        "của Ban Thường vụ Tỉnh ủy về tăng cường lãnh đạo công tác phòng, chống tham nhũng\n\n"
        "Thời gian qua, công tác phòng, chống tham nhũng đạt nhiều kết quả.\n\n"
        "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nLương Nguyễn Minh Triết\n",
        expect("15-CT/TU", "Chỉ thị", "2025-04-10", "Tỉnh ủy Quảng Nam", "Lương Nguyễn Minh Triết",
               "Của Ban Thường vụ Tỉnh ủy về tăng cường lãnh đạo công tác phòng, chống tham nhũng")),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_header_fields(name):
    text, expected = CASES[name]
    assert scored(extract(text)) == expected


def test_blank_signed_number_and_date_come_from_the_pdf_fields():
    text = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG\n" + MOTTO + "Số: /KH-UBND Đà Nẵng, ngày tháng năm 2025\n\n"
            "KẾ HOẠCH\nPhát triển nguồn nhân lực số năm 2025\n\nI. MỤC ĐÍCH\n\n"
            "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Chí Cường\n")
    doc = extract(text, fields={"number": "215/KH-UBND", "date": "2025-07-14"})
    assert scored(doc) == expect("215/KH-UBND", "Kế hoạch", "2025-07-14", "UBND thành phố Đà Nẵng",
                                 "Trần Chí Cường", "Phát triển nguồn nhân lực số năm 2025")
    assert doc.place == "Đà Nẵng"


def test_printed_number_and_date_win_over_stamped_fields():
    text = ("BỘ XÂY DỰNG\n" + MOTTO + "Số: 664/QĐ-BXD\nHà Nội, ngày 23 tháng 5 năm 2025\n\nQUYẾT ĐỊNH\n"
            "Ban hành Kế hoạch cải cách hành chính năm 2025\n\nBỘ TRƯỞNG BỘ XÂY DỰNG\n")
    doc = extract(text, fields={"number": "665/QĐ-BXD", "date": "2025-05-24"})
    assert (doc.number, doc.issue_date) == ("664/QĐ-BXD", "2025-05-23")


def test_places_with_prefixes_and_hyphens_are_kept_whole():
    assert extract(CASES["dashed_date_and_hcm_place"][0]).place == "TP. Hồ Chí Minh"
    assert extract(CASES["hyphenated_province_so"][0]).place == "Bà Rịa - Vũng Tàu"
    assert extract(CASES["hdnd_nghi_quyet"][0]).place == "Thừa Thiên Huế"


def test_signer_titles_skip_signature_marks():
    assert extract(CASES["so_y_te_cong_van"][0]).signer.title == "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"
    assert extract(CASES["acting_chairman_signs"][0]).signer.title == "TM. ỦY BAN NHÂN DÂN / Q. CHỦ TỊCH"
    assert extract(CASES["hdnd_nghi_quyet"][0]).signer.title == "TM. HỘI ĐỒNG NHÂN DÂN / CHỦ TỊCH"


def test_news_date_without_year_and_without_publication_date_stays_empty():
    doc = extract("Sáng 12/6, UBND tỉnh Quảng Ninh ban hành Kế hoạch số 98/KH-UBND về phát triển du lịch.\n")
    assert doc.issue_date is None
    assert doc.number == "98/KH-UBND"


def test_issuer_display_keeps_proper_case_of_generic_words():
    assert extract(CASES["chinh_phu_nghi_quyet"][0]).issuer == "Chính phủ"
    assert extract(CASES["office_of_the_provincial_committee"][0]).issuer == "Văn phòng UBND tỉnh Bình Định"
    assert extract(CASES["hyphenated_province_so"][0]).issuer == "Sở Tài nguyên và Môi trường"


def test_place_wrapped_by_the_layout_is_joined_but_a_subject_line_is_not_taken():
    wrapped = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n" + MOTTO + "Số: 4321/UBND-KT\n|\nThành phố\nHà Nội, ngày 02 "
               "tháng\n10 năm 2025\n\nV/v hỗ trợ tỉnh Lào Cai khắc phục hậu quả mưa lũ\n\nKính gửi: Sở Tài chính.\n")
    after_subject = ("BỘ TÀI CHÍNH\n" + MOTTO + "Số: 9876/BTC-NSĐP\nV/v bổ sung kinh phí cho tỉnh Lào Cai\n"
                     "Hà Nội, ngày 03 tháng 10 năm 2025\n\nKính gửi: UBND tỉnh Lào Cai.\n")
    assert (extract(wrapped).place, extract(wrapped).issue_date) == ("Thành phố Hà Nội", "2025-10-02")
    assert extract(after_subject).place == "Hà Nội"
    assert extract(after_subject).title == "Bổ sung kinh phí cho tỉnh Lào Cai"


def test_web_headline_question_is_not_part_of_the_title():
    doc = extract("# Kế hoạch 77/KH-UBND năm 2025 về phát triển kinh tế đêm tỉnh Khánh Hòa có gì mới?\n\n"
                  "Ngày 02/4/2025, UBND tỉnh Khánh Hòa ban hành Kế hoạch 77/KH-UBND về phát triển kinh tế đêm.\n")
    assert scored(doc) == expect("77/KH-UBND", "Kế hoạch", "2025-04-02", "UBND tỉnh Khánh Hòa", None,
                                 "Phát triển kinh tế đêm")
