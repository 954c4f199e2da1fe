"""Tasks from assignment tables: one task per row, named by the task cell.

Columns are found from the header ("Nội dung/Nhiệm vụ/Tên đề án", "Cơ quan chủ
trì/Đơn vị thực hiện", "Cơ quan phối hợp", "Thời gian hoàn thành/Thời hạn").
Web copies lose cells under merged cells: a row may miss its TT cell, and
missing trailing cells take the value of the row above.
"""
import re
from typing import Optional

from extractors import agencies, deadlines

_NUMBER_HEADER = re.compile(r"^(?:S?TT|Số\s*TT|Số thứ tự)\.?$", re.I)
_TASK_HEADER = re.compile(r"nhiệm vụ|nội dung|tên|công việc|đề án|giải pháp|hoạt động|dự án|chỉ tiêu", re.I)
_CHAIR_HEADER = re.compile(r"chủ trì", re.I)
_LEAD_HEADER = re.compile(r"chủ trì|thực hiện|đầu mối|phụ trách", re.I)
_COORD_HEADER = re.compile(r"phối hợp", re.I)
_TIME_HEADER = re.compile(r"thời gian|thời hạn|tiến độ|hoàn thành|thời điểm", re.I)
_INDICATOR_HEADER = re.compile(r"chỉ tiêu", re.I)
_MONITOR_HEADER = re.compile(r"theo dõi|đánh giá|giám sát", re.I)
_NOT_TASK_HEADER = re.compile(r"chủ trì|phối hợp|thời gian|thời hạn|kết quả|ghi chú|kinh phí", re.I)
_ROW_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}(?:\.\d{1,3})*|[a-zđ])[.)]?$")
_SECTION_NUMBER = re.compile(r"^(?:[IVXLC]{1,6}(?:\.\d{1,3})*|[A-Z])[.)]?$")
_BULLET = re.compile(r"(?:^|\s*;?\s+)[-+•]\s+")
_LINE_BREAK = re.compile(r"<br\s*/?>", re.I)  # web tables keep line breaks inside cells as <br>
# One "Cơ quan thực hiện" cell for both roles: "Chủ trì: Sở Y tế; Phối hợp: Công an tỉnh"
_ROLE_LABEL = re.compile(r"(?:^|(?<=[\s;.,]))(?:(?:Cơ quan|Đơn vị)\s+)?(chủ trì|phối hợp)\s*:\s*", re.I)
# "Sở Nội vụ chủ trì, các sở phối hợp"
_ROLE_WORDS = re.compile(r"^(.+?)\s+chủ trì\s*[,;]\s*(.+?)\s+phối hợp\W*$", re.I)
_LEAD_NOTE = re.compile(r"\((?:là\s+)?(?:(?:cơ quan|đơn vị)\s+)?chủ trì\)", re.I)  # "Sở Y tế (chủ trì), UBND các xã"


class Columns:
    def __init__(self, header: list):
        self.size = len(header)
        self.number = _find(header, lambda h: _NUMBER_HEADER.match(h))
        self.lead = _find(header, lambda h: _CHAIR_HEADER.search(h)) \
            or _find(header, lambda h: _LEAD_HEADER.search(h) and not _TIME_HEADER.search(h))
        self.task = _find(header, lambda h: _TASK_HEADER.search(h) and not _NOT_TASK_HEADER.search(h))
        self.coord = _find(header, lambda h: _COORD_HEADER.search(h))
        self.time = _find(header, lambda h: _TIME_HEADER.search(h))

        # "Chỉ tiêu | ... | Cơ quan chủ trì theo dõi, đánh giá": indicators with who monitors them, not duties
        self.monitoring = self.task is not None and self.lead is not None and bool(
            _INDICATOR_HEADER.search(header[self.task]) and _MONITOR_HEADER.search(header[self.lead]))

    @property
    def usable(self) -> bool:
        return self.task is not None and self.lead is not None and not self.monitoring


def _find(header: list, test) -> Optional[int]:
    for i, text in enumerate(header):
        if test(text):
            return i
    return None


def split_cell(text: str) -> list:
    """'- Các sở, ban, ngành - UBND các quận, huyện;' -> ['Các sở, ban, ngành', 'UBND các quận, huyện'].

    A duty written after the agency ("Sở Y tế chủ trì hướng dẫn; các xã thực hiện") is left out.
    """
    names = []
    for bullet in _BULLET.split(_LINE_BREAK.sub(";", text or "")):
        for part in bullet.split(";"):
            part = part.strip(" ;,.-")
            if part:
                found = agencies.read_list(part, 0)
                names.extend(found[0] if found else agencies.split(part))
    return names


def roles(cell: str):
    """(lead, coordinating) of an agency cell that may name both roles."""
    parts = _ROLE_LABEL.split(cell or "")
    if len(parts) > 1:
        found = {"chủ trì": [], "phối hợp": []}
        for role, value in zip(parts[1::2], parts[2::2]):
            found[role.lower()].extend(split_cell(value))
        return found["chủ trì"] or split_cell(parts[0]), found["phối hợp"]
    m = _ROLE_WORDS.match(cell or "")
    if m:
        return split_cell(m.group(1)), split_cell(m.group(2))
    m = _LEAD_NOTE.search(cell or "")
    if not m:
        return split_cell(cell), []
    before = split_cell(cell[:m.start()])
    return before[-1:], before[:-1] + split_cell(cell[m.end():])


class TableReader:
    def __init__(self, default_year: Optional[int] = None):
        self.default_year = default_year
        self.header = None
        self.columns = None
        self.above = []  # the previous task row's cells, aligned to the header
        self.caption = None  # the year of the title above the table: "... ĐẾN NĂM 2030"

    def read(self, row) -> list:
        """[(text, lead, coordinating, deadline)] for a table row (none for headers and section rows)."""
        if row.header is not self.header:
            self.header, self.columns, self.above = row.header, Columns(row.header), []
        texts = [c.text for c in row.cells]
        if not self.columns.usable or texts == list(self.header):
            return []
        cells = self.align(texts)
        if cells is None:
            return []
        task, (lead, coord) = cells[self.columns.task], roles(cells[self.columns.lead])
        if not task or not lead:
            return []
        self.above = cells
        if self.columns.coord is not None:
            coord += split_cell(cells[self.columns.coord])
        deadline = deadlines.parse(cells[self.columns.time], self.default_year) \
            if self.columns.time is not None else self.caption
        return [(task, lead, coord, deadline)]

    def align(self, texts: list) -> Optional[list]:
        """Cells in header order; None for a section row ("I | Hoàn thiện thể chế")."""
        cols = self.columns
        cells = list(texts[:cols.size])
        if cols.number == 0 and cells and not _ROW_NUMBER.match(cells[0]) and len(cells) < cols.size:
            cells.insert(0, "")  # the TT cell was merged away
        if not cells or (len(cells) <= cols.lead and (
                len(cells) <= 2 or _SECTION_NUMBER.match(cells[0]))):
            return None
        if len(cells) <= cols.task:
            return None
        own = len(cells)
        for i in range(own, cols.size):
            cells.append(self.above[i] if i < len(self.above) else "")
        if own <= cols.lead and not self.above:
            return None
        return cells
