"""Number and date stamped into a signed PDF's form fields or annotations.

Digitally signed documents often print "Số: /KH-UBND ... ngày ... tháng ..."
in the text layer and stamp the number and date into form fields, free-text
annotations, or the appearance of signature widgets placed over the blanks.
They are read into SourceText.fields. A widget's appearance is read by
flattening the page and keeping the characters it adds; each stamp is matched
to the blank it covers: right of "Số:" is the number, between "ngày" and
"tháng" the day, between "tháng" and "năm" the month.
"""
import ctypes
import re
from dataclasses import dataclass

_NUMBER = re.compile(r"^\s*(?:Số\s*:?\s*)?(\d{1,6}(?:/[\wĐđ.&-]+)*)\s*$")
_DATE = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_WORDY_DATE = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", re.I)
_BLANK_NUMBER = re.compile(r"Số\s*:?\s*(/[A-ZĐ][\wĐ.&-]*(?:/[\wĐ.&-]+)*)")
_DATE_NAME = re.compile(r"ngay|date", re.I)
_NUMBER_LABEL = re.compile(r"Số\s*:?[ \t]*(/[A-ZĐ][\wĐ.&-]*(?:/[\wĐ.&-]+)*)")
_DATE_LABELS = re.compile(r"(ngày)[ \t]*(\d{1,2})?[ \t]*(tháng)[ \t]*(\d{1,2})?[ \t]*(năm)[ \t]*(\d{4})?", re.I)
_STAMP_NUMBER = re.compile(r"^\d{1,6}$")
_SAME_PLACE = 0.5  # points: a character at the same place before and after flattening
_YEAR_REACH = 60.0  # points right of "năm" where a stamped year may stand


@dataclass
class Box:
    text: str
    x0: float
    x1: float
    bottom: float
    top: float

    def same_row(self, other: "Box") -> bool:
        return min(self.top, other.top) - max(self.bottom, other.bottom) > 0.3 * (other.top - other.bottom)

    def between(self, left: "Box", right_x: float) -> bool:
        """On the row of `left`, its middle after `left` and before `right_x`."""
        middle = (self.x0 + self.x1) / 2
        return self.same_row(left) and left.x1 - 2 <= middle <= right_x + 2


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
    """Fields stamped on the first page (where the number and date stand):
    form field values first, else the appearances of widgets over the blanks."""
    values = _annotation_values(pdf, first_page)
    fields = classify(values, page_text) if values else {}
    if "number" not in fields or "date" not in fields:
        fields = {**stamped_fields(pdf, first_page), **fields}
    return fields


def _chars(page) -> list:
    """[(character, box)] of the page's text layer, in text order."""
    textpage = page.get_textpage()
    text = textpage.get_text_range()
    return [(char, textpage.get_charbox(i)) for i, char in enumerate(text)]


def _has_stamps(page) -> bool:
    """The page carries widgets, stamps or free-text annotations."""
    import pypdfium2.raw as pdfium_c
    kinds = (pdfium_c.FPDF_ANNOT_WIDGET, pdfium_c.FPDF_ANNOT_STAMP, pdfium_c.FPDF_ANNOT_FREETEXT)
    for index in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, index)
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annot) in kinds:
                return True
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return False


def _runs(chars: list) -> list:
    """Characters -> Boxes of the words they make (split at spaces and line ends)."""
    boxes, current = [], []
    for char, box in chars + [(" ", None)]:
        if char.isspace() or (current and box[0] < current[-1][1][0] - 1):
            if current:
                boxes.append(Box("".join(c for c, _ in current), min(b[0] for _, b in current),
                                 max(b[2] for _, b in current), min(b[1] for _, b in current),
                                 max(b[3] for _, b in current)))
            current = [] if char.isspace() else [(char, box)]
        else:
            current.append((char, box))
    return boxes


def _stamps(pdf, page_chars: list) -> list:
    """Boxes of the words the annotations' appearances add to page 1 when flattened."""
    import pypdfium2.raw as pdfium_c
    page = pdf[0]
    try:
        pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY)
    finally:
        page.close()
    printed = {(c, round(b[0] / _SAME_PLACE), round(b[1] / _SAME_PLACE)) for c, b in page_chars}
    added = [(c, b) for c, b in _chars(pdf[0])
             if (c, round(b[0] / _SAME_PLACE), round(b[1] / _SAME_PLACE)) not in printed or c.isspace()]
    return _runs(added)


def _span(page_chars: list, start: int, end: int) -> Box:
    boxes = [b for c, b in page_chars[start:end] if not c.isspace()]
    return Box("", min(b[0] for b in boxes), max(b[2] for b in boxes), min(b[1] for b in boxes),
               max(b[3] for b in boxes))


def _stamp_in(stamps: list, left: Box, right_x: float) -> str:
    return next((s.text for s in stamps if _STAMP_NUMBER.match(s.text) and s.between(left, right_x)), "")


def _stamped_number(stamps: list, page_chars: list, text: str) -> dict:
    label = _NUMBER_LABEL.search(text)
    if not label:
        return {}
    symbol = _span(page_chars, label.start(1), label.end(1))
    number = _stamp_in(stamps, _span(page_chars, label.start(), label.start(1)), symbol.x0)
    return {"number": number + label.group(1)} if number else {}


def _stamped_date(stamps: list, page_chars: list, text: str) -> dict:
    labels = next((m for m in _DATE_LABELS.finditer(text) if not (m.group(2) and m.group(4))), None)
    if not labels:
        return {}
    day_word, month_word, year_word = (_span(page_chars, labels.start(g), labels.end(g)) for g in (1, 3, 5))
    day = labels.group(2) or _stamp_in(stamps, day_word, month_word.x0)
    month = labels.group(4) or _stamp_in(stamps, month_word, year_word.x0)
    year = labels.group(6) or _stamp_in(stamps, year_word, year_word.x1 + _YEAR_REACH)
    date = _iso_date(f"{day}/{month}/{year}") if day and month and year else ""
    return {"date": date} if date else {}


def stamped_fields(pdf, first_page) -> dict:
    """Number and date that signature widgets or stamps show over the blanks of page 1."""
    if not _has_stamps(first_page):
        return {}
    page_chars = _chars(first_page)
    text = "".join(c for c, _ in page_chars)
    if not _NUMBER_LABEL.search(text) and not _DATE_LABELS.search(text):
        return {}
    stamps = _stamps(pdf, page_chars)
    return {**_stamped_number(stamps, page_chars, text), **_stamped_date(stamps, page_chars, text)}
