"""Percentage targets: "tối thiểu 80% hồ sơ ...", "25 - 35%", "giảm 10% ...", "đạt trên 95%".

Every percentage in a paragraph, bullet or table row is read, then kept only
when it states a goal. Left out: reported results (footnotes, "năm 2024 đạt
92%", "3.071/4.888 TTHC (đạt 62,8%)", "xếp thứ 16/63", sections on "Kết quả",
"Tình hình thực hiện", statistics tables) and shares that are not goals
("chiếm khoảng 10% tổng vốn đầu tư", interest and tax rates).
"""
import re
from dataclasses import dataclass
from typing import Optional

from extractors import deadlines
from pipeline.records import Deadline, Span, Target

# ---- percentages ---------------------------------------------------------

_NUM = r"\d{1,3}(?:[.,]\d+)?"
_SINGLE = re.compile(rf"(?<![\d/.,])({_NUM})\s*%")
_RANGE = re.compile(rf"(?<![\d/.,])(?:từ\s+)?({_NUM})\s*%?\s*(?:-|đến|tới)\s*({_NUM})\s*%", re.I)


@dataclass
class _Mention:
    start: int
    end: int
    value: float
    value_max: Optional[float] = None


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _mentions(text: str) -> list:
    found = []
    for m in _RANGE.finditer(text):
        low, high = _number(m.group(1)), _number(m.group(2))
        if low < high:
            found.append(_Mention(m.start(), m.end(), low, high))
    for m in _SINGLE.finditer(text):
        if not any(r.start <= m.start() < r.end for r in found):
            found.append(_Mention(m.start(), m.end(), _number(m.group(1))))
    return sorted(found, key=lambda x: x.start)


# ---- comparators ---------------------------------------------------------

_QUALIFIERS = r"(?:\s+(?:thêm|bình quân|trung bình|mỗi năm|hằng năm|hàng năm|tối thiểu|ít nhất|khoảng|được))*"
_BEFORE_NUMBER = [  # (words just before the number, comparator); the first that matches wins
    (re.compile(r"\btăng" + _QUALIFIERS + r"\s*$", re.I), "increase"),
    (re.compile(r"\bgiảm" + _QUALIFIERS + r"\s*$", re.I), "decrease"),
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


def _own_comparator(text: str, mention: _Mention) -> str:
    if mention.value_max is not None:
        return "range"
    after = text[mention.end:]
    if _AT_LEAST_AFTER.match(after):
        return ">="
    if _AT_MOST_AFTER.match(after):
        return "<="
    before = text[max(0, mention.start - 40):mention.start]
    for pattern, comparator in _BEFORE_NUMBER:
        if pattern.search(before):
            return comparator
    return "="


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
_ALREADY = re.compile(r"\bđã\b", re.I)  # đã: already done
_SAME_PERIOD = re.compile(r"so với cùng kỳ", re.I)  # compared with the same period last year
_GOAL_WORDS = re.compile(r"phấn đấu|mục tiêu|chỉ tiêu|bảo đảm|đảm bảo|\bphải\b|duy trì|\bcần\b|"
                         r"yêu cầu|đến năm|tối thiểu|ít nhất|trở lên", re.I)
_PAST_YEAR = re.compile(r"(?<!đến )(?<!trong )(?<!tới )(?<!so với )\bnăm\s+((?:19|20)\d{2})\b(?!\s*-)", re.I)
_DATE = re.compile(r"(?:ngày\s+\d{1,2}\s+)?tháng\s+\d{1,2}\s+năm\s+\d{4}", re.I)  # a document's date
_MONEY = re.compile(r"\bvốn\b|tỷ đồng|triệu đồng|kinh phí|ngân sách|khoản thu", re.I)
_SHARE = re.compile(r"dự kiến|khoảng|chiếm|phân bổ|cơ cấu|phân chia|điều tiết|\bhưởng\b|hỗ trợ", re.I)
_RATE = re.compile(r"lãi suất|thuế suất|mức phí|lệ phí", re.I)
_OWNERSHIP = re.compile(r"^\s*(?:vốn|cổ phần)\b", re.I)  # "doanh nghiệp 100% vốn nhà nước"
_STRICT = (">=", ">", "<=", "<", "increase", "decrease")
_REPORT_START = re.compile(r"^\W*(?:kết quả|tình hình|thực trạng|đánh giá|bối cảnh)\b", re.I)
_REPORT_HEADING = re.compile(r"kết quả (?:thực hiện|đạt được|triển khai)|tình hình|thực trạng|"
                             r"đánh giá (?:kết quả|tình hình|việc thực hiện)|bối cảnh", re.I)
_GOAL_HEADING = re.compile(r"mục tiêu|chỉ tiêu|nhiệm vụ|giải pháp|phấn đấu|dự kiến|cần đạt|kế hoạch", re.I)
_HEADING_LENGTH = 150


def _sentence(text: str, pos: int) -> tuple:
    """(start, end) of the sentence or clause around pos, cut at ';', '.' and line ends."""
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, pos)]
    end = _SENTENCE_END.search(text, pos)
    return (starts[-1] if starts else 0), (end.start() if end else len(text))


def _is_report(text: str, mention: _Mention, since: int, issue_year: Optional[int]) -> bool:
    """A reported figure, not a goal: footnotes, annotations, rankings, past years."""
    start, end = _sentence(text, mention.start)
    before = text[max(start, since):mention.start]
    if _FOOTNOTE.search(text[:mention.start]) or _ANNOTATION.search(before[-20:]):
        return True
    if _RANKING.search(text[start:end]):
        return True
    if issue_year and any(int(y) < issue_year for y in _PAST_YEAR.findall(_DATE.sub("", before))):
        return True
    past = _ALREADY.search(before) or _SAME_PERIOD.search(text[start:end])
    return bool(past) and not _GOAL_WORDS.search(text[start:end])


def _is_share(text: str, mention: _Mention, comparator: str) -> bool:
    """A share of money or a rate, not a goal: "chiếm khoảng 10% tổng vốn đầu tư"."""
    start, end = _sentence(text, mention.start)
    sentence = text[start:end]
    if _RATE.search(text[max(start, mention.start - 40):mention.start]) or _OWNERSHIP.match(text[mention.end:]):
        return True
    return comparator not in _STRICT and bool(_MONEY.search(sentence) and _SHARE.search(sentence))


def _is_report_heading(text: str) -> bool:
    """"I. KẾT QUẢ THỰC HIỆN NĂM 2024", "Tình hình triển khai" (not "Mục tiêu, chỉ tiêu ...")."""
    if len(text) > _HEADING_LENGTH:
        return False
    return bool(_REPORT_START.search(text) or _REPORT_HEADING.search(text) and not _GOAL_HEADING.search(text))


def _in_report_section(block) -> bool:
    return any(_is_report_heading(h.text) for h in block.path)


# ---- deadlines -----------------------------------------------------------

_YEAR = r"((?:19|20)\d{2})"
_STRONG_YEAR = re.compile(
    r"(?:\b(?:đến|trong|hết|trước|vào|tới|từ nay đến)\s+(?:(?:ngày\s+\d{1,2}\s+)?tháng\s+\d{1,2}\s+)?năm\s+"
    + _YEAR + r"|(?<!so với )\bgiai đoạn\s+" + _YEAR + r"\s*-\s*" + _YEAR
    + r"|(?:^|[.;:]\s*)năm\s+" + _YEAR + r"\s*,"
    + r"|\b(?:đến|trước|trong|hết)\s+(?:ngày\s+)?(\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?:19|20)\d{2}))", re.I)
_WEAK_YEAR = re.compile(r"(?<!so với )(?<!tháng )(?<!\d )\bnăm\s+" + _YEAR + r"\b(?!\s*/)", re.I)
_NEXT_YEARS = re.compile(r"trong\s+(\d{1,2})\s+năm\s+(?:tiếp theo|tới)", re.I)
_ANY_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_HEADING_YEAR = re.compile(r"(?:đến|giai đoạn|trong|năm)\s+(?:năm\s+)?" + _YEAR + r"(?:\s*-\s*" + _YEAR + r")?", re.I)


def _deadline_of(match: re.Match) -> Deadline:
    found = deadlines.parse(match.group(0))
    return Deadline(match.group(0).strip(" ,.;:"), found.date if found else None,
                    found.year if found else None)


def _relative(text: str, start: int, end: int, base: Optional[int]) -> Optional[Deadline]:
    """"trong 05 năm tiếp theo" after "năm 2025" -> 2030."""
    m = _NEXT_YEARS.search(text, start, end)
    years = [int(y) for y in _ANY_YEAR.findall(text[:m.start()])] if m else []
    base = years[-1] if years else base
    if m and base:
        return Deadline(m.group(0), None, base + int(m.group(1)))
    return None


def _sentence_deadline(text: str, mention: _Mention, issue_year: Optional[int]) -> Optional[Deadline]:
    """Nearest "đến năm 2025"/"giai đoạn 2021 - 2025" before; else one later in the sentence."""
    start, end = _sentence(text, mention.start)
    before = list(_STRONG_YEAR.finditer(text, 0, mention.start))
    if before:
        return _deadline_of(before[-1])
    after = _STRONG_YEAR.search(text, mention.end, end)
    if after:
        return _deadline_of(after)
    relative = _relative(text, mention.end, end, issue_year)
    if relative:
        return relative
    weak = list(_WEAK_YEAR.finditer(text, start, mention.start))
    return _deadline_of(weak[-1]) if weak else None


def heading_year(heading: str) -> Optional[Deadline]:
    """A heading that sets a year for what follows: "Đến năm 2025:", "Mục tiêu cụ thể đến năm 2035"."""
    heading = re.sub(r"\([^)]*\)", "", heading or "")
    found = deadlines.scope_year(heading)
    if found or len(heading) > _HEADING_LENGTH:
        return found
    m = _HEADING_YEAR.search(heading)
    if not m:
        return None
    return Deadline(m.group(0), None, max(int(y) for y in m.groups() if y))


def _path_deadline(block) -> Optional[Deadline]:
    for heading in reversed(block.path):
        found = heading_year(heading.text)
        if found:
            return found
    return None


# ---- table rows ----------------------------------------------------------

_NUMERIC_CELL = re.compile(r"^[\d\s.,%/()+-]*$")
_INDICATOR_START = re.compile(r"^(?:tỷ|tỉ) (?:lệ|trọng)|^mức|^chỉ số|^số\b", re.I)
_SECTION_CELL = re.compile(r"^(?:[IVX]+|[A-Z])\.?$")


def _words(text: str) -> int:
    return len(text.split())


def _indicator_cell(row, mention_cell):
    """The cell naming what is measured: the mention's own cell when it is a sentence."""
    if _words(mention_cell.text) >= 4:
        return mention_cell
    texts = [c for c in row.cells if not _NUMERIC_CELL.match(c.text)]
    named = [c for c in texts if _INDICATOR_START.search(c.text) or _words(c.text) >= 6]
    return max(named, key=lambda c: len(c.text)) if named else None


class _TableContext:
    """What a table's title ("PHỤ LỤC ... ĐẾN NĂM 2030", "KẾT QUẢ THỰC HIỆN ...") and its
    section rows ("II | Giai đoạn 2028-2030") say about the rows after them."""

    def __init__(self):
        self.title_year = self.section_year = None
        self.report = False

    def see(self, block):
        if block.kind != "row":
            if block.marker_kind:  # the body goes on: the table is over
                self.__init__()
            elif _is_title(block.text):
                self._title(block.text)
            return
        for cell in block.cells:
            if _is_title(cell.text):
                self._title(cell.text)
        texts = [c.text for c in block.cells if c.text]
        if 1 <= len(texts) <= 2 and not _mentions(block.text):  # a section row
            year = heading_year(texts[-1])
            if year or _SECTION_CELL.match(texts[0]):
                self.section_year = year

    def _title(self, text: str):
        self.title_year, self.section_year = heading_year(text), None
        self.report = _is_report_heading(re.sub(r"\([^)]*\)|PHỤ LỤC\s*\w*", "", text).strip())

    def year(self):
        return self.section_year or self.title_year


def _is_title(text: str) -> bool:
    letters = [c for c in re.sub(r"\([^)]*\)", "", text) if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


# ---- records -------------------------------------------------------------

_SUBJECT_END = re.compile(r"[;:(*]|(?<!\d)\.(?!\d)|,\s*trong đó", re.I)
_SUBJECT_LEAD = re.compile(r"^(?:\s*(?:trở lên|trở xuống|\)))+", re.I)
_SUBJECT_HEAD = re.compile(r"^.*(?:trong đó|:)\s*,?|^(?:\s*(?:(?:đến\s+)?năm\s+\d{4}|giai đoạn\s+[\d\s-]+|"
                           r"phấn đấu|bảo đảm|đảm bảo)\s*,?)+", re.I)
_SUBJECT_TAIL = re.compile(r"(?:\s+(?:đạt|là|tối thiểu|ít nhất|từ|trên|dưới|tối đa|không quá|khoảng|"
                           r"tương ứng|bằng|chiếm|và|hoặc))+\s*$", re.I)
_SUBJECT_WORDS = 30


def subject(text: str, mention: _Mention, next_start: int, since: int = 0) -> Optional[str]:
    """What is measured: the words after the number up to the clause end, else those before it."""
    after = _SUBJECT_LEAD.sub("", text[mention.end:next_start])
    cut = None if after.startswith(",") else _SUBJECT_END.search(after)
    found = "" if after.startswith(",") else (after[:cut.start()] if cut else after)
    if _words(found) < 2:
        start, _ = _sentence(text, mention.start)
        found = _SUBJECT_HEAD.sub("", text[max(start, since):mention.start])
    found = _SUBJECT_TAIL.sub("", " " + found.strip(" ,"))
    return " ".join(found.split()[:_SUBJECT_WORDS]) or None


def _unit(block, mention: _Mention, next_start: int, since: int):
    """(text, start, end, subject) of the unit a target reports: the block, or a row's indicator cell."""
    text = block.text
    if block.kind != "row":
        return text, block.start, block.end, subject(text, mention, next_start, since)
    cell, offset = _cell_of(block, mention)
    indicator = _indicator_cell(block, cell) if cell else None
    if indicator is None:
        return None
    if indicator is cell:
        shifted = _Mention(mention.start - offset, mention.end - offset, mention.value)
        found = subject(cell.text, shifted, len(cell.text))
    else:
        found = " ".join(indicator.text.rstrip(" .").split()[:_SUBJECT_WORDS])
    return indicator.text, indicator.start, indicator.end, found


def _cell_of(block, mention: _Mention):
    """(cell, offset of the cell in the row text) for the cell holding the mention."""
    pos = 0
    for cell in block.cells:
        if pos <= mention.start < pos + len(cell.text):
            return cell, pos
        pos += len(cell.text) + 3  # row text is the cells joined by " | "
    return None, 0


def _column_year(block, mention: _Mention) -> Optional[Deadline]:
    """A year in the header of the mention's column: "| Chỉ tiêu | Năm 2025 | Năm 2030 |"."""
    cell, _ = _cell_of(block, mention) if block.kind == "row" else (None, 0)
    index = block.cells.index(cell) if cell else len(block.header)
    return heading_year(block.header[index]) if index < len(block.header) else None


def _block_targets(block, context: _TableContext, issue_year) -> list:
    text = block.text
    mentions = _mentions(text)
    if not mentions or _in_report_section(block) or (block.kind == "row" and context.report):
        return []
    found = []
    comparators = _comparators(text, mentions)
    for i, (mention, comparator) in enumerate(zip(mentions, comparators)):
        since = mentions[i - 1].end if i else 0
        if _is_report(text, mention, since, issue_year) or _is_share(text, mention, comparator):
            continue
        next_start = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        unit = _unit(block, mention, next_start, since)
        if unit is None:
            continue
        deadline = (_sentence_deadline(text, mention, issue_year) or _column_year(block, mention)
                    or _path_deadline(block) or (context.year() if block.kind == "row" else None))
        found.append((unit, mention, comparator, deadline))
    return found


def _issue_year(doc) -> Optional[int]:
    date = getattr(doc.document, "issue_date", None) if doc.document else None
    return int(date[:4]) if date else None


def extract(doc) -> list:
    records, context, issue_year = [], _TableContext(), _issue_year(doc)
    for block in doc.blocks:
        for (text, start, end, subj), mention, comparator, deadline in _block_targets(
                block, context, issue_year):
            records.append(Target(
                target_id=f"{doc.doc_id}-g{len(records) + 1:03d}", doc_id=doc.doc_id, task_id=None,
                text=text, value=mention.value, value_max=mention.value_max, comparator=comparator,
                unit="%", subject=subj, deadline=deadline, span=Span(start, end, block.page),
                excerpt=doc.excerpt(start, end), source=doc.source.path))
        context.see(block)  # titles and section rows set the year of the rows after them
    return records
