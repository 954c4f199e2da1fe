"""Lines with their boxes (a PDF text layer's, or OCR's) -> paragraphs.

A PDF text layer or a scan breaks every paragraph into lines. The segmenter joins lines
until a blank line or a list marker, so the paragraphs are told apart here
from the layout: a vertical gap larger than the line pitch, a first-line
indent, or a short last line before a line starting at the margin. Running
headers/footers and page numbers repeated on the pages are dropped, and
words hyphenated across lines are joined again.
"""
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from pipeline.readers import table_row_line
from pipeline.readers.pdf_tables import continue_rows

_PAGE_NUMBER = re.compile(r"^(?:(?:Trang|trang|Page)\s*)?[-–(]?\s*\d{1,4}\s*[-–)]?(?:\s*/\s*\d{1,4})?$")
_DIGITS = re.compile(r"\d+")
_HYPHENATED = re.compile(r"[^\W\d]-$")
_CUT_SYMBOL = re.compile(r"/[A-ZĐ]{1,10}-$")  # "3098/QĐ-" at a line end, "UBND" on the next
_MARKER = re.compile(r"^(?:[-+•*–]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[IVX]{1,4}[.)]|Điều\s+\d+)\s")
_SENTENCE_END = re.compile(r"[.:;!?]\W*$")
_JUNK = str.maketrans({"\x02": "", "\x00": ""})  # soft-hyphen marks, NULs
_EDGE_JUNK = " \t\u00a0\ufffe\x02\x00"
_END_JUNK = " \t\u00a0\x02\x00"  # a line-end hyphen mark is kept: it may be part of a number
_HYPHEN_MARK = re.compile("\ufffe")  # pdfium's mark for a hyphen at a line end
_TEXT_LINE = re.compile(r"[^\r\n]+")
_INDENT = 8.0  # points beyond the left margin that make a first-line indent
_SHORT = 0.75  # a line ending before this share of the text width is a last line


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    bottom: float
    top: float
    rows: list = None  # a table: its rows as pipe lines

    @property
    def block(self) -> bool:
        return self.rows is not None


def page_lines(textpage, text: str = None) -> list:
    """The text layer's lines with their boxes (PDF units, y upwards): a line's
    box is the union of the rectangles pdfium draws around its characters."""
    text = textpage.get_text_range() if text is None else text
    lines = []
    for match in _TEXT_LINE.finditer(text):
        raw = match.group(0)
        content = raw.lstrip(_EDGE_JUNK).rstrip(_END_JUNK)
        if not content.strip():
            continue
        start = match.start() + len(raw) - len(raw.lstrip(_EDGE_JUNK))
        boxes = [textpage.get_rect(i) for i in range(textpage.count_rects(start, len(content)))]
        if boxes:
            lines.append(Line(_without_junk(content), min(b[0] for b in boxes), max(b[2] for b in boxes),
                              min(b[1] for b in boxes), max(b[3] for b in boxes)))
    return merge_same_baseline(lines)


def _without_junk(text: str) -> str:
    if "\ufffe" in text:
        text = _HYPHEN_MARK.sub(_hyphen, text)
    if "\x02" in text or "\x00" in text:  # rare; translate is slow on every line
        text = text.translate(_JUNK)
    return text.strip()


def _hyphen(mark) -> str:
    """Dropped inside a word cut in two ("thông|tin"), a hyphen anywhere else
    ("145/KH-UBND", "COVID-19", "12/QĐ-" at the end of the line)."""
    text, at = mark.string, mark.start()
    word_cut = 0 < at < len(text) - 1 and text[at - 1].islower() and text[at + 1].islower()
    return "" if word_cut else "-"


def merge_same_baseline(lines: list) -> list:
    """pdfium starts a new line at a superscript (footnote mark); glue it back."""
    merged = []
    for line in lines:
        last = merged[-1] if merged else None
        if last and _same_row(last, line) and 0 <= line.x0 - last.x1 < 12:
            merged[-1] = Line(last.text + " " + line.text, last.x0, line.x1,
                              min(last.bottom, line.bottom), max(last.top, line.top))
        else:
            merged.append(line)
    return merged


def insert_lines(lines: list, extra: list) -> list:
    """Each extra Line (a table block, a line read apart) put before the
    first text line below it."""
    kept = list(lines)
    for line in sorted(extra, key=lambda e: -e.top):
        at = next((i for i, old in enumerate(kept) if not old.block and old.top <= line.bottom + 2), len(kept))
        kept.insert(at, line)
    return kept


def _same_row(a: Line, b: Line) -> bool:
    overlap = min(a.top, b.top) - max(a.bottom, b.bottom)
    return overlap > 0.5 * min(a.top - a.bottom, b.top - b.bottom)


def _is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


def _edge_key(line: Line) -> str:
    return _DIGITS.sub("#", " ".join(line.text.split()).lower())


def _numbered_edges(pages: list) -> set:
    """'top'/'bottom' where most pages carry a page number (a lone number there)."""
    counts = Counter()
    for lines in pages:
        counts.update(edge for edge, group in (("top", lines[:2]), ("bottom", lines[-2:]))
                      if any(_is_page_number(line.text) for line in group))
    return {edge for edge, n in counts.items() if n >= max(2, len(pages) // 2)}


def drop_running_lines(pages: list) -> list:
    """Remove page numbers and the header/footer lines repeated on most pages
    (tables, which may open or close every page, are kept)."""
    edges = Counter()
    for lines in pages:
        edges.update({_edge_key(line) for line in lines[:2] + lines[-2:] if not line.block})
    repeated = {key for key, n in edges.items() if len(pages) >= 3 and n >= max(3, len(pages) // 2)}
    numbered = _numbered_edges(pages)
    cleaned = []
    for lines in pages:
        edge = {id(line): name for name, group in (("bottom", lines[-2:]), ("top", lines[:2])) for line in group}
        cleaned.append([line for line in lines if id(line) not in edge or line.block or not (
            _edge_key(line) in repeated or (edge[id(line)] in numbered and _is_page_number(line.text)))])
    return cleaned


class _Frame:
    """The page's text frame: left margin, right edge, usual line pitch."""

    def __init__(self, lines: list):
        lefts = Counter(round(line.x0) for line in lines)
        usual = [x for x, n in lefts.items() if n >= max(2, lefts.most_common(1)[0][1] // 3)]
        # no two lines start alike (a page of centred lines): the leftmost line
        self.left = min(usual) if len(lines) > 2 and usual else min(line.x0 for line in lines)
        self.right = max(line.x1 for line in lines)
        pitches = sorted(a.bottom - b.bottom for a, b in zip(lines, lines[1:]) if 0 < a.bottom - b.bottom < 40)
        height = statistics.median(line.top - line.bottom for line in lines)
        # single line spacing: the smallest usual pitch, at most 1.15 line heights
        self.pitch = min(pitches[len(pitches) // 4] if pitches else 14.0, 1.15 * height)

    def indented(self, line: Line) -> bool:
        return line.x0 - self.left > _INDENT

    def centred(self, line: Line) -> bool:
        return self.indented(line) and abs((line.x0 - self.left) - (self.right - line.x1)) < 20

    def short(self, line: Line) -> bool:
        return line.x1 < self.left + _SHORT * (self.right - self.left)


def _all_capitals(text: str) -> bool:
    return text.upper() == text and any(c.isalpha() for c in text)


def _breaks_before(previous: Line, line: Line, frame: _Frame) -> bool:
    if previous.block or line.block:
        return True
    gap = previous.bottom - line.bottom
    if gap > 1.35 * frame.pitch or gap < -2:  # blank space, or a new column / text box
        return True
    if frame.centred(previous) and frame.centred(line):  # lines of a centred title, not the type word above it
        return _all_capitals(previous.text) != _all_capitals(line.text)
    if frame.indented(line) or _MARKER.match(line.text):
        return True
    return frame.short(previous) and not frame.centred(previous)


def paragraph_text(lines: list) -> str:
    """Lines of one page -> one line per paragraph, a blank line between paragraphs."""
    text_lines = [line for line in lines if not line.block]
    if not text_lines:
        return "\n\n".join(line.text for line in lines)
    frame, out = _Frame(text_lines), [lines[0].text]
    for previous, line in zip(lines, lines[1:]):
        if _breaks_before(previous, line, frame):
            out.append("\n\n" + line.text)
        elif _HYPHENATED.search(out[-1]) and line.text[:1].islower():
            out.append(line.text)
            out[-2] = out[-2][:-1]
        elif _CUT_SYMBOL.search(out[-1]) and line.text[:1].isupper():
            out.append(line.text)
        else:
            out.append(" " + line.text)
    return "".join(out)


def continues(lines: list, next_lines: list) -> bool:
    """The page's last paragraph goes on at the top of the next page: its last
    line runs to the right edge without ending a sentence, and the next page
    starts at the margin without a list marker."""
    if not lines or not next_lines or lines[-1].block or next_lines[0].block:
        return False
    last, first = lines[-1], next_lines[0]
    text_lines = [line for line in lines if not line.block]
    next_text_lines = [line for line in next_lines if not line.block]
    return not (_Frame(text_lines).short(last) or _SENTENCE_END.search(last.text)
                or _Frame(next_text_lines).indented(first) or _MARKER.match(first.text))


def _join_tables_across_pages(pages: list) -> None:
    """A table going on at the top of the next page continues the rows of the
    one ending the page (a row cut by the page break may run over several
    pages); then every table's rows are written as pipe lines."""
    open_rows, header = None, None  # rows of the table ending the previous page, and its header row
    for lines in pages:
        goes_on = open_rows is not None and bool(lines) and lines[0].block
        if goes_on:
            lines[0].rows = continue_rows(open_rows, _without_header(lines[0].rows, header))
            if len(lines) == 1 and not lines[0].rows:  # one cut row over the whole page
                continue
        if lines and lines[-1].block:
            same_table = goes_on and len(lines) == 1  # the page holds only the table going on
            header = header if same_table else (lines[-1].rows or [None])[0]
            open_rows = lines[-1].rows
        else:
            open_rows, header = None, None
    for lines in pages:
        for line in lines:
            if line.block:
                line.text = "\n".join(table_row_line(row) for row in line.rows)


def _cells(row) -> list:
    return [" ".join((cell or "").split()) for cell in row or ()]


def _without_header(rows: list, header) -> list:
    """The rows of a table going on at the top of a page, without the header row repeated there,
    so that a row cut by the page break meets the row it continues."""
    return rows[1:] if rows and header and _cells(rows[0]) == _cells(header) else rows


def _laid_out(lines: list, number: int, warnings: list) -> str:
    """The page's paragraphs; a page whose layout cannot be worked out is kept
    as its lines, one per line, with a warning (the document goes on)."""
    try:
        return paragraph_text(lines)
    except (ArithmeticError, ValueError, IndexError) as error:
        warnings.append(f"page {number}: layout not read ({error}); its lines kept as they are")
        return "\n\n".join(line.text for line in lines)


def _safe_continues(lines: list, next_lines: list) -> bool:
    try:
        return continues(lines, next_lines)
    except (ArithmeticError, ValueError, IndexError):
        return False


def pages_text(pages: list, warnings: list = None) -> tuple:
    """Lines of each page -> (text of each page, indexes of pages whose last
    paragraph goes on at the top of the next one); pages that cannot be laid
    out are noted in warnings."""
    warnings = [] if warnings is None else warnings
    pages = drop_running_lines(pages)
    _join_tables_across_pages(pages)
    joined = {i for i, (lines, next_lines) in enumerate(zip(pages, pages[1:])) if _safe_continues(lines, next_lines)}
    return [_laid_out(lines, number, warnings) for number, lines in enumerate(pages, 1)], joined


def join_pages(texts: list, joined: set) -> tuple:
    """(whole text, offset where each page begins): "\f" ends a page, and a
    blank line after it ends its last paragraph unless the page is joined."""
    parts, starts, offset = [], [], 0
    for index, text in enumerate(texts):
        starts.append(offset)
        parts.append(text.strip("\n") + ("\f\n" if index in joined else "\n\f\n"))
        offset += len(parts[-1])
    return "".join(parts), starts
