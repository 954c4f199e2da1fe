from extractors import agencies


def lead(text):
    found = agencies.read_list(text, 0, cased=True)
    return found[0] if found else None


def test_subject_stops_before_predicate():
    assert lead("Sở Tài chính chủ trì, phối hợp với các đơn vị liên quan bố trí kinh phí.") == ["Sở Tài chính"]
    assert lead("Công an tỉnh có trách nhiệm bảo đảm an ninh mạng.") == ["Công an tỉnh"]


def test_group_mentions_stay_whole():
    assert lead("Các sở, ban, ngành, UBND các huyện, thị xã tổ chức triển khai Kế hoạch.") == [
        "Các sở, ban, ngành", "UBND các huyện, thị xã"]
    assert lead("Các cơ quan, đơn vị, địa phương phối hợp với Sở Nội vụ theo dõi.") == [
        "Các cơ quan, đơn vị, địa phương"]


def test_names_with_and_are_not_split():
    assert lead("Sở Văn hóa, Thể thao và Du lịch hướng dẫn các địa phương.") == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert agencies.split("Bộ Khoa học và Công nghệ và các bộ, ngành có liên quan") == [
        "Bộ Khoa học và Công nghệ", "các bộ, ngành có liên quan"]


def test_colon_list_spreads_the_head():
    assert lead("Các Bộ: Xây dựng, Công Thương, Y tế khẩn trương rà soát quy định.") == [
        "Bộ Xây dựng", "Bộ Công Thương", "Bộ Y tế"]


def test_office_holders_split():
    assert agencies.split("Giám đốc các sở, Chủ tịch UBND các xã") == ["Giám đốc các sở", "Chủ tịch UBND các xã"]


def test_not_an_agency():
    assert lead("Báo cáo kết quả thực hiện về Sở Nội vụ.") is None
    assert lead("Tăng cường công tác tuyên truyền.") is None


def test_canonical_expands_abbreviations():
    assert agencies.canonical("UBND TP. Huế") == agencies.canonical("Ủy ban nhân dân thành phố Huế")


def test_role_notes_and_nouns_inside_names():
    assert lead("Sở Tài chính (cơ quan chủ trì)") == ["Sở Tài chính"]
    assert lead("Phòng Cảnh sát giao thông (Công an tỉnh) phân luồng giao thông.") == [
        "Phòng Cảnh sát giao thông (Công an tỉnh)"]
    assert lead("Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh triển khai dự án.") == [
        "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh"]
    assert lead("Sở Nội vụ, Viện Nghiên cứu phát triển tỉnh đề xuất giải pháp.") == [
        "Sở Nội vụ", "Viện Nghiên cứu phát triển tỉnh"]


def test_named_head_inside_a_list():
    assert lead("Chủ đầu tư các khu đô thị và các Chủ đầu tư khác bàn giao hệ thống thoát nước.") == [
        "Chủ đầu tư các khu đô thị", "các Chủ đầu tư khác"]


def test_names_holding_verbs():
    assert lead("Các cơ quan quản lý nhà nước về đất đai tăng cường thanh tra.") == [
        "Các cơ quan quản lý nhà nước về đất đai"]
    assert lead("Các đơn vị duy trì thoát nước bố trí nhân lực ứng trực.") == ["Các đơn vị duy trì thoát nước"]
    assert lead("Các cơ quan, đơn vị quản lý chặt chẽ hồ sơ.") == ["Các cơ quan, đơn vị"]


def test_a_repeated_noun_continues_a_name():
    assert lead("Công ty TNHH MTV Khai thác thủy lợi sông Chu, sông Mã chủ động vận hành các trạm bơm.") == [
        "Công ty TNHH MTV Khai thác thủy lợi sông Chu, sông Mã"]
    assert lead("Các đơn vị, địa phương, đặc biệt là Sở Y tế chủ động ứng phó.") == ["Các đơn vị, địa phương"]


def test_titles_sharing_one_body():
    assert agencies.split("Giám đốc, Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các xã") == [
        "Giám đốc, Thủ trưởng các sở, ban, ngành", "Chủ tịch UBND các xã"]


def test_colon_list_keeps_names_holding_commas_and_va():
    names, _ = agencies.read_list("các Bộ: Tư pháp, Văn hóa, Thể thao và Du lịch, Nông nghiệp và Môi trường "
                                  "góp ý dự thảo đề án", 0)
    assert names == ["Bộ Tư pháp", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Nông nghiệp và Môi trường"]


def test_registry_name_read_whole_across_a_line_break():
    names, _ = agencies.read_list("Bộ Ngoại\ngiao chủ trì hướng dẫn thủ tục lãnh sự", 0)
    assert names == ["Bộ Ngoại\ngiao"]


def test_list_split_keeps_a_registry_name_with_commas():
    assert agencies.split("Sở Văn hóa, Thể thao và Du lịch, Sở Y tế") == ["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế"]


def test_common_noun_body_after_a_named_one_is_split_off():
    assert agencies.split("các Sở, ngành tỉnh Thái Nguyên, đơn vị có liên quan") == [
        "các Sở, ngành tỉnh Thái Nguyên", "đơn vị có liên quan"]
    assert agencies.split("Công ty Cấp nước tỉnh, chính quyền cơ sở") == ["Công ty Cấp nước tỉnh", "chính quyền cơ sở"]
    assert agencies.split("UBND các xã, phường và đơn vị quản lý đê điều") == [
        "UBND các xã, phường", "đơn vị quản lý đê điều"]


def test_group_lists_and_office_holders_are_not_split_by_common_nouns():
    assert agencies.split("các sở, ban, ngành, cơ quan, đơn vị liên quan") == [
        "các sở, ban, ngành, cơ quan, đơn vị liên quan"]
    assert agencies.split("Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ") == [
        "Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ"]


def test_company_name_ends_at_its_place_name_before_a_verb():
    assert lead("Công ty TNHH MTV Khai thác công trình thủy lợi Bắc Giang vận hành các cống tiêu nước đệm.") == [
        "Công ty TNHH MTV Khai thác công trình thủy lợi Bắc Giang"]
    assert lead("Công ty cổ phần Đầu tư phát triển đô thị chủ trì lập hồ sơ.") == [
        "Công ty cổ phần Đầu tư phát triển đô thị"]


def test_party_bodies_are_agencies():
    assert lead("Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo việc sắp xếp các ban quản lý dự án.") == [
        "Đảng ủy Ủy ban nhân dân tỉnh"]
    assert lead("Các cấp ủy, tổ chức đảng quán triệt nghị quyết đến từng chi bộ.") == ["Các cấp ủy, tổ chức đảng"]


def test_board_names_hold_their_kind_word():
    assert lead("Ban chỉ đạo phát triển du lịch tỉnh chủ trì đánh giá kết quả mùa du lịch hè.") == [
        "Ban chỉ đạo phát triển du lịch tỉnh"]
    assert lead("Ban tổ chức Lễ hội có trách nhiệm bảo đảm an ninh trật tự.") == ["Ban tổ chức Lễ hội"]


def test_lowercase_words_after_a_comma_describe_the_body_before_another_agency():
    assert lead("Phòng Hướng dẫn nghiệp vụ và phòng dịch, chống dịch và các trường mầm non có trách nhiệm:") == [
        "Phòng Hướng dẫn nghiệp vụ và phòng dịch, chống dịch", "các trường mầm non"]


def test_registry_name_without_head_noun_stops_before_its_predicate():
    assert lead("Chính phủ quy định chi tiết điều kiện hoạt động của quỹ.") == ["Chính phủ"]
    assert lead("Ngân hàng Chính sách xã hội Việt Nam bố trí nguồn vốn cho vay ưu đãi.") == [
        "Ngân hàng Chính sách xã hội Việt Nam"]


def test_managing_agency_is_a_noun_phrase():
    assert lead("Cơ quan quản lý cơ sở dữ liệu chuyên ngành có trách nhiệm cập nhật dữ liệu hằng ngày.") == [
        "Cơ quan quản lý cơ sở dữ liệu chuyên ngành"]


def test_self_governing_is_part_of_the_name_not_a_verb():
    assert lead("Các bệnh viện tự chủ tài chính có trách nhiệm công khai giá dịch vụ khám bệnh.") == [
        "Các bệnh viện tự chủ tài chính"]


def test_courtesy_words_and_when_clauses_end_an_agency_name():
    assert agencies.read_at("Cục Quản lý xuất nhập cảnh trân trọng đề nghị Quý Cơ quan phối hợp:", 0)[0] == \
        "Cục Quản lý xuất nhập cảnh"
    assert agencies.read_at("Các tổ chức, cá nhân ngoài nhà nước khi tham gia đấu thầu phải công khai hồ sơ", 0)[0] == \
        "Các tổ chức, cá nhân ngoài nhà nước"
