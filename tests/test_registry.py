"""Agency registry: aliases, 2025 mergers, the document's province, groups, unknown bodies.

Run as a script on a run's tasks.jsonl to report resolved/unresolved mentions:
    .venv/bin/python tests/test_registry.py OUT/tasks.jsonl
"""
import json
import sys
from pathlib import Path

import pytest

from extractors.registry import registry, resolution_counts, resolve
from pipeline import batch

SEEDS = Path(__file__).resolve().parents[1] / "corpus" / "seeds"


@pytest.fixture(scope="module")
def da_nang():
    return registry().find_province("thành phố Đà Nẵng")


def test_province_comes_from_the_document(da_nang):
    found = resolve("Sở Tư pháp", da_nang)
    assert (found.id, found.canonical, found.group) == ("so-tu-phap@da-nang", "Sở Tư pháp thành phố Đà Nẵng", False)


@pytest.mark.parametrize("name", ["STP", "Sở Tư pháp", "sở tư pháp", "SO TU PHAP", "Giám đốc Sở Tư pháp",
                                  "Sở Tư pháp thành phố", "Sở Tư pháp Đà Nẵng"])
def test_aliases_and_spellings_give_one_id(name, da_nang):
    assert resolve(name, da_nang).id == "so-tu-phap@da-nang"


def test_a_province_named_in_the_mention_wins_over_the_document(da_nang):
    assert resolve("Sở Y tế tỉnh Nghệ An", da_nang).id == "so-y-te@nghe-an"
    assert resolve("UBND tỉnh Hà Tĩnh", da_nang).id == "uy-ban-nhan-dan@ha-tinh"
    assert resolve("Ủy ban nhân dân Thành phố Hồ Chí Minh", da_nang).id == "uy-ban-nhan-dan@ho-chi-minh"


@pytest.mark.parametrize("former, successor", [
    ("Sở Thông tin và Truyền thông", "so-khoa-hoc-va-cong-nghe"),
    ("Sở TT&TT", "so-khoa-hoc-va-cong-nghe"),
    ("Sở Kế hoạch và Đầu tư", "so-tai-chinh"),
    ("Sở KH&ĐT", "so-tai-chinh"),
    ("Sở Lao động - Thương binh và Xã hội", "so-noi-vu"),
    ("Sở Giao thông vận tải", "so-xay-dung"),
    ("Sở Tài nguyên và Môi trường", "so-nong-nghiep-va-moi-truong"),
    ("Sở Nông nghiệp và Phát triển nông thôn", "so-nong-nghiep-va-moi-truong"),
    ("Ban Dân tộc", "so-dan-toc-va-ton-giao"),
])
def test_merged_departments_resolve_to_their_successor_with_a_note(former, successor, da_nang):
    found = resolve(former, da_nang)
    assert found.id == f"{successor}@da-nang"
    assert "merged into" in found.note
    assert found.name == former  # the name stays as printed


def test_ministries_are_national_and_keep_their_former_names(da_nang):
    assert resolve("Bộ Công an", da_nang).id == "bo-cong-an"
    assert resolve("Bộ Kế hoạch và Đầu tư", da_nang).id == "bo-tai-chinh"
    assert resolve("Bộ Thông tin và Truyền thông").id == "bo-khoa-hoc-va-cong-nghe"
    assert resolve("Văn phòng Chính phủ").id == "van-phong-chinh-phu"


@pytest.mark.parametrize("name, expected", [
    ("Công an tỉnh", "cong-an@da-nang"),
    ("Bộ Chỉ huy Quân sự thành phố", "bo-chi-huy-quan-su@da-nang"),
    ("Văn phòng UBND thành phố", "van-phong-ubnd@da-nang"),
    ("VP UBND", "van-phong-ubnd@da-nang"),
    ("Đài Phát thanh - Truyền hình Đà Nẵng", "dai-phat-thanh-va-truyen-hinh@da-nang"),
    ("Ủy ban MTTQ Việt Nam thành phố", "uy-ban-mttq@da-nang"),
    ("Kho bạc Nhà nước", "kho-bac-nha-nuoc"),
    ("Bảo hiểm xã hội thành phố", "bao-hiem-xa-hoi@da-nang"),
    ("Chi cục Hải quan khu vực III", "hai-quan@khu-vuc-iii"),
    ("UBND phường Hải Châu", "ubnd-phuong-hai-chau@da-nang"),
])
def test_provincial_bodies(name, expected, da_nang):
    assert resolve(name, da_nang).id == expected


@pytest.mark.parametrize("name, expected", [
    ("các sở, ban, ngành", "group:so-ban-nganh"),
    ("Các Sở, ban, ngành thành phố", "group:so-ban-nganh"),
    ("các sở, ngành có liên quan", "group:so-ban-nganh"),
    ("UBND các xã, phường, đặc khu", "group:ubnd-cap-xa"),
    ("Ủy ban nhân dân phường, xã", "group:ubnd-cap-xa"),
    ("Chủ tịch UBND cấp xã", "group:ubnd-cap-xa"),
    ("UBND các quận, huyện", "group:ubnd-cap-huyen"),
    ("các cơ quan, đơn vị liên quan", "group:co-quan-don-vi"),
    ("các bộ, ngành, địa phương", "group:bo-nganh-dia-phuong"),
])
def test_group_mentions_are_groups(name, expected, da_nang):
    found = resolve(name, da_nang)
    assert (found.id, found.group) == (expected, True)


def test_a_department_of_every_province_is_a_group():
    found = resolve("Sở Giáo dục và Đào tạo các tỉnh, thành phố trực thuộc Trung ương")
    assert (found.id, found.group) == ("group:so-giao-duc-va-dao-tao", True)


def test_a_city_inside_a_province_is_not_the_province():
    ha_tinh = registry().find_province("tỉnh Hà Tĩnh")
    assert resolve("UBND thành phố Hà Tĩnh", ha_tinh).id == "ubnd-thanh-pho-ha-tinh@ha-tinh"


def test_unknown_bodies_are_kept_as_printed(da_nang):
    found = resolve("Công ty cổ phần Cấp nước Sông Hồng", da_nang)
    assert (found.id, found.canonical, found.name) == (None, None, "Công ty cổ phần Cấp nước Sông Hồng")


@pytest.mark.parametrize("issuer, place, number, head, expected", [
    ("UBND tỉnh Nghệ An", None, None, "", "nghe-an"),
    (None, "Vinh", "15/KH-UBND", "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n-------\nSố: 15/KH-UBND", "nghe-an"),
    (None, "Hà Nội", "88/QĐ-BTC", "BỘ TÀI CHÍNH\n-------\nSố: 88/QĐ-BTC", None),
    (None, "Hà Nội", "301/QĐ-TTg", "THỦ TƯỚNG CHÍNH PHỦ", None),
    (None, "Cần Thơ", "09/CT-UBND", "", "can-tho"),
    ("Bộ Xây dựng", "Hà Nội", None, "", None),
])
def test_document_province(issuer, place, number, head, expected):
    found = registry().document_province(issuer, place, number, head)
    assert (found.slug if found else None) == expected


def test_a_real_run_resolves_at_least_95_percent_of_mentions(tmp_path):
    batch.run([SEEDS], tmp_path, workers=1, progress=False)
    tasks = [json.loads(line) for line in (tmp_path / "tasks.jsonl").read_text(encoding="utf-8").splitlines()]
    counts = resolution_counts(tasks)
    assert counts["mentions"] > 50
    assert counts["resolved_share"] >= 0.95, counts["unresolved_names"]
    problems = (tmp_path / "problems.jsonl").read_text(encoding="utf-8")
    for name in counts["unresolved_names"]:  # every unresolved mention is listed as a warning
        assert f"unresolved agency: {name}" in problems


def report(tasks_path: str) -> None:
    tasks = [json.loads(line) for line in Path(tasks_path).read_text(encoding="utf-8").splitlines() if line.strip()]
    counts = resolution_counts(tasks)
    print(f"{counts['mentions']} mentions: {counts['registry']} registry, {counts['group']} groups, "
          f"{counts['open_class']} named units not listed, {counts['unresolved']} unresolved "
          f"({counts['resolved_share']:.1%} resolved)")
    for name, n in sorted(counts["unresolved_names"].items(), key=lambda item: -item[1]):
        print(f"  {n} x {name}")


if __name__ == "__main__":
    report(sys.argv[1])


@pytest.mark.parametrize("name, ident", [("Bộ Chính trị", "bo-chinh-tri"), ("Đảng uỷ Chính phủ", "dang-uy-chinh-phu"),
                                         ("Ban Tuyên giáo Trung ương", "ban-tuyen-giao-va-dan-van-trung-uong"),
                                         ("Ủy ban Thường vụ Quốc hội", "uy-ban-thuong-vu-quoc-hoi")])
def test_party_and_state_bodies_resolve(name, ident):
    assert resolve(name).id == ident
