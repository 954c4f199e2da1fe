"""Agency registry: agency mentions as printed -> canonical entries.

"Sở Tư pháp" in a Đà Nẵng plan -> id "so-tu-phap@da-nang"; "Sở Thông tin và
Truyền thông" -> its 2025 successor "Sở Khoa học và Công nghệ" with a note;
"các sở, ban, ngành" -> the group "group:so-ban-nganh". Names are compared by
`extractors.agencies.canonical` (diacritics folded, abbreviations expanded).
The entries live in data/agencies.json.
"""
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from extractors.agencies import canonical, expand_abbreviations
from pipeline.normalize import normalize_string

DATA = Path(__file__).with_name("data") / "agencies.json"

# chức danh: the head of a body stands for the body ("Giám đốc Sở Y tế" -> Sở Y tế)
_TITLE = re.compile(r"^(?:(?:Phó\s+)?(?:Chủ tịch|Giám đốc|Thủ trưởng|Bộ trưởng|Chánh Văn phòng|Chánh Thanh tra|"
                    r"Trưởng ban|Bí thư|Tổng Giám đốc|Cục trưởng|Viện trưởng|Hiệu trưởng|Thống đốc|Lãnh đạo|"
                    r"Người đứng đầu)(?:\s*\([^)]*\))?\s*,?\s*)+", re.I)
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")
_QUANTIFIER = re.compile(r"^(?:cac|moi|tung|nhung|tat ca|toan bo|mot so|\d+) ")
# a class of bodies named by a common noun: "doanh nghiệp viễn thông", "lực lượng chức năng"
_CLASS_NOUN = re.compile(r"^(?:doanh nghiep|to chuc|co quan|don vi|luc luong|chu dau tu|nha thau|co so|ho gia dinh|"
                         r"nguoi dan|truong|hiep hoi)\b")
# "các" before a kind of body or an administrative level marks a group: "UBND các xã", "Sở Y tế các tỉnh"
_PLURAL = re.compile(r"(?:^| )cac (?:tinh|thanh pho|quan|huyen|thi xa|xa|phuong|dac khu|bo|so|nganh|ban|"
                     r"co quan|don vi|dia phuong|cap|khu vuc)\b")
_LEVEL_GROUP = re.compile(r"\bcap (?:xa|huyen|tinh)\b|\blien quan\b")
_ALL_PROVINCES = re.compile(r"(?: cac)? tinh,? thanh pho(?: truc thuoc trung uong)?$")
_QUALIFIERS = re.compile(r"\b(?:khac|co lien quan|lien quan|cac|duoc giao|duoc phan cong)\b")
_TAILS = re.compile(r" (?:tren dia ban|dong tren dia ban|thuoc|truc thuoc|duoc|co tham gia|cap tinh|tinh|thanh pho)\b.*$")
_REGION = re.compile(r" khu vuc ([ivxlc]+|\d+)$")
_CONTEXT_PLACE = re.compile(r" (?:tinh|thanh pho|thu do|cap tinh)$")
_SUB_LEVEL = re.compile(r"^(uy ban nhan dan|hoi dong nhan dan) (xa|phuong|dac khu|thi tran|quan|huyen|thi xa|thanh pho) "
                        r"(\w.*)$")
_LEVEL_NAME = re.compile(r"(?:xã|phường|đặc khu|thị trấn|quận|huyện|thị xã|thành phố)\s+(\w)", re.I)
# public bodies named by what they do: Ban Quản lý ..., Trung tâm ..., Chi cục ..., Phòng ...
_OPEN_CLASS = re.compile(r"^(?:ban quan ly|ban chi dao|trung tam|chi cuc|cuc|phong|vien|hoc vien|truong|benh vien|bao|dai|"
                         r"ban|hoi|quy|cang vu|van phong|thanh tra|canh sat|doi|so) \w")
_NATIONAL_WORDS = re.compile(r"\b(?:quoc gia|viet nam|trung uong|chinh phu)\b")
_HEAD_NATIONAL = re.compile(r"(?m)^\W*(?:THỦ TƯỚNG|CHÍNH PHỦ|BỘ\s+\w|VĂN PHÒNG CHÍNH PHỦ|QUỐC HỘI)")
_NATIONAL_SYMBOL = re.compile(r"(?:^|[-/])(?:TTg|CP|VPCP|QH|UBTVQH|B[A-ZĐ]{2,}|LĐTBXH|KHĐT|TNMT|GTVT|NNPTNT|TTTT)(?:$|-)")
_HEAD_PROVINCE = re.compile(r"(?:uy ban nhan dan|hoi dong nhan dan)(?: (?:tinh|thanh pho))? ")


@dataclass(frozen=True)
class Province:
    slug: str
    name: str
    kind: str  # tỉnh | thành phố

    @property
    def display(self) -> str:
        return f"{self.kind} {self.name}".strip()


@dataclass
class Resolution:
    name: str  # as printed
    id: Optional[str] = None
    canonical: Optional[str] = None
    group: bool = False
    note: Optional[str] = None

    def as_dict(self, role: str) -> dict:
        return {"name": self.name, "role": role, "id": self.id, "canonical": self.canonical,
                "group": self.group, "note": self.note}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", canonical(text)).strip("-")


class Registry:
    def __init__(self, data: dict):
        self.provinces = {}  # canonical name or alias -> Province
        for item in data["provinces"]:
            province = Province(slug(item["name"]), item["name"], item["kind"])
            for alias in [item["name"]] + item.get("aliases", []):
                self.provinces[canonical(alias)] = province
        names = "|".join(sorted(map(re.escape, self.provinces), key=len, reverse=True))
        self._place = re.compile(rf"(?:^| )(?:(tinh|thanh pho|thu do) )?({names})$")
        self._anywhere = re.compile(rf"\b({names})\b")
        self.entries = {}  # canonical alias -> (entry, former name or None)
        for entry in data["agencies"]:
            for alias in [entry["name"]] + entry.get("aliases", []):
                self.entries[canonical(alias)] = (entry, None)
            for former in entry.get("former", []):
                self.entries[canonical(former)] = (entry, former)
        self.groups = {}  # group key -> entry
        for entry in data["groups"]:
            for alias in [entry["name"]] + entry.get("aliases", []):
                self.groups.setdefault(_group_key(canonical(alias)), entry)

    # -- provinces -------------------------------------------------------------
    def find_province(self, text: str) -> Optional[Province]:
        m = self._anywhere.search(canonical(text))
        return self.provinces[m.group(1)] if m else None

    def document_province(self, issuer=None, place=None, number=None, head: str = "") -> Optional[Province]:
        """The province or city a document belongs to (None for central bodies)."""
        if issuer:
            own = self.find_province(issuer) or self.resolve(issuer)
            if isinstance(own, Province) or (own.id and "@" not in own.id):
                return own if isinstance(own, Province) else None
        if _NATIONAL_SYMBOL.search((number or "").split("/")[-1]):
            return None
        national = _HEAD_NATIONAL.search(head)
        found = self._head_province(head[:national.start()] if national else head)
        if found or national:
            return found
        return self.find_province(place) if place else None

    def _head_province(self, head: str) -> Optional[Province]:
        """The first 'UBND tỉnh X' / 'ỦY BAN NHÂN DÂN THÀNH PHỐ X' in the head of a document."""
        folded = canonical(head)
        for m in _HEAD_PROVINCE.finditer(folded):
            found = self._place_at(folded[m.end():])
            if found:
                return found
        return None

    def _place_at(self, text: str) -> Optional[Province]:
        for key in sorted(self.provinces, key=len, reverse=True):
            if text.startswith(key + " ") or text == key:
                return self.provinces[key]
        return None

    def _split_place(self, key: str, context: Optional[Province]):
        """'so tu phap thanh pho da nang' -> ('so tu phap', Đà Nẵng, True)."""
        m = _REGION.search(key)
        if m:
            return key[:m.start()], Province("khu-vuc-" + m.group(1), "khu vực " + m.group(1).upper(), ""), True
        m = self._place.search(key)
        if m and m.start() > 0:
            province = self.provinces[m.group(2)]
            kind = "thanh pho" if m.group(1) == "thu do" else m.group(1)
            if not kind or canonical(province.kind) == kind:
                return key[:m.start()].strip(), province, True
            return key, context, False  # "thành phố Hà Tĩnh": a city inside a province
        m = _CONTEXT_PLACE.search(key)
        if m and m.start() > 0:
            return key[:m.start()], context, True
        return key, context, False

    # -- mentions --------------------------------------------------------------
    def resolve(self, name: str, context: Optional[Province] = None) -> Resolution:
        printed = normalize_string(name)
        body = _TITLE.sub("", printed).strip(" .,;:-")
        if "/" in body:  # "Sở Văn hóa, Thể thao và Du lịch/Sở Văn hóa và Thể thao tỉnh, thành phố"
            first, last = body.split("/")[0], body.split("/")[-1]
            body = first + (" các tỉnh, thành phố" if _ALL_PROVINCES.search(canonical(last)) else "")
        found = (self._resolve_body(body, context) or self._resolve_body(_PARENTHESIS.sub("", body), context)
                 or self._open_class(body, context) or self._open_class(_PARENTHESIS.sub("", body), context))
        found = found or Resolution(printed)
        found.name = printed
        return found

    def _resolve_body(self, body: str, context) -> Optional[Resolution]:
        key = canonical(body)
        if not key:
            return None
        if key in self.entries:
            return self._single(key, context, False)
        if self._is_group(key):
            return self._group(key, context)
        key, province, explicit = self._split_place(key, context)
        if key in self.entries:
            return self._single(key, province, explicit)
        return self._sub_level(key, body, province)

    def _single(self, key: str, province, explicit: bool) -> Resolution:
        entry, former = self.entries[key]
        local = entry["scope"] == "province" or (entry["scope"] == "both" and explicit)
        ident, name = entry["id"], entry["name"]
        if local and province:
            ident, name = f"{ident}@{province.slug}", f"{name} {province.display}".strip()
        note = f"{normalize_string(former)}: merged into {entry['name']} (2025)" if former else None
        return Resolution("", ident, name, False, note)

    def _is_group(self, key: str) -> bool:
        return bool(_QUANTIFIER.match(key) or _CLASS_NOUN.match(key) or _PLURAL.search(key) or _LEVEL_GROUP.search(key)
                    or any(_group_key(c) in self.groups for c in _group_candidates(key)))

    def _group(self, key: str, context) -> Resolution:
        for candidate in _group_candidates(key):
            entry = self.groups.get(_group_key(candidate))
            if entry:
                return Resolution("", entry["id"], entry["name"], True)
        m = _ALL_PROVINCES.search(key)
        if m and m.start() > 0 and key[:m.start()] in self.entries:  # "Sở Y tế các tỉnh, thành phố"
            single = self._single(key[:m.start()], None, False)
            return Resolution("", "group:" + single.id, single.canonical + " các tỉnh, thành phố", True, single.note)
        rest = _QUANTIFIER.sub("", key)
        return Resolution("", "group:" + re.sub(r"[^a-z0-9]+", "-", rest).strip("-"), None, True,
                          "group not listed in the registry")

    def _sub_level(self, key: str, body: str, province) -> Optional[Resolution]:
        m = _SUB_LEVEL.match(key)
        named = _LEVEL_NAME.search(body)
        if not m or not named or not (named.group(1).isupper() or named.group(1).isdigit()):
            return None
        head = "Ủy ban nhân dân" if m.group(1).startswith("uy") else "Hội đồng nhân dân"
        prefix = "ubnd" if head.startswith("Ủy") else "hdnd"
        ident = f"{prefix}-{slug(m.group(2) + ' ' + m.group(3))}" + (f"@{province.slug}" if province else "")
        name = head + re.split(r"(?i)ủy ban nhân dân|hội đồng nhân dân|UBND|HĐND", body, maxsplit=1)[-1]
        return Resolution("", ident, name, False)

    def _open_class(self, body: str, context) -> Optional[Resolution]:
        key, province, _explicit = self._split_place(canonical(body), context)
        if not _OPEN_CLASS.match(key):
            return None
        local = province and not _NATIONAL_WORDS.search(key)
        ident = re.sub(r"[^a-z0-9]+", "-", key).strip("-") + (f"@{province.slug}" if local else "")
        name = expand_abbreviations(_PARENTHESIS.sub("", body)).strip()
        return Resolution("", ident, name[:1].upper() + name[1:], False, "not listed: identified by its own name")


def _group_key(key: str) -> frozenset:
    """Order-free key of a group phrase: 'uy ban nhan dan cac xa, phuong' -> {ubnd, xa, phuong}."""
    key = _QUALIFIERS.sub(" ", _QUANTIFIER.sub("", key))
    parts = set()
    for head in ("uy ban nhan dan", "hoi dong nhan dan"):
        if key.strip().startswith(head):
            parts.add(head)
            key = key.strip()[len(head):]
    parts.update(p.strip() for p in re.split(r",| va ", key) if p.strip())
    return frozenset(parts)


def _group_candidates(key: str):
    """The phrase, then with its qualifying tails cut: 'cac so, nganh tren dia ban tinh' -> 'cac so, nganh'."""
    yield key
    cut = _TAILS.sub("", key)
    while cut != key:
        yield cut
        key, cut = cut, _TAILS.sub("", cut)


@lru_cache(maxsize=1)
def registry() -> Registry:
    return Registry(json.loads(DATA.read_text(encoding="utf-8")))


@lru_cache(maxsize=8192)
def resolve(name: str, context: Optional[Province] = None) -> Resolution:
    """The registry entry of a printed name (cached: the same names recur; callers do not change it)."""
    return registry().resolve(name, context)


def resolution_counts(tasks: list) -> dict:
    """Resolved/unresolved agency mentions over task records (dicts with 'agencies')."""
    counts = {"mentions": 0, "registry": 0, "group": 0, "open_class": 0, "unresolved": 0, "unresolved_names": {}}
    for task in tasks:
        for agency in task.get("agencies", []):
            counts["mentions"] += 1
            if not agency["id"]:
                counts["unresolved"] += 1
                counts["unresolved_names"][agency["name"]] = counts["unresolved_names"].get(agency["name"], 0) + 1
            elif agency["group"]:
                counts["group"] += 1
            elif agency.get("note", "") and agency["note"].startswith("not listed"):
                counts["open_class"] += 1
            else:
                counts["registry"] += 1
    counts["resolved_share"] = 1 - counts["unresolved"] / counts["mentions"] if counts["mentions"] else 1.0
    return counts
