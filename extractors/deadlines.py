"""Deadlines: "trước ngày 30/6/2025", "Quý III/2025", "Năm 2023", "Đến năm 2030".

A day gives an ISO date; a quarter, a month or a year gives the year; a
span ("Năm 2025 - 2026", "2025-2030") gives its last year. "Từ năm 2026"
is a start, not a deadline.
"""
import re
from typing import Optional

from pipeline.records import Deadline

_YEAR = r"((?:19|20)\d{2})"
_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*" + _YEAR + r"(?!\d)")
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+" + _YEAR, re.I)
# "ngày 15 tháng 12" with no year, "ngày 30 tháng 01 của năm tiếp theo"
_DATE_NO_YEAR = re.compile(r"ngày\s+(\d{1,2})\s*(?:tháng\s+|/\s*)(\d{1,2})(?!\s*(?:năm\s+|/\s*)?\d)"
                           r"(\s+(?:của\s+)?năm\s+(?:tiếp theo|sau))?", re.I)
_SPAN = re.compile(_YEAR + r"\s*[-–]\s*" + _YEAR)
_ANY_YEAR = re.compile(r"(?<!\d)" + _YEAR + r"(?!\d)")
_START_ONLY = re.compile(r"^\s*(?:bắt đầu\s+(?:triển khai\s+)?)?từ\s+(?:năm\s+)?(?:19|20)\d{2}\s*$|bắt đầu", re.I)


def _iso(day: str, month: str, year: str) -> Optional[str]:
    d, m = int(day), int(month)
    if 1 <= d <= 31 and 1 <= m <= 12:
        return f"{year}-{m:02d}-{d:02d}"
    return None


def _day(text: str) -> Optional[Deadline]:
    for pattern in (_DATE_WORDS, _DATE):
        m = pattern.search(text)
        if m:
            iso = _iso(*m.groups())
            if iso:
                return Deadline(text, iso, int(m.group(3)))
    return None


def parse(text: str, default_year: Optional[int] = None) -> Optional[Deadline]:
    """Read a deadline from a short text such as a table's time column."""
    text = (text or "").strip()
    if not text or _START_ONLY.search(text):
        return None
    found = _day(text)
    if found:
        return found
    m = _DATE_NO_YEAR.search(text)
    if m and default_year:
        year = default_year + (1 if m.group(3) else 0)
        iso = _iso(m.group(1), m.group(2), str(year))
        if iso:
            return Deadline(text, iso, year)
    m = _SPAN.search(text)
    if m:
        return Deadline(text, None, max(int(m.group(1)), int(m.group(2))))
    years = [int(y) for y in _ANY_YEAR.findall(text)]
    if years:
        return Deadline(text, None, max(years))
    return None


_IN_SENTENCE = re.compile(
    r"(?:trước|chậm nhất(?:\s+(?:là|vào))?|hoàn thành(?:\s+trong)?|xong|đến hết|trong)\s+(?:trước\s+)?"
    r"(?:ngày\s+\d{1,2}\s*(?:/\s*\d{1,2}(?:\s*/\s*(?:19|20)\d{2})?|tháng\s+\d{1,2}(?:\s+năm\s+(?:19|20)\d{2})?"
    r"(?:\s+(?:của\s+)?năm\s+(?:tiếp theo|sau))?)|(?:quý\s+[IVX]+\s*(?:/|năm)\s*|tháng\s+\d{1,2}\s*(?:/|năm)\s*|"
    r"(?:\d{1,2}\s+tháng\s+(?:đầu|cuối)\s+)?năm\s+)(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?"
    r"|\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?:19|20)\d{2})", re.I)


def find_in_sentence(text: str, default_year: Optional[int] = None) -> Optional[Deadline]:
    """A deadline stated inside a task sentence: "... trước ngày 31/12/2025"."""
    m = _IN_SENTENCE.search(text or "")
    if not m:
        return None
    found = parse(m.group(0), default_year)
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


_TITLE_YEAR = re.compile(r"(?<!\w)đến\s+năm\s+((?:19|20)\d{2})(?!\d)", re.I)


def title_year(title: str) -> Optional[Deadline]:
    """The year a title sets for its table: "PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU ... ĐẾN NĂM 2030"."""
    m = _TITLE_YEAR.search(title or "")
    return Deadline(m.group(0), None, int(m.group(1))) if m else None
