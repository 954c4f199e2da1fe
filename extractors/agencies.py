"""Agency mentions: single bodies ("Sở Tư pháp", "UBND tỉnh Hà Tĩnh") and group
mentions ("các sở, ban, ngành", "UBND các quận, huyện"), with a canonical form.

`read_at(text, pos)` reads the agency phrase that starts at `pos` and stops
before the predicate ("Sở Tư pháp chủ trì ..." -> "Sở Tư pháp"); `split`
cuts a phrase into its agencies, keeping group mentions whole.
"""
import re
from functools import lru_cache
from typing import Optional

from extractors import mentions
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
    (r"BHXH", "Bảo hiểm xã hội"),
    (r"MTTQ", "Mặt trận Tổ quốc"),
    (r"TP\.?", "thành phố"),
    (r"VP", "Văn phòng"),
]
_ABBREVIATION_PATTERNS = [(re.compile(rf"(?<!\w)(?:{abbr})(?!\w)", re.I), full) for abbr, full in ABBREVIATIONS]


def expand_abbreviations(name: str) -> str:
    for pattern, full in _ABBREVIATION_PATTERNS:
        name = pattern.sub(full, name)
    return name


_PUNCTUATION = re.compile(r"[\W_]+")


@lru_cache(maxsize=8192)
def canonical(name: str) -> str:
    """'UBND TP. Đà Nẵng' -> 'uy ban nhan dan thanh pho da nang' (cached: the same names recur)."""
    return " ".join(_PUNCTUATION.sub(" ", fold(expand_abbreviations(name or ""))).split())


# ---- vocabulary ----------------------------------------------------------

# Named bodies and office holders: "Sở Tư pháp", "Chủ tịch UBND tỉnh" (capitalised as printed)
_NAMED = (r"Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Sở|Bộ|Văn phòng|Ban|Công an|Đài|Báo|Trung tâm|Thanh tra|"
          r"Tổng cục|Chi cục|Cục|Vụ|Viện|Kho bạc|Ngân hàng|Bảo hiểm xã hội|BHXH|Mặt trận|MTTQ|Liên đoàn|"
          r"Liên minh|Hội|Tỉnh đoàn|Thành đoàn|Đoàn|Học viện|Trường|Tổng công ty|Công ty|Tập đoàn|"
          r"Hiệp hội|Bộ phận|Tổ công tác|Thủ trưởng|Giám đốc|Chủ tịch|Bộ trưởng|Người đứng đầu|"
          r"Chánh Văn phòng|Cơ quan|Doanh nghiệp|Lực lượng|Cổng|Phòng|Cảnh sát|Đội|Chính quyền|Chủ đầu tư|"
          r"Nhà thầu|Bộ Chỉ huy|Bộ Tư lệnh|Bí thư|Viễn thông|Điện lực|Bưu điện|"
          r"Phó Thủ tướng|Thủ tướng|Phó Chủ tịch|Đồng chí|Thường trực|Quân ủy|Đảng ủy|Đảng đoàn|Ban cán sự đảng|Tỉnh ủy|Thành ủy|Huyện ủy|Đảng bộ|Chi bộ|Ủy ban Kiểm tra")
# Group nouns: "các sở, ban, ngành", "từng ngành, địa phương", "cơ quan, đơn vị liên quan"
_GROUP = (r"sở|bộ|ban|ngành|cơ quan|đơn vị|địa phương|tổ chức|doanh nghiệp|cơ sở|hội|đoàn thể|hiệp hội|"
          r"trường|cấp|quận|huyện|xã|phường|tỉnh|thành phố|thị xã|đặc khu|lực lượng|chủ đầu tư|cá nhân|"
          r"hộ gia đình|đài|báo|trung tâm|viện|bệnh viện|chi cục|cục|vụ|tập đoàn|công ty|"
          r"tổng công ty|hiệp hội|tổ|thủ trưởng|giám đốc|chủ tịch|người đứng đầu|đồng chí|nhà trường|"
          r"chính quyền|nhà thầu|phòng|thường trực|cấp ủy|tổ chức đảng|ban đảng|đảng ủy|tỉnh ủy|thành ủy|đảng bộ|chi bộ")
_DETERMINER = r"(?:[Cc]ác|[Qq]uý|[Nn]hững|[Tt]ừng|[Mm]ỗi|[Kk]hối|[Tt]oàn bộ|[Tt]ất cả các)"
# Words that begin like an agency but are not one: "Báo cáo", "Ban hành", "Bộ chỉ số", "Trường hợp"
_FALSE = (r"(?!(?:Báo cáo|Ban hành|Trường hợp|Sở hữu|Hội nghị|Hội thảo|Hội viên|Đoàn viên|Đoàn kết|Vụ việc|"
          r"Cục bộ|Viện dẫn|Tổ dân phố|Cổng [Dd]ịch vụ công|Trung tâm [Dd]ữ liệu|"
          r"Bộ (?:máy|luật|chỉ số|tiêu chí|thủ tục|công cụ|hồ sơ|dữ liệu|tài liệu|quy tắc|mã|tiêu chuẩn))(?!\w))")
_START = re.compile(rf"{_FALSE}(?:{_DETERMINER}\s+(?:{_GROUP}|{_NAMED})|(?:{_NAMED})|(?:{_GROUP}))(?!\w)", re.I)
_START_CASED = re.compile(rf"{_FALSE}(?:{_DETERMINER}\s+(?:{_GROUP}|{_NAMED})(?!\w)|(?:{_NAMED})(?!\w))")
_SPLIT_AT = re.compile(rf"{_FALSE}(?:{_DETERMINER}\s+(?:{_GROUP}|{_NAMED})|{_NAMED})(?!\w)")

# Words that end an agency phrase: the predicate begins ("chủ trì", "có trách nhiệm", ...)
_VERBS = [
    "chủ trì", "phối hợp", "có trách nhiệm", "có nhiệm vụ", "chịu trách nhiệm", "tập trung", "chủ động",
    "thực hiện", "triển khai", "xây dựng", "tham mưu", "theo dõi", "rà soát", "nghiên cứu", "hướng dẫn",
    "tiếp tục", "căn cứ", "khẩn trương", "phải", "cần", "đảm bảo", "bảo đảm", "quan tâm", "chỉ đạo",
    "hoàn thành", "đẩy mạnh", "đẩy nhanh", "tăng cường", "nâng cao", "ban hành", "kịp thời", "lập", "gửi",
    "báo cáo", "cung cấp", "kiểm tra", "đánh giá", "giải quyết", "tích cực", "nghiêm túc", "thường xuyên",
    "định kỳ", "làm", "là", "xác định", "bám sát", "phổ biến", "tuyên truyền", "giám sát", "sử dụng",
    "duy trì", "cập nhật", "quản lý", "vận hành", "bố trí", "lựa chọn", "áp dụng", "phát triển", "hỗ trợ",
    "xử lý", "tiến hành", "công bố", "công khai", "đề xuất", "trình", "ưu tiên", "khắc phục", "soát xét",
    "làm việc", "khai thác", "giải trình", "hằng năm", "hàng năm", "hằng quý", "hàng quý", "sau khi",
    "nếu", "khi", "trong", "theo", "để", "trân trọng", "nhằm", "với", "đôn đốc", "tổng hợp", "chuẩn bị", "phát huy",
    "vận động", "thẩm định", "dự toán", "tiên phong", "góp phần", "cử", "giúp", "lồng ghép", "huy động",
    "kết nối", "tiếp nhận", "số hóa", "thu thập", "trên cơ sở", "đồng thời", "khuyến khích", "hạn chế",
    "đưa", "chấp hành", "thi hành", "sớm", "kiên quyết", "quyết liệt", "chú trọng", "thúc đẩy", "bổ sung",
    "sửa đổi", "hoàn thiện", "nâng cấp", "đầu tư", "cắt giảm", "đơn giản hóa", "ứng dụng", "khảo sát",
    "thống kê", "kiểm soát", "điều chỉnh", "xem xét", "quyết định", "phê duyệt", "thẩm tra", "tiếp thu",
    "phản ánh", "không", "chưa", "đã", "sẽ", "đang", "đề nghị", "yêu cầu", "giao", "tạo điều kiện",
    "mở", "vừa", "cũng", "luôn", "nghiêm", "dự báo", "tham gia", "đăng tải", "cảnh báo", "ứng phó",
    "rà", "đánh", "nắm", "kêu gọi", "phân công", "chỉ", "đối với", "trên đây", "tự", "hoạt động",
    "nghiêm cấm", "thông báo", "kiện toàn", "kiến nghị", "bảo vệ", "tổ chức thực hiện", "đẩy", "bàn giao",
    "phân luồng", "quán triệt", "tuân thủ", "thực thi", "phấn đấu", "chấn chỉnh", "tập huấn", "bồi dưỡng",
    "phòng ngừa", "ngăn chặn", "điều tra", "phân bổ", "thu hồi", "trang bị", "thành lập", "sắp xếp", "sẵn sàng",
    "khuyến cáo", "xúc tiến", "quảng bá", "biên soạn", "phát hành", "thí điểm", "chia sẻ", "xác minh",
    "trả lời", "đối thoại", "phân loại", "di dời", "niêm yết", "khen thưởng", "xử phạt", "nhân rộng",
    "chăm lo", "lãnh đạo", "mua sắm", "chuyển giao", "hoàn tất", "sơ kết", "tổng kết", "nhanh chóng", "tận dụng",
    "trực tiếp", "trích xuất", "nộp",
]
_VERB = re.compile(r"(?:%s)(?!\w)" % "|".join(sorted(map(re.escape, _VERBS), key=len, reverse=True)), re.I)
_PREAMBLE = re.compile(r"(?:Xét (?:đề nghị|Tờ trình|báo cáo|văn bản)|Theo đề nghị)(?!\w)")
_HAS_KEEP = re.compile(r"có\s+(?:liên quan|tham gia|nhu cầu|thẩm quyền)(?!\w)", re.I)
_HAS = re.compile(r"có(?!\w)", re.I)
_ORGANISE = re.compile(r"tổ chức(?!\w)", re.I)  # a verb unless listed as a noun ("cơ quan, tổ chức")
_LIST_GOES_ON = re.compile(r"(?:,|các|và)\s*$")
_CAPITAL = re.compile(r"\s*[A-ZĐ]")
_PASSIVE = re.compile(r"được(?!\w)", re.I)
_PASSIVE_END = re.compile(r"[,;.:]|\s(?:có trách nhiệm|có nhiệm vụ|chịu trách nhiệm)(?!\w)")
# Organisations whose names hold verbs: "Ban Quản lý dự án đầu tư xây dựng ...", "Công ty ... Đầu tư phát triển"
_ORG_NAME = re.compile(r"^(?:các\s+)?(?:Ban Quản lý|Ban chỉ đạo|Ban chỉ huy|Công ty|Tổng [Cc]ông ty|Trung tâm|Chi cục|Viện)(?!\w)", re.I)
_NAME_VERBS = {"đầu tư", "xây dựng", "phát triển", "quản lý", "vận hành", "hỗ trợ", "dự báo", "khai thác",
               "bảo vệ", "ứng dụng", "chuyển đổi", "kiểm soát", "đánh giá", "thẩm định", "giám sát", "cung cấp",
               "tư vấn", "nghiên cứu", "phổ biến", "kết nối", "số hóa", "dịch vụ", "xử lý", "hoạt động"}
# a place level closing a name: "Trung tâm Kiểm soát bệnh tật tỉnh", "Ban Quản lý dự án huyện"
_PLACE_LEVEL_END = re.compile(r"\s(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|Trung ương|trung ương)\s*$")
_FUNCTION_HEAD = re.compile(r"(?:các\s+)?(?:Ban Quản lý|Ban chỉ đạo|Ban chỉ huy|Công ty|Tổng [Cc]ông ty)$", re.I)
_PLACE_END = re.compile(r"\s[A-ZĐ]\w*\s+[A-ZĐ]\w*\s*$")  # "... thủy lợi Hà Nội": a place name ends the name
# Verbs that begin nouns inside names: "Cảnh sát giao thông", "Sở Giao dịch"
_NOT_VERB = re.compile(r"giao\s+(?:thông|dịch|tiếp|lưu)(?!\w)|tự\s+chủ(?!\w)", re.I)  # "cơ sở ... tự chủ tài chính"
# Verbs that end a noun after these words: "công trình", "chương trình", "công lập", "thành lập"
_NOUN_BEFORE = {"trình": re.compile(r"(?:công|chương|quá|lộ|tờ)\s*$", re.I),
                "lập": re.compile(r"(?:công|thành|thiết|độc)\s*$", re.I),
                "kiểm tra": re.compile(r"(?:đoàn|tổ)\s*$", re.I),  # "các đoàn kiểm tra của Ban Thường vụ"
                "giám sát": re.compile(r"(?:đoàn|tổ)\s*$", re.I),
                "thẩm định": re.compile(r"(?:hội đồng|tổ)\s*$", re.I)}  # "Hội đồng thẩm định Nhà nước"
_LAST_ITEM = re.compile(r"[,;]\s*|\s(?:và|cùng)\s")  # the last agency of a list read so far
_COMPOUND = re.compile(r"(?:cơ quan|đơn vị)\s*$", re.I)
# "cơ quan chủ trì", "cơ quan quản lý nhà nước", "đơn vị duy trì thoát nước", "cơ quan tiếp nhận hồ sơ" are nouns
_BOARD = re.compile(r"(?:^|\s)[Bb]an\s*$")
_BOARD_KIND = re.compile(r"(?:chỉ đạo|tổ chức|chấp hành|chỉ huy|điều hành|thường vụ|vận động|quản lý)(?!\w)")
_GROUP_PAIR = re.compile(r"cơ quan\s*,\s*đơn vị\s*$", re.I)  # "các cơ quan, đơn vị duy trì ...": a verb
_COMPOUND_VERBS = {"chủ trì", "quản lý", "duy trì", "vận hành", "thi công", "tư vấn", "tiếp nhận"}
_LIST_WORD = re.compile(r"lĩnh vực(?!\w)")  # "Mỗi ngành, lĩnh vực": only inside a list
_WORD = re.compile(r"[^\s,;:.()]+|\([^()]*\)|[,;:.]")
_MAX_WORDS = 45


def starts_agency(text: str, pos: int = 0, cased: bool = False) -> bool:
    """A head noun ("Sở", "các cơ quan") or a registry name ("Trung ương Mặt trận Tổ quốc Việt Nam") starts at pos."""
    pattern = _START_CASED if cased else _START
    return bool(pattern.match(text, pos) or mentions.name_end(text, pos))


def _stops(text: str, pos: int, phrase_so_far: str) -> bool:
    """Does the predicate begin at pos? Capitalised words belong to names ("Ban Quản lý")."""
    if _PREAMBLE.match(text, pos):  # "Bộ trưởng Bộ Công Thương Xét đề nghị ...": a letter's preamble begins
        return True
    if text[pos:pos + 1].isupper():
        return False
    if _HAS_KEEP.match(text, pos):
        return False
    if _HAS.match(text, pos):
        return True
    if _BOARD.search(phrase_so_far) and _BOARD_KIND.match(text, pos):
        return False  # "Ban chỉ đạo", "Ban tổ chức": what kind of board
    if _ORGANISE.match(text, pos):
        return not _LIST_GOES_ON.search(phrase_so_far)
    if _NOT_VERB.match(text, pos):
        return False
    m = _VERB.match(text, pos)
    if m and _compound_noun(text, pos, m, phrase_so_far):
        return False
    noun = m and _NOUN_BEFORE.get(m.group(0).lower())
    if noun and noun.search(phrase_so_far):
        return False  # "công trình", "đơn vị sự nghiệp công lập"
    if m and m.group(0).lower() in _NAME_VERBS and _name_goes_on(_LAST_ITEM.split(phrase_so_far)[-1]):
        return False
    return bool(m)


def _name_goes_on(item: str) -> bool:
    """Name grammar: head noun + modifiers + place. A function word ("đầu tư", "hỗ trợ") is part of an
    organisation's name after a head naming a function ("Ban Quản lý dự án đầu tư ...", "Công ty ...") or
    after capitalised modifiers ("Trung tâm Hỗ trợ ..."); a name is complete once its place is read
    ("... tỉnh", "... Hà Nội"), and a generic mention ("các Trung tâm y tế") takes no verb into it."""
    head = _ORG_NAME.match(item)
    if not head or _PLACE_END.search(item) or _PLACE_LEVEL_END.search(item):
        return False
    if _FUNCTION_HEAD.match(head.group(0)):
        return True
    modifiers = item[head.end():].split()
    return not modifiers or modifiers[0][:1].isupper()


def _compound_noun(text: str, pos: int, verb, phrase_so_far: str) -> bool:
    """'cơ quan chủ trì', 'cơ quan quản lý nhà nước', 'đơn vị duy trì thoát nước' (not 'cơ quan, đơn vị duy trì ...')."""
    word = verb.group(0).lower()
    if word not in _COMPOUND_VERBS or not _COMPOUND.search(phrase_so_far) and not _BOARD.search(phrase_so_far):
        return False
    if word == "quản lý":  # "cơ quan quản lý nhà nước", "cơ quan quản lý cơ sở dữ liệu", "các Ban quản lý dự án"
        return text.startswith("nhà nước", _skip_spaces(text, verb.end())) or bool(_BOARD.search(phrase_so_far)) \
            or not _GROUP_PAIR.search(phrase_so_far)
    return word == "chủ trì" or not _GROUP_PAIR.search(phrase_so_far)


def _passive_end(text: str, pos: int) -> Optional[int]:
    """'các cơ quan được phân công nhiệm vụ có trách nhiệm' -> end of the relative clause."""
    m = _PASSIVE_END.search(text, pos)
    if m and m.group(0) not in ".:":
        return m.start()
    return None


def read_at(text: str, pos: int = 0, cased: bool = False):
    """The agency phrase starting at pos: (phrase, end) or None."""
    if not starts_agency(text, pos, cased):
        return None
    known = mentions.name_end(text, pos)
    head = (_START_CASED if cased else _START).match(text, pos)
    if not head:  # a registry name with no head noun ("Chính phủ", "Trung ương Đoàn ..."): it and its capitals
        end = _capitals_end(text, known)
        return text[pos:end], end
    end = i = known or head.end()
    words = len(text[pos:end].split())
    while i < len(text) and words < _MAX_WORDS:
        while i < len(text) and text[i] == " ":
            i += 1
        known = mentions.name_end(text, i)
        if known and words:  # a registry name inside the list: "..., Bộ Ngoại giao và ..."
            words += len(text[i:known].split())
            end = i = known
            continue
        m = _WORD.match(text, i)
        if not m:
            break
        token = m.group(0)
        if token == "." or (token == ";" and not _START_CASED.match(text, _skip_spaces(text, m.end()))):
            break
        if token == ":":
            if _CAPITAL.match(text, m.end()) and _colon_list_head(text[pos:i]):
                end = _list_end(text, m.end(), text[pos:i].split()[-1])
                break
            break
        if token in ",;":
            nxt = _skip_spaces(text, i + 1)
            qualified = token == "," and _qualifiers(text, nxt, text[pos:i])
            if qualified:  # "Doanh nghiệp viễn thông, bưu chính": one body described twice
                end = i = qualified
                continue
            if not (_START.match(text, nxt) or _LIST_WORD.match(text, nxt) or _CAPITAL.match(text, nxt)) \
                    or _stops(text, nxt, text[pos:nxt]):
                break
            i = m.end()
            continue
        inner = _START_CASED.match(text, i)
        if inner and words:  # "... và các Chủ đầu tư khác": a named head inside the list
            end = i = inner.end()
            words += len(inner.group(0).split())
            continue
        keep = _HAS_KEEP.match(text, i)
        if keep:
            end = i = keep.end()
            words += 1
            continue
        if words and _PASSIVE.match(text, i):
            stop = _passive_end(text, i)
            if stop is None:
                break
            end = i = stop
            break
        if words and _stops(text, i, text[pos:i]):
            break
        end = i = m.end()
        words += 1
    phrase = text[pos:end].strip(" ,")
    return (phrase, end) if phrase else None


_CAPITALISED = re.compile(r"\s+[A-ZĐ]\w*")


def _capitals_end(text: str, pos: int) -> int:
    """End of the capitalised words after pos: 'Ngân hàng Chính sách xã hội| Việt Nam'."""
    m = _CAPITALISED.match(text, pos)
    while m:
        pos = m.end()
        m = _CAPITALISED.match(text, pos)
    return pos


_MAX_QUALIFIERS = 3
_ASIDE = re.compile(r"(?:đặc biệt|nhất là|trước hết|trong đó|cụ thể|tùy|theo|ngoài|kể cả|bao gồm|gồm)(?!\w)", re.I)


def _qualifiers(text: str, pos: int, phrase_so_far: str) -> Optional[int]:
    """End of a few lowercase words after a comma that describe the last agency further
    ("Các cơ sở đào tạo đại học, sau đại học"), when the predicate or the text's end follows."""
    last = _LAST_ITEM.split(phrase_so_far)[-1].split()
    first = _WORD.match(text, pos)
    repeated = bool(first) and first.group(0) in last[1:]  # "Thủy lợi sông Nhuệ, sông Đáy"
    if len(last) < 2 or not (last[-1][:1].islower() or repeated) or _START.match(text, pos) \
            or _ASIDE.match(text, pos):
        return None
    i = pos
    for _ in range(_MAX_QUALIFIERS):
        m = _WORD.match(text, i)
        if not m or not (m.group(0)[:1].islower() or repeated) or _stops(text, i, phrase_so_far):
            return None
        i = _skip_spaces(text, m.end())
        if i >= len(text) or text[i] == ":" or _stops(text, i, phrase_so_far) or _and_agency(text, i):
            return m.end()
    return None


_AND = re.compile(r"và\s+")


def _and_agency(text: str, pos: int) -> bool:
    """'... phòng cháy, chữa cháy| và các cơ quan ...': another agency follows."""
    m = _AND.match(text, pos)
    return bool(m) and bool(_START.match(text, m.end()))


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos


_LIST_HEAD_END = re.compile(r"(?:[Cc]ác\s+\w+|Sở|Bộ)\s*$")
_LEADING_CAC = re.compile(r"^[Cc]ác\s+")
_INNER_CAC = re.compile(r"\s+các\s+")


def _colon_list_head(head: str) -> bool:
    """'Các Bộ', 'Ủy ban nhân dân các tỉnh', '06 đơn vị thuộc Sở' may open a list after a colon."""
    return bool(_LIST_HEAD_END.search(head.strip()))


_NEXT_ITEM = re.compile(r"\s*(?:,|\svà\s+(?=[A-ZĐ]))")


def _list_end(text: str, pos: int, head: str) -> int:
    """End of 'Tài chính, Y tế, Tư pháp' after 'các Bộ:': where the predicate begins, or after a
    registered name that no further item follows."""
    i = _skip_spaces(text, pos)
    while i < len(text):
        known = mentions.tail_end(text, i, head)
        if known:
            if not _NEXT_ITEM.match(text, known):
                return known
            i = _skip_spaces(text, known)
            continue
        m = _WORD.match(text, i)
        if not m or m.group(0) in ".;:":
            return i
        if m.group(0) != "," and _stops(text, i, text[pos:i]):
            return i
        i = _skip_spaces(text, m.end())
    return i


def _expand_colon(phrase: str) -> list:
    """'Các Bộ: Tài chính, Y tế' -> ['Bộ Tài chính', 'Bộ Y tế']."""
    head, _, items = phrase.partition(":")
    head = _INNER_CAC.sub(" ", _LEADING_CAC.sub("", head.strip()))
    names = []
    for item in _list_items(items.strip(), head):
        named = _START_CASED.match(item)  # "Văn phòng Chính phủ" stays; a bare "Công an" takes the head
        names.append(item if named and named.end() < len(item) else f"{head} {item}")
    return names


_ITEM_SEPARATOR = re.compile(r"\s*(?:,|;|\svà\s(?=[A-ZĐ]))\s*")  # not "Ban Quản lý ... và các khu ..."


def _list_items(items: str, head: str) -> list:
    """'Xây dựng, Văn hóa, Thể thao và Du lịch' after 'các Bộ:' -> ['Xây dựng', 'Văn hóa, Thể thao và Du lịch']."""
    found, i = [], 0
    while i < len(items):
        end = mentions.tail_end(items, i, head)
        sep = _ITEM_SEPARATOR.search(items, end or i)
        stop = sep.start() if sep else len(items)
        if stop > i:
            found.append(items[i:stop])
        i = sep.end() if sep else len(items)
    return found


_SEPARATOR = re.compile(r"\s*(?:[,;]|\s(?:và|cùng|cùng với)\s)\s*"
                        r"|(?<=\sngành)\s+(?=UBND|Ủy ban nhân dân)")  # "các sở, ban, ngành UBND các quận"
_OFFICE = re.compile(r"(?:thủ trưởng|giám đốc|chủ tịch|người đứng đầu|bí thư)(?!\w)")
_NOT_A_BODY = re.compile(r"(?:Bộ|Sở)\s+(?:trưởng|ngành)")  # "Bộ trưởng", "Bộ, ngành" do not start a new body


# A role written after the name: "Sở Tài chính (cơ quan chủ trì)", "Sở Nội vụ (thường trực)"
_ROLE_NOTE = re.compile(r"\s*\((?:(?:là\s+)?(?:cơ quan|đơn vị)\s+)?(?:chủ trì|thường trực|đầu mối|phối hợp)[^()]*\)", re.I)


def split(phrase: str) -> list:
    """'Các sở, ban, ngành, UBND quận, huyện' -> ['Các sở, ban, ngành', 'UBND quận, huyện']."""
    phrase = _ROLE_NOTE.sub("", phrase).strip(" ,;.:")
    if ":" in phrase:  # "UBND các tỉnh: A, B" names each; "Bí thư ... và Chủ tịch UBND các tỉnh: A, B" stays as printed
        return [phrase] if len(split(phrase.partition(":")[0])) > 1 else _expand_colon(phrase)
    parts, start = [], 0
    known = mentions.spans(phrase)
    for m in _SEPARATOR.finditer(phrase):
        in_brackets = phrase.count("(", 0, m.start()) > phrase.count(")", 0, m.start())
        if in_brackets or any(a < m.start() < b for a, b in known):
            continue  # "Sở Văn hóa, Thể thao và Du lịch", "Khối nội chính (Công an tỉnh, ...)": one name
        after_name = any(b == m.start() for _, b in known) and _START.match(phrase, m.end())
        if (after_name or _SPLIT_AT.match(phrase, m.end()) or _OFFICE.match(phrase, m.end())
                or _new_body(phrase, start, m)) \
                and not _NOT_A_BODY.match(phrase, m.end()):
            parts.append(phrase[start:m.start()])
            start = m.end()
    parts.append(phrase[start:])
    return _join_bare_titles([p.strip(" ,;") for p in parts if p.strip(" ,;")])


# Common nouns that begin another body after a named one: "UBND các xã, phường và đơn vị vận hành thoát nước"
_BODY_NOUN = re.compile(r"(?:cơ quan|đơn vị|tổ chức|doanh nghiệp|chính quyền|lực lượng|nhà thầu|chủ đầu tư|"
                        r"cá nhân|hộ gia đình)\s+[^\s,;]+")
_HOLDER = re.compile(r"(?:thủ trưởng|giám đốc|chủ tịch|người đứng đầu|bí thư|bộ trưởng|lãnh đạo)(?!\w)", re.I)
_NAMED_PART = re.compile(rf"^(?:{_DETERMINER}\s+)?(?:{_NAMED})(?!\w)|^\S+\s.*[A-ZĐ]")


def _new_body(phrase: str, start: int, separator) -> bool:
    """Does a separator end a named body and begin a common-noun one ('các Sở, ngành Thành phố, đơn vị liên quan')?"""
    part = phrase[start:separator.start()]
    return bool(_BODY_NOUN.match(phrase, separator.end()) and _NAMED_PART.match(part)
                and not _HOLDER.match(part))


_BARE_TITLE = re.compile(r"^(?:Giám đốc|Thủ trưởng|Chủ tịch|Người đứng đầu|Lãnh đạo)$", re.I)


def _join_bare_titles(parts: list) -> list:
    """'Giám đốc, Thủ trưởng các sở, ban ngành': a title with no body shares the next one's."""
    joined = []
    for part in parts:
        if joined and _BARE_TITLE.match(joined[-1]) and _OFFICE.match(part.lower()):
            joined[-1] += ", " + part
        else:
            joined.append(part)
    return joined


def read_list(text: str, pos: int = 0, cased: bool = False):
    """(agencies, end) of the agency list at pos, or None."""
    found = read_at(text, pos, cased)
    if not found:
        return None
    return split(found[0]), found[1]


def predicate_at(text: str, pos: int) -> bool:
    """Does a predicate ("chủ trì", "có trách nhiệm", "tổ chức ...") begin at pos (after spaces)?"""
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos < len(text) and _stops(text, pos, "")
