"""DOCX: paragraphs and tables in document order."""
import zipfile
from pathlib import Path

from pipeline.readers import ReadError, SourceText, table_row_line

MAX_UNZIPPED = 500 * 1024 * 1024


def _check_zip(path: Path) -> None:
    if not zipfile.is_zipfile(path):
        raise ReadError("not a valid DOCX (the file is not a zip archive)")
    with zipfile.ZipFile(path) as archive:
        if "word/document.xml" not in archive.namelist():
            raise ReadError("not a valid DOCX (word/document.xml is missing)")
        if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED:
            raise ReadError("DOCX expands to more than 500 MB (zip bomb?)")


def _row_cells(row) -> list:
    cells, previous = [], None
    for cell in row.cells:  # a horizontally merged cell appears once per grid column
        if cell._tc is not previous:
            cells.append(cell.text)
        previous = cell._tc
    return cells


def _lines(document) -> list:
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines.extend(table_row_line(_row_cells(row)) for row in block.rows)
            lines.append("")
    return lines


def read(path: Path) -> SourceText:
    import docx
    _check_zip(path)
    try:
        document = docx.Document(str(path))
    except Exception as e:  # python-docx raises many kinds for broken parts
        raise ReadError(f"cannot open DOCX: {e}") from e
    return SourceText(str(path), "docx", "\n".join(_lines(document)))
