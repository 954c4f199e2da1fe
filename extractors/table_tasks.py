"""Tasks from assignment tables: one task per data row, read from the row's cells by
column role (pipeline.tables): the task cell names it and gives its span, the lead
cell (or a group row naming an agency) its lead, the phối hợp cell (or "phối hợp
với ..." in the task cell) its partners, the deadline cell its deadline.
"""
import re
from typing import Optional

from extractors import agencies, deadlines

_WORD = re.compile(r"[^\W\d_]{2}")
_LIST_GOES_ON = re.compile(r"(?:[,;:\-]|\bvà|\bcác)\s*$")
_PARTNERS = re.compile(r"phối hợp\s+(?:với\s+|cùng\s+)?", re.I)
_BULLET = re.compile(r"(?:^|\s*;?\s+)[-+•]\s+")
_LINE_BREAK = re.compile(r"<br\s*/?>", re.I)  # web tables keep line breaks inside cells as <br>
# One "Cơ quan thực hiện" cell for both roles: "Chủ trì: Sở Y tế; Phối hợp: Công an tỉnh"
_ROLE_LABEL = re.compile(r"(?:^|(?<=[\s;.,]))(?:(?:Cơ quan|Đơn vị)\s+)?(chủ trì|phối hợp)\s*:\s*", re.I)
# "Sở Nội vụ chủ trì, các sở phối hợp"
_ROLE_WORDS = re.compile(r"^(.+?)\s+chủ trì\s*[,;]\s*(.+?)\s+phối hợp\W*$", re.I)
_LEAD_NOTE = re.compile(r"\((?:là\s+)?(?:(?:cơ quan|đơn vị)\s+)?chủ trì\)", re.I)  # "Sở Y tế (chủ trì), UBND các xã"


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
        self.caption = None  # the year of the title above the table: "... ĐẾN NĂM 2030"
        self.table = None
        self.assigns = False

    def read(self, block) -> list:
        """[(text, lead, coordinating, deadline, (start, end))] for a row of an assignment table: its task cell."""
        table, row = block.table, block.table_row
        if table is None or row is None or row.kind != "data":
            return []
        if table is not self.table:
            self.table, self.assigns = table, table.assigns
        task = table.cell(row, "task")
        if not self.assigns or task is None or not _WORD.search(task.text):
            return []
        lead, coord = roles(_agency_text(table.cell(row, "lead")))
        if not lead and not table.text(row, "lead"):
            group = table.group_lead(row)
            lead = [group] if group else []
        if not lead:
            return []
        if "coordinating" in table.roles:
            coord += split_cell(_agency_text(table.cell(row, "coordinating")))
        else:
            coord += _partners(task.text)
        deadline = deadlines.parse(table.text(row, "deadline"), self.default_year) \
            if "deadline" in table.roles else self.caption
        return [(_LINE_BREAK.sub(" ", task.text), lead, coord, deadline, (task.start, task.end))]


def _agency_text(cell) -> str:
    """An agency cell's text, a ";" where one of its lines starts another agency ("Sở Y tế" over
    "Sở Tài chính"), not where a name wraps ("Bộ Khoa học và" over "Công nghệ")."""
    if cell is None:
        return ""
    if len(cell.lines) < 2:
        return cell.text
    text = cell.lines[0]
    for line in cell.lines[1:]:
        new = agencies.starts_agency(line, cased=True) and not _LIST_GOES_ON.search(text)
        text += ("; " if new else " ") + line
    return text


def _partners(task: str) -> list:
    """The partners a task cell names: "Chủ trì, phối hợp với Sở Tài chính, UBND các xã xây dựng ..."."""
    m = _PARTNERS.search(task)
    found = agencies.read_list(task, m.end()) if m else None
    return found[0] if found else []
