"""A news article that reports a plan keeps the duties it quotes: items under an agency are verb
phrases; the article's own prose between them ("Theo đó, hành vi ... có thể bị phạt") is not a duty."""
from pipeline.process import process
from pipeline.readers import SourceText

NEWS = """# UBND tỉnh ban hành Kế hoạch phòng, chống tác hại của thuốc lá điện tử năm 2026

(Báo Quảng Trị) - UBND tỉnh vừa ban hành Kế hoạch số 88/KH-UBND về phòng, chống tác hại của thuốc lá điện tử năm 2026.

Theo Kế hoạch, Sở Y tế chủ trì, phối hợp với Công an tỉnh tổ chức kiểm tra các cơ sở kinh doanh trên địa bàn, hoàn thành trong quý II/2026.

Sở Công Thương có nhiệm vụ:

- Kiểm soát chặt chẽ việc buôn bán thuốc lá điện tử trên các sàn thương mại điện tử.

- Bên cạnh đó, tiến hành tuyên truyền đến các hộ kinh doanh về quy định cấm kinh doanh thuốc lá điện tử.

- Theo đó, hành vi tàng trữ, sử dụng thuốc lá điện tử có thể bị phạt từ 1.000.000 đồng đến 2.000.000 đồng.

- Mức phạt đối với tổ chức bằng hai lần mức phạt đối với cá nhân.
"""


def test_a_reported_plan_keeps_its_verb_items_and_drops_the_articles_prose():
    doc = process(SourceText("tin-bao.md", "txt", NEWS), "0" * 64)
    assert doc.document.kind == "news"
    assert [t.text[:12] for t in doc.tasks] == ["Theo Kế hoạc", "Kiểm soát ch", "Bên cạnh đó,"]
    assert [t.lead_agencies for t in doc.tasks[1:]] == [["Sở Công Thương"]] * 2
