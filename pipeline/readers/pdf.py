"""PDF: the text layer with pypdfium2 (fast), page after page.

Paragraphs come from the layout (pdf_layout), ruled tables from the pages'
rules and pdfplumber's table finder (pdf_tables), pages with no text layer from OCR
(ocr), the number/date stamped in form fields from pdf_fields, and text set in
legacy Vietnamese fonts is converted (legacy).
"""
import os
import re
from pathlib import Path

from pipeline.readers import ReadError, SourceText, legacy, ocr
from pipeline.readers.pdf_fields import read_fields
from pipeline.readers.pdf_layout import Line, in_columns, join_pages, page_lines, pages_text
from pipeline.readers.pdf_tables import has_rules, page_paths, page_tables

_MIN_TEXT = 20  # non-space characters below which a page counts as scanned
_SPACES = re.compile(r"\s+")


def _open(path: Path):
    import pypdfium2 as pdfium
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        cause = str(e)
        if "password" in cause.lower():
            raise ReadError("PDF is password-protected") from e
        raise ReadError(f"corrupt or truncated PDF ({cause})") from e
    if len(pdf) == 0:
        pdf.close()
        raise ReadError("corrupt or truncated PDF (no pages)")
    return pdf


def _needs_ocr(page, text: str) -> bool:
    """No text layer, or a few words of one over a picture (a scan). A born-digital page with
    a few words (a last page holding "Lưu: VT, VP.") is read as it is: OCR would read the same
    words at a hundred times the cost."""
    if len(_SPACES.sub("", text)) >= _MIN_TEXT:
        return False
    return not text.strip() or _has_image(page)


def _has_image(page) -> bool:
    import pypdfium2.raw as pdfium_c
    return next(page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,)), None) is not None


def _with_tables(lines: list, tables: list) -> list:
    """Replace the lines inside each table by one block line holding its rows."""
    kept = [line for line in lines if not any(
        t.contains((line.x0 + line.x1) / 2, (line.bottom + line.top) / 2) for t in tables)]
    for table in sorted(tables, key=lambda t: -t.top):
        at = next((i for i, line in enumerate(kept) if not line.block and line.top <= table.bottom + 2), len(kept))
        kept.insert(at, Line("", table.left, table.right, table.bottom, table.top, table.rows))
    return kept


def _layout_pages(pdf) -> tuple:
    """(lines per page, indexes of pages to OCR, text of page 1)."""
    pages, scanned, first_text = [], [], ""
    for index in range(len(pdf)):
        page = pdf[index]
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        if index == 0:
            first_text = text
        if _needs_ocr(page, text):
            scanned.append(index)
            pages.append([])
            continue
        lines = page_lines(textpage, text)
        paths = page_paths(page)
        if has_rules(paths):
            lines = _with_tables(lines, page_tables(page, textpage, paths))
        pages.append(in_columns(lines))
    return pages, scanned, first_text


def _ocr_pages(pdf, indexes: list, words: dict, warnings: list) -> dict:
    """Page index -> the Lines OCR reads on the rendered page; `words` gets page number -> its words."""
    lines, batch = {}, max(1, 2 * (os.cpu_count() or 1))
    for start in range(0, len(indexes), batch):
        chunk, read = indexes[start:start + batch], []
        images = [pdf[i].render(scale=ocr.DPI / 72).to_pil() for i in chunk]
        numbers = [i + 1 for i in chunk]
        lines.update(zip(chunk, ocr.ocr_images(images, words=read, warnings=warnings, numbers=numbers)))
        words.update(zip([i + 1 for i in chunk], read))
    return lines


def _assemble(path: Path, texts: list, scanned: list, fields: dict, joined: set, warnings: list) -> SourceText:
    encoding = legacy.detect("\n".join(texts))
    if encoding:
        texts = [legacy.to_unicode(t)[0] if legacy.detect(t) else t for t in texts]
    text, starts = join_pages(texts, joined)
    source = SourceText(str(path), "pdf", text, starts, fields=fields, ocr_pages=[i + 1 for i in scanned])
    source.warnings.extend(warnings)
    if scanned:
        source.warnings.append(f"OCR used on pages {ocr.page_range_label(source.ocr_pages)}")
    if encoding:
        source.warnings.append(f"legacy {encoding.upper()} font text converted to Unicode")
    return source


def read(path: Path) -> SourceText:
    pdf = _open(path)
    try:
        pdf.init_forms()
        pages, scanned, first_text = _layout_pages(pdf)
        fields, words, warnings = read_fields(pdf, pdf[0], first_text), {}, []
        for index, lines in _ocr_pages(pdf, scanned, words, warnings).items():
            pages[index] = lines
    finally:
        pdf.close()
    texts, joined = pages_text(pages, warnings)
    source = _assemble(path, texts, scanned, fields, joined, warnings)
    source.ocr_words = words
    return source
