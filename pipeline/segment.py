"""Segmenting: normalised text -> Blocks that know their heading path and span.

A block is a paragraph (one or more lines joined), a list item with its
marker ("III.", "2.6.", "d)", "-", "+", "*"), or a table row. Web copies put
one table cell per line between bare "|" lines; readers write one row per
line between pipes; both become rows with cells.
"""
import re
import statistics
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Optional

from pipeline import tables

ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{1,3}|V)"
_MARKERS = [  # (kind, pattern); the first that matches names the marker
    ("article", re.compile(r"(Điều\s+\d+)[.:]?\s+")),
    ("part", re.compile(r"((?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+(?:" + ROMAN + r"|\d+))[.:]?\s+")),
    ("roman", re.compile(r"(" + ROMAN + r")(?:[.)/]|\s+[-–](?=\s))\s*(?=\S)")),  # "IV.", "IV -"
    ("upper", re.compile(r"([A-Z])[.)]\s+(?=\S)")),
    ("number", re.compile(r"(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?=[^\W\d])|(\d{1,2})[.)/]\s*(?=[^\W\d])")),
    ("paren", re.compile(r"\((\d{1,2}|[a-zđ])\)\s*")),
    ("letter", re.compile(r"([a-zđ])[).]\s+")),
    ("star", re.compile(r"(\*)\s+")),
    ("dash", re.compile(r"([-•–—·●▪■◦►➢❖\uf0b7\uf0a7\uf0d8])\s*(?=\S)")),  # and Word symbol bullets in PDFs
    ("plus", re.compile(r"(\+)\s*(?=\S)")),
]
_TOP_RANK = {"article": 0, "part": 1, "roman": 2}  # markers that always sit above the others
_LETTER = re.compile(r"[^\W\d_]")
_TABLE_SEPARATOR = re.compile(r"^\|?(\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$")
_MAX_CELL_LINES = 40
_OPEN_ROW = re.compile(r"^[^|]+\|(?:[^|]*\|){1,}\s*$")  # "cell | cell |": a row that lost its first pipe
_GROUP_MARKER = re.compile(r"^\**(?:[IVXLC]{1,6}|[A-ZĐ]|\d{1,2})[.)]?\**$")  # "II", "A.": a group row's marker


@dataclass
class Cell:
    text: str
    start: int
    end: int


@dataclass
class Block:
    kind: str  # paragraph | item | row
    text: str  # without its marker
    start: int  # span in the normalised text
    end: int
    marker: str = ""  # "III", "2.6", "d", "-", ...
    marker_kind: str = ""  # article, roman, number, letter, dash, ...
    page: Optional[int] = None
    path: list = field(default_factory=list)  # enclosing items, outermost first
    cells: list = field(default_factory=list)  # rows: Cells in column order
    header: list = field(default_factory=list)  # rows: the table's header cell texts
    table: Optional[tables.Table] = None  # rows: the table this row belongs to
    table_row: Optional[tables.TableRow] = None  # rows: this row in it, cells aligned to its columns

    @property
    def section(self) -> str:
        labels = [b.marker for b in self.path + [self] if b.marker_kind not in ("", "dash", "plus", "star")]
        # "2.1.2" already carries "2" and "2.1": keep a label only when no later label extends it
        kept = [label for i, label in enumerate(labels)
                if not any(later.startswith(label + ".") for later in labels[i + 1:])]
        return ".".join(kept)

    @property
    def marker_key(self) -> str:
        """Items of the same key are siblings: '2.6' and '3.1' share 'number2'."""
        if self.marker_kind == "number":
            return "number%d" % (self.marker.count(".") + 1)
        return self.marker_kind


@dataclass
class _Line:
    text: str
    start: int
    end: int


def _lines(text: str) -> list:
    lines, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        lines.append(_Line(stripped, pos + lead, pos + lead + len(stripped)))
        pos += len(raw) + 1
    return lines


def split_marker(text: str):
    """'d) Sở Tư pháp' -> ('letter', 'd', 'Sở Tư pháp')."""
    for kind, pattern in _MARKERS:
        m = pattern.match(text)
        if m:
            return kind, next(g for g in m.groups() if g), text[m.end():]
    return "", "", text


# ---- tables -------------------------------------------------------------

def _pipe_row(line: _Line) -> list:
    cells = []
    parts = line.text.split("|")
    offset = line.start
    for i, part in enumerate(parts):
        if 0 < i < len(parts) - 1 or (part.strip() and i in (0, len(parts) - 1)):
            lead = len(part) - len(part.lstrip())
            cells.append(Cell(" ".join(part.split()), offset + lead, offset + lead + len(part.strip())))
        offset += len(part) + 1
    return cells


def _cell_from(lines: list) -> Optional[Cell]:
    kept = [ln for ln in lines if ln.text]
    if not kept:
        return None
    return Cell(" ".join(ln.text for ln in kept), kept[0].start, kept[-1].end)


def _bare_pipe_rows(lines: list, i: int):
    """Parse web-copy cells ("|" alone on a line between cells) from line i.

    Returns (rows, next line index). Two bare pipes in a row end a row.
    """
    rows, row, n = [], [], len(lines)
    while i < n and lines[i].text == "|":
        j = i + 1
        while j < n and lines[j].text != "|" and j - i <= _MAX_CELL_LINES:
            j += 1
        if j >= n or lines[j].text != "|":  # text runs on: the table ended at i
            i += 1
            break
        first = next((ln.text for ln in lines[i + 1:j] if ln.text), "")
        if is_title(first) and not (len(row) == 1 and _GROUP_MARKER.match(row[0].text)):
            # "PHỤ LỤC II" between tables ends the table; "II | NHÓM ..." is a group row
            i += 1
            break
        cell = _cell_from(lines[i + 1:j])
        if cell is None:
            if row:
                rows.append(row)
            row = []
        else:
            row.append(cell)
        i = j
    if row:
        rows.append(row)
    return rows, i


# Word-processor copies put one cell per paragraph, with no pipes: a header
# run ("TT", "Tên Đề án", "Cơ quan chủ trì", ...) then rows that start with
# their number ("1", "2", ...).
_NUMBER_CELL = re.compile(r"^(?:S?TT|Số TT)$", re.I)
_ROW_START = re.compile(r"^(\d{1,3}|" + ROMAN + r")\.?$")
_MAX_HEADER_CELLS = 10


def _filled(lines: list, i: int, limit: int) -> list:
    """Indexes of the next `limit` non-blank lines from i."""
    found = []
    while i < len(lines) and len(found) < limit:
        if lines[i].text:
            found.append(i)
        i += 1
    return found


def _cell_header(lines: list, i: int) -> list:
    """Line indexes of a one-cell-per-paragraph table header starting at i, or []."""
    if not _NUMBER_CELL.match(lines[i].text):
        return []
    header = [i]
    for j in _filled(lines, i + 1, _MAX_HEADER_CELLS):
        if _ROW_START.match(lines[j].text) or len(lines[j].text) > 60:
            break
        header.append(j)
    texts = [lines[j].text for j in header]
    return header if is_table_header(texts) else []


def _cell_rows(lines: list, i: int, width: int):
    """Rows of cells after a header: (rows, next line index)."""
    rows, row, expected, n = [], [], 1, len(lines)
    while i < n:
        text = lines[i].text
        if not text or text == "\f":
            i += 1
            continue
        group = len(row) == 1 and not row[0].text[0].isdigit()  # "I", then the group's title
        if (is_title(text) and not group) or text.startswith("Nơi nhận") or len(row) > width + 4:
            break
        if _ROW_START.match(text) and (text.rstrip(".") == str(expected) or not text[0].isdigit()):
            if row:
                rows.append(row)
            row = [Cell(text, lines[i].start, lines[i].end)]
            expected = int(text.rstrip(".")) + 1 if text[0].isdigit() else 1
        elif row and text[:1] in "-+•" and row[-1].text[:1] in "-+•" and len(row) > 1:
            row[-1] = Cell(row[-1].text + " " + text, row[-1].start, lines[i].end)
        elif row:
            row.append(Cell(text, lines[i].start, lines[i].end))
        else:
            break
        i += 1
    if row:
        rows.append(row)
    return rows, i


# ---- paragraphs ---------------------------------------------------------

def _one_line_paragraphs(lines: list) -> bool:
    """Texts with no blank lines and long lines put one paragraph per line."""
    filled = [len(ln.text) for ln in lines if ln.text and ln.text != "|"]
    blanks = sum(1 for ln in lines if not ln.text)
    return bool(filled) and blanks < len(filled) * 0.1 and statistics.median(filled) > 90


def _no_blank_lines(lines: list) -> bool:
    """Web copies that lost the blank lines between paragraphs (hard-wrapped text)."""
    texts = "\n".join(ln.text for ln in lines).strip().split("\n")
    filled = sum(1 for t in texts if t)
    return filled > 1 and texts.count("") < filled * 0.05


class _Builder:
    def __init__(self, text: str, page_of):
        self.text, self.page_of = text, page_of
        self.blocks, self.stack, self.open = [], [], None
        self.header = []

    def close(self):
        if self.open is not None:
            self.blocks.append(self.open)
        self.open = None

    def start_item(self, line: _Line):
        self.close()
        self.header = []
        kind, marker, rest = split_marker(line.text)
        block = Block("item" if kind else "paragraph", rest, line.start, line.end, marker, kind,
                      self.page_of(line.start))
        if kind:
            key = block.marker_key
            keys = [b.marker_key for b in self.stack]
            if key in keys:
                del self.stack[keys.index(key):]
            elif kind in _TOP_RANK:  # "III." closes the numbered and lettered items above it
                self.stack = [b for b in self.stack if _TOP_RANK.get(b.marker_kind, 9) < _TOP_RANK[kind]]
            block.path = list(self.stack)
            self.stack.append(block)
        else:
            if is_title(rest):  # "KẾ HOẠCH", "PHỤ LỤC": a new part of the document
                self.stack = []
            block.path = list(self.stack)
        self.open = block

    def extend(self, line: _Line):
        self.open.text += " " + line.text
        self.open.end = line.end

    def open_row(self, line: _Line) -> bool:
        """A row written without its first pipe ("TT | Chỉ tiêu | Cơ quan chủ trì |"): a table's header,
        or a row about as wide right after one of its rows."""
        if not _OPEN_ROW.match(line.text):
            return False
        texts = [c.text for c in _pipe_row(line)]
        in_table = self.open is None and self.blocks and self.blocks[-1].kind == "row" and self.header
        return bool(in_table and len(texts) >= len(self.header) - 1) or is_table_header(texts)

    def add_row(self, cells: list):
        self.close()
        texts = [c.text for c in cells]
        if not self.header and is_table_header(texts):
            self.header = texts
        block = Block("row", " | ".join(texts), cells[0].start, cells[-1].end,
                      page=self.page_of(cells[0].start), path=list(self.stack), cells=cells,
                      header=self.header)
        self.blocks.append(block)


def is_title(text: str, min_letters: int = 6, upper_share: float = 1.0) -> bool:
    """Text set in capitals ("KẾ HOẠCH", "PHỤ LỤC II"): at least `upper_share` of its letters."""
    if upper_share >= 1.0 and not text.isupper():
        return False
    if sum(map(str.islower, text)) > (1 - upper_share) * len(text):
        return False  # more lower-case letters than any title of this length can have
    letters = _LETTER.findall(text)
    return len(letters) >= min_letters and sum(map(str.isupper, letters)) >= upper_share * len(letters)


_HEADER_WORDS = re.compile(r"chủ trì|phối hợp|thực hiện|thời gian|thời hạn|nhiệm vụ|nội dung|tiến độ|chỉ tiêu",
                           re.IGNORECASE)


def is_table_header(texts: list) -> bool:
    return len(texts) >= 3 and sum(1 for t in texts if _HEADER_WORDS.search(t) and len(t) < 60) >= 2


_BARE_MARKER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.|[a-zđ]\)|" + ROMAN + r"\.|\((?:\d{1,2}|[a-zđ])\))$")
# A wrapped line that ends a sentence ("... theo quy định." / "... như sau:") before a capital
_LINE_END = re.compile(r"(?:\.|(?<!gồm)(?<!như)(?<!là)\s*:)(?:\*+|\))?$")  # not "gồm:", "như:" lists
_FOOTNOTE_START = re.compile(r"\[\d{1,3}\](?:\s|$)")  # "[6] Trong đó ...": web copies' footnotes
_ABBREVIATION_END = re.compile(r"(?:^|\s)(?:[A-ZĐ]{1,4}|TP|Tp|v\.v|\.\.)\.$")


def _continues_marker(text: str) -> bool:
    return bool(text) and not text.startswith("|") and not split_marker(text)[0]


def _paragraph_ends(previous: str, line: str) -> bool:
    """Hard-wrapped web copies lose blank lines: a line ending a sentence before a capital ends a paragraph."""
    if _FOOTNOTE_START.match(line):
        return True
    return bool(_LINE_END.search(previous)) and line[:1].isupper() and not _ABBREVIATION_END.search(previous)


def segment(text: str, page_starts: Optional[list] = None) -> list:
    """page_starts: offsets into `text` where each page begins (PDF)."""
    starts = page_starts or []

    def page_of(offset: int):
        return bisect_right(starts, offset) if starts else None

    lines = _lines(text)
    builder = _Builder(text, page_of)
    per_line = _one_line_paragraphs(lines)
    dense = _no_blank_lines(lines)
    i = 0
    while i < len(lines):
        line = lines[i]
        header = [] if per_line else _cell_header(lines, i)
        if header:
            builder.add_row([Cell(lines[j].text, lines[j].start, lines[j].end) for j in header])
            rows, i = _cell_rows(lines, header[-1] + 1, len(header))
            for cells in rows:
                builder.add_row(cells)
            continue
        if line.text == "|":
            rows, i = _bare_pipe_rows(lines, i)
            for cells in rows:
                builder.add_row(cells)
            continue
        if (line.text.startswith("|") and line.text.count("|") >= 2) or builder.open_row(line):
            if not _TABLE_SEPARATOR.match(line.text):
                cells = _pipe_row(line)
                if cells:
                    builder.add_row(cells)
        elif not line.text or line.text == "\f":
            builder.close()
        elif _BARE_MARKER.match(line.text) and i + 1 < len(lines) and _continues_marker(lines[i + 1].text):
            # "3." alone on its line, the item's text on the next
            nxt = lines[i + 1]
            builder.start_item(_Line(line.text + " " + nxt.text, line.start, nxt.end))
            i += 1
        elif builder.open is None or per_line or split_marker(line.text)[0]:
            builder.start_item(line)
        elif dense and _paragraph_ends(lines[i - 1].text, line.text):
            builder.start_item(line)
        else:
            builder.extend(line)
        i += 1
    builder.close()
    _attach_tables(builder.blocks, text)
    return builder.blocks


_PAGE_NUMBER = re.compile(r"^(?:Trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?$", re.I)


def _attach_tables(blocks: list, text: str):
    """Each row block gets its Table: consecutive rows, across a page number between them."""
    run = []
    for block in blocks + [None]:
        if block is not None and block.kind == "row":
            run.append(block)
        elif run and (block is None or not _PAGE_NUMBER.match(block.text)):
            for row, (table, table_row) in zip(run, tables.build((r.cells for r in run), text)):
                row.table, row.table_row = table, table_row
            run = []
