"""Build test variants of corpus texts to measure the readers.

    .venv/bin/python scripts/make_variants.py SRC_DIR OUT_DIR --formats docx,pdf,doc,odt,scan,tcvn3,vni

Each variant lands in OUT_DIR/<format>/ with the text's stem (gold files match
by stem): DOCX written with python-docx (the paragraphs, list items and
tables the pipeline's segmenter finds in the text: hard-wrapped lines joined,
markdown and web-copy tables as real tables, markdown markup removed), PDF/.doc/.odt converted from that DOCX
by LibreOffice, a scanned PDF (pages rendered to images, no text layer), and
TCVN3/VNI text files encoded with tables written here, independent of the
decoder's tables in pipeline/readers/legacy.py.
"""
import argparse
import re
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

FORMATS = ("docx", "pdf", "doc", "odt", "scan", "tcvn3", "vni")
_EMPHASIS_OPENS = re.compile(r"^\s*\*{1,2}(?=\S)")
_EMPHASIS_CLOSES = re.compile(r"(?<=\S)\*{1,2}\s*$")

# TCVN3 encoder: for each base vowel, its codes for no tone, huyền, hỏi, ngã, sắc, nặng
_TCVN3_VOWELS = {
    "a": "a\xb5\xb6\xb7\xb8\xb9", "ă": "\xa8\xbb\xbc\xbd\xbe\xc6", "â": "\xa9\xc7\xc8\xc9\xca\xcb",
    "e": "e\xcc\xce\xcf\xd0\xd1", "ê": "\xaa\xd2\xd3\xd4\xd5\xd6", "i": "i\xd7\xd8\xdc\xdd\xde",
    "o": "o\xdf\xe1\xe2\xe3\xe4", "ô": "\xab\xe5\xe6\xe7\xe8\xe9", "ơ": "\xac\xea\xeb\xec\xed\xee",
    "u": "u\xef\xf1\xf2\xf3\xf4", "ư": "\xad\xf5\xf6\xf7\xf8\xf9", "y": "y\xfa\xfb\xfc\xfd\xfe",
}
_TCVN3_CAPITALS = {"Ă": "\xa1", "Â": "\xa2", "Ê": "\xa3", "Ô": "\xa4", "Ơ": "\xa5", "Ư": "\xa6", "Đ": "\xa7",
                   "đ": "\xae"}
_TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # order of the rows above
# VNI encoder: marks typed after the ASCII letter
_VNI_TONES = {"": "", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0301": "ù", "\u0323": "ï"}
_VNI_HAT_TONES = {"": "â", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0301": "á", "\u0323": "ä"}
_VNI_BREVE_TONES = {"": "ê", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0301": "é", "\u0323": "ë"}
_VNI_I = {"\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0301": "í", "\u0323": "ò"}


def _split(char: str) -> tuple:
    """'ấ' -> ('a', '\u0302', '\u0301'): base letter, shape mark, tone mark."""
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    tone = next((m for m in marks if m in _TONES[1:]), "")
    shape = "".join(m for m in marks if m not in _TONES[1:])
    return base, shape, tone


def encode_tcvn3(text: str) -> str:
    out = []
    for char in unicodedata.normalize("NFC", text):
        if char in _TCVN3_CAPITALS:
            out.append(_TCVN3_CAPITALS[char])
            continue
        base, shape, tone = _split(char)
        key = unicodedata.normalize("NFC", base.lower() + shape)
        if key in _TCVN3_VOWELS and (shape or tone):  # a toned capital has no code: its small letter's
            out.append(_TCVN3_VOWELS[key][_TONES.index(tone)])
        else:
            out.append(char)
    return "".join(out)


def _vni_char(char: str) -> str:
    base, shape, tone = _split(char)
    upper = base.isupper()
    if char in "Đđ":
        return "Ñ" if char == "Đ" else "ñ"
    if base.lower() == "i" and tone:
        mark = _VNI_I[tone]
        return mark.upper() if upper else mark
    if base.lower() == "y" and tone == "\u0323":
        return "Î" if upper else "î"
    if shape == "\u0302":
        marks = _VNI_HAT_TONES[tone]
    elif shape == "\u0306":
        marks = _VNI_BREVE_TONES[tone]
    elif shape == "\u031b":  # ơ and ư are letters of their own, ô and ö
        letter = "ô" if base.lower() == "o" else "ö"
        return (letter.upper() + _VNI_TONES[tone].upper()) if upper else letter + _VNI_TONES[tone]
    else:
        marks = _VNI_TONES[tone]
    return base + (marks.upper() if upper else marks)


def encode_vni(text: str) -> str:
    return "".join(_vni_char(c) if not c.isascii() and unicodedata.category(c).startswith("L") else c
                   for c in unicodedata.normalize("NFC", text))


def legacy_bytes(text: str) -> bytes:
    """One byte per character: Latin-1 codes, Windows-1252 punctuation, '?' otherwise."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1252")
        except UnicodeEncodeError:
            out += char.encode("latin-1", errors="replace")
    return bytes(out)


_BODY_PT, _RECIPIENTS_PT = 14, 11  # office text size; the "Nơi nhận" list is set smaller
_WIDE_TABLE = 6  # columns from which a table gets a landscape section
_RECIPIENTS = re.compile(r"^\W*Nơi nhận", re.I)
_HEADER = re.compile(r"CỘNG HÒA|Độc lập|^Số\s*:")  # words of the header block
_CELL_PARAGRAPH = re.compile(r"^\s*(?:[-+•]\s|-{3,}|\**\s*Nơi nhận)")  # a new paragraph inside a cell
_BOLD, _ITALIC = (re.compile(r"\*\*"), re.compile(
    r"(?m)^\*(?=\S)|\*(?<=\S\*)$|(?<![\w(*])\*(?=[^\s*)])|(?<=[^\s(*])\*(?![\w*])"))  # normalize's markup
_KEEP_AS_LIST = re.compile(r"^(?:[-+•]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[IVX]{1,4}\.)\s")


@dataclass
class Paragraph:
    """One paragraph as a word processor holds it: its text and its (text, bold, italic) runs."""
    text: str
    runs: list

    @property
    def title(self) -> bool:
        """A line of the centred title block (type word, title, appendix heading): capitals, no list marker."""
        letters = [c for c in self.text if c.isalpha()]
        return bool(letters) and not any(c.islower() for c in letters) and not _KEEP_AS_LIST.match(self.text)

    @property
    def attachment_line(self) -> bool:  # "(Kèm theo Kế hoạch số ...)" under an appendix title
        return self.text.startswith("(") and self.text.endswith(")") and len(self.text) < 200


@dataclass
class Table:
    rows: list  # of cells, each a list of Paragraphs
    kind: str = "grid"  # grid (bordered) | header (the header block) | signature

    @property
    def width(self) -> int:
        return max(len(row) for row in self.rows)


def _runs(raw: str) -> list:
    """Markdown emphasis -> (text, bold, italic) runs, the markup removed as normalize removes it."""
    marks = sorted([(m.start(), m.end(), "bold") for m in _BOLD.finditer(raw)] +
                   [(m.start(), m.end(), "italic") for m in _ITALIC.finditer(raw)
                    if not any(b.start() <= m.start() < b.end() for b in _BOLD.finditer(raw))])
    runs, at, style = [], 0, {"bold": False, "italic": False}
    for start, end, name in marks:
        runs.append((raw[at:start], style["bold"], style["italic"]))
        style[name], at = not style[name], end
    runs.append((raw[at:], style["bold"], style["italic"]))
    return runs


def _paragraph(raw: str, text: str) -> Paragraph:
    """The paragraph `text` (as normalize reads the raw lines) with runs from the raw markup;
    one plain run when the markup does not give the same text back."""
    import unicodedata as ud
    runs, out = [], []
    for piece, bold, italic in _runs(" ".join(raw.split())):
        piece = ud.normalize("NFC", piece)
        if piece:
            runs.append((piece, bold, italic))
    joined = " ".join("".join(run[0] for run in runs).split())
    if joined != text:
        return Paragraph(text, [(text, False, False)])
    for piece, bold, italic in runs:  # spaces collapsed across runs as in the text
        if out and out[-1][0].endswith(" ") and piece.startswith(" "):
            piece = piece.lstrip()
        out.append((piece, bold, italic))
    out[0] = (out[0][0].lstrip(),) + out[0][1:]
    out[-1] = (out[-1][0].rstrip(),) + out[-1][1:]
    return Paragraph(text, [run for run in out if run[0]])


def _paragraphs(raw: str, cell: bool = False) -> list:
    """The raw lines of one block -> its Paragraphs. Web copies set whole
    paragraphs in bold or italics and hard-wrap them: an emphasis opening at a
    line start or closing at a line end is a paragraph edge; in a table cell so
    is a list line ("- Như trên;") and the "Nơi nhận" label."""
    from pipeline.normalize import normalize
    groups = [[]]
    for line in raw.splitlines():
        if groups[-1] and (_EMPHASIS_OPENS.match(line) or cell and _CELL_PARAGRAPH.match(line)):
            groups.append([])
        groups[-1].append(line)
        if _EMPHASIS_CLOSES.search(line) or cell and re.match(r"^\s*-{3,}\s*$", line):
            groups.append([])
    parts = []
    for group in groups:
        raw_group = "\n".join(group)
        text = " ".join(normalize(raw_group).text.split())
        if text:
            parts.append(_paragraph(raw_group, text))
    return parts


def _table_kind(rows: list, in_header: bool) -> str:
    """signature (holds "Nơi nhận"), header (the issuer, motto, number and date above the text) or
    grid; a web page's own tables around the text, however many cells they hold, are grids."""
    cells = [" ".join(p.text for p in cell) for row in rows for cell in row]
    if max(len(row) for row in rows) > 2 or len(rows) > 4:
        return "grid"
    if any(_RECIPIENTS.match(cell) for cell in cells):
        return "signature"
    return "header" if in_header and any(_HEADER.search(cell) for cell in cells) else "grid"


def document_parts(text: str) -> list:
    """The text as a word processor holds it: Paragraphs and Tables (rows of
    cells of Paragraphs), as the pipeline's segmenter reads the text
    (hard-wrapped lines joined, web-copy tables in any of their forms)."""
    from pipeline.normalize import normalize
    from pipeline.segment import segment
    normalized = normalize(text)
    parts, rows = [], None
    for block in segment(normalized.text):
        if block.kind == "row":
            if rows is None:
                rows = []
                parts.append(rows)
            rows.append([_cell_paragraphs(text, normalized, cell) for cell in block.cells])
        else:
            rows = None
            start, end = normalized.raw_span(block.start, block.end)
            parts.extend(_paragraphs(text[start:end]))
    body = next((i for i, part in enumerate(parts) if isinstance(part, Paragraph) and len(part.text) > 150),
                len(parts))
    return [Table(part, _table_kind(part, i < body)) if isinstance(part, list) else part
            for i, part in enumerate(parts)]


def _cell_paragraphs(text: str, normalized, cell) -> list:
    start, end = normalized.raw_span(cell.start, cell.end)
    return _paragraphs(text[start:end], cell=True) or [Paragraph(cell.text, [(cell.text, False, False)])]


def _borders(table, value: str) -> None:
    """Explicit borders on every cell edge: "single" draws the table's rules, "nil" none."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    size = ' w:sz="4" w:space="0" w:color="000000"' if value == "single" else ""
    edges = "".join(f'<w:{edge} w:val="{value}"{size}/>'
                    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"))
    table._tbl.tblPr.append(parse_xml(f"<w:tblBorders {nsdecls('w')}>{edges}</w:tblBorders>"))


def _repeat_header_row(row) -> None:
    """The row is repeated at the top of every page the table runs onto (Word's "Repeat as header row")."""
    from docx.oxml import OxmlElement
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _write_runs(paragraph, runs: list, size: float, bold: bool = False) -> None:
    from docx.shared import Pt
    for text, run_bold, italic in runs:
        run = paragraph.add_run(text)
        run.bold, run.italic, run.font.size = run_bold or bold or None, italic or None, Pt(size)


def _fill_cell(cell, paragraphs: list, size: float, centred: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    for i, part in enumerate(paragraphs):
        paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        if centred:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _write_runs(paragraph, part.runs, size)


def _clear_to_first(cell) -> None:
    """A merge keeps every merged cell's paragraphs: keep the first cell's only."""
    keep = None
    for paragraph in list(cell.paragraphs):
        text = paragraph.text
        if keep is None:
            keep = text
        elif text == keep or not text:
            paragraph._p.getparent().remove(paragraph._p)


def _add_table(document, table: Table) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    grid = document.add_table(rows=len(table.rows), cols=table.width)
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borders(grid, "single" if table.kind == "grid" else "nil")
    for i, row in enumerate(table.rows):
        for j, cell in enumerate(row):
            recipients = table.kind == "signature" and any(_RECIPIENTS.match(p.text) for p in cell)
            size = _RECIPIENTS_PT if recipients else _BODY_PT - (1 if table.kind == "grid" else 0)
            _fill_cell(grid.cell(i, j), cell, size, centred=table.kind != "grid" and not recipients)
        if len(row) < table.width:  # a shorter row: its last cell spans the rest
            merged = grid.cell(i, len(row) - 1).merge(grid.cell(i, table.width - 1))
            _clear_to_first(merged)
    if table.kind == "grid":
        _repeat_header_row(grid.rows[0])


def _section(document, landscape: bool) -> None:
    """A new page section in the given orientation (a wide table gets a landscape one)."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    current = document.sections[-1]
    if (current.orientation == WD_ORIENT.LANDSCAPE) == landscape:
        return
    section = document.add_section(WD_SECTION.NEW_PAGE)
    width, height = sorted((section.page_width, section.page_height), reverse=landscape)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = width, height


def _page_setup(document) -> None:
    """A4, the margins of Decree 30 (3 cm left, 2 cm elsewhere), Times New Roman 14 pt,
    the page number centred at the top from page 2."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(_BODY_PT)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin, section.top_margin, section.bottom_margin = Cm(3), Cm(2), Cm(2), Cm(2)
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        run = number.add_run()
        if kind:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
        else:
            field = OxmlElement("w:instrText")
            field.text = text
        run._r.append(field)


def _add_paragraph(document, part: Paragraph) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(6)  # as office templates set it
    if part.title or part.attachment_line:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _write_runs(paragraph, part.runs, _BODY_PT, bold=part.title)
    else:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Cm(1)
        _write_runs(paragraph, part.runs, _BODY_PT)


def write_docx(text: str, target: Path) -> None:
    """The text as an office writes it: paragraphs re-joined with their bold and
    italic runs, the header block and the signature as borderless tables, other
    tables bordered with merged cells and a repeated header row (landscape when
    wide), 14 pt text and an 11 pt "Nơi nhận" list."""
    import docx
    document = docx.Document()
    _page_setup(document)
    for part in document_parts(text):
        if isinstance(part, Table):
            wide = part.kind == "grid" and part.width >= _WIDE_TABLE
            _section(document, landscape=wide)
            _add_table(document, part)
        else:
            _section(document, landscape=False)
            _add_paragraph(document, part)
    document.save(str(target))


def libreoffice_all(sources: list, folder: Path, target: str) -> list:
    """Converts the files with one LibreOffice start; returns the new files."""
    with tempfile.TemporaryDirectory(prefix="variants-lo-") as profile:
        subprocess.run(["soffice", f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                        "--norestore", "--convert-to", target, "--outdir", str(folder), *map(str, sources)],
                       capture_output=True, timeout=300 * len(sources), check=True)
    return [folder / f"{source.stem}.{target}" for source in sources]


def libreoffice(source: Path, folder: Path, target: str) -> Path:
    return libreoffice_all([source], folder, target)[0]


def write_scan(pdf_path: Path, target: Path, dpi: int = 200) -> None:
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(str(pdf_path))
    images = [pdf[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(pdf))]
    pdf.close()
    images[0].save(str(target), save_all=True, append_images=images[1:], resolution=dpi)


def make(source: Path, out: Path, formats: list) -> None:
    text = source.read_text(encoding="utf-8")
    folders = {name: out / name for name in formats}
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    docx_path = (folders.get("docx") or out / "docx") / f"{source.stem}.docx"
    if set(formats) - {"tcvn3", "vni"}:
        docx_path.parent.mkdir(parents=True, exist_ok=True)
        write_docx(text, docx_path)
    for name in ("odt", "pdf"):
        if name in formats:
            libreoffice(docx_path, folders[name], name)
    if "doc" in formats:  # by way of ODT: python-docx tables lose their cells going straight to .doc
        with tempfile.TemporaryDirectory() as folder:
            libreoffice(libreoffice(docx_path, Path(folder), "odt"), folders["doc"], "doc")
    if "scan" in formats and "pdf" in formats:
        write_scan(folders["pdf"] / f"{source.stem}.pdf", folders["scan"] / f"{source.stem}.pdf")
    elif "scan" in formats:
        with tempfile.TemporaryDirectory() as folder:
            write_scan(libreoffice(docx_path, Path(folder), "pdf"), folders["scan"] / f"{source.stem}.pdf")
    if "tcvn3" in formats:
        (folders["tcvn3"] / source.name).write_bytes(legacy_bytes(encode_tcvn3(text)))
    if "vni" in formats:
        (folders["vni"] / source.name).write_bytes(legacy_bytes(encode_vni(text)))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("src", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--formats", default=",".join(FORMATS))
    args = parser.parse_args(argv)
    formats = [f for f in args.formats.split(",") if f]
    unknown = set(formats) - set(FORMATS)
    if unknown:
        parser.error(f"unknown formats: {', '.join(sorted(unknown))}")
    for source in sorted(args.src.glob("*.txt")):
        make(source, args.out, formats)
        print(f"{source.name}: {', '.join(formats)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
