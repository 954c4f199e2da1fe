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
