"""A news or Q&A page quoting a law, decree or circular: the quoted rules are the
law's, not work given to anyone; the duties of a plan or letter it quotes stay."""
from tests.test_kinds import run

QA_PAGE = """# Ai chịu trách nhiệm kiểm tra an toàn hồ chứa nước trước mùa mưa lũ?

Ngày 20/3/2026, Ủy ban nhân dân tỉnh Quảng Nam có Công văn 1877/UBND-KTN về bảo đảm an toàn hồ chứa nước trước mùa mưa lũ năm 2026.

Theo Công văn 1877/UBND-KTN năm 2026, cụ thể như sau:

Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Ủy ban nhân dân các xã kiểm tra an toàn các hồ chứa nước, hoàn thành trước ngày 30/6/2026.

Trách nhiệm của chủ sở hữu hồ chứa nước được quy định thế nào?

Căn cứ khoản 3 Điều 27 Nghị định 114/2018/NĐ-CP quy định như sau:

Chủ sở hữu hồ chứa nước có trách nhiệm tổ chức kiểm định an toàn đập theo định kỳ.

Ủy ban nhân dân cấp tỉnh có trách nhiệm phê duyệt phương án ứng phó với tình huống khẩn cấp của hồ chứa thuộc thẩm quyền.

- Tổ chức khai thác đập, hồ chứa nước thực hiện quan trắc khí tượng thủy văn chuyên dùng.

Hồ chứa nước nào phải lập quy trình vận hành?

Tại Điều 12 Thông tư 05/2019/TT-BNNPTNT:

Tổ chức, cá nhân khai thác hồ chứa nước lập quy trình vận hành trình cơ quan có thẩm quyền phê duyệt.
"""


def test_rules_quoted_from_a_decree_or_circular_give_no_tasks():
    doc = run(QA_PAGE)
    assert doc.document.kind == "qa"
    texts = [t.text for t in doc.tasks]
    assert not any("kiểm định an toàn đập" in t or "phương án ứng phó" in t or "quan trắc" in t for t in texts)
    assert not any("quy trình vận hành" in t for t in texts)


def test_the_letter_the_page_quotes_keeps_its_duty():
    tasks = run(QA_PAGE).tasks
    assert [t.lead_agencies for t in tasks if "hồ chứa nước, hoàn thành" in t.text] == [["Sở Nông nghiệp và Môi trường"]]

