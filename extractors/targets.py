"""Percentage targets: "tối thiểu 80% hồ sơ ...", "25 - 35%", "giảm 10% ...", "đạt trên 95%".

Every percentage in a paragraph, bullet or table row is read ("80%", "80 %",
"80 phần trăm", or a number in a row whose unit cell is "%"), then kept only
when it states a goal. Left out: reported results (footnotes, "năm 2024 đạt
92%", "(đạt 62,8%)", "xếp thứ 16/63", "hiện nay", "ước đạt", figures dated
before the plan, sections and table columns on "Kết quả thực hiện"), the
starting level of a change ("từ 80% lên 95%") and shares that are not goals
("chiếm khoảng 10% tổng vốn đầu tư", support ceilings, interest and tax rates).

Comparator: a range is a range, also of a growth or reduction ("giảm bình
quân 1 - 1,5%/năm" is a range from 1 to 1.5, FORMAT.md); otherwise a change
verb wins ("cắt giảm tối thiểu 30%" is a decrease); a level reached after a
change ("giảm xuống còn 2,5%", "tăng lên 42%") is that level.
"""
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional

from extractors import deadlines
from pipeline.records import Deadline, Span, Target
from pipeline.segment import is_title

# ---- percentages ---------------------------------------------------------

_NUM = r"\d{1,3}(?:[.,]\d+)?"
_PERCENT = r"\s*(?:%|％|phần trăm\b)"
_SINGLE = re.compile(rf"(?<![\d/.,])({_NUM}){_PERCENT}", re.I)
_RANGE = re.compile(rf"(?<![\d/.,])(?:từ\s+)?({_NUM})(?:{_PERCENT})?\s*(?:-|đến|tới)\s*({_NUM}){_PERCENT}", re.I)
_UNIT_CELL = re.compile(r"^\(?%\)?$")  # the "Đơn vị tính" cell of an indicator row
_VALUE_CELL = re.compile(r"^\d{1,3}(?:[.,]\d{1,2})?$")  # "75", "99,5" (not "1.820")


@dataclass
class _Mention:
    start: int
    end: int
    value: float
    value_max: Optional[float] = None


def _number(text: str) -> float:
    return float(text.replace(",", "."))


@lru_cache(maxsize=256)
def _mentions(text: str) -> tuple:
    """The percentages of a text (cached: headings and blocks are asked about more than once)."""
    if "%" not in text and "％" not in text and "phần trăm" not in text.lower():
        return ()
    found = []
    for m in _RANGE.finditer(text):
        low, high = _number(m.group(1)), _number(m.group(2))
        if low < high:
            found.append(_Mention(m.start(), m.end(), low, high))
    for m in _SINGLE.finditer(text):
        if not any(r.start <= m.start() < r.end for r in found):
            found.append(_Mention(m.start(), m.end(), _number(m.group(1))))
    return tuple(sorted(found, key=lambda x: x.start))


def _cells(block) -> list:
    """(cell, offset of the cell in the row text); row text is the cells joined by " | "."""
    found, pos = [], 0
    for cell in block.cells:
        found.append((cell, pos))
        pos += len(cell.text) + 3
    return found


def _unit_mentions(block) -> list:
    """"| Tỷ lệ hộ nghèo | % | 3,5 | 2,5 |": the numbers after a "%" unit cell."""
    cells = _cells(block)
    unit = next((i for i, (cell, _) in enumerate(cells) if _UNIT_CELL.match(cell.text)), None)
    if unit is None:
        return []
    return [_Mention(pos, pos + len(cell.text), _number(cell.text))
            for cell, pos in cells[unit + 1:] if _VALUE_CELL.match(cell.text)]


def _block_mentions(block) -> list:
    mentions = _mentions(block.text)
    if block.kind == "row" and not mentions:
        return _unit_mentions(block)
    return mentions


# ---- comparators ---------------------------------------------------------

_QUALIFIERS = r"(?:\s+(?:thêm|bình quân|trung bình|mỗi năm|hằng năm|hàng năm|tối thiểu|ít nhất|khoảng|được))*"
# "tăng 15%", "giảm bình quân 1,5%", "giảm tỷ lệ hộ nghèo bình quân 1 - 1,5%/năm"
_CHANGE = re.compile(r"\b(tăng|giảm)(\s+(?:tỷ|tỉ) (?:lệ|trọng)\b[^\d%;.:,()]{0,80}?)?" + _QUALIFIERS + r"\s*$", re.I)
_LEVEL = re.compile(r"\b(?:đạt|lên|xuống|còn|mức|dưới|trên|tối đa|không quá|là|bằng)\b", re.I)  # "giảm ... xuống còn 5%"
_BOUNDS = [  # (words just before the number, comparator); the first that matches wins
    (re.compile(r"(?:tối thiểu|ít nhất|không dưới|không thấp hơn|không ít hơn)"
                r"(?:\s+(?:là|đạt|bằng|tương ứng|tương ứng là))*\s*$", re.I), ">="),
    (re.compile(r"(?:tối đa|không quá|không vượt quá|không cao hơn)(?:\s+là)?\s*$", re.I), "<="),
    (re.compile(r"\b(?:trên|hơn|vượt)\s*$", re.I), ">"),
    (re.compile(r"\bdưới\s*$", re.I), "<"),
    (re.compile(r"\btừ\s*$", re.I), ">="),  # "từ 80% số cơ sở", "từ 30% trở lên"
]
_AT_LEAST_AFTER = re.compile(r"\s*trở lên", re.I)
_AT_MOST_AFTER = re.compile(r"\s*trở xuống", re.I)
_LIST_GAP = re.compile(r"^\s*(?:,|;|và|hoặc|/)?\s*$")  # "30%, 20%, 15%"
_CLAUSE_GAP = re.compile(r"^[^;.]*(?:,|\bvà\b)[^;.]*$")  # "giảm 30% thời gian ..., 30% chi phí"
_NEW_VERB = re.compile(r"\b(?:trong đó|đạt|chiếm|bảo đảm|đảm bảo)\b", re.I)


def _change(before: str) -> Optional[str]:
    m = _CHANGE.search(before)
    if not m or m.group(2) and _LEVEL.search(m.group(2)):
        return None
    return "increase" if m.group(1).lower() == "tăng" else "decrease"


def _own_comparator(text: str, mention: _Mention) -> str:
    before = text[max(0, mention.start - 100):mention.start]
    if mention.value_max is not None:
        return "range"
    change = _change(before)
    if change:
        return change
    after = text[mention.end:]
    if _AT_LEAST_AFTER.match(after):
        return ">="
    if _AT_MOST_AFTER.match(after):
        return "<="
    return next((comparator for pattern, comparator in _BOUNDS if pattern.search(before)), "=")


def _comparators(text: str, mentions: list) -> list:
    """A comparator per mention; listed values share the first one's ("tối thiểu 30%, 20%")."""
    result = []
    for i, mention in enumerate(mentions):
        own = _own_comparator(text, mention)
        if i and own == "=" and result[-1] != "range":
            gap = text[mentions[i - 1].end:mention.start]
            if _LIST_GAP.match(gap):
                own = result[-1]
            elif (result[-1] in ("increase", "decrease") and mention.value < 100
                  and _CLAUSE_GAP.match(gap) and not _NEW_VERB.search(gap)):
                own = result[-1]
        result.append(own)
    return result


# ---- goal or report ------------------------------------------------------

_SENTENCE_END = re.compile(r"[;]|(?<!\d)\.(?!\d)|\n")
_FOOTNOTE = re.compile(r"(?:^|\s)\[\d{1,3}\]\s")  # "[5] Tỷ lệ ... là 69,87%"
_ANNOTATION = re.compile(r"\(\s*(?:đạt|chiếm|bằng|tương đương|tăng|giảm)?\s*$", re.I)  # "(đạt 62,8%)"
_RANKING = re.compile(r"xếp (?:thứ|hạng)", re.I)
# đã (already), ước đạt (estimated), hiện nay (now), tính đến (as of), lũy kế (cumulative), mới đạt (only)
_PAST = re.compile(r"\bđã\b|\bước (?:đạt|tính|thực hiện)|(?<!thực )(?<!thể )\bhiện (?:nay|tại|có|đang)\b|\btính đến\b|"
                   r"\blũy kế\b|\b(?:mới|chỉ) đạt\b", re.I)
_SAME_PERIOD = re.compile(r"so với cùng kỳ", re.I)  # compared with the same period last year
_GOAL_WORDS = re.compile(r"phấn đấu|mục tiêu|chỉ tiêu|bảo đảm|đảm bảo|\bphải\b|duy trì|\bcần\b|"
                         r"yêu cầu|đến năm|tối thiểu|ít nhất|trở lên", re.I)
_PAST_YEAR = re.compile(r"(?<!đến )(?<!trong )(?<!tới )(?<!so với )\bnăm\s+((?:19|20)\d{2})\b(?!\s*-)", re.I)
_DATE = re.compile(r"(?:ngày\s+\d{1,2}\s+)?tháng\s+\d{1,2}\s+năm\s+\d{4}", re.I)  # a document's date
_CITED = re.compile(r"\d+/[\w-]+\s+năm\s+\d{4}", re.I)  # "Quyết định 664/QĐ-BXD năm 2025": not a deadline


def _blank(text: str, *patterns) -> str:
    """Text with what the patterns match blanked out, offsets kept."""
    for pattern in patterns:
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text
_BASELINE = re.compile(r"\btừ(?:\s+mức)?\s*$", re.I)  # "từ 80% lên 95%": the 80% is where it starts
_CHANGE_TO = re.compile(r"^[^;.%]{0,40}?\b(?<!trở )(?:lên|xuống)\b", re.I)
_LEAD_IN = re.compile(r"^([^:]{3,80}):")  # "Kết quả thực hiện năm 2024: ..."


@lru_cache(maxsize=16)
def _breaks(text: str) -> tuple:
    """(starts, ends) of the sentence breaks of a text, found once per block."""
    found = [m.span() for m in _SENTENCE_END.finditer(text)]
    return [s for s, _ in found], [e for _, e in found]


def _sentence(text: str, pos: int) -> tuple:
    """(start, end) of the sentence or clause around pos, cut at ';', '.' and line ends."""
    starts, ends = _breaks(text)
    before, after = bisect_right(ends, pos), bisect_left(starts, pos)
    return (ends[before - 1] if before else 0), (starts[after] if after < len(starts) else len(text))


@lru_cache(maxsize=16)
def _first_footnote(text: str) -> int:
    m = _FOOTNOTE.search(text)
    return m.end() if m else len(text) + 1


def _is_report(text: str, mention: _Mention, since: int, reference: Optional[int]) -> bool:
    """A reported figure, not a goal: footnotes, annotations, rankings, past years, "hiện nay"."""
    start, end = _sentence(text, mention.start)
    before = text[max(start, since):mention.start]
    if _first_footnote(text) <= mention.start or _ANNOTATION.search(before[-20:]):
        return True
    if _RANKING.search(text[start:end]) or _BASELINE.search(before) and _CHANGE_TO.match(text[mention.end:]):
        return True
    if reference and any(int(y) < reference for y in _PAST_YEAR.findall(_blank(before, _DATE, _CITED))):
        return True
    past = _PAST.search(before) or _SAME_PERIOD.search(text[start:end])
    return bool(past) and not _GOAL_WORDS.search(text[start:mention.start])


def _reported_lead_in(text: str) -> bool:
    m = _LEAD_IN.match(text)
    return bool(m) and _is_report_heading(m.group(1))


_MONEY = re.compile(r"\bvốn\b|tỷ đồng|triệu đồng|kinh phí|ngân sách|khoản thu|chi phí", re.I)
_SHARE = re.compile(r"dự kiến|khoảng|chiếm|phân bổ|cơ cấu|phân chia|điều tiết|\bhưởng\b|hỗ trợ", re.I)
_RATE = re.compile(r"lãi suất|thuế suất|mức (?:phí|đóng|hưởng|trích)|lệ phí", re.I)
_OWNERSHIP = re.compile(r"^\s*(?:vốn|cổ phần)\b", re.I)  # "doanh nghiệp 100% vốn nhà nước"
_GOAL_SHARE = (">=", ">", "increase", "decrease")  # "bố trí tối thiểu 2% tổng chi ngân sách"


def _is_share(text: str, mention: _Mention, comparator: str) -> bool:
    """A share of money or a rate, not a goal: "chiếm khoảng 10% tổng vốn", "hỗ trợ tối đa 50% kinh phí"."""
    start, end = _sentence(text, mention.start)
    sentence = text[start:end]
    if _RATE.search(text[max(start, mention.start - 40):mention.start]) or _OWNERSHIP.match(text[mention.end:]):
        return True
    return comparator not in _GOAL_SHARE and bool(_MONEY.search(sentence) and _SHARE.search(sentence))


_HEADING_LENGTH = 150
_REPORT_START = re.compile(r"^\W*(?:kết quả|tình hình|thực trạng|đánh giá|bối cảnh)\b", re.I)
_EXPECTED = re.compile(r"kết quả\s+(?:cần|phải|dự kiến|mong đợi|đầu ra|hướng tới)", re.I)  # goals, not reports
_REPORT_HEADING = re.compile(r"kết quả (?:thực hiện|đạt được|triển khai)|tình hình|thực trạng|"
                             r"đánh giá (?:kết quả|tình hình|việc thực hiện)|bối cảnh", re.I)
_GOAL_HEADING = re.compile(r"mục tiêu|chỉ tiêu|nhiệm vụ|giải pháp|phấn đấu|dự kiến|cần đạt|kế hoạch", re.I)


def _is_report_heading(text: str) -> bool:
    """"I. KẾT QUẢ THỰC HIỆN NĂM 2024", "Tình hình triển khai" (not "Mục tiêu, chỉ tiêu ...")."""
    if len(text) > _HEADING_LENGTH or _EXPECTED.search(text):
        return False
    return bool(_REPORT_START.search(text) or _REPORT_HEADING.search(text) and not _GOAL_HEADING.search(text))


def _in_report_section(block) -> bool:
    return any(_is_report_heading(h.text) for h in block.path)


# ---- deadlines -----------------------------------------------------------

_YEAR = r"((?:19|20)\d{2})"
_STRONG_YEAR = re.compile(
    r"(?<!tầm nhìn )(?<!so với )\b(?:đến|trong|hết|trước|vào|tới|cuối|từ nay đến)\s+(?:hết\s+)?"
    r"(?:(?:ngày\s+\d{1,2}\s+)?tháng\s+\d{1,2}\s+năm\s+|năm\s+|(?:quý\s+[IVX]+|tháng\s+\d{1,2})\s*/\s*)?"
    + _YEAR + r"\b(?!\s*/)"
    + r"|(?<!so với )\bgiai đoạn\s+" + _YEAR + r"\s*-\s*" + _YEAR
    + r"|(?:^|[.;:]\s*)năm\s+" + _YEAR + r"\s*,"
    + r"|\b(?:đến|trước|trong|hết)\s+(?:ngày\s+)?(\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?:19|20)\d{2})", re.I)
_WEAK_YEAR = re.compile(r"(?<!so với )(?<!tháng )(?<!\d )\bnăm\s+" + _YEAR + r"\b(?!\s*/)", re.I)
_NEXT_YEARS = re.compile(r"trong\s+(\d{1,2})\s+năm\s+(?:tiếp theo|tới)", re.I)
_ANY_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_HEADING_YEAR = re.compile(r"(?:đến|giai đoạn|trong|năm)\s+(?:năm\s+)?" + _YEAR + r"(?:\s*-\s*" + _YEAR + r")?", re.I)


def _deadline_of(match: re.Match) -> Deadline:
    found = deadlines.parse(match.group(0))
    text = match.group(0).strip(" ,.;:")
    return replace(found, text=text) if found else Deadline(text)


def _relative(text: str, start: int, end: int, base: Optional[int]) -> Optional[Deadline]:
    """"trong 05 năm tiếp theo" after "năm 2025" -> 2030."""
    m = _NEXT_YEARS.search(text, start, end)
    years = [int(y) for y in _ANY_YEAR.findall(text[:m.start()])] if m else []
    base = years[-1] if years else base
    if m and base:
        return Deadline(m.group(0), None, base + int(m.group(1)))
    return None


@lru_cache(maxsize=16)
def _strong_years(text: str) -> tuple:
    """(text with cited documents blanked, its "đến năm 2025"-like matches, where they end), once per block."""
    text = _blank(text, _CITED)
    strong = list(_STRONG_YEAR.finditer(text))
    return text, strong, [m.end() for m in strong]


def _sentence_deadline(text: str, mention: _Mention, base: Optional[int]) -> Optional[Deadline]:
    """Nearest "đến năm 2025"/"giai đoạn 2021 - 2025" before; else one later in the sentence."""
    start, end = _sentence(text, mention.start)
    text, strong, ends = _strong_years(text)
    before = bisect_right(ends, mention.start)
    if before:
        return _deadline_of(strong[before - 1])
    after = next((m for m in strong[before:] if m.start() >= mention.end and m.end() <= end), None)
    if after:
        return _deadline_of(after)
    relative = _relative(text, mention.end, end, base)
    if relative:
        return relative
    weak = list(_WEAK_YEAR.finditer(text, start, mention.start))
    return _deadline_of(weak[-1]) if weak else None


def _heading_year(heading: str) -> Optional[Deadline]:
    """A heading that sets a year for what follows: "Đến năm 2025:", "Mục tiêu cụ thể đến năm 2035"."""
    heading = re.sub(r"\([^)]*\)", "", _blank(heading or "", _CITED))
    found = deadlines.scope_year(heading)
    if found or len(heading) > _HEADING_LENGTH:
        return found
    m = _HEADING_YEAR.search(heading)
    if not m:
        return None
    return Deadline(m.group(0), None, max(int(y) for y in m.groups() if y))


def _path_deadline(block) -> Optional[Deadline]:
    for heading in reversed(block.path):
        found = _heading_year(heading.text)
        if found:
            return found
    return None


# ---- headings and tables before a block ----------------------------------

_BULLETS = ("dash", "plus", "star")
_TOP_MARKERS = ("article", "part", "roman")
_SECTION_CELL = re.compile(r"^(?:[IVX]+|[A-Z])\.?$")
_REPORT_COLUMN = re.compile(r"^(?:ước|thực hiện|TH\b)|kết quả (?:thực hiện|đạt được)|hiện trạng|thực trạng", re.I)


def _is_heading(block) -> bool:
    """A short line with no percentage that does not end a sentence: "Đến năm 2030:", "Kết quả năm 2024"."""
    text = block.text.strip()
    if not text or text.startswith("(") or len(text) > _HEADING_LENGTH:  # "(Kèm theo Kế hoạch số ...)"
        return False
    return not text.endswith((".", ";")) and not _mentions(text)


def _folded(text: str) -> str:
    return " ".join((text or "").casefold().split())


_PARENTHESES = re.compile(r"\([^)]*\)")
_TITLE_LENGTH = 400  # a heading in capitals is never longer


def _is_title(text: str) -> bool:
    """Mostly capitals, parentheses aside: "MỤC TIÊU ĐẾN NĂM 2030 (dự kiến)"."""
    return len(text) <= _TITLE_LENGTH and is_title(_PARENTHESES.sub("", text), min_letters=12, upper_share=0.8)


class _Context:
    """What comes before a block says about it: the year and report status set by a heading
    that is not an enclosing item ("Đến năm 2030:", "## Kết quả thực hiện năm 2024", a
    "PHỤ LỤC ... ĐẾN NĂM 2030" title), a table's section rows ("II | Giai đoạn 2028-2030") and
    its first row's column headers ("| Chỉ tiêu | Năm 2025 | Năm 2030 |")."""

    def __init__(self, reference: Optional[int], title: str = ""):
        self.reference, self.title = reference, _folded(title)
        self.year, self.report, self.from_bullet = None, False, False
        self._end_table()

    def _end_table(self):
        self.section_year, self.columns, self.in_table = None, [], False

    def see(self, block):
        if block.kind == "row":
            self._row(block)
            return
        self._end_table()
        text = block.text.strip()
        if self.title and 10 <= len(text) <= 2 * len(self.title) and _folded(text) in self.title:
            return  # the document's own title (trích yếu) sets no year for its body
        bullet = block.marker_kind in _BULLETS
        if _is_title(text) or _is_heading(block) and not block.marker_kind:
            self._scope(text, False)
        elif bullet and _is_heading(block) and (_heading_year(text) or _is_report_heading(text)):
            self._scope(text, True)  # "- Đến năm 2025:" before its sibling bullets
        elif block.marker_kind in _TOP_MARKERS or self.from_bullet and not bullet and _is_heading(block):
            self._scope("", False)  # a new part, or a numbered heading after a bullet's scope

    def _scope(self, text: str, from_bullet: bool):
        self.year = _heading_year(text)
        self.report = _is_report_heading(re.sub(r"\([^)]*\)|PHỤ LỤC\s*\w*", "", text).strip())
        self.from_bullet = from_bullet

    def _row(self, block):
        for cell in block.cells:
            if _is_title(cell.text):
                self._scope(cell.text, False)
        texts = [c.text for c in block.cells if c.text]
        if not self.in_table:
            self.columns = [c.text for c in block.cells]
        self.in_table = True
        if 1 <= len(texts) <= 2 and not _block_mentions(block):  # a section row
            year = _heading_year(texts[-1])
            if year or _SECTION_CELL.match(texts[0]):
                self.section_year = year

    def column(self, row: "_Row", mention: _Mention):
        """(year, is a report column) from the header of the mention's column."""
        index = row.index(mention.start)
        text = row.header[index] if index is not None and index < len(row.header) else ""
        found = deadlines.parse(text) if _ANY_YEAR.search(text) else None
        past = bool(found and self.reference and found.year < self.reference)
        return found, bool(_REPORT_COLUMN.search(text)) or past


# ---- table rows ----------------------------------------------------------

_NUMERIC_CELL = re.compile(r"^[\d\s.,%/()+-]*$")
_INDICATOR_START = re.compile(r"^(?:tỷ|tỉ) (?:lệ|trọng)|^mức|^chỉ số|^số\b", re.I)
_INDICATOR_COLUMN = re.compile(r"chỉ tiêu|tiêu chí|nội dung|tên", re.I)
_TIME_COLUMN = re.compile(r"thời gian|thời hạn|tiến độ|hoàn thành", re.I)


def _words(text: str) -> int:
    return len(text.split())


def _time_cell_deadline(block, header: list) -> Optional[Deadline]:
    """The row's "Thời gian hoàn thành" cell in an assignment table: "Năm 2025", "Quý IV/2026"."""
    cells = [c for i, c in enumerate(block.cells) if i < len(header) and _TIME_COLUMN.search(header[i])]
    return deadlines.parse(cells[-1].text) if cells else None


class _Row:
    """A table row's cells with their offsets, its header and its time cell, found once per
    row rather than once per percentage (a web copy's row may hold hundreds of cells)."""

    def __init__(self, block, header: list):
        self.block, self.header, self.cells = block, header, _cells(block)
        self.starts = [pos for _, pos in self.cells]
        self.deadline = _time_cell_deadline(block, header)
        self._indicator = False  # not looked for yet

    def index(self, pos: int) -> Optional[int]:
        """The cell holding the row text's offset pos."""
        i = bisect_right(self.starts, pos) - 1
        return i if i >= 0 and pos < self.starts[i] + max(len(self.cells[i][0].text), 1) else None

    def indicator(self, cell):
        """The cell naming what is measured: the mention's own cell when it is a sentence,
        else the cell under a "Chỉ tiêu" header, else one that reads like an indicator."""
        if _words(cell.text) >= 4 and not _NUMERIC_CELL.match(cell.text):
            return cell
        if self._indicator is False:
            self._indicator = self._named_indicator()
        return self._indicator

    def _named_indicator(self):
        texts = [(i, c) for i, c in enumerate(self.block.cells) if not _NUMERIC_CELL.match(c.text)]
        named = [c for i, c in texts if i < len(self.header) and _INDICATOR_COLUMN.search(self.header[i])]
        named = named or [c for _, c in texts if _INDICATOR_START.search(c.text) or _words(c.text) >= 6]
        return max(named, key=lambda c: len(c.text)) if named else None


# ---- records -------------------------------------------------------------

_SUBJECT_END = re.compile(r"[;:(*]|(?<!\d)\.(?!\d)|,\s*trong đó", re.I)
_SUBJECT_LEAD = re.compile(r"^(?:\s*(?:trở lên|trở xuống|\)))+", re.I)
_SUBJECT_HEAD = re.compile(r"^.*(?:trong đó|:)\s*,?|^(?:\s*(?:(?:đến\s+)?năm\s+\d{4}|giai đoạn\s+[\d\s-]+|"
                           r"phấn đấu|bảo đảm|đảm bảo)\s*,?)+", re.I)
_SUBJECT_TAIL = re.compile(r"(?:\s+(?:đạt|là|tối thiểu|ít nhất|từ|trên|dưới|tối đa|không quá|khoảng|"
                           r"tương ứng|bằng|chiếm|và|hoặc))+\s*$", re.I)
_SUBJECT_WORDS = 30


def _subject(text: str, mention: _Mention, next_start: int, since: int = 0) -> Optional[str]:
    """What is measured: the words after the number up to the clause end, else those before it."""
    after = _SUBJECT_LEAD.sub("", text[mention.end:next_start])
    cut = None if after.startswith(",") else _SUBJECT_END.search(after)
    found = "" if after.startswith(",") else (after[:cut.start()] if cut else after)
    if _words(found) < 2:
        start, _ = _sentence(text, mention.start)
        found = _SUBJECT_HEAD.sub("", text[max(start, since):mention.start])
    found = _SUBJECT_TAIL.sub("", " " + found.strip(" ,"))
    return " ".join(found.split()[:_SUBJECT_WORDS]) or None


def _unit(block, row: Optional[_Row], mention: _Mention, next_start: int, since: int):
    """(text, start, end, subject) of the unit a target reports: the block, or a row's indicator cell."""
    text = block.text
    if row is None:
        return text, block.start, block.end, _subject(text, mention, next_start, since)
    index = row.index(mention.start)
    cell, offset = row.cells[index] if index is not None else (None, 0)
    indicator = row.indicator(cell) if cell and mention.start < offset + len(cell.text) else None
    if indicator is None:
        return None
    if indicator is cell:
        shifted = _Mention(mention.start - offset, mention.end - offset, mention.value)
        found = _subject(cell.text, shifted, len(cell.text))
    else:
        found = " ".join(indicator.text.rstrip(" .").split()[:_SUBJECT_WORDS])
    return indicator.text, indicator.start, indicator.end, found


def _is_past(deadline: Optional[Deadline], reference: Optional[int]) -> bool:
    return bool(deadline and deadline.year and reference and deadline.year < reference)


def _block_targets(block, context: _Context) -> list:
    text, reference = block.text, context.reference
    mentions = _block_mentions(block)
    if not mentions or context.report or _in_report_section(block) or _reported_lead_in(text):
        return []
    found = []
    comparators = _comparators(text, mentions)
    row = _Row(block, block.header or context.columns) if block.kind == "row" else None
    for i, (mention, comparator) in enumerate(zip(mentions, comparators)):
        since = mentions[i - 1].end if i else 0
        if _is_report(text, mention, since, reference) or _is_share(text, mention, comparator):
            continue
        column_year, report_column = context.column(row, mention) if row else (None, False)
        next_start = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        unit = _unit(block, row, mention, next_start, since)
        row_year = (row.deadline or context.section_year) if row else None
        deadline = (_sentence_deadline(text, mention, reference) or column_year or row_year
                    or _path_deadline(block) or context.year)
        if unit is None or report_column or _is_past(deadline, reference):
            continue
        found.append((unit, mention, comparator, deadline))
    return found


_TITLE_YEAR = re.compile(r"(?<!đến )(?<!tới )(?<!nhìn )\b(?:năm|giai đoạn|thời kỳ)\s+((?:19|20)\d{2})", re.I)


def _reference_year(doc) -> Optional[int]:
    """The first year the document plans for: its issue year, or the first year its title
    names ("Kế hoạch ... năm 2025" issued in December 2024); earlier figures are results."""
    found = doc.document
    issued = int(found.issue_date[:4]) if found and found.issue_date else None
    title = _blank(found.title or "", _DATE, _CITED) if found else ""
    years = [int(y) for y in _TITLE_YEAR.findall(title)]
    return max(y for y in (issued, min(years, default=None)) if y) if issued or years else None


def extract(doc) -> list:
    records, context = [], _Context(_reference_year(doc), doc.document.title if doc.document else "")
    for block in doc.blocks:
        for (text, start, end, subj), mention, comparator, deadline in _block_targets(block, context):
            records.append(Target(
                target_id=f"{doc.doc_id}-g{len(records) + 1:03d}", doc_id=doc.doc_id, task_id=None,
                text=text, value=mention.value, value_max=mention.value_max, comparator=comparator,
                unit="%", subject=subj, deadline=deadline, span=Span(start, end, block.page),
                excerpt=doc.excerpt(start, end), source=doc.source.path))
        context.see(block)  # headings, titles and table rows set the scope of the blocks after them
    return records
