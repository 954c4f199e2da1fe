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
_COLUMN_GAP = 24.0  # points of blank between two pieces of a line that make two columns
_TEXT_WIDTH = 300.0  # points: a text frame at least this wide holds full lines (half a page does not)
_SHORT = 0.75  # a line ending before this share of the text width is a last line


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    bottom: float
    top: float
    rows: list = None  # a table: its rows as pipe lines
    size: float = 0.0  # font size of its first character (0: not known, as for OCR lines)

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
        size = _font_size(textpage, start)
        for group, text in _column_pieces(textpage, boxes, content, size):
            lines.append(Line(_without_junk(text), min(b[0] for b in group), max(b[2] for b in group),
                              min(b[1] for b in group), max(b[3] for b in group), size=size))
    return merge_same_baseline(lines, _COLUMN_GAP)


def _column_pieces(textpage, boxes: list, content: str, size: float) -> list:
    """A text line's (boxes, text) pieces: one, or one per column where the line
    jumps a column gap (the cells of a borderless header or signature table)."""
    groups = [[]]
    for box in boxes:
        if groups[-1] and box[0] - groups[-1][-1][2] > max(_COLUMN_GAP, 2 * size):
            groups.append([])
        groups[-1].append(box)
    if len(groups) == 1:
        return [(boxes, content)] if boxes else []
    return [(group, textpage.get_text_bounded(min(b[0] for b in group), min(b[1] for b in group),
                                              max(b[2] for b in group), max(b[3] for b in group)))
            for group in groups]


def _font_size(textpage, index: int) -> float:
    import pypdfium2.raw as pdfium_c
    return round(pdfium_c.FPDFText_GetFontSize(textpage.raw, index), 1)


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


def merge_same_baseline(lines: list, gap: float = 12.0) -> list:
    """pdfium starts a new line at a superscript (footnote mark); glue it back
    (and pieces of a line closer than `gap`)."""
    merged = []
    for line in lines:
        last = merged[-1] if merged else None
        if last and _same_row(last, line) and 0 <= line.x0 - last.x1 < gap:
            merged[-1] = Line(last.text + " " + line.text, last.x0, line.x1,
                              min(last.bottom, line.bottom), max(last.top, line.top), size=last.size)
        else:
            merged.append(line)
    return merged


def in_columns(lines: list) -> list:
    """Side-by-side columns (a borderless header or signature table: "Nơi nhận"
    on the left, the signer on the right) read column after column: from a row
    cut by a column gap, the lines below lying wholly on one side of the gap go
    with their column. A lone cut row is glued back into one line."""
    out, i = [], 0
    while i < len(lines):
        end = i + 1
        split = _column_split(lines[i], lines[end]) if end < len(lines) else None
        if split is None:
            out.append(lines[i])
            i += 1
            continue
        while end < len(lines) and not lines[end].block and (lines[end].x1 < split or lines[end].x0 > split) \
                and lines[end - 1].bottom - lines[end].bottom < 2 * max(lines[end].top - lines[end].bottom, 8):
            end += 1
        region = lines[i:end]
        if all(_same_row(region[0], line) for line in region):  # one row: the pieces of one line
            out.extend(merge_same_baseline(region, float("inf")))
        else:
            out.extend([line for line in region if line.x1 < split] + [line for line in region if line.x0 > split])
        i = end
    return out


def _column_split(left: Line, right: Line):
    """The middle of the column gap between two pieces of one row, or None."""
    if left.block or right.block or not _same_row(left, right) or right.x0 - left.x1 <= _COLUMN_GAP:
        return None
    return (left.x1 + right.x0) / 2


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
    """The page's text frame: left margin, right edge, usual line pitch of
    each font size (11 pt recipients after 14 pt text are set closer)."""

    def __init__(self, lines: list):
        lefts = Counter(round(line.x0) for line in lines)
        usual = [x for x, n in lefts.items() if n >= max(2, lefts.most_common(1)[0][1] // 3)]
        # no two lines start alike (a page of centred lines): the leftmost line
        self.left = min(usual) if len(lines) > 2 and usual else min(line.x0 for line in lines)
        self.right = max(line.x1 for line in lines)
        self.pitch = _usual_pitch(lines)
        sizes = Counter(line.size for line in lines if line.size)
        self._pitches = {size: _usual_pitch([line for line in lines if line.size == size])
                         for size, n in sizes.items() if n >= 3}

    def pitch_of(self, line: Line) -> float:
        """Single line spacing for the line's own font size (the page's when too few lines share it)."""
        return self._pitches.get(line.size) or self.pitch

    def indented(self, line: Line) -> bool:
        return line.x0 - self.left > _INDENT

    def symmetric(self, line: Line) -> bool:
        return abs((line.x0 - self.left) - (self.right - line.x1)) < 20

    def centred(self, line: Line) -> bool:
        return self.indented(line) and self.symmetric(line)

    def full(self, line: Line) -> bool:
        """Centred over the whole text width (not a half-page signature or header column)."""
        width = self.right - self.left
        return width > _TEXT_WIDTH and self.symmetric(line) and line.x1 - line.x0 > 0.85 * width

    def short(self, line: Line) -> bool:
        return line.x1 < self.left + _SHORT * (self.right - self.left)


def _usual_pitch(lines: list) -> float:
    """Single line spacing: the smallest usual pitch between consecutive lines, at most 1.15 line heights."""
    pitches = sorted(a.bottom - b.bottom for a, b in zip(lines, lines[1:]) if 0 < a.bottom - b.bottom < 40)
    height = statistics.median(line.top - line.bottom for line in lines)
    return min(pitches[len(pitches) // 4] if pitches else 14.0, 1.15 * height)


def _all_capitals(text: str) -> bool:
    return text.upper() == text and any(c.isalpha() for c in text)


def _other_size(a: Line, b: Line) -> bool:
    return bool(a.size and b.size) and abs(a.size - b.size) > 1


def _title_lines(previous: Line, line: Line, frame: _Frame) -> bool:
    """Two lines of a centred block: both centred, or one centred under or over a line filling the
    text width (a long title wraps its first line near the margins), both in capitals or cut
    mid-sentence ("(Ban hành kèm theo Kế hoạch số ... ngày 24 tháng" / "11 năm 2025 ...)")."""
    if frame.centred(line) and frame.centred(previous):
        return True
    wrapped = (frame.full(previous) and frame.centred(line)) or (frame.centred(previous) and frame.full(line))
    cut = not _SENTENCE_END.search(previous.text) and not _MARKER.match(line.text)
    return wrapped and (cut or _all_capitals(previous.text) and _all_capitals(line.text))


def _lower_continuation(previous: Line, line: Line) -> bool:
    """A paragraph never starts with a small letter without a marker: the line goes on the sentence above."""
    return line.text[:1].islower() and not _MARKER.match(line.text) and not _SENTENCE_END.search(previous.text)


def _breaks_before(previous: Line, line: Line, frame: _Frame) -> bool:
    if previous.block or line.block:
        return True
    gap = previous.bottom - line.bottom
    if gap > 1.35 * max(frame.pitch_of(previous), frame.pitch_of(line)) or gap < -2:
        return True  # blank space, or a new column / text box
    if _other_size(previous, line):  # a paragraph is set in one size ("Nơi nhận" in 11 pt after 14 pt text)
        return True
    if _title_lines(previous, line, frame):  # lines of a centred title, not the type word above it
        return _all_capitals(previous.text) != _all_capitals(line.text)
    if _lower_continuation(previous, line):  # "Hà Tĩnh, ngày 19 tháng 11" / "năm 2025" in a narrow column
        return False
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


def _join_tables_across_pages(pages: list) -> set:
    """A table going on at the top of the next page continues the rows of the
    one ending the page: the header row repeated at the top of the page is
    dropped and a row cut by the page break joined (it may run over several
    pages); then every table's rows are written as pipe lines. Returns the
    indexes of the pages whose table goes on at the top of the next one."""
    open_rows, headers, going_on = None, set(), set()  # the table ending the previous page, header rows seen
    for number, lines in enumerate(pages):
        goes_on = open_rows is not None and bool(lines) and lines[0].block
        rows = _without_header(lines[0].rows, headers) if goes_on else None
        if goes_on and _same_columns(open_rows, rows):
            going_on.add(number - 1)
            lines[0].rows = continue_rows(open_rows, rows)
            if len(lines) == 1 and not lines[0].rows:  # one cut row over the whole page
                continue
        new_tables = lines[1:] if number - 1 in going_on else lines
        headers |= {_cells(line.rows[0]) for line in new_tables if line.block and line.rows}
        open_rows = lines[-1].rows if lines and lines[-1].block else None
    for lines in pages:
        for line in lines:
            if line.block:
                line.text = "\n".join(table_row_line(row) for row in line.rows)
    return going_on


def _same_columns(rows: list, next_rows: list) -> bool:
    return not rows or not next_rows or len(rows[-1]) == len(next_rows[0])


def _cells(row) -> tuple:
    return tuple(" ".join((cell or "").split()) for cell in row or ())


def _without_header(rows: list, headers: set) -> list:
    """The rows of a table going on at the top of a page, without the header row a word processor
    repeats there, so that a row cut by the page break meets the row it continues."""
    return rows[1:] if rows and _cells(rows[0]) in headers else rows


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
    joined = _join_tables_across_pages(pages)
    joined |= {i for i, (lines, next_lines) in enumerate(zip(pages, pages[1:])) if _safe_continues(lines, next_lines)}
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
