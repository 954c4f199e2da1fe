"""Ruled tables in page images (scans), found from the rules drawn on the bitmap.

Long horizontal and vertical dark runs are the rules; rules that cross one
another make a grid, and its cells are the rectangles between them (a rule
missing inside the grid merges two cells). OCR's words are put in the cells
by their centres, so a row is read cell by cell instead of across the page.
Rows come out as pdf_tables gives them for text PDFs: a horizontally merged
cell once, a vertically merged one repeated in the rows it spans.
A box holding a whole header or letter (one cell, one row of two cells, or a
cell of half the page both ways) is not a table: its words stay text.
The ink no OCR word covers (a lone row number, a line the layout analysis
dropped) is boxed here to be read again.
"""
from dataclasses import dataclass

import numpy as np

_DARK = 160  # grey level (0-255) below which a pixel is ink
_RULE_INCHES = 0.4  # a horizontal dark run this long is a rule (a word never is)
_TALL_INCHES = 0.2  # a vertical run this long is a rule when it meets horizontal ones
_NEAR_INCHES = 0.02  # rules this close are one; a rule ends this close to another one
_PRESENT = 0.8  # share of a cell edge a rule must cover to separate two cells


@dataclass(frozen=True)
class Rule:
    at: int  # y of a horizontal rule, x of a vertical one (pixels)
    start: int  # where it begins and ends along its length
    end: int


@dataclass
class Grid:
    xs: list  # x of each column edge, left to right (pixels, y downwards)
    ys: list  # y of each row edge, top to bottom
    cells: list  # cells[i][j]: id of the cell covering row i, column j (merged cells share one)

    @property
    def box(self) -> tuple:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def contains(self, x: float, y: float) -> bool:
        return self.xs[0] <= x <= self.xs[-1] and self.ys[0] <= y <= self.ys[-1]

    def cell_at(self, x: float, y: float) -> tuple:
        """(row, column) of a point inside the grid."""
        row = min(max(int(np.searchsorted(self.ys, y)) - 1, 0), len(self.ys) - 2)
        return row, min(max(int(np.searchsorted(self.xs, x)) - 1, 0), len(self.xs) - 2)


def _near(dpi: float) -> int:
    return max(2, round(_NEAR_INCHES * dpi))


def long_runs(mask: np.ndarray, least: int) -> np.ndarray:
    """Pixels of `mask` in a run of at least `least` along each row."""
    edges = np.diff(np.pad(mask, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    keep = ends - starts >= least
    out = np.zeros(mask.shape, bool)
    for row, start, end in zip(rows[keep], starts[keep], ends[keep]):
        out[row, start:end] = True
    return out


def _rules(runs: np.ndarray, least: int) -> list:
    """Bands of adjacent rows holding runs -> one Rule per stretch along them."""
    found = []
    rows = np.flatnonzero(runs.any(axis=1))
    for band in np.split(rows, np.flatnonzero(np.diff(rows) > 1) + 1) if rows.size else []:
        covered = runs[band[0]:band[-1] + 1].any(axis=0)
        edges = np.diff(np.pad(covered, 1).astype(np.int8))
        for start, end in zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)):
            if end - start >= least:
                found.append(Rule(int(band.mean()), int(start), int(end)))
    return found


def _crosses(h: Rule, v: Rule, near: int) -> bool:
    return h.start - near <= v.at <= h.end + near and v.start - near <= h.at <= v.end + near


def _groups(horizontal: list, vertical: list, near: int) -> list:
    """Rules that touch one another, by way of crossings: [(horizontals, verticals)]."""
    parent = list(range(len(horizontal) + len(vertical)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(horizontal):
        for j, v in enumerate(vertical):
            if _crosses(h, v, near):
                parent[root(len(horizontal) + j)] = root(i)
    groups = {}
    for i, rule in enumerate(horizontal + vertical):
        groups.setdefault(root(i), ([], []))[i >= len(horizontal)].append(rule)
    return [g for g in groups.values() if len(g[0]) >= 2 and len(g[1]) >= 2]


def _positions(rules: list, near: int) -> list:
    """Distinct positions of the rules, close ones taken as one."""
    out = []
    for at in sorted(rule.at for rule in rules):
        if out and at - out[-1][-1] <= near:
            out[-1].append(at)
        else:
            out.append([at])
    return [round(sum(p) / len(p)) for p in out]


def _covers(rules: list, at: int, start: int, end: int, near: int) -> bool:
    """A rule near `at` runs over most of start..end."""
    covered = sum(max(0, min(r.end, end) - max(r.start, start)) for r in rules if abs(r.at - at) <= near)
    return covered >= _PRESENT * (end - start)


def _merged_cells(xs: list, ys: list, horizontal: list, vertical: list, near: int) -> list:
    """cells[i][j] = id of the cell at row i, column j: a missing rule joins two cells."""
    cells = [[i * len(xs) + j for j in range(len(xs) - 1)] for i in range(len(ys) - 1)]
    for i in range(len(ys) - 1):
        for j in range(len(xs) - 1):
            if j and not _covers(vertical, xs[j], ys[i], ys[i + 1], near):
                cells[i][j] = cells[i][j - 1]
            elif i and not _covers(horizontal, ys[i], xs[j], xs[j + 1], near):
                cells[i][j] = cells[i - 1][j]
    return cells


def _is_table(grid: Grid, width: int, height: int) -> bool:
    rows, columns = len(grid.ys) - 1, len(grid.xs) - 1
    if rows < 2 and columns < 3:  # one box, or a row of two: a header or a framed letter
        return False
    return not any(right - left >= width / 2 and bottom - top >= height / 2
                   for left, top, right, bottom in _cell_boxes(grid).values())


def rule_masks(gray: np.ndarray, dpi: float) -> tuple:
    """(horizontal, vertical) masks of the long dark runs of a grey image."""
    dark = gray < _DARK
    return long_runs(dark, round(_RULE_INCHES * dpi)), long_runs(dark.T, round(_TALL_INCHES * dpi)).T


def find_grids(gray: np.ndarray, dpi: float) -> tuple:
    """(tables, every grid) of a grey page image: Grids of crossing rules;
    tables are the grids with two rows and two columns at least (or one row
    of three) and no cell of half the page."""
    return _grids(rule_masks(gray, dpi), gray.shape, dpi)


def _grids(masks: tuple, shape: tuple, dpi: float) -> tuple:
    near = _near(dpi)
    horizontal_mask, vertical_mask = masks
    horizontal = _rules(horizontal_mask, round(_RULE_INCHES * dpi))
    vertical = _rules(vertical_mask.T, round(_TALL_INCHES * dpi))
    grids = []
    for hs, vs in _groups(horizontal, vertical, near):
        xs, ys = _positions(vs, near), _positions(hs, near)
        if len(xs) >= 2 and len(ys) >= 2:
            grids.append(Grid(xs, ys, _merged_cells(xs, ys, hs, vs, near)))
    height, width = shape
    return [g for g in grids if _is_table(g, width, height)], grids


def without_rules(gray: np.ndarray, dpi: float) -> tuple:
    """(the page's tables, the page with every grid's rules painted white, so
    OCR reads no bar as a letter); the rules are searched once."""
    masks = rule_masks(gray, dpi)
    tables, grids = _grids(masks, gray.shape, dpi)
    return tables, _erased(gray, grids, masks, dpi) if grids else gray


def _erased(gray: np.ndarray, grids: list, masks: tuple, dpi: float) -> np.ndarray:
    near = _near(dpi)
    horizontal, vertical = masks
    inside = np.zeros(gray.shape, bool)
    for grid in grids:
        left, top, right, bottom = grid.box
        inside[max(0, top - near):bottom + near + 1, max(0, left - near):right + near + 1] = True
    rules = (horizontal | vertical) & inside
    grown = rules.copy()  # the grey edge pixels beside a rule go too
    for shift in (1, 2):
        grown[shift:] |= rules[:-shift]
        grown[:-shift] |= rules[shift:]
        grown[:, shift:] |= rules[:, :-shift]
        grown[:, :-shift] |= rules[:, shift:]
    cleaned = gray.copy()
    cleaned[grown] = 255
    return cleaned


def _cell_boxes(grid: Grid) -> dict:
    """Cell id -> (left, top, right, bottom) in pixels, merged cells as one box."""
    boxes = {}
    for i, row in enumerate(grid.cells):
        for j, cell in enumerate(row):
            left, top, right, bottom = boxes.get(cell, (grid.xs[j], grid.ys[i], grid.xs[j + 1], grid.ys[i + 1]))
            boxes[cell] = (min(left, grid.xs[j]), min(top, grid.ys[i]), max(right, grid.xs[j + 1]),
                           max(bottom, grid.ys[i + 1]))
    return boxes


def _centre_in(word, box: tuple) -> bool:
    x, y = (word.left + word.right) / 2, (word.top + word.bottom) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def unread_ink(gray: np.ndarray, words: list, box: tuple, dpi: float) -> list:
    """Boxes around the lines of ink inside `box` (left, top, right, bottom)
    that no word OCR read covers: a lone row number in a cell, a line the
    page layout analysis dropped."""
    near = _near(dpi)
    left, top, right, bottom = box
    ink = gray[top:bottom, left:right] < _DARK
    uncovered = ink.any(axis=1)
    for word in words:
        if _centre_in(word, box):
            uncovered[max(0, word.top - top - near):max(0, word.bottom - top + near)] = False
    rows = np.flatnonzero(uncovered)
    boxes = []
    for band in np.split(rows, np.flatnonzero(np.diff(rows) > near) + 1) if rows.size else []:
        part = ink[band[0]:band[-1] + 1]
        columns = np.flatnonzero(part.any(axis=0))
        if band[-1] - band[0] >= 2 * near and part.sum() >= near * near:
            boxes.append((max(0, left + int(columns[0]) - near), max(0, top + int(band[0]) - near),
                          left + int(columns[-1]) + near, top + int(band[-1]) + near))
    return boxes


def unread_cells(grid: Grid, words: list, gray: np.ndarray, dpi: float) -> list:
    """unread_ink of every cell of the grid, inside its rules."""
    inset = 2 * _near(dpi)
    return [found for left, top, right, bottom in _cell_boxes(grid).values()
            if right - left > 2 * inset and bottom - top > 2 * inset
            for found in unread_ink(gray, words, (left + inset, top + inset, right - inset, bottom - inset), dpi)]


def outside(gray: np.ndarray, grids: list, dpi: float) -> np.ndarray:
    """The image with the grids and their rules painted white: the page's text around its tables."""
    near, blank = _near(dpi), gray.copy()
    for grid in grids:
        left, top, right, bottom = grid.box
        blank[max(0, top - near):bottom + near + 1, max(0, left - near):right + near + 1] = 255
    return blank


def _cell_text(words: list) -> str:
    """Words of one cell in reading order: lines top to bottom, words left to right."""
    lines = []
    for word in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        middle = (word.top + word.bottom) / 2
        if lines and middle <= lines[-1][0]:
            lines[-1][1].append(word)
        else:
            lines.append((word.bottom, [word]))
    return " ".join(w.text for _, line in lines for w in sorted(line, key=lambda w: w.left))


def table_rows(grid: Grid, words: list) -> list:
    """The grid's rows as cell texts, words placed by their centres; empty rows dropped."""
    by_cell = {}
    for word in words:
        i, j = grid.cell_at((word.left + word.right) / 2, (word.top + word.bottom) / 2)
        by_cell.setdefault(grid.cells[i][j], []).append(word)
    rows = []
    for row in grid.cells:
        cells = [_cell_text(by_cell.get(cell, [])) for j, cell in enumerate(row) if not j or cell != row[j - 1]]
        if any(cells):
            rows.append(cells)
    return rows
