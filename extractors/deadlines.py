"""Deadlines: "trước ngày 30/6/2025", "Quý III/2025", "Năm 2023", "Đến năm 2030"."""
import re
from typing import Optional

from pipeline.records import Deadline

_DATE = re.compile(r"(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})")
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})", re.I)
_YEAR = re.compile(r"(?:năm|Năm|NĂM|/)\s*((?:19|20)\d{2})(?:\s*-\s*((?:19|20)\d{2}))?")
_CUE = re.compile(r"(trước|chậm nhất|hoàn thành|xong|thời hạn|thời gian|đến|trong)\b", re.I)


def _iso(day: str, month: str, year: str) -> Optional[str]:
    d, m = int(day), int(month)
    if 1 <= d <= 31 and 1 <= m <= 12:
        return f"{year}-{m:02d}-{d:02d}"
    return None


def parse(text: str) -> Optional[Deadline]:
    """Read a deadline from a short text such as a table's time column."""
    text = (text or "").strip()
    for pattern in (_DATE_WORDS, _DATE):
        m = pattern.search(text)
        if m:
            iso = _iso(*m.groups())
            if iso:
                return Deadline(text, iso, int(m.group(3)))
    m = _YEAR.search(text) or re.search(r"\b((?:19|20)\d{2})\b", text)
    if m:
        years = [int(y) for y in m.groups() if y]
        return Deadline(text, None, max(years))
    return None


_IN_SENTENCE = re.compile(
    r"(?:trước|chậm nhất|hoàn thành|xong|đến|trong)\s+(?:trước\s+)?(?:ngày\s+\d{1,2}\s*(?:/\s*\d{1,2}\s*/|"
    r"tháng\s+\d{1,2}\s+năm)\s*(?:19|20)\d{2}|(?:quý\s+[IVX]+\s*/\s*|năm\s+)(?:19|20)\d{2}|"
    r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?:19|20)\d{2})", re.I)


def find_in_sentence(text: str) -> Optional[Deadline]:
    """A deadline stated inside a task sentence: "... trước ngày 31/12/2025"."""
    m = _IN_SENTENCE.search(text or "")
    if not m:
        return None
    found = parse(m.group(0))
    return Deadline(m.group(0), found.date, found.year) if found else None


_SCOPE = re.compile(r"^(?:\*\s*)?(?:Đến|đến|Trong|Giai đoạn|Năm)\s+(?:năm\s+)?((?:19|20)\d{2})"
                    r"(?:\s*-\s*((?:19|20)\d{2}))?\s*:?\s*$")


def scope_year(heading: str) -> Optional[Deadline]:
    """An enclosing heading that sets a year for what follows: "* Đến năm 2025:"."""
    m = _SCOPE.match((heading or "").strip())
    if not m:
        return None
    years = [int(y) for y in m.groups() if y]
    return Deadline(heading.strip(), None, max(years))
