"""Ruled tables in PDFs, read on the pages that draw rules.

pdfplumber's table finder (its geometry only) is fed with the rules pdfium
reads from the page's path objects, and cell text is read with pdfium: the
page is never parsed again by pdfminer. Rows become cell lists: a
horizontally merged cell appears once, a vertically merged one repeats its
value in the rows it spans.
"""
import ctypes
import re
from dataclasses import dataclass

_THIN = 3.0  # points: a path thinner than this is a rule
_LONG = 20.0
_CUT_SYMBOL = re.compile(r"(/[A-ZĐ]{1,10}-)\n(?=[A-ZĐ])")  # "84/BC-" at a line end, "UBND" on the next
_DEPTH = 15  # form XObjects nested as deep as pypdfium2's get_objects enters them
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_HYPHEN_MARK = 0x02  # pdfium's code for a hyphen ending a line


@dataclass
class Table:
    rows: list  # of cell lists
    left: float  # PDF units, y upwards
    right: float
    bottom: float
    top: float

    def contains(self, x: float, y: float) -> bool:
        return self.left - 2 <= x <= self.right + 2 and self.bottom - 2 <= y <= self.top + 2


class _Page:
    """What pdfplumber's TableFinder and Table.extract() read of a page with
    the "lines" strategy: edges, bbox and chars (set once the tables are found)."""

    def __init__(self, edges: list, width: float, height: float):
        self.edges, self.bbox, self.chars = edges, (0, 0, width, height), []


def page_paths(page) -> list:
    """(path object, matrix of the forms around it) for every path object of
    the page: one walk of raw handles serves has_rules and the table edges."""
    import pypdfium2.raw as pdfium_c
    return list(_paths(page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, _IDENTITY, 0))


def _paths(parent, count, get, outer: tuple, level: int):
    import pypdfium2.raw as pdfium_c
    for i in range(count(parent)):
        obj = get(parent, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            yield obj, outer
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and level < _DEPTH - 1:
            yield from _paths(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject,
                              _times(_matrix(obj), outer), level + 1)


def _matrix(obj) -> tuple:
    import pypdfium2.raw as pdfium_c
    m = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(obj, m)
    return m.a, m.b, m.c, m.d, m.e, m.f


def _times(m: tuple, n: tuple) -> tuple:
    """Matrix m then n (PDF row-vector convention)."""
    return (m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
            m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
            m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5])


def _bounds(obj) -> tuple:
    import pypdfium2.raw as pdfium_c
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    return left.value, bottom.value, right.value, top.value


def has_rules(paths: list) -> bool:
    """Rules that draw a grid of two rows or two columns at least: a table, or
    one row of a table going on over the whole page (2 horizontal, 3 vertical)."""
    horizontal = vertical = 0
    for obj, _ in paths:
        left, bottom, right, top = _bounds(obj)
        width, height = right - left, top - bottom
        horizontal += width > _LONG and height < _THIN
        vertical += height > _LONG / 2 and width < _THIN
        if horizontal >= 2 and vertical >= 2 and horizontal + vertical >= 5:
            return True
    return False


def _subpaths(obj, matrix: tuple, height: float) -> list:
    """End points of each subpath in page space, y downwards (pdfplumber's
    "top"); a closed subpath ends back at its start and a Bézier curve keeps
    only its end point, as pdfminer gives a path's points."""
    import pypdfium2.raw as pdfium_c
    a, b, c, d, e, f = matrix
    subpaths, points, controls = [], [], 0
    x, y = ctypes.c_float(), ctypes.c_float()
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        controls = controls + 1 if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO else 0
        if controls % 3:
            continue  # a control point: a curve's three points end at the third
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = (a * x.value + c * y.value + e, height - (b * x.value + d * y.value + f))
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not points:
            points = [point]
            subpaths.append(points)
        else:
            points.append(point)
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            points.append(points[0])
    return subpaths


def _edges(paths: list, height: float) -> list:
    """pdfplumber's edges of the paths: one per pair of consecutive points
    (a rectangle gives its 4 sides, a line itself). A slanted one gets no
    orientation and the table finder leaves it out (pdfplumber would take a
    slanted line, such as the diagonal of a header cell, for a vertical one)."""
    from pdfplumber.utils import curve_to_edges
    edges = []
    for obj, outer in paths:
        for points in _subpaths(obj, _times(_matrix(obj), outer), height):
            edges += curve_to_edges({"pts": points, "top": 0, "doctop": 0})  # doctop: top on a one-page document
    return edges


def _chars(textpage, height: float, boxes: list) -> list:
    """pdfplumber's chars for the drawn characters that meet the boxes
    (pdfium's generated spaces and line breaks left out, its line-end hyphen
    read as "-"), boxed as pdfminer boxes them: from the origin to the
    advance, and one font size up from the descent (pdfium's loose box grows
    with tall glyphs such as "Ủ", which would break a line of capitals)."""
    import pypdfium2.raw as pdfium_c
    raw, box, chars = textpage.raw, pdfium_c.FS_RECTF(), []
    for i in range(pdfium_c.FPDFText_CountChars(raw)):
        if not pdfium_c.FPDFText_GetLooseCharBox(raw, i, box) or pdfium_c.FPDFText_IsGenerated(raw, i):
            continue
        bottom = height - box.bottom
        if not _meets(boxes, box.left, height - box.top, box.right, bottom):
            continue  # Table.extract() tests every char again for every row: leave out the rest of the page
        code, top = pdfium_c.FPDFText_GetUnicode(raw, i), bottom - pdfium_c.FPDFText_GetFontSize(raw, i)
        chars.append({"text": "-" if code == _HYPHEN_MARK else chr(code), "x0": box.left, "x1": box.right,
                      "top": top, "doctop": top, "bottom": bottom, "upright": True})
    return chars


def _meets(boxes: list, x0: float, top: float, x1: float, bottom: float) -> bool:
    """The char's loose box overlaps a box: every char whose middle
    Table.extract() finds in a cell (a loose box is over half a font size tall)."""
    return any(x0 <= right and left <= x1 and top <= low and high <= bottom for left, high, right, low in boxes)


def _column_lefts(table) -> list:
    lefts = {}
    for row in table.rows:
        for j, cell in enumerate(row.cells):
            if cell is not None:
                lefts[j] = min(lefts.get(j, cell[0]), cell[0])
    return [lefts.get(j, 0.0) for j in range(max(lefts, default=-1) + 1)]


def _row_cells(boxes: list, texts: list, above: list, lefts: list) -> list:
    cells, spanning_right = [], -1.0
    for j, (box, text) in enumerate(zip(boxes, texts)):
        if box is not None:
            cells.append(_CUT_SYMBOL.sub(r"\1", text or ""))
            spanning_right = box[2]
        elif j < len(lefts) and spanning_right > lefts[j] + 1:
            continue  # covered by the cell on its left: merged across
        else:
            cells.append(above[len(cells)] if len(cells) < len(above) else "")  # merged down
    return cells


def _rows(table) -> list:
    lefts, rows, above = _column_lefts(table), [], []
    for row, texts in zip(table.rows, table.extract()):
        cells = _row_cells(row.cells, texts, above, lefts)
        if any(c.strip() for c in cells):
            rows.append(cells)
        above = cells
    return rows


def page_tables(page, textpage, paths: list) -> list:
    """Tables of one pdfium page, boxes in PDF units (y upwards)."""
    from pdfplumber.table import TableFinder
    width, height = page.get_size()
    plumber_page = _Page(_edges(paths, height), width, height)
    found = TableFinder(plumber_page).tables
    plumber_page.chars = _chars(textpage, height, [table.bbox for table in found]) if found else []
    tables = []
    for table in found:
        x0, top, x1, bottom = table.bbox
        rows = _rows(table)
        if len(rows) >= 1 and max(len(r) for r in rows) >= 2:
            tables.append(Table(rows, x0, x1, height - bottom, height - top))
    return tables


def continue_rows(previous: list, rows: list) -> list:
    """A row cut by the page break goes on in the first row of the next page: merge it up.
    Returns the rows still to write."""
    if previous and rows and len(rows[0]) == len(previous[-1]) and _cut_row(rows[0]):
        previous[-1] = [" ".join(filter(None, (a.strip(), b.strip()))) for a, b in zip(previous[-1], rows[0])]
        return rows[1:]
    return rows


def _cut_row(row: list) -> bool:
    """The rest of a cut row: its first cell (the number, the task) is empty, or every cell it
    fills goes on a sentence (starts with a small letter)."""
    filled = [cell.strip() for cell in row if cell.strip()]
    return not row[0].strip() or bool(filled) and all(cell[:1].islower() for cell in filled)
