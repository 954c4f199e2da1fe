"""Document header: number, type, place and date, issuer, title, signer, legal bases."""
import re

from pipeline.records import Document, LegalBasis, Signer, Source

DOC_TYPES = ["Quyết định", "Kế hoạch", "Công văn", "Chỉ thị", "Nghị quyết", "Thông báo", "Chương trình",
             "Công điện", "Thông tư", "Nghị định", "Báo cáo", "Hướng dẫn", "Tờ trình", "Đề án"]
_NUMBER = re.compile(r"Số\s*:?\s*(\d+[\w./-]*/[\wĐđ.-]+)")
_DATE = re.compile(r"([A-ZĐ][\w ]{1,40}?),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_BASIS = re.compile(r"^Căn cứ\s+(.+?);?$")
_BASIS_NUMBER = re.compile(r"số\s+(\d+[\w./-]*/[\wĐđ.-]+)")


def _number(head: str):
    m = _NUMBER.search(head)
    return m.group(1).rstrip(".") if m else None


def _place_date(head: str):
    m = _DATE.search(head)
    if not m:
        return None, None
    place, day, month, year = m.groups()
    return place.strip(), f"{year}-{int(month):02d}-{int(day):02d}"


def _doc_type_and_title(blocks):
    for i, block in enumerate(blocks[:60]):
        text = block.text.strip().rstrip(":")
        for doc_type in DOC_TYPES:
            if text.upper() == doc_type.upper() and i + 1 < len(blocks):
                title = re.sub(r"^(V/v|Về việc)\s*", "", blocks[i + 1].text.strip())
                return doc_type, title[:1].upper() + title[1:].lower() if title.isupper() else title
    return None, None


def _legal_bases(blocks) -> list:
    bases = []
    for block in blocks[:120]:
        m = _BASIS.match(block.text.strip())
        if m:
            number = _BASIS_NUMBER.search(m.group(1))
            bases.append(LegalBasis(m.group(1), number.group(1) if number else None))
    return bases


def extract(doc) -> Document:
    head = doc.text[:6000]
    place, issue_date = _place_date(head)
    doc_type, title = _doc_type_and_title(doc.blocks)
    return Document(
        doc_id=doc.doc_id,
        source=Source(doc.source.path, doc.sha256, doc.source.format, doc.source.pages),
        number=_number(head), doc_type=doc_type, issue_date=issue_date, place=place,
        signer=Signer(), title=title, legal_bases=_legal_bases(doc.blocks),
        warnings=list(doc.source.warnings))
