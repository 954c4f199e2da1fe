"""Document header: number, type, place and date, issuer, title, signer, legal bases.

Reads the national header layout (Nghị định 30/2020/NĐ-CP): issuer block top
left, national motto top right, "Số: 3796/QĐ-UBND", "Đà Nẵng, ngày 26 tháng 11
năm 2021", the type word ("QUYẾT ĐỊNH") and the subject lines (trích yếu), or
"V/v ..." for a Công văn; the signature block ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
above the name) after the body. Falls back on the metadata table of legal
websites ("Số hiệu", "Loại văn bản", ...) and on sentences that mention the
document ("UBND tỉnh X vừa ban hành Kế hoạch số 145/KH-UBND về ...").
"""
import re
from dataclasses import dataclass
from typing import Optional

from extractors import agencies
from pipeline.normalize import fold
from pipeline.records import Document, LegalBasis, Signer, Source

DOC_TYPES = ["Quyết định", "Kế hoạch", "Công văn", "Chỉ thị", "Nghị quyết", "Thông báo", "Chương trình",
             "Công điện", "Thông tư", "Nghị định", "Báo cáo", "Hướng dẫn", "Tờ trình", "Đề án", "Quy định",
             "Quy chế", "Thông tư liên tịch", "Luật", "Pháp lệnh", "Lệnh", "Công thư", "Kết luận"]
_TYPE_BY_UPPER = {t.upper(): t for t in DOC_TYPES}
_TYPE_BY_FOLD = {fold(t): t for t in DOC_TYPES}
# ký hiệu loại văn bản (Nghị định 30/2020/NĐ-CP, Phụ lục III); a number without one is a Công văn
_TYPE_BY_CODE = {"QĐ": "Quyết định", "KH": "Kế hoạch", "CT": "Chỉ thị", "NQ": "Nghị quyết", "TB": "Thông báo",
                 "CTr": "Chương trình", "CĐ": "Công điện", "TT": "Thông tư", "NĐ": "Nghị định", "BC": "Báo cáo",
                 "HD": "Hướng dẫn", "TTr": "Tờ trình", "ĐA": "Đề án", "QC": "Quy chế", "QyĐ": "Quy định",
                 "TTLT": "Thông tư liên tịch", "L": "Lệnh", "CV": "Công văn", "KL": "Kết luận"}
_TYPE_ALT = "|".join(sorted(DOC_TYPES, key=len, reverse=True))

_NUMBER = r"\d+[\w.]*(?:-[\wĐ]+)?/(?:[\wĐđ.&]+(?:-\s?[\wĐđ.&]+)*/?)+"
_HEADER_NUMBER = re.compile(r"Số(?:\s+hiệu)?\s*:?\s*(" + _NUMBER.replace("/", " ?/", 1) + ")")
_MOTTO = re.compile(r"CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM")
_MOTTO_LINE = re.compile(r"Độc\s+lập\s*-\s*Tự\s+do\s*-\s*Hạnh\s+phúc")
_DAY_MONTH_YEAR = r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
_NUMERIC_DATE = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ANY_DATE = re.compile(_DAY_MONTH_YEAR + "|" + _NUMERIC_DATE)
_UPPER = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isupper())
_PLACE_WORD = r"(?:[" + _UPPER + r"]\w*|phố|xã|trấn)(?!\w)"  # "Thành phố Hồ Chí Minh", "Đà Nẵng"
_PLACE_DATE = re.compile(r"(?<![\w,/-])((?:T[Pp]\.\s*)?" + _PLACE_WORD + r"(?:(?:\s+|\s*-\s*)"
                         + _PLACE_WORD + r"){0,4}),\s*ngày\b"
                         r"(?:\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(?:¦\s+)?(\d{4})|\s+" + _NUMERIC_DATE + ")?")

# a scan's header: the received stamp (dấu "CÔNG VĂN ĐẾN", its own "Số ... Ngày ...") is not the
# document's; a number or day written by hand into the blank may be unreadable
_RECEIVED_STAMP = re.compile(r"(?:CÔNG\s+VĂN\s+ĐẾN\b(?:[\s|:]*ĐẾN\b)?|(?<![^\n|])[ \t]*ĐẾN(?=[\s|:]*Số))[\s|:]*(?:Số\s*:?\s*(?P<number>[^\s|]*))?[\s|]*"
                             r"(?:Ngày\s*:?\s*(?P<date>\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4})?)?"
                             r"(?:[\s|]*(?:Giờ|Chuyển|Lưu hồ sơ số)\s*:?[^\n|]*)*")
_NUMBER_SLOT = re.compile(r"Số\s*:\s*(?P<slot>[^\s/|]*)\s?/\s?(?P<code>[A-ZĐ][\w-]*)")
_READABLE_SLOT = re.compile(r"\d+[a-zA-Z]?")
_DATE_SLOT = re.compile(r"(?<![\w,/-])" + _PLACE_WORD + r"(?:\s+" + _PLACE_WORD + r"){0,4},\s*ngày\s+(?P<slot>[^\n|]{0,40}?)"
                        r"\s*năm\s+\d{4}")
_PIECE = re.compile(r"[^|\n]+")
_CELL_BREAK = re.compile(r"\||\n\s*\n")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_RULE = re.compile(r"[-_=.…\s]*")
_SPLIT_LETTER = re.compile(r"(?<!\w)([B-DĐGHK-NP-TVX]) (?=[AĂÂEÊIOÔƠUƯYÀ-ỸĐ])")  # "B Ộ" -> "BỘ"

# heads of issuing bodies, longest first; the lowest unit of "UBND TỈNH X / SỞ Y" issues
_HEAD = re.compile(r"(?<!\w)(?<!VÀ )(?<!CƠ )(?<!CỦA )(ỦY\s+BAN\s+NHÂN\s+DÂN|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|UBND|HĐND|"
                   r"THỦ\s+TƯỚNG|VĂN\s+PHÒNG|TỔNG\s+CỤC|CHI\s+CỤC|CỤC|BỘ|SỞ|BAN|(?<![^\n])PHÒNG|TRUNG\s+TÂM|"
                   r"CÔNG\s+AN|ỦY\s+BAN|ĐẢNG\s+BỘ|(?:TỈNH|THÀNH|HUYỆN|QUẬN|ĐẢNG)\s+ỦY)(?!\w)")
_LOCAL = re.compile(r"(ỦY BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)\s+(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|"
                    r"PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s+(.+)", re.I)
_LEVEL = r"(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)"
_BARE = re.compile(r"(ủy ban nhân dân|ubnd|hội đồng nhân dân|hđnd)(?:\s+(" + _LEVEL + r"))?", re.I)
_NAMED_COUNCIL = re.compile(r"(?<!\w)(?i:(UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân)\s+(" + _LEVEL + r"))[ \t]+"
                            r"(" + _PLACE_WORD + r"(?:[ \t]+" + _PLACE_WORD + r"){0,3})")  # on one line
_AUTHORITY_LEVEL = re.compile(r"ỦY BAN NHÂN DÂN\s+(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)(?!\s+\w)")
_PARTY_PARENT = re.compile(r"ĐẢNG BỘ\s+(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG)?\s*(.+)")
_PARTY_ORGAN = re.compile(r"(?:Tỉnh|Thành|Huyện|Quận|Đảng) ủy", re.I)
_GENERIC_UNIT = re.compile(r"Văn phòng|Ban|Thường trực", re.I)
_PLACE_VALUE = re.compile(r"(?i)^(" + _LEVEL + r")\s+(\S.*)$")

# a sentence that names the document: "UBND tỉnh X vừa ban hành Kế hoạch số 145/KH-UBND về ..."
_ISSUER_PHRASE = (r"(?:UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân|Bộ|Sở|Văn phòng|Thủ tướng|Chính phủ|Ban|"
                  r"Tổng cục|Cục|Tỉnh ủy|Thành ủy|Huyện ủy)")
# "Ngày 12/3/2025, ", "Chiều 12/6, " (the year then comes from the publication date)
_NEWS_DAY = r"(?:Ngày|Sáng|Trưa|Chiều|Tối)(?:\s+ngày)?\s+(?P<pre_date>\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?|" \
            r"\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?),\s*"
_DAY_MONTH = re.compile(r"(\d{1,2})\D+?(\d{1,2})")
_ISSUED = re.compile(r"(?:" + _NEWS_DAY + r")?(?P<issuer>" + _ISSUER_PHRASE + r"(?:\s+[\wĐđ&-]+){0,7}?)\s+"
                     r"(?:vừa\s+|đã\s+|chính thức\s+)?ban hành\s+(?=(?i:" + _TYPE_ALT + r")(?!\w))")
_MENTION = re.compile(r"(?P<type>(?i:" + _TYPE_ALT + r"))(?:\s+số)?(?:\s*:)?\s+(?P<number>" + _NUMBER + r")?"
                      r"(?:\s+(?:năm\s+)?\d{4}(?!\s*[/-]))?(?:\s+ngày\s+(?P<date>" +
                      _NUMERIC_DATE.replace("(", "(?:") + r"|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?")
_TITLE_LEAD = re.compile(r"^(?:[:,]\s*)?(?:về việc|về|v/v)\s*:?\s*", re.I)
_TITLE_END = re.compile(r"\s+do\s+[^.]{2,80}?\s+ban hành\b|\s+(?:ra sao|thế nào|có gì mới|có gì|gì)\s*\?|"
                        r"[.;!?](?:\s|$)|\n|,\s+(?:nhằm|để|với mục tiêu|theo đó|trong đó)\b")
_KEM_THEO = re.compile(r"\((?:Ban hành\s+)?[Kk]èm theo\s+(?:" + _TYPE_ALT + r")\s+số\s*:?\s*(" + _NUMBER + r")"
                       r"(?:\s+(?:" + _DAY_MONTH_YEAR + r"|ngày\s+" + _NUMERIC_DATE + "))?")
# "đề nghị các cơ quan, đơn vị, địa phương trên địa bàn thành phố tập trung ...": the request, not its addressees
_RECIPIENTS = re.compile(r"^(?:đề nghị|yêu cầu|chỉ đạo|giao)\s+(?:(?:các|cơ quan|đơn vị|địa phương|sở|ban|ngành|"
                         r"UBND|Ủy ban nhân dân|quận|huyện|thị xã|xã|phường|tỉnh|thành phố|trên địa bàn|Trung ương|"
                         r"đóng|cấp|có liên quan|liên quan|trực thuộc|thuộc|và)(?:\s*,)?\s+)+", re.I)
_OF_ISSUER = re.compile(r"của\s+([^,.;:\n?]{2,60}?(?:,\s*[^,.;:\n?]{2,30}?)?)\s+(?=về\s|V/v\s)", re.I)
_WEB_ISSUER = re.compile(r"\bdo\s+(.{2,80}?)\s+ban hành\b")

# stop lines after the subject: the authority line, the bases, the body
_TITLE_STOP = re.compile(r"^(?:Căn cứ|Thực hiện|Kính gửi|Xét|Theo đề nghị|Điều\s+\d|\(|[IVX]+\.\s|\d+\.\s)")
_BASIS_START = re.compile(r"^(?:Căn cứ|Kính gửi)\b")
_SENTENCE_END = re.compile(r"[.:]$|[^\W\d_A-ZĐ]{2}\.\s+\S")  # not "TP. Hồ Chí Minh"
_AUTHORITY_LINE = re.compile(r"^(?:ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|THỦ TƯỚNG|BỘ TRƯỞNG|CHỦ TỊCH|GIÁM ĐỐC|"
                             r"CHÁNH VĂN PHÒNG|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|TRƯỞNG BAN|BAN CHẤP HÀNH|CHÍNH PHỦ)\b")

# The issuing body printed alone under the title of a copy that lost its header block: "CHÍNH PHỦ",
# "CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X" (the office holder's body)
_AUTHORITY_BODY = re.compile(r"^(?:CỦA\s+|(?:CHỦ TỊCH|BỘ TRƯỞNG|GIÁM ĐỐC)\s+(?=ỦY BAN|UBND|BỘ|SỞ))?"
                             r"((?:CHÍNH PHỦ|QUỐC HỘI|THỦ TƯỚNG CHÍNH PHỦ|ỦY BAN|UBND|HỘI ĐỒNG|HĐND|BỘ CHÍNH TRỊ|"
                             r"BAN BÍ THƯ|BAN CHẤP HÀNH|BỘ (?!TRƯỞNG)|SỞ |VĂN PHÒNG|TỈNH ỦY|THÀNH ỦY)"
                             r"(?:(?! QUYẾT| VỀ | BAN HÀNH| THÔNG QUA| KẾT LUẬN| CHỈ ĐẠO| YÊU CẦU| GIAO )[^:;]){0,60})$")
_ON_BEHALF = re.compile(r"^(?:TM|T/M)\.?\s+(.+?)(?:\s+/|$)")  # "TM. CHÍNH PHỦ / THỦ TƯỚNG"
_SIGN_PREFIX = r"(?:TM|KT|TL|TUQ|Q|T/M)\.?\s+"
_SIGN_TITLE = (r"(?:PHÓ\s+)?(?:CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|GIÁM ĐỐC|CHÁNH VĂN PHÒNG|CHỦ NHIỆM|TRƯỞNG BAN|"
               r"TRƯỞNG PHÒNG|BÍ THƯ|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|VỤ TRƯỞNG|VIỆN TRƯỞNG|HIỆU TRƯỞNG|CHÁNH THANH TRA)"
               r"|THỨ TRƯỞNG")
_SIGN_START = re.compile(r"^(?:" + _SIGN_PREFIX + r"|(?:" + _SIGN_TITLE + r")[,\s]*$)")
_MERGED_SIGN_START = re.compile(r"(?<!\S)(?:TM|KT|TL|TUQ|Q|T/M)\.\s+")
_MERGED_SIGN_TITLE = re.compile(r"(?<!\S)(?:(?:TM|KT|TL|TUQ|Q|T/M)\.\s+|(?:" + _SIGN_TITLE + r")(?:\s|$))")
# "(Đã ký)", "[daky]", "(Ký, đóng dấu)" and the e-signature lines "Ký bởi: ...", "Thời gian ký: ..."
_SIGN_MARK = re.compile(r"(?i)^[\[(]?\s*(?:đã\s*ký|daky|ký|chữ\s*ký|signed)\b[^)\]]*[)\]]?$|"
                        r"^(?:người ký|thời gian ký|ngày ký|ký ngày|cơ quan|email)\s*:")
_SIGN_LINE_BREAK = re.compile(r"\s+(?=" + _SIGN_PREFIX + r")|(?<![.,])(?<!PHÓ)\s+(?=(?:" + _SIGN_TITLE + r")(?:\s|$))")

_BASIS = re.compile(r"(?m)^[*\s]*Căn cứ\s+(.+?)(?=;[*\s]*$|\n[*\s]*(?:Căn cứ|Theo đề nghị|Xét|Thực hiện)\b|\Z)", re.S)
_PREAMBLE_END = re.compile(r"(?m)^[*\s]*(?:(?:QUYẾT ĐỊNH|QUYẾT NGHỊ|CHỈ THỊ)\s*:|Điều\s+1\b|I\.\s)")
_BASES_CHARS = 30000
_BASIS_NUMBER = re.compile(r"(?:số|Số)\s+(" + _NUMBER + ")")
_TABLE_KEYS = {"so hieu": "number", "loai van ban": "doc_type", "noi ban hanh": "issuer",
               "co quan ban hanh": "issuer", "nguoi ky": "signer", "ngay ban hanh": "issue_date"}

_HEAD_CHARS = 8000


@dataclass
class _Piece:
    text: str  # one line, or one table cell of a line, without markup
    start: int
    after_blank: bool = False  # a blank line stands before it


# ---------------------------------------------------------------- helpers

_PUNCTUATION = ".,;:!?\"'`´“”‘’()[]{}<>|/\\_-–~*^"


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _flat(text: str) -> str:
    return re.sub(r"[\s|*]+", " ", text).strip()


def _pieces(text: str, start: int = 0, end: Optional[int] = None) -> list:
    pieces, last = [], start
    for m in _PIECE.finditer(text, start, len(text) if end is None else end):
        piece = m.group().replace("*", "").strip(" \t#_")
        if piece and not _RULE.fullmatch(piece):
            pieces.append(_Piece(piece, m.start(), bool(_BLANK_LINE.search(text, last, m.start()))))
            last = m.end()
    return pieces


def _iso(day, month, year) -> Optional[str]:
    day, month, year = int(day), int(month), int(year)
    if 1 <= day <= 31 and 1 <= month <= 12 and 1900 <= year <= 2100:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _date(text: str) -> Optional[str]:
    m = _ANY_DATE.search(text or "")
    if not m:
        return None
    groups = [g for g in m.groups() if g]
    return _iso(*groups[:3])


def _sentence_case(text: str) -> str:
    """An all-caps subject line in sentence case; codes with digits keep their case."""
    if not _is_upper(text):
        return text
    words = [w if re.search(r"\d", w) else w.lower() for w in text.split()]
    out = " ".join(words)
    return out[:1].upper() + out[1:]


def _number_type(number: Optional[str]) -> Optional[str]:
    """'3796/QĐ-UBND' -> Quyết định, '12-NQ/TU' -> Nghị quyết, '3442/UBND-SNV' -> Công văn."""
    if not number or "/" not in number:
        return None
    before, after = number.split("/", 1)
    code = before.split("-", 1)[1] if "-" in before else after.split("/")[-1].split("-")[0]
    return _TYPE_BY_CODE.get(code.strip(), "Công văn")


# ---------------------------------------------------------------- sources

def _table(pieces: list) -> dict:
    """The legal-website metadata table: 'Số hiệu | 1606/QĐ-UBND', 'Người ký | ...'."""
    found = {}
    for key, value in [(p.text, n.text) for p, n in zip(pieces, pieces[1:])]:
        name = _TABLE_KEYS.get(fold(str(key)).strip(" :"))
        if name and name not in found and value and fold(str(value)).strip(" :") not in _TABLE_KEYS:
            found[name] = str(value).strip()
    return found


def _mention(text: str) -> Optional[dict]:
    """The document named in a news or web-title sentence: 'X ban hành' with a number first,
    then a numbered mention at the top (a web page title), then 'X ban hành' without number."""
    issued = [found for found in map(lambda m: _issued_at(text, m), _ISSUED.finditer(text)) if found]
    numbered = [found for found in issued if found["number"]]
    motto = _MOTTO.search(text, 0, _HEAD_CHARS)
    lead = text[:min(1500, motto.start() if motto else 1500)]
    return (numbered or [None])[0] or _lead_mention(lead) or (issued or [None])[0]


def _issued_at(text: str, m: re.Match) -> Optional[dict]:
    found = _mention_at(text, m.end())
    if found:
        found["issuer"] = m.group("issuer")
        found["date"] = found.get("date") or _news_day(m.group("pre_date"), text[:m.start()])
    return found


def _news_day(day: Optional[str], before: str) -> Optional[str]:
    """'12/3/2025' -> 2025-03-12; '12/6' takes the year of the publication date printed above it,
    the year before when 12/6 falls after that date."""
    if not day or _date(day):
        return _date(day or "")
    published = _date(before)
    if not published:
        return None
    d, m = map(int, _DAY_MONTH.match(day).groups())
    year = int(published[:4]) - ((m, d) > (int(published[5:7]), int(published[8:])))
    return _iso(d, m, year)


def _lead_mention(lead: str) -> Optional[dict]:
    for m in _MENTION.finditer(lead):
        if m.group("number") and not re.search(r"(?:Căn cứ|Thực hiện|theo)\s*$", lead[:m.start()]):
            found = _mention_at(lead, m.start())
            web = _WEB_ISSUER.search(lead, m.end(), m.end() + 600)
            found["issuer"] = web.group(1) if web else found["issuer"]
            return found
    return None


def _mention_at(text: str, pos: int) -> Optional[dict]:
    m = _MENTION.match(text, pos)
    if not m:
        return None
    rest = text[m.end():m.end() + 600].lstrip()
    of = _OF_ISSUER.match(rest)  # "Kết luận 157-KL/TW của Bộ Chính trị về ...": the title starts at "về"
    of = of if of and _issuing_body(of.group(1)) else None
    rest = _RECIPIENTS.sub("", _TITLE_LEAD.sub("", rest[of.end():] if of else rest))
    end = _TITLE_END.search(rest)
    title = rest[:end.start()] if end else rest[:300]
    return {"doc_type": _TYPE_BY_FOLD.get(fold(m.group("type"))), "number": m.group("number"),
            "date": _date(m.group("date") or ""), "title": _clean_title(title) or None,
            "issuer": of.group(1) if of else None}


def _issuing_body(name: str) -> bool:
    """'Bộ Chính trị, Ban Bí thư' names bodies; 'tỉnh Tuyên Quang', 'Thủ tướng Chính phủ đưa ra yêu cầu' do not."""
    found = agencies.read_at(name, 0, cased=True)
    return bool(found) and found[1] >= len(name.rstrip()) and " do " not in name


def _clean_title(title: str) -> str:
    title = _sentence_case(re.sub(r"\s+", " ", title.replace("*", "")).strip(" :-,"))
    return title[:1].upper() + title[1:]


def _restore_names(title: Optional[str], names: list) -> Optional[str]:
    """'... tỉnh bắc ninh ...' -> '... tỉnh Bắc Ninh ...' for the place and issuer names."""
    for name in filter(None, names):
        title = re.sub(rf"(?<!\w){re.escape(name.lower())}(?!\w)", name, title or "") or None
    return title


# ---------------------------------------------------------------- fields

def _number(head: str, stamped: dict, table: dict, text: str, mention) -> Optional[str]:
    """Printed 'Số: ...' first; a blank one ('Số: /QĐ-UBND') defers to the number stamped into a
    signed PDF, then to the attachment line '(Kèm theo Quyết định số ...)', the web table, the news."""
    printed, attached = _HEADER_NUMBER.search(_flat(head)), _KEM_THEO.search(text)
    for value in (printed and printed.group(1), stamped.get("number"), attached and attached.group(1),
                  table.get("number"), (mention or {}).get("number")):
        if value:
            return _tidy_number(value)
    return None


def _number_slot(head: str) -> Optional[str]:
    """What stands in the blank of a printed 'Số: ..../KH-UBND' when it is no number (dots,
    handwriting OCR could not read), else None."""
    m = _NUMBER_SLOT.search(_flat(head))
    if not m or _READABLE_SLOT.fullmatch(m.group("slot")):
        return None
    return m.group(0)


def _date_slot(head: str) -> Optional[str]:
    """The 'Nơi, ngày .. tháng .. năm 2025' line whose day or month is no number, else None."""
    m = _DATE_SLOT.search(_flat(head))
    return m.group(0) if m and not re.fullmatch(r"\d{1,2}\s+tháng\s+\d{1,2}", m.group("slot")) else None


def _received_stamp(text: str, end: int) -> tuple:
    """(text with the received stamp in its first `end` characters blanked, same length; a warning
    naming the stamp's number and date) or (text, None)."""
    m = _RECEIVED_STAMP.search(text, 0, end)
    if not m:
        return text, None
    blank = re.sub(r"[^\n]", " ", m.group())
    found = ", ".join(f"{name} {m.group(name)}" for name in ("number", "date") if m.group(name))
    return text[:m.start()] + blank + text[m.end():], "received stamp (công văn đến) kept apart" + (
        f": {found}" if found else "")


def _tidy_number(number: str) -> str:
    return re.sub(r"\s+", "", number).rstrip(".-/")


def _doc_type(type_line, table: dict, number, mention) -> Optional[str]:
    if type_line:
        return type_line
    if table.get("doc_type"):
        return _TYPE_BY_FOLD.get(fold(table["doc_type"]), table["doc_type"])
    if mention and mention.get("doc_type") and (not number or mention.get("number") in (None, number)):
        return mention["doc_type"]
    return _number_type(number)


def _place_date(head: str):
    """'Bà Rịa - Vũng Tàu, ngày 05 tháng 3 năm 2025'. A place wraps onto the next line only when it
    starts its line ('Thành phố Hồ / Chí Minh, ngày'), not after a subject line ('... Lào Cai / Hà Nội')."""
    head = _CELL_BREAK.sub(" ¦ ", head).replace("*", "")
    m = _PLACE_DATE.search(head)
    if not m:
        return None, None
    place = m.group(1)
    if "\n" in place and head[head.rfind("\n", 0, m.start()) + 1:m.start()].strip(" ¦"):
        place = place.rsplit("\n", 1)[1]
    groups = [g for g in m.groups()[1:] if g]
    return re.sub(r"\s+", " ", place).strip(), _iso(*groups) if groups else None


def _issue_date(header_date, stamped: dict, table: dict, text: str, mention) -> Optional[str]:
    if header_date or _ISO_DATE.fullmatch(stamped.get("date") or ""):
        return header_date or stamped["date"]
    if table.get("issue_date") and _date(table["issue_date"]):
        return _date(table["issue_date"])
    attached = _KEM_THEO.search(text)
    if attached and _date(attached.group(0)):
        return _date(attached.group(0))
    return (mention or {}).get("date")


# ---------------------------------------------------------------- issuer

def _issuer_block(text: str, motto: re.Match) -> str:
    """Upper-case lines just above the motto, and beside 'Độc lập - Tự do - Hạnh phúc' (PDF columns)."""
    lines = []
    for piece in reversed(_pieces(text, max(0, motto.start() - 800), motto.start())):
        if piece.text.startswith("Số"):  # a party document's number stands under its issuer
            continue
        if not _is_upper(piece.text):
            break
        lines.insert(0, piece.text)
    motto_line = _MOTTO_LINE.search(text, motto.end(), motto.end() + 200)
    if motto_line:
        start, end = text.rfind("\n", 0, motto_line.start()) + 1, text.find("\n", motto_line.end())
        beside = _MOTTO_LINE.sub("", text[max(start, motto.end()):end if end >= 0 else len(text)]).strip(" |*-")
        lines += [beside] if beside and _is_upper(beside) else []
    return "\n".join(lines)


def _issuing_unit(block: str) -> str:
    """The lowest unit of the block ('UBND TỈNH X / SỞ Y TẾ' -> 'Sở Y tế'); a unit named only by a
    generic word takes its parent: 'UBND TỈNH X / VĂN PHÒNG' -> 'Văn phòng UBND tỉnh X'."""
    block = _SPLIT_LETTER.sub(r"\1", block).strip(" -")
    heads = list(_HEAD.finditer(block))
    lowest = _display_issuer(_flat(block[heads[-1].start():] if heads else block).strip(" -"))
    parent = _flat(block[heads[-2].start():heads[-1].start()]).strip(" -") if len(heads) > 1 else ""
    party = _PARTY_PARENT.fullmatch(parent)
    if party and _PARTY_ORGAN.fullmatch(lowest):  # "ĐẢNG BỘ TỈNH QUẢNG NAM / TỈNH ỦY" -> "Tỉnh ủy Quảng Nam"
        return f"{lowest} {party.group(1).title()}"
    return f"{lowest} {_display_issuer(parent)}" if parent and _GENERIC_UNIT.fullmatch(lowest) else lowest


def _display_issuer(name: str) -> str:
    """'ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG' -> 'UBND thành phố Đà Nẵng'; mixed case is kept."""
    if not _is_upper(name):
        return name
    local = _LOCAL.match(name)
    if local:
        head = "UBND" if "BAN" in local.group(1) or local.group(1) == "UBND" else "HĐND"
        return f"{head} {local.group(2).lower()} {local.group(3).title()}"
    words, head_end = name.lower().split(), len(_HEAD.match(name).group(1).split()) if _HEAD.match(name) else None
    for i, word in enumerate(words):
        if i == 0 or i == head_end or words[i - 1] in ("-", "và") or words[i - 1].endswith(","):
            words[i] = word[:1].upper() + word[1:]
    return " ".join(words)


def _complete_issuer(issuer: str, text: str, table: dict, place, web_place) -> str:
    """A bare 'ỦY BAN NHÂN DÂN' or 'UBND thành phố' gets its place: 'UBND thành phố Đà Nẵng'."""
    bare = _BARE.fullmatch(issuer.strip())
    if not bare:
        return issuer
    head = "HĐND" if "đồng" in issuer.lower() or "hđnd" in issuer.lower() else "UBND"
    level = (bare.group(2) or "").lower()
    for value in (table.get("issuer"), web_place):
        value_place = _PLACE_VALUE.match(value or "")
        if value_place and (not level or value_place.group(1).lower() == level):
            return f"{head} {value_place.group(1).lower()} {value_place.group(2)}"
    authority = _AUTHORITY_LEVEL.search(text[:_HEAD_CHARS])
    level = level or (authority.group(1).lower() if authority else "")
    if level and place:
        return f"{head} {level} {place}"
    for m in _NAMED_COUNCIL.finditer(text):
        if not level or m.group(2).lower() == level:
            return f"{head} {m.group(2).lower()} {m.group(3)}"
    return issuer


def _issuer(block: str, table: dict, mention, number) -> Optional[str]:
    """The header block; else a web table or news sentence naming a body, not a place ('Tỉnh Gia Lai'),
    unless the number says which council of that place issued ('12/2025/QĐ-UBND')."""
    if block:
        return _issuing_unit(block)
    named = [value for value in (table.get("issuer"), (mention or {}).get("issuer")) if value]
    bodies = [value for value in named if not _PLACE_VALUE.match(value)]
    places = [_PLACE_VALUE.match(value) for value in named if _PLACE_VALUE.match(value)]
    code = _issuer_code(number)
    if bodies or not places or code not in ("UBND", "HĐND"):
        return (bodies or [None])[0]
    return f"{code} {places[0].group(1).lower()} {places[0].group(2)}"


def _authority(pieces: list) -> Optional[str]:
    """The body printed alone, in capitals, between the type line and the preamble."""
    for piece in pieces[:12]:
        if _TITLE_STOP.match(piece.text) or _BASIS_START.match(piece.text):
            return None
        m = _AUTHORITY_BODY.match(piece.text) if _is_upper(piece.text) else None
        if m and piece.text not in _TYPE_BY_UPPER:
            return _display_issuer(m.group(1).strip(" ,"))
    return None


def _on_behalf(signer: Signer) -> Optional[str]:
    """'TM. CHÍNH PHỦ' signs on behalf of the Government: the issuer of a copy without header."""
    m = _ON_BEHALF.match(signer.title or "")
    body = m.group(1) if m else ""
    return _display_issuer(body) if body and (_HEAD.match(body) or body == "CHÍNH PHỦ") else None


def _issuer_code(number: Optional[str]) -> Optional[str]:
    """The issuing body's code in a number: 'QĐ-UBND' -> UBND, 'UBND-SNV' (a Công văn) -> UBND."""
    parts = (number or "").rsplit("/", 1)[-1].split("-")
    return parts[1] if len(parts) > 1 and parts[0] in _TYPE_BY_CODE else parts[0] or None


# ---------------------------------------------------------------- type line and title

def _type_and_title(pieces: list):
    """The type word line ('QUYẾT ĐỊNH', not 'QUYẾT ĐỊNH:') and the subject lines under it."""
    for i, piece in enumerate(pieces):
        if _TITLE_STOP.match(piece.text) and i:
            break
        doc_type = _TYPE_BY_UPPER.get(re.sub(r"\s+", " ", piece.text))
        if doc_type:
            return doc_type, _subject(pieces[i + 1:])
    return None, None


def _after_type_line(pieces: list) -> list:
    for i, piece in enumerate(pieces):
        if re.sub(r"\s+", " ", piece.text) in _TYPE_BY_UPPER:
            return pieces[i + 1:]
    return []


def _subject(pieces: list) -> Optional[str]:
    """The subject lines under the type word, up to the authority line, the bases or the body."""
    lines = []
    if pieces and _is_upper(pieces[0].text) and _AUTHORITY_BODY.match(pieces[0].text):
        pieces = pieces[1:]  # "KẾT LUẬN / CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ / về ...": the subject follows the body
    for piece in pieces[:8]:
        if _AUTHORITY_LINE.match(piece.text) or _PLACE_DATE.match(piece.text) or _BASIS_START.match(piece.text):
            break
        if lines and _ends_subject(lines[0], piece):
            break
        lines.append(piece.text)
    return _clean_title(" ".join(lines)) or None


def _ends_subject(first: str, piece: _Piece) -> bool:
    """After a blank line a new paragraph starts unless it goes on in lower case; a line that is a
    sentence ('... như sau:') or changes case (upper-case subject, mixed-case body) is the body."""
    text = piece.text
    return (_TITLE_STOP.match(text) or _SENTENCE_END.search(text)
            or (piece.after_blank and not text[:1].islower())
            or (_is_upper(first) != _is_upper(text) and re.search(r"[^\W\d]", text)))


def _regarding(pieces: list) -> Optional[str]:
    """A Công văn's 'V/v ...' lines (về việc), up to the date, 'Kính gửi' or the cell's end."""
    for i, piece in enumerate(pieces):
        m = re.search(r"(?<!\w)V/v\b\.?\s*", piece.text)
        if m:
            lines = [piece.text[m.end():]]
            for nxt in pieces[i + 1:i + 4]:
                if _PLACE_DATE.search(nxt.text) or _TITLE_STOP.match(nxt.text) or nxt.text.startswith("Kính"):
                    break
                lines.append(nxt.text)
            return _clean_title(" ".join(lines))
    return None


def _title(subject, regarding, mention) -> Optional[str]:
    return subject or regarding or (mention or {}).get("title")


# ---------------------------------------------------------------- signer

def _name_words(words: list) -> bool:
    """'Nguyễn Văn An', 'Vừ A Bằng' (a one-letter middle name is common in the north-west)."""
    return 2 <= len(words) <= 5 and all(w[:1].isupper() and (w[1:].islower() or len(w) == 1) and w.isalpha()
                                        for w in words) and len(words[-1]) > 1


def _trailing_name(text: str):
    """'VỤ TRƯỞNG VỤ KẾ HOẠCH - TÀI CHÍNH Phạm Quang Phụng' -> (title, name)."""
    words = text.split()
    for size in (5, 4, 3, 2):
        if len(words) > size and _name_words(words[-size:]) and _is_upper(" ".join(words[:-size])):
            return " ".join(words[:-size]), " ".join(words[-size:])
    return text, None


def _signer(text: str) -> Signer:
    lines = [piece.text for piece in _pieces(text)]
    for i, line in enumerate(lines):
        start = _sign_start(line)
        signer = start and _signer_from([start] + lines[i + 1:i + 8])
        if signer:
            return signer
    return Signer()


def _sign_start(line: str) -> Optional[str]:
    """'KT. CHỦ TỊCH' or 'THỦ TƯỚNG' alone, or at the end of a 'Nơi nhận' line merged into it (PDF)."""
    if _SIGN_START.match(line) and _is_upper(line.split()[0]):
        return line
    tail = _MERGED_SIGN_START.search(line)
    return line[tail.start():] if tail and _is_upper(line[tail.start():]) else None


def _title_tail(line: str) -> str:
    """'- Lưu: VT. PHÓ CHỦ TỊCH' -> 'PHÓ CHỦ TỊCH' (recipient and signature columns merged)."""
    if _is_upper(line):
        return line
    tail = _MERGED_SIGN_TITLE.search(line)
    return line[tail.start():] if tail and _is_upper(line[tail.start():]) else line


def _without_marks(line: str) -> str:
    """A signature line without what a pen stroke or a seal leaves in OCR around it:
    'Tống Thanh Hải ằ' -> 'Tống Thanh Hải', 'Nguyễn Thị Nguyệt. "`.' -> 'Nguyễn Thị Nguyệt'.
    A name ends on a capitalised word of two letters or more; no name word is
    small-lettered, a lone letter or a mark with no letter."""
    words = line.split()
    while words and not any(c.isalpha() for c in words[0]):
        words.pop(0)
    while words and not _name_end(words[-1].strip(_PUNCTUATION)):
        words.pop()
    return " ".join(words[:-1] + [words[-1].rstrip(_PUNCTUATION)]) if words else ""


def _name_end(word: str) -> bool:
    return len(word) >= 2 and word.isalpha() and word[0].isupper()


def _signer_from(lines: list) -> Optional[Signer]:
    """Title lines, then the name; '(Đã ký)' and stamp marks between them are skipped."""
    title = []
    for line in lines:
        line = "" if _SIGN_MARK.match(line) else _without_marks(line)
        if not line:
            continue
        head, name = _trailing_name(_title_tail(line))
        if name or not _is_upper(head):
            if not name and not _name_words(head.split()):
                return None
            title += [head] if name else []
            return Signer(name or head, _SIGN_LINE_BREAK.sub(" / ", " ".join(title)).strip(" ,/"))
        title.append(head)
    return None


# ---------------------------------------------------------------- legal bases

def _legal_bases(text: str) -> list:
    """'Căn cứ ...' lines of the preamble, before 'QUYẾT ĐỊNH:' or the first article or part."""
    end = _PREAMBLE_END.search(text, 0, _BASES_CHARS)
    bases = []
    for m in _BASIS.finditer(text, 0, end.start() if end else _BASES_CHARS):
        body = re.sub(r"\s+", " ", m.group(1).replace("*", "")).strip(" ;.,")
        number = _BASIS_NUMBER.search(body)
        bases.append(LegalBasis(body, _tidy_number(number.group(1)) if number else None, _date(body)))
    return bases


# ---------------------------------------------------------------- document

@dataclass
class _ScanHeader:
    text: str  # the text to read the header from
    warnings: list
    blank_number: bool = False  # the number's blank holds nothing OCR could read
    blank_date: bool = False


def _scan_header(doc, text: str) -> _ScanHeader:
    """The header of a document whose first page is a scan: the received stamp blanked, a blank
    number or day OCR could not read named (they stay null: never a guess from the body)."""
    if 1 not in (getattr(doc.source, "ocr_pages", None) or []):
        return _ScanHeader(text, [])
    text, stamp = _received_stamp(text, _HEAD_CHARS)
    motto = _MOTTO.search(text, 0, _HEAD_CHARS)
    head = text[max(0, motto.start() - 800) if motto else 0:][:3000]
    number, day = _number_slot(head), _date_slot(head)
    warnings = ([stamp] if stamp else []) + ([f"number unreadable in the scan: {number!r}"] if number else []) \
        + ([f"issue date unreadable in the scan: {day!r}"] if day else [])
    return _ScanHeader(text, warnings, bool(number), bool(day))


def _warnings(document: Document) -> list:
    fields = ("number", "doc_type", "issue_date", "issuer", "title")
    missing = [f"{name} not found" for name in fields if not getattr(document, name)]
    return missing + ([] if document.signer.name else ["signer not found"])


def extract(doc) -> Document:
    scan = _scan_header(doc, doc.text)
    text = scan.text
    motto = _MOTTO.search(text, 0, _HEAD_CHARS)
    head_start = max(0, motto.start() - 800) if motto else 0
    head = text[head_start:head_start + 3000]
    pieces = _pieces(text, 0, _HEAD_CHARS)
    header_pieces = _pieces(text, motto.end(), motto.end() + 2500) if motto else pieces
    table = _table(pieces)
    mention = _mention(text)
    place, header_date = _place_date(head)
    type_line, subject = _type_and_title(header_pieces)
    stamped = getattr(doc.source, "fields", None) or {}  # number and date stamped into a signed PDF
    number = None if scan.blank_number and not stamped.get("number") else _number(head, stamped, table, text, mention)
    web = _WEB_ISSUER.search(text[:1500])
    signer = _signer(text)
    issuer = _issuer(_issuer_block(text, motto), table, mention, number) if motto else \
        _authority(_after_type_line(header_pieces)) or _issuer("", table, mention, number) or _on_behalf(signer)
    issuer_name = _LOCAL.match(issuer).group(3) if issuer and _LOCAL.match(issuer) else None
    document = Document(
        doc_id=doc.doc_id,
        source=Source(doc.source.path, doc.sha256, doc.source.format, doc.source.pages),
        number=number, doc_type=_doc_type(type_line, table, number, mention),
        issue_date=None if scan.blank_date and not stamped.get("date")
        else _issue_date(header_date, stamped, table, text, mention), place=place,
        issuer=_complete_issuer(issuer, text, table, place, web.group(1) if web else None) if issuer else None,
        signer=signer,
        title=_restore_names(_title(subject, _regarding(header_pieces), mention), [place, issuer_name]),
        legal_bases=_legal_bases(text) if motto else [])
    if not document.signer.name and table.get("signer"):
        document.signer = Signer(name=table["signer"])
    document.warnings = list(doc.source.warnings) + scan.warnings + _warnings(document)
    return document
