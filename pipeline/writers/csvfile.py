"""The one CSV writer of the project: a text cell that a spreadsheet would read
as a formula (it starts with = + - @, a tab or a carriage return) gets a
leading apostrophe, as the OWASP CSV-injection guidance says. Numbers are
written as they are; JSONL output is never touched."""
import csv

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutral(value):
    """A cell value safe to open in a spreadsheet: '=1+2' -> "'=1+2"."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_rows(handle, fields: list, rows) -> None:
    """A header and one line per dict of `rows` into an open text handle (newline='')."""
    writer = csv.DictWriter(handle, fieldnames=fields)
    writer.writeheader()
    writer.writerows({key: neutral(value) for key, value in row.items()} for row in rows)
