"""Agencies named by reference (extractors/references.py): 'Bộ này' is the ministry named before."""
from tests.test_kinds import run


NEWS = """# Bộ Xây dựng được giao sửa đổi quy định về nhà ở xã hội

Ngày 5/3/2026, Thủ tướng Chính phủ ký Công điện số 19/CĐ-TTg về phát triển nhà ở xã hội.

Theo Công điện, Thủ tướng giao Bộ Xây dựng chủ trì rà soát, sửa đổi các quy định về nhà ở xã hội, trình Chính phủ trong tháng 4/2026.

Bên cạnh đó, Bộ này phải phối hợp với Bộ Tài chính hướng dẫn các địa phương bố trí quỹ đất cho nhà ở xã hội.
"""


def test_bo_nay_stands_for_the_ministry_named_before():
    tasks = [t for t in run(NEWS).tasks if "quỹ đất" in t.text]
    assert [t.lead_agencies for t in tasks] == [["Bộ Xây dựng"]]
    assert tasks[0].coordinating_agencies == ["Bộ Tài chính"]
