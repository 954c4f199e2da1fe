"""DOCX: paragraphs and tables in document order.

Tables become pipe rows: a horizontally merged cell appears once, a vertically
merged one repeats its value. A borderless table of one or two columns, and a
table of one row, lay out the page (the header block, the signature: "CHỦ TỊCH"
above the name), so their cells' paragraphs are written as paragraphs, cell after cell. Runs set in legacy Vietnamese fonts (.VnTime,
VNI-Times) are converted to Unicode (legacy). XML entities are never resolved
(python-docx parses with resolve_entities=False).
"""
import re
import zipfile
from pathlib import Path

from pipeline.readers import ReadError, SourceText, legacy, table_row_line

MAX_UNZIPPED = 500 * 1024 * 1024
MAX_XML_PART = 64 * 1024 * 1024  # one XML part parsed whole: a tree takes ten times its size in memory
_LEGACY_FONT = re.compile(rb'w:(?:ascii|hAnsi)="(?:\.vn|vni)', re.I)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NO_LINE = {"nil", "none"}
_LAYOUT_COLUMNS = 2  # the header block and the signature: two columns at most


def _check_zip(path: Path) -> bool:
    """Validates the archive before inflating it; True when legacy fonts are used."""
    if not zipfile.is_zipfile(path):
        raise ReadError("not a valid DOCX (the file is not a zip archive)")
    try:
        with zipfile.ZipFile(path) as archive:
            if "word/document.xml" not in archive.namelist():
                raise ReadError("not a valid DOCX (word/document.xml is missing)")
            if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED:
                raise ReadError(f"DOCX expands to more than {MAX_UNZIPPED // (1024 * 1024)} MB (zip bomb?)")
            _check_xml_parts(archive)
            parts = ("word/document.xml", "word/styles.xml")
            return any(_LEGACY_FONT.search(archive.read(name)) for name in parts if name in archive.namelist())
    except zipfile.BadZipFile as e:
        raise ReadError(f"not a valid DOCX (broken zip archive: {e})") from e


def _check_xml_parts(archive) -> None:
    """Each XML part by its declared size, before any is inflated (a lie is a broken zip later)."""
    for info in archive.infolist():
        if info.filename.endswith((".xml", ".rels")) and info.file_size > MAX_XML_PART:
            raise ReadError(f"DOCX part {info.filename} holds {info.file_size // (1024 * 1024)} MB of XML, "
                            f"over the {MAX_XML_PART // (1024 * 1024)} MB limit")


class _Fonts:
    """The font a run is set in: its own, else its paragraph style's, else the default."""

    def __init__(self, document):
        defaults = document.styles.element.find(
            ".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rFonts")
        self.default = defaults.get(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}ascii", "") if defaults is not None else ""

    def of(self, run, paragraph) -> str:
        if run.font.name:
            return run.font.name
        style = paragraph.style
        while style is not None:
            if style.font.name:
                return style.font.name
            style = style.base_style
        return self.default


def _paragraph_text(paragraph, fonts) -> str:
    if fonts is None:
        return paragraph.text
    from docx.text.run import Run
    runs = []
    for item in paragraph.iter_inner_content():
        runs.extend([item] if isinstance(item, Run) else item.runs)  # a hyperlink holds runs
    return "".join(legacy.decode_font_text(run.text, fonts.of(run, paragraph)) for run in runs)


def _cell_text(cell, fonts) -> str:
    return "\n".join(_paragraph_text(p, fonts) for p in cell.paragraphs)


def _row_cells(row, fonts) -> list:
    cells, previous = [], None
    for cell in row.cells:  # a horizontally merged cell appears once per grid column
        if cell._tc is not previous:
            cells.append(_cell_text(cell, fonts))
        previous = cell._tc
    return cells


def _ruled(table) -> bool:
    """A border drawn by the table, one of its cells, or its style (or a style it is based on)."""
    elements, style = [table._tbl], table.style
    while style is not None:
        elements.append(style.element)
        style = style.base_style
    return any(edge.get(f"{_W}val") not in _NO_LINE for element in elements
               for borders in element.iter(f"{_W}tblBorders", f"{_W}tcBorders") for edge in borders)


def _is_grid(table, rows: list) -> bool:
    """Rows of data: ruled or wider than a layout table, with a row under its first.
    A table of one row is a box on the page (a signature cell ruled by its
    style: "CHỦ TỊCH" above the name), whatever its borders."""
    wide = max(map(len, rows), default=0) > _LAYOUT_COLUMNS
    return len(rows) > 1 and (_ruled(table) or wide)


def _table_lines(table, fonts) -> list:
    rows = [_row_cells(row, fonts) for row in table.rows]
    if _is_grid(table, rows):
        return [table_row_line(cells) for cells in rows] + [""]
    # a layout table: each cell's paragraphs apart, as on the page
    return [line for cells in rows for cell in cells
            for paragraph in cell.split("\n") if paragraph.strip() for line in (paragraph, "")]


def _lines(document, fonts) -> list:
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):  # each paragraph a block of its own
            lines.extend([_paragraph_text(block, fonts), ""])
        elif isinstance(block, Table):
            lines.extend(_table_lines(block, fonts))
    return lines


def read(path: Path) -> SourceText:
    import docx
    uses_legacy_fonts = _check_zip(path)
    try:
        document = docx.Document(str(path))
    except Exception as e:  # python-docx raises many kinds for broken parts
        raise ReadError(f"cannot open DOCX: {e}") from e
    fonts = _Fonts(document) if uses_legacy_fonts else None
    source = SourceText(str(path), "docx", "\n".join(_lines(document, fonts)))
    if uses_legacy_fonts:
        source.warnings.append("text in legacy Vietnamese fonts converted to Unicode")
    return source
