"""Deadlines: "trước ngày 30/6/2025", "Quý III/2025", "Tháng 06/2026", "Năm 2023", "hằng năm".

A deadline keeps what the text states: its last allowed day (`date`) and how
precise the text is (day, month, quarter, half_year, year). A span ("Năm 2025 -
2026", "2025-2030") ends with its last year. "Từ năm 2026" is a start, not a
deadline. "hằng năm" (every year) marks it recurring; its date is the first due
date, counted from the document's year.
"""
import calendar
import re
from dataclasses import replace
from typing import Optional

from pipeline.records import Deadline

_YEAR = r"((?:19|20)\d{2})"
_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*" + _YEAR + r"(?!\d)")
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+" + _YEAR, re.I)
# "ngày 15 tháng 12" with no year, "ngày 30 tháng 01 của năm tiếp theo"
_DATE_NO_YEAR = re.compile(r"ngày\s+(\d{1,2})\s*(?:tháng\s+|/\s*)(\d{1,2})(?!\s*(?:năm\s+|/\s*)?\d)"
                           r"(\s+(?:của\s+)?năm\s+(?:tiếp theo|sau))?", re.I)
_ANY_YEAR = re.compile(r"(?<!\d)" + _YEAR + r"(?!\d)")
_START_ONLY = re.compile(r"^\s*(?:bắt đầu\s+(?:triển khai\s+)?)?từ\s+(?:năm\s+)?(?:19|20)\d{2}\s*$|bắt đầu", re.I)

# periods shorter than a year: "Tháng 06/2026", "tháng 11 năm 2025", a bare "06/2026"
_MONTH = re.compile(r"(?:tháng\s+(\d{1,2})\s*(?:/|-|năm)\s*|(?<![\d/.])(\d{1,2})\s*/\s*)" + _YEAR + r"(?![\d/])", re.I)
# quý (quarter): "Quý III/2025", "quý 4 năm 2026", "Quý I, II/2026" (the last one counts)
_QUARTER = re.compile(r"quý\s+((?:[IV]+|[1-4])(?:\s*(?:,|và|-|–)\s*(?:quý\s+)?(?:[IV]+|[1-4]))*)"
                      r"\s*(?:/|-|năm)\s*" + _YEAR, re.I)
# "6 tháng đầu năm 2025" (the first six months), "6 tháng cuối năm 2025"
_PART_OF_YEAR = re.compile(r"(\d{1,2})\s+tháng\s+(đầu|cuối)\s+năm\s+" + _YEAR, re.I)
# hằng năm / hàng năm (every year), hằng quý, hằng tháng; "và các năm tiếp theo" (and the years after)
_RECURRING = re.compile(r"(?:hằng|hàng)\s+(năm|quý|tháng)|các\s+năm\s+tiếp\s+theo", re.I)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_EVERY = {"năm": "year", "quý": "quarter", "tháng": "month"}


def _month_end(year: int, month: int) -> str:
    return f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def _iso(day: str, month: str, year: str) -> Optional[str]:
    d, m = int(day), int(month)
    if 1 <= m <= 12 and 1 <= d <= calendar.monthrange(int(year), m)[1]:
        return f"{year}-{m:02d}-{d:02d}"
    return None


def _day(text: str) -> Optional[Deadline]:
    for pattern in (_DATE_WORDS, _DATE):
        m = pattern.search(text)
        if m:
            iso = _iso(*m.groups())
            if iso:
                return Deadline(text, iso, int(m.group(3)), "day")
    return None


def _quarter(token: str) -> int:
    return int(token) if token.isdigit() else _ROMAN.get(token.upper(), 0)


def _periods(text: str) -> list:
    """(date, precision) for each month, quarter or part of a year the text names."""
    found = []
    for m in _MONTH.finditer(text):
        month, year = int(m.group(1) or m.group(2)), int(m.group(3))
        if 1 <= month <= 12:
            found.append((_month_end(year, month), "month"))
    for m in _QUARTER.finditer(text):
        quarter = max(_quarter(q) for q in re.findall(r"[IV]+|[1-4]", m.group(1), re.I))
        if quarter:
            found.append((_month_end(int(m.group(2)), 3 * quarter), "quarter"))
    for m in _PART_OF_YEAR.finditer(text):
        months, year = int(m.group(1)), int(m.group(3))
        if 1 <= months <= 12:
            month = months if m.group(2).lower() == "đầu" else 12
            found.append((_month_end(year, month), "half_year" if months == 6 else "month"))
    return found


def _by_year(text: str) -> Optional[Deadline]:
    """The latest year the text names; a month or quarter of that year keeps its precision."""
    years = [int(y) for y in _ANY_YEAR.findall(text)]
    if not years:
        return None
    last = max(years)
    finer = [p for p in _periods(text) if int(p[0][:4]) == last]
    if finer:
        date, precision = max(finer)
        return Deadline(text, date, last, precision)
    return Deadline(text, None, last, "year")


def _recurring(text: str, found: Optional[Deadline], default_year: Optional[int]) -> Optional[Deadline]:
    """Mark a deadline stated "hằng năm"; alone, "hằng năm" is first due at the end of the document's year."""
    m = _RECURRING.search(text)
    if not m:
        return found
    if found:
        return replace(found, recurring=True)
    if _DATE_NO_YEAR.search(text):  # "trước ngày 31/3 hằng năm" with no year to count from
        return Deadline(text, None, None, "day", True)
    precision = _EVERY.get((m.group(1) or "năm").lower())
    if precision == "year" and default_year:
        return Deadline(text, None, default_year, "year", True)
    return Deadline(text, None, None, precision, True)


def _parse(text: str, default_year: Optional[int]) -> Optional[Deadline]:
    found = _day(text)
    if found:
        return found
    m = _DATE_NO_YEAR.search(text)
    if m and default_year:
        year = default_year + (1 if m.group(3) else 0)
        iso = _iso(m.group(1), m.group(2), str(year))
        if iso:
            return Deadline(text, iso, year, "day")
    return _by_year(text)


def parse(text: str, default_year: Optional[int] = None) -> Optional[Deadline]:
    """Read a deadline from a short text such as a table's time column."""
    text = (text or "").strip()
    if not text or _START_ONLY.search(text):
        return None
    return _recurring(text, _parse(text, default_year), default_year)


_IN_SENTENCE = re.compile(
    r"(?:trước|chậm nhất(?:\s+(?:là|vào))?|hoàn thành(?:\s+trong)?|xong|đến hết|trong)\s+(?:trước\s+)?"
    r"(?:ngày\s+\d{1,2}\s*(?:/\s*\d{1,2}(?:\s*/\s*(?:19|20)\d{2})?|tháng\s+\d{1,2}(?:\s+năm\s+(?:19|20)\d{2})?"
    r"(?:\s+(?:của\s+)?năm\s+(?:tiếp theo|sau))?)|(?:quý\s+(?:[IVX]+|[1-4])\s*(?:/|năm)\s*|tháng\s+\d{1,2}\s*(?:/|năm)\s*|"
    r"(?:\d{1,2}\s+tháng\s+(?:đầu|cuối)\s+)?năm\s+)(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?"
    r"|\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?:19|20)\d{2})"
    r"(?:\s*,?\s*(?:định kỳ\s+)?(?:hằng|hàng)\s+(?:năm|quý|tháng)|\s+(?:và\s+)?các\s+năm\s+tiếp\s+theo)?", re.I)


def find_in_sentence(text: str, default_year: Optional[int] = None) -> Optional[Deadline]:
    """A deadline stated inside a task sentence: "... trước ngày 31/12/2025"."""
    m = _IN_SENTENCE.search(text or "")
    if not m:
        return None
    found = parse(m.group(0), default_year)
    return replace(found, text=m.group(0)) if found else None


_SCOPE = re.compile(r"^(?:\*\s*)?(?:Đến|đến|Trong|Giai đoạn|Năm)\s+(?:năm\s+)?((?:19|20)\d{2})"
                    r"(?:\s*-\s*((?:19|20)\d{2}))?\s*:?\s*$")


def scope_year(heading: str) -> Optional[Deadline]:
    """An enclosing heading that sets a year for what follows: "* Đến năm 2025:"."""
    m = _SCOPE.match((heading or "").strip())
    if not m:
        return None
    years = [int(y) for y in m.groups() if y]
    return Deadline(heading.strip(), None, max(years), "year")


_TITLE_YEAR = re.compile(r"(?<!\w)đến\s+năm\s+((?:19|20)\d{2})(?!\d)", re.I)


def title_year(title: str) -> Optional[Deadline]:
    """The year a title sets for its table: "PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU ... ĐẾN NĂM 2030"."""
    m = _TITLE_YEAR.search(title or "")
    return Deadline(m.group(0), None, int(m.group(1)), "year") if m else None


_HALF = {6: "6 tháng đầu năm", 12: "6 tháng cuối năm"}


def label(deadline: Optional[dict]) -> str:
    """A deadline record as one short cell, as precise as its text: 2025-06-30, 06/2026, Quý III/2025, 2025."""
    if not deadline:
        return ""
    date, precision = deadline.get("date"), deadline.get("precision") or ("day" if deadline.get("date") else "year")
    year = deadline.get("year") or (int(date[:4]) if date else None)
    if not year:
        return deadline.get("text") or ""
    month = int(date[5:7]) if date else 12
    shown = {"day": date, "month": f"{month:02d}/{year}", "quarter": f"Quý {_quarter_name(month)}/{year}",
             "half_year": f"{_HALF.get(month, '6 tháng')} {year}"}.get(precision, str(year))
    return shown + (" (định kỳ)" if deadline.get("recurring") else "")


def _quarter_name(month: int) -> str:
    return ("I", "II", "III", "IV")[(month - 1) // 3]


def due(deadline: Optional[dict]) -> Optional[str]:
    """The last ISO day a deadline record allows (older records: a year alone is 31 December)."""
    if not deadline:
        return None
    if deadline.get("date"):
        return deadline["date"]
    return f"{deadline['year']}-12-31" if deadline.get("year") else None
