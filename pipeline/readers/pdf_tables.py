"""Ruled tables in PDFs, read with pdfplumber only on pages that draw rules.

Rows become cell lists: a horizontally merged cell appears once, a
vertically merged one repeats its value in the rows it spans.
"""
import re
from dataclasses import dataclass

_THIN = 3.0  # points: a path thinner than this is a rule
_LONG = 20.0
_CUT_SYMBOL = re.compile(r"(/[A-ZĐ]{1,10}-)\n(?=[A-ZĐ])")  # "84/BC-" at a line end, "UBND" on the next


@dataclass
class Table:
    rows: list  # of cell lists
    left: float  # PDF units, y upwards
    right: float
    bottom: float
    top: float

    def contains(self, x: float, y: float) -> bool:
        return self.left - 2 <= x <= self.right + 2 and self.bottom - 2 <= y <= self.top + 2


def has_rules(page) -> bool:
    """Rules that draw a grid of two rows or two columns at least: a table, or
    one row of a table going on over the whole page (2 horizontal, 3 vertical)."""
    import pypdfium2.raw as pdfium_c
    horizontal = vertical = 0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,)):
        left, bottom, right, top = obj.get_bounds()
        width, height = right - left, top - bottom
        horizontal += width > _LONG and height < _THIN
        vertical += height > _LONG / 2 and width < _THIN
        if horizontal >= 2 and vertical >= 2 and horizontal + vertical >= 5:
            return True
    return False


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


def page_tables(plumber_page, height: float) -> list:
    """Tables of one pdfplumber page, boxes turned to PDF units (y upwards)."""
    tables = []
    for found in plumber_page.find_tables():
        x0, top, x1, bottom = found.bbox
        rows = _rows(found)
        if len(rows) >= 1 and max(len(r) for r in rows) >= 2:
            tables.append(Table(rows, x0, x1, height - bottom, height - top))
    return tables


def continue_rows(previous: list, rows: list) -> list:
    """A row cut by the page break starts with an empty first cell: merge it up.
    Returns the rows still to write."""
    if previous and rows and not rows[0][0].strip() and len(rows[0]) == len(previous[-1]):
        previous[-1] = [" ".join(filter(None, (a.strip(), b.strip()))) for a, b in zip(previous[-1], rows[0])]
        return rows[1:]
    return rows
