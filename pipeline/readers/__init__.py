"""Readers turn one input file into a SourceText; they know formats, not tasks.

Tables are written into the text as one line per row, cells between pipes
("| 1 | Xây dựng ... | Sở Tư pháp | Quý IV/2025 |"), the same shape as the
markdown tables of web copies, so segmenting reads every table one way.
"""
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

MAX_BYTES = 200 * 1024 * 1024
# a plain text or web page is all text: 12 MB take 15 s and 0.7 GB, so above this it is refused
MAX_TEXT_BYTES = 50 * 1024 * 1024
_TEXT_SUFFIXES = {".txt", ".md", ".html", ".htm"}


class ReadError(Exception):
    """The file cannot be read; the message says why in words a user understands."""


@dataclass
class SourceText:
    path: str
    format: str
    text: str
    page_starts: list = field(default_factory=list)  # offset in text where each page begins
    warnings: list = field(default_factory=list)
    fields: dict = field(default_factory=dict)  # metadata found outside the text (PDF form fields)
    ocr_pages: list = field(default_factory=list)  # 1-based pages whose text comes from OCR
    ocr_corrections: list = field(default_factory=list)  # ocr_text.Correction, offsets into text
    ocr_words: dict = field(default_factory=dict)  # page number -> [(word, confidence 0-100)] OCR read there

    @property
    def pages(self) -> Optional[int]:
        return len(self.page_starts) or None


def table_row_line(cells) -> str:
    return "| " + " | ".join(" ".join((c or "").split()) for c in cells) + " |"


def _registry() -> dict:
    from pipeline.readers import docx, html, ocr, office, pdf, txt
    readers = {".txt": txt.read, ".md": txt.read, ".docx": docx.read, ".pdf": pdf.read,
               ".html": html.read, ".htm": html.read}
    readers.update(dict.fromkeys(office.SUFFIXES, office.read))
    readers.update(dict.fromkeys(ocr.IMAGE_SUFFIXES, ocr.read_image))
    return readers


def supported_suffixes() -> set:
    return set(_registry())


def read(path: Path) -> SourceText:
    reader: Optional[Callable] = _registry().get(path.suffix.lower())
    if reader is None:
        raise ReadError(f"unsupported file type '{path.suffix or '(none)'}'")
    try:
        size = path.stat().st_size
    except OSError as e:
        raise ReadError(f"cannot access file: {e.strerror or e}") from e
    if size == 0:
        raise ReadError("empty file (0 bytes)")
    limit = min(MAX_TEXT_BYTES, MAX_BYTES) if path.suffix.lower() in _TEXT_SUFFIXES else MAX_BYTES
    if size > limit:
        raise ReadError(f"file too large ({size // (1024 * 1024)} MB > {limit // (1024 * 1024)} MB limit)")
    try:
        source = reader(path)
    except PermissionError as e:
        raise ReadError(f"permission denied: {e.strerror or e}") from e
    if not source.text.strip():
        raise ReadError("no text found in the file")
    return source
