"""One table model for every layout: the rows of one table with their cells aligned to columns.

Readers write real tables (DOCX, PDF, HTML, OCR) as "| cell | cell |" lines, web copies
as one cell per line between bare "|" lines or as markdown pipes, some copies as one
cell per paragraph; segmenting turns each of them into row Blocks, and `build` makes
the rows of one table into a Table:
- the header (one or two rows: "Cơ quan thực hiện" over "Chủ trì | Phối hợp") gives
  each column its role from its words (task, lead, coordinating, deadline, ...);
- a header repeated lower down (page breaks, web copies), with or without its TT
  column, and a row of column numbers "(1) | (2) | ..." are header rows;
- group rows ("II | NHÓM GIẢI PHÁP VỀ HẠ TẦNG SỐ", "A. | BỘ CÔNG THƯƠNG") head the rows
  below them;
- a row that lost cells merged down over it (web copies omit them) is aligned by
  what its cells hold, and takes the missing cells from the row above.
"""
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from extractors import agencies, deadlines

# Column roles by header words, tried in this order (the first that matches names the column)
_ROLE_WORDS = [
    ("number", re.compile(r"^(?:S?TT|Số\s*TT|Số thứ tự|Thứ tự)\.?$", re.I)),
    ("step", re.compile(r"^(?:Bước|Trình tự|Các bước|Thứ tự công việc)", re.I)),  # procedure tables
    ("deadline", re.compile(r"thời gian|thời hạn|tiến độ|hoàn thành|thời điểm|lộ trình", re.I)),
    ("output", re.compile(r"sản phẩm|kết quả", re.I)),
    ("coordinating", re.compile(r"^(?!.*chủ trì).*(?:phối hợp|tham gia)", re.I)),
    ("lead", re.compile(r"chủ trì|đầu mối|phụ trách|(?:cơ quan|đơn vị|bộ phận)\b.*\bthực hiện|"
                        r"^cơ quan$|trách nhiệm|^thực hiện$|được giao|phân công|đảm nhận", re.I)),
    ("group", re.compile(r"thuộc nhóm|^nhóm|lĩnh vực", re.I)),
    ("procedure", re.compile(r"^(?:tên\s+)?(?:thủ tục|TTHC)", re.I)),  # lists of administrative procedures
    ("task", re.compile(r"nhiệm vụ|nội dung|công việc|đề án|giải pháp|hoạt động|dự án|chương trình|^tên\b", re.I)),
    ("target", re.compile(r"chỉ tiêu", re.I)),
]
_MONITOR = re.compile(r"theo dõi|đánh giá|giám sát", re.I)  # "Cơ quan chủ trì theo dõi, đánh giá" a target
_PROCEDURE_LEAD = re.compile(r"người thực hiện|bộ phận", re.I)  # "Cơ quan, bộ phận, người thực hiện": a procedure
_MARKUP = re.compile(r"[*_`]+")
_ROW_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}(?:\.\d{1,3})*|[a-zđ])[.)]?$")
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")  # "(1) | (2) | (3)": the columns numbered under the header
_STEP = re.compile(r"^(?:Bước\s*|B)\d", re.I)  # "Bước 1", "B8": the steps of a procedure
_DATE_WORDS = re.compile(r"\d{4}|năm|quý|tháng|thường xuyên|hằng|hàng|định kỳ|liên tục", re.I)
_LONG_TASK = 40
_MAX_HEADER_CELL = 80


@dataclass
class TableCell:
    text: str  # normalised text, markup removed
    start: int  # span in the normalised text
    end: int
    merged: bool = False  # taken from the row above: a cell merged down over this row
    lines: list = field(default_factory=list)  # its lines as printed (web copies: one cell on several lines)


@dataclass
class TableRow:
    kind: str  # header | group | data
    cells: list  # data rows: one TableCell or None per column; others: the cells as read
    groups: list = field(default_factory=list)  # texts of the group rows above it, outermost first


@dataclass
class Table:
    columns: list = field(default_factory=list)  # header text per column ("Cơ quan thực hiện Chủ trì")
    roles: dict = field(default_factory=dict)  # role -> column index (the first column of that role)
    rows: list = field(default_factory=list)  # TableRow per row block, in order

    @property
    def width(self) -> int:
        return len(self.columns)

    def cell(self, row: TableRow, role: str) -> Optional[TableCell]:
        index = self.roles.get(role)
        if index is None or row.kind != "data" or index >= len(row.cells):
            return None
        return row.cells[index]

    def text(self, row: TableRow, role: str) -> str:
        found = self.cell(row, role)
        return found.text if found else ""

    @property
    def assigns(self) -> bool:
        """An assignment table: a task column and a lead column (or agency group rows); not a procedure."""
        if "task" not in self.roles or "step" in self.roles or "procedure" in self.roles:
            return False
        lead = self.columns[self.roles["lead"]] if "lead" in self.roles else ""
        if _PROCEDURE_LEAD.search(lead) or (_MONITOR.search(lead) and "chỉ tiêu" in
                                            self.columns[self.roles["task"]].lower()):
            return False
        if any(_STEP.match(self.text(r, "task") or (r.cells[0].text if r.cells and r.cells[0] else ""))
               for r in self.rows if r.kind == "data"):
            return False
        return "lead" in self.roles or any(names_agency(r.cells[-1].text) for r in self.rows if r.kind == "group")

    def group_lead(self, row: TableRow) -> Optional[str]:
        """The innermost group row above `row` that names an agency ("A. | BỘ CÔNG THƯƠNG")."""
        return next((g for g in reversed(row.groups) if names_agency(g)), None)


def clean(text: str) -> str:
    return " ".join(_MARKUP.sub("", text or "").split())


@lru_cache(maxsize=4096)
def role_of(header_text: str) -> Optional[str]:
    text = clean(header_text)
    for role, pattern in _ROLE_WORDS:
        if pattern.search(text):
            return role
    return None


def is_header(texts: list) -> bool:
    """A header row: at least three cells, two of them known by their words, all short."""
    texts = [clean(t) for t in texts]
    if len(texts) < 3 or any(len(t) > _MAX_HEADER_CELL for t in texts):
        return False
    return sum(1 for t in texts if t and role_of(t) not in (None, "number")) >= 2


def _sub_header(texts: list, header: list) -> bool:
    """The second header row: "Chủ trì | Phối hợp" (web copies), or the whole row with them (DOCX, PDF)."""
    texts = [clean(t) for t in texts]
    new = [t for t in texts if t and t not in header]
    return bool(new) and all(len(t) <= _MAX_HEADER_CELL and role_of(t) in ("lead", "coordinating", "deadline",
                                                                           "output") for t in new) \
        and len(texts) <= len(header) + len(new)


def _two_row_columns(header: list, sub: list) -> list:
    """Header texts per column from a header and the row under it."""
    sub = [clean(t) for t in sub]
    if len(sub) == len(header):
        return [" ".join(filter(None, (h, s if s != h else ""))) for h, s in zip(header, sub)]
    if len(sub) > len(header):  # DOCX/PDF: the sub-row repeats the cells merged down over it
        parent = next((h for h in header if h not in sub), "")
        return [s if s in header else " ".join((parent, s)) for s in sub]
    at = next((i for i, h in enumerate(header) if role_of(h) == "lead"), None)  # web: only the new cells
    if at is None:
        return header
    return header[:at] + [" ".join((header[at], s)) for s in sub] + header[at + 1:]


def _roles(columns: list) -> dict:
    roles = {}
    for i, text in enumerate(columns):
        role = role_of(text)
        if role and role not in roles:
            roles[role] = i
    chair = next((i for i, text in enumerate(columns) if "chủ trì" in clean(text).lower()), None)
    if chair is not None:  # "Đơn vị thực hiện | ... | Cơ quan chủ trì": the chủ trì column leads
        roles["lead"] = chair
    if "task" not in roles and "target" in roles:  # "Chỉ tiêu | Cơ quan chủ trì | ...": the target is the task
        roles["task"] = roles["target"]
    if "task" not in roles and "sản phẩm" in (columns[roles["output"]].lower() if "output" in roles else ""):
        roles["task"] = roles["output"]  # "Tên sản phẩm | Cơ quan chủ trì | Thời gian hoàn thành"
    return roles


def names_agency(text: str) -> bool:
    """Does a group row's text name one agency, whole ("BỘ CÔNG THƯƠNG"; not "NHÓM GIẢI PHÁP ...")?"""
    found = agencies.read_list(text, 0)
    return bool(found) and len(found[0]) == 1 and found[1] >= len(text.rstrip(" .:"))


class TableBuilder:
    """Adds the rows of one table; `add` returns None for a row that starts another table."""

    def __init__(self, text: str = ""):
        self.text = text  # the normalised text the cells' spans point into
        self.table = Table()
        self.header = []  # the header row's cell texts, as read
        self.sub = []  # the second header row's texts
        self.groups = []  # (marker, text) of the group rows in force
        self.above = None  # the last data row's cells

    def add(self, cells: list) -> Optional[TableRow]:
        texts = [clean(c.text) for c in cells]
        header = is_header(texts)
        if self.repeats_header(texts):
            row = TableRow("header", cells)
        elif self.header and not self.sub and len(self.table.rows) == 1 and _sub_header(texts, self.header):
            self.sub = texts
            self.set_columns(_two_row_columns(self.header, texts))
            row = TableRow("header", cells)
        elif header and self.table.rows:
            return None
        elif header:
            self.header = texts
            self.set_columns(texts)
            row = TableRow("header", cells)
        elif self.is_group(texts, " ".join(c.text for c in cells)):
            row = self.group(cells, texts)
        else:
            row = self.data(cells, texts)
        self.table.rows.append(row)
        return row

    def set_columns(self, columns: list):
        self.table.columns, self.table.roles = columns, _roles(columns)

    def repeats_header(self, texts: list) -> bool:
        filled = [t for t in texts if t]
        if not self.header or not filled:
            return False
        known = set(self.header) | set(self.sub) | set(self.table.columns)
        if all(t in known for t in filled) and len(filled) >= 2:
            return True
        return len(filled) >= 3 and all(_COLUMN_NUMBER.match(t) for t in filled)

    def is_group(self, texts: list, raw: str) -> bool:
        """A row that heads the rows below it; not a row numbered next after the row above, whose
        other cells are merged down (web copies bold their group rows)."""
        filled = [t for t in texts if t]
        if not filled or len(filled) > 2:
            return False
        last = filled[-1]
        if last.isupper() and sum(ch.isalpha() for ch in last) >= 4:
            return True
        if len(filled) == 2:
            return bool(_ROW_NUMBER.match(filled[0])) and not _ROW_NUMBER.match(last) \
                and not (self.next_number(filled[0]) and "**" not in raw)
        return not self.above or not agencies.starts_agency(last)  # one cell: a title, or a lead merged down

    def next_number(self, number: str) -> bool:
        """Is `number` the one after the row above's ("3" after "2", "1.4" after "1.3")?"""
        at = self.table.roles.get("number")
        above = self.above[at].text.rstrip(".)") if self.above and at is not None and self.above[at] else ""
        head, _, last = above.rpartition(".")
        mine_head, _, mine_last = number.rstrip(".)").rpartition(".")
        return last.isdigit() and mine_last.isdigit() and head == mine_head and int(mine_last) == int(last) + 1

    def group(self, cells: list, texts: list) -> TableRow:
        filled = [(c, t) for c, t in zip(cells, texts) if t]
        marker = filled[0][1] if len(filled) == 2 else ""
        level = _group_level(marker)
        self.groups = [g for g in self.groups if _group_level(g[0]) < level] + [(marker, filled[-1][1])]
        self.above = None  # a merged cell does not reach over a group row
        row = TableRow("group", [TableCell(t, c.start, c.end) for c, t in filled])
        row.groups = [g[1] for g in self.groups[:-1]]
        return row

    def data(self, cells: list, texts: list) -> TableRow:
        width = self.table.width or len(cells)
        own = self.joined([self.cell(c, t) for c, t in zip(cells, texts)], width)
        places = self.places(own, width) if len(own) < width else range(len(own))
        aligned = [None] * width
        for place, cell in zip(places, own):
            aligned[place] = cell
        if self.above:  # cells merged down over the row's first and last columns: web copies omit them
            for i in [*range(places[0]), *range(places[-1] + 1, width)]:
                above = self.above[i]
                aligned[i] = above and TableCell(above.text, above.start, above.end, True, above.lines)
        self.above = aligned
        return TableRow("data", aligned, [g[1] for g in self.groups])

    def cell(self, cell, text: str) -> TableCell:
        lines = [ln.strip() for ln in self.text[cell.start:cell.end].split("\n") if ln.strip()]
        return TableCell(text, cell.start, cell.end, lines=lines)

    def joined(self, own: list, width: int) -> list:
        """A row with more cells than columns: one cell was cut in parts (one cell per paragraph);
        join the neighbours whose join fits the columns best."""
        roles = [dict((i, r) for r, i in self.table.roles.items()).get(i) for i in range(width)]
        while len(own) > width:
            candidates = []
            for i in range(len(own) - 1):
                cells = own[:i] + [TableCell(own[i].text + " " + own[i + 1].text, own[i].start, own[i + 1].end,
                                             lines=own[i].lines + own[i + 1].lines)] + own[i + 2:]
                candidates.append((sum(_fit(c.text, role) for c, role in zip(cells, roles)), -i, cells))
            own = max(candidates, key=lambda found: found[:2])[2]
        return own

    def places(self, own: list, width: int) -> list:
        """The columns of a short row's cells, in order: those that fit their texts best. A gap inside the
        row (an empty cell left out) costs a little, so that of equal fits the row stays whole, then leftmost."""
        roles = {i: role for role, i in self.table.roles.items()}
        # best[j]: (score, columns) of the cells so far with the last one in column j
        best = {j: (_fit(own[0].text, roles.get(j)), [j]) for j in range(width - len(own) + 1)}
        for n, cell in enumerate(own[1:], 1):
            step = {}
            for j in range(n, width - len(own) + n + 1):
                score, places = max(((best[k][0] - 0.1 * (j - k - 1), best[k][1]) for k in best if k < j),
                                    key=lambda found: found[0])
                step[j] = (score + _fit(cell.text, roles.get(j)), places + [j])
            best = step
        return max(best.values(), key=lambda found: found[0])[1]


def _group_level(marker: str) -> int:
    """A, B above I, II above 1, 2 above a, b; no marker ranks with the outermost."""
    if not marker:
        return 0
    bare = marker.rstrip(".)")
    if re.fullmatch(r"[A-ZĐ]", bare) and bare not in "IVXLC":
        return 0
    if re.fullmatch(r"[IVXLC]+", bare):
        return 1
    return 2 + bare.count(".") if bare[:1].isdigit() else 9


def _fit(text: str, role: Optional[str]) -> float:
    """How well a cell's text fits a column role: +1 fits, -1 does not, 0 no opinion."""
    if not text or role is None:
        return 0
    if role == "number":
        return 2 if _ROW_NUMBER.match(text) else -2
    agency = agencies.starts_agency(text)
    if role in ("lead", "coordinating"):
        return 1 if agency else -1
    if role == "deadline":
        return 1 if len(text) < 60 and (_DATE_WORDS.search(text) or deadlines.parse(text)) else -1
    if role == "task":
        return -0.5 if agency else (1 if len(text) >= _LONG_TASK else 0)
    return 0


def build(rows, text: str = ""):
    """(Table, TableRow) for each of consecutive rows (cell lists: text, start, end, spans into `text`);
    a new header starts a new Table."""
    builder = None
    for cells in rows:
        row = builder.add(cells) if builder else None
        if row is None:
            builder = TableBuilder(text)
            row = builder.add(cells)
        yield builder.table, row
