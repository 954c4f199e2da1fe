"""Agencies named by reference: "Bộ này", "Sở này", "cơ quan này" stand for the last
agency with that head noun named before the task ("Bộ Xây dựng ... Bên cạnh đó, Bộ
này phải phối hợp ..." is a task of Bộ Xây dựng). One with no such agency before
it is left as printed."""
import re
from typing import Optional

from extractors import agencies

# "Bộ này", "Sở nói trên", "Ủy ban này": a head noun and a pointing word
_REFERENCE = re.compile(r"^(?P<head>Bộ|Sở|Cục|Ban|Ủy ban|Tổng cục|Viện|Trung tâm|Văn phòng)\s+(?:này|nói trên|trên)$",
                        re.I)
_LOOK_BACK = 3000  # characters searched before the task for the agency referred to


def referent(text: str, pos: int, head: str) -> Optional[str]:
    """The last agency named before pos whose name starts with `head`, as printed."""
    starts = re.finditer(rf"(?<!\w){re.escape(head)}\s+(?=[A-ZĐÀ-Ỹ])", text[max(0, pos - _LOOK_BACK):pos])
    offset = max(0, pos - _LOOK_BACK)
    for match in reversed(list(starts)):
        found = agencies.read_at(text, offset + match.start(), cased=True)
        if found and found[0].strip() and not _REFERENCE.match(found[0].strip()):
            return found[0].strip()
    return None


def resolve(names: list, text: str, pos: int) -> list:
    """`names` with each reference replaced by the agency it stands for."""
    out = []
    for name in names:
        reference = _REFERENCE.match(name.strip())
        out.append(referent(text, pos, reference.group("head").capitalize()) or name if reference else name)
    return out
