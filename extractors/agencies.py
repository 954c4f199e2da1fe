"""Agency mentions: single bodies ("Sở Tư pháp", "UBND tỉnh Hà Tĩnh") and group
mentions ("các sở, ban, ngành", "UBND các quận, huyện"), with a canonical form."""
import re

from pipeline.normalize import fold

ABBREVIATIONS = [  # (pattern, expansion), longest first
    (r"VH\s*,\s*TT\s*&\s*DL|VHTTDL", "Văn hóa, Thể thao và Du lịch"),
    (r"LĐTB\s*&\s*XH|LĐTBXH", "Lao động - Thương binh và Xã hội"),
    (r"NN\s*&\s*PTNT|NNPTNT", "Nông nghiệp và Phát triển nông thôn"),
    (r"TT\s*&\s*TT|TTTT", "Thông tin và Truyền thông"),
    (r"KH\s*&\s*ĐT|KHĐT", "Kế hoạch và Đầu tư"),
    (r"KH\s*&\s*CN|KHCN", "Khoa học và Công nghệ"),
    (r"TN\s*&\s*MT|TNMT", "Tài nguyên và Môi trường"),
    (r"GD\s*&\s*ĐT|GDĐT", "Giáo dục và Đào tạo"),
    (r"UBND", "Ủy ban nhân dân"),
    (r"HĐND", "Hội đồng nhân dân"),
    (r"MTTQ", "Mặt trận Tổ quốc"),
    (r"TP\.?", "thành phố"),
    (r"VP", "Văn phòng"),
]
_ABBREVIATION_PATTERNS = [(re.compile(rf"(?<!\w)(?:{abbr})(?!\w)", re.I), full) for abbr, full in ABBREVIATIONS]


def expand_abbreviations(name: str) -> str:
    for pattern, full in _ABBREVIATION_PATTERNS:
        name = pattern.sub(full, name)
    return name


def canonical(name: str) -> str:
    """'UBND TP. Đà Nẵng' -> 'uy ban nhan dan thanh pho da nang'."""
    return re.sub(r"\s+", " ", re.sub(r"[\W_]+", " ", fold(expand_abbreviations(name or "")))).strip()
