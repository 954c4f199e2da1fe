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


def _rule(table) -> None:
    """Explicit single borders on every cell edge, so the PDF draws the table's rules."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    edges = "".join(f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"))
    table._tbl.tblPr.append(parse_xml(f"<w:tblBorders {nsdecls('w')}>{edges}</w:tblBorders>"))


def _paragraphs(raw: str) -> list:
    """The raw lines of one block -> its paragraphs. Web copies set whole
    paragraphs in bold or italics and hard-wrap them: an emphasis opening at a
    line start or closing at a line end is a paragraph edge."""
    from pipeline.normalize import normalize
    groups = [[]]
    for line in raw.splitlines():
        if groups[-1] and _EMPHASIS_OPENS.match(line):
            groups.append([])
        groups[-1].append(line)
        if _EMPHASIS_CLOSES.search(line):
            groups.append([])
    texts = (" ".join(normalize("\n".join(group)).text.split()) for group in groups)
    return [text for text in texts if text]


def document_parts(text: str) -> list:
    """The text as a word processor holds it: paragraphs (str) and tables
    (lists of rows of cell texts), as the pipeline's segmenter reads the text
    (hard-wrapped lines joined, web-copy tables in any of their forms)."""
    from pipeline.normalize import normalize
    from pipeline.segment import segment
    normalized = normalize(text)
    parts = []
    for block in segment(normalized.text):
        if block.kind == "row":
            if not parts or isinstance(parts[-1], str):
                parts.append([])
            parts[-1].append([cell.text for cell in block.cells])
        else:
            start, end = normalized.raw_span(block.start, block.end)
            parts.extend(_paragraphs(text[start:end]))
    return parts


def _add_table(document, rows: list) -> None:
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    _rule(table)
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
        if len(row) < width:  # a shorter row: its last cell spans the rest
            table.cell(i, len(row) - 1).merge(table.cell(i, width - 1)).text = row[-1]


def write_docx(text: str, target: Path) -> None:
    import docx
    from docx.shared import Pt
    document = docx.Document()
    for part in document_parts(text):
        if isinstance(part, list):
            _add_table(document, part)
        else:  # 6 pt after each paragraph, as office templates set it
            document.add_paragraph(part).paragraph_format.space_after = Pt(6)
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
