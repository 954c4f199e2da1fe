"""Tasks: duties given to named agencies, from sentences, agency headings and tables."""
import re

from extractors import deadlines
from pipeline.records import Span, Task

_AGENCY = (r"(?:(?:các\s+)?(?:Sở|Bộ|UBND|Ủy ban nhân dân|Văn phòng|Ban|Công an|Đài|Trung tâm|Thanh tra)"
           r"[\w ,&-]{0,60}?)")
_LEAD = re.compile(rf"^({_AGENCY})\s+(?:có trách nhiệm|chủ trì|có nhiệm vụ|phối hợp)")
_COORD = re.compile(r"phối hợp(?:\s+với)?\s+(.+?)(?:\s+(?:tổ chức|triển khai|thực hiện|xây dựng|hướng dẫn|"
                    r"theo dõi|rà soát|tham mưu|nghiên cứu)\b|[;.]|$)")


def _split_agencies(text: str) -> list:
    return [p.strip() for p in re.split(r",\s*(?=Sở|Bộ|UBND|Văn phòng|các|Ủy ban)|\s+và\s+(?=Sở|Bộ|UBND|các)",
                                         text) if p.strip()]


def extract(doc) -> list:
    found = []
    for block in doc.blocks:
        if block.kind == "row":
            continue
        m = _LEAD.match(block.text)
        if not m:
            continue
        coord = _COORD.search(block.text[m.end(1):])
        found.append(Task(
            task_id=f"{doc.doc_id}-t{len(found) + 1:03d}", doc_id=doc.doc_id, section=block.section or None,
            text=block.text, lead_agencies=[m.group(1).strip()],
            coordinating_agencies=_split_agencies(coord.group(1)) if coord else [],
            deadline=deadlines.find_in_sentence(block.text),
            span=Span(block.start, block.end, block.page), excerpt=doc.excerpt(block.start, block.end),
            source=doc.source.path))
    return found
