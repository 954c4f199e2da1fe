"""Text-layer PDF with pypdfium2 (fast), one page after another."""
from pathlib import Path

from pipeline.readers import ReadError, SourceText


def _open(path: Path):
    import pypdfium2 as pdfium
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        cause = str(e)
        if "password" in cause.lower():
            raise ReadError("PDF is password-protected") from e
        raise ReadError(f"corrupt or truncated PDF ({cause})") from e


def read(path: Path) -> SourceText:
    pdf = _open(path)
    parts, page_starts, offset = [], [], 0
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            text = page.get_textpage().get_text_range().replace("\r\n", "\n").replace("\r", "\n")
            page_starts.append(offset)
            parts.append(text + "\n\f\n")
            offset += len(parts[-1])
    finally:
        pdf.close()
    source = SourceText(str(path), "pdf", "".join(parts), page_starts)
    if not source.text.replace("\f", "").strip():
        source.warnings.append("PDF has no text layer (scanned?)")
    return source
