"""Number and date stamped into a signed PDF's form fields or annotations.

Digitally signed documents often print "Số: /KH-UBND ... ngày ... tháng ..."
in the text layer and stamp the number and date into form fields or
free-text annotations. They are read into SourceText.fields.
"""
import ctypes
import re

_NUMBER = re.compile(r"^\s*(?:Số\s*:?\s*)?(\d{1,6}(?:/[\wĐđ.&-]+)*)\s*$")
_DATE = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_WORDY_DATE = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", re.I)
_BLANK_NUMBER = re.compile(r"Số\s*:?\s*(/[A-ZĐ][\wĐ.&-]*(?:/[\wĐ.&-]+)*)")
_DATE_NAME = re.compile(r"ngay|date", re.I)


def _utf16(function, *args) -> str:
    size = function(*args, None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    function(*args, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)), size)
    return buffer.raw[:size - 2].decode("utf-16-le", "replace")


def _annotation_values(pdf, page) -> list:
    """(name, value) of every widget and text annotation on the page."""
    import pypdfium2.raw as pdfium_c
    form = getattr(getattr(pdf, "formenv", None), "raw", None)
    values = []
    for index in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, index)
        try:
            if form is not None and pdfium_c.FPDFAnnot_GetSubtype(annot) == pdfium_c.FPDF_ANNOT_WIDGET:
                values.append((_utf16(pdfium_c.FPDFAnnot_GetFormFieldName, form, annot),
                               _utf16(pdfium_c.FPDFAnnot_GetFormFieldValue, form, annot)))
            for key in (b"V", b"Contents"):
                values.append((_utf16(pdfium_c.FPDFAnnot_GetStringValue, annot, b"T"),
                               _utf16(pdfium_c.FPDFAnnot_GetStringValue, annot, key)))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return [(name, " ".join(value.split())) for name, value in values if value.strip()]


def _iso_date(value: str) -> str:
    match = _DATE.search(value) or _WORDY_DATE.search(value)
    if not match:
        return ""
    day, month, year = map(int, match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= day <= 31 and 1 <= month <= 12 else ""


def classify(values: list, page_text: str) -> dict:
    """{'number': ..., 'date': ...} from (field name, value) pairs; a bare
    number is completed with the symbol the text layer prints ("Số: /KH-UBND")."""
    fields = {}
    for name, value in values:
        date = _iso_date(value)
        number = _NUMBER.match(value)
        if date and "date" not in fields:
            fields["date"] = date
        elif number and "number" not in fields and not _DATE_NAME.search(name):
            fields["number"] = number.group(1)
    blank = _BLANK_NUMBER.search(page_text)
    if blank and "/" not in fields.get("number", "/"):
        fields["number"] += blank.group(1)
    return fields


def read_fields(pdf, first_page, page_text: str) -> dict:
    """Fields stamped on the first page (where the number and date stand)."""
    values = _annotation_values(pdf, first_page)
    return classify(values, page_text) if values else {}
