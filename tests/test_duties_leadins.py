"""Duty or not (third pass): a lead-in that only names its addressees and their scope ("theo chức
năng, nhiệm vụ được giao:") is not a duty; the duties under it are, with its addressees as lead."""
from tests.test_duties import tasks_of


def test_a_lead_in_naming_only_its_addressees_is_not_a_duty_but_its_items_are():
    found = tasks_of("II. NHIỆM VỤ\n\nChính phủ yêu cầu các bộ, ngành, địa phương theo chức năng, nhiệm vụ, "
                     "quyền hạn được giao:\n\n- Rà soát, cắt giảm thủ tục hành chính nội bộ, hoàn thành trong "
                     "quý III/2026.\n\n- Đẩy mạnh thanh toán không dùng tiền mặt trong giải quyết thủ tục hành chính.\n")
    assert [t.text[:8] for t in found] == ["Rà soát,", "Đẩy mạnh"]
    assert all(t.lead_agencies == ["các bộ, ngành, địa phương"] for t in found)


def test_an_addressee_heading_with_its_scope_only_is_not_a_duty():
    found = tasks_of("II. NHIỆM VỤ\n\n1. Các sở, ban, ngành tỉnh trong phạm vi chức năng, nhiệm vụ của mình:\n\n"
                     "a) Tổ chức quán triệt Kế hoạch này đến cán bộ, công chức, viên chức.\n")
    assert [t.text[:8] for t in found] == ["Tổ chức "]


def test_a_lead_in_with_its_own_duty_stays_a_task():
    found = tasks_of("II. NHIỆM VỤ\n\nSở Nội vụ chủ trì, phối hợp với các cơ quan liên quan thực hiện các nội dung sau:"
                     "\n\n- Hướng dẫn sắp xếp tổ chức bộ máy các cơ quan chuyên môn.\n")
    assert found and found[0].lead_agencies == ["Sở Nội vụ"]


def test_a_field_naming_an_agency_is_not_a_duty():
    found = tasks_of("Điều 2. Tổ chức thực hiện\n\n1. Cơ quan tổ chức lập quy hoạch: Ủy ban nhân dân huyện Cam Lộ.\n\n"
                     "2. Sở Xây dựng hướng dẫn, kiểm tra việc lập quy hoạch, hoàn thành trong năm 2026.\n")
    assert [t.lead_agencies for t in found] == [["Sở Xây dựng"]]


def test_a_labelled_duty_naming_its_lead_after_the_colon_stays_a_task():
    found = tasks_of("II. NHIỆM VỤ\n\n1. Rà soát quy hoạch sử dụng đất: Sở Nông nghiệp và Môi trường chủ trì, "
                     "hoàn thành trong quý III/2026.\n")
    assert [t.lead_agencies for t in found] == [["Sở Nông nghiệp và Môi trường"]]


def test_a_short_label_over_items_is_not_a_duty_but_the_items_keep_their_agency():
    found = tasks_of("II. NHIỆM VỤ\n\n1. Sở Xây dựng\n\n- Rà soát, cập nhật quy hoạch chung đô thị, hoàn thành trong "
                     "quý III/2026.\n\nTổ chức thực hiện:\n\n- Hướng dẫn UBND các xã lập kế hoạch phát triển nhà ở "
                     "năm 2027.\n")
    assert [t.text[:9] for t in found] == ["Rà soát, ", "Hướng dẫn"]
    assert all(t.lead_agencies == ["Sở Xây dựng"] for t in found)


ENTITLEMENTS = """Sở Tài chính thực hiện các nội dung sau:

(1) Được yêu cầu các cơ quan, đơn vị cung cấp thông tin về tài sản công phục vụ việc kiểm kê;

(2) Được giao chủ trì tổng hợp kết quả kiểm kê, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2026.

(3) Hướng dẫn các đơn vị lập báo cáo kê khai tài sản công.

Sở Nội vụ được sử dụng kinh phí tiết kiệm chi để khen thưởng tập thể có thành tích.
"""


def test_what_an_agency_is_entitled_to_is_not_a_duty_but_what_it_is_given_is():
    texts = [t.text for t in tasks_of(ENTITLEMENTS)]
    assert not any("cung cấp thông tin" in t or "tiết kiệm chi" in t for t in texts)
    assert any(t.startswith("Được giao chủ trì") for t in texts) and any("Hướng dẫn các đơn vị" in t for t in texts)
