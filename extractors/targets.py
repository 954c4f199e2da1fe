"""Percentage targets: "tối thiểu 80% hồ sơ ...", "25 - 35%", "giảm 10% ...", "đạt trên 95%"."""
import re

from extractors import deadlines
from pipeline.records import Span, Target

_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*%")
_COMPARATORS = [  # (words just before the number, comparator)
    (r"(?:tối thiểu|ít nhất|không dưới|không thấp hơn)\s*(?:là|đạt)?\s*$", ">="),
    (r"(?:tối đa|không quá|không vượt quá)\s*$", "<="),
    (r"(?:trên|hơn)\s*$", ">"),
    (r"dưới\s*$", "<"),
    (r"giảm\s*(?:tối thiểu|ít nhất)?\s*$", "decrease"),
    (r"tăng\s*(?:tối thiểu|ít nhất)?\s*$", "increase"),
]


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _comparator(before: str, after: str) -> str:
    if re.match(r"\s*trở lên", after):
        return ">="
    for pattern, comparator in _COMPARATORS:
        if re.search(pattern, before, re.I):
            return comparator
    return "="


def _scope(block):
    for heading in reversed(block.path):
        found = deadlines.scope_year(heading.text)
        if found:
            return found
    return None


def extract(doc) -> list:
    found = []
    for block in doc.blocks:
        for m in _PERCENT.finditer(block.text):
            before, after = block.text[:m.start()], block.text[m.end():]
            target_id = f"{doc.doc_id}-g{len(found) + 1:03d}"
            found.append(Target(
                target_id=target_id, doc_id=doc.doc_id, task_id=None, text=block.text,
                value=_number(m.group(1)), value_max=None, comparator=_comparator(before[-25:], after),
                unit="%", subject=None, deadline=_scope(block),
                span=Span(block.start, block.end, block.page), excerpt=doc.excerpt(block.start, block.end),
                source=doc.source.path))
    return found
