"""Registry names found in running text: where a known agency name starts and ends.

The names, aliases and former (pre-2025) names of data/agencies.json are matched
word by word, case-insensitive, across line breaks and the commas and hyphens
printed inside names ("Bộ Văn hóa, Thể thao và Du lịch", "Sở Lao động -
Thương binh và Xã hội"). Tails ("Văn hóa, Thể thao và Du lịch" of "Bộ ...") are
the items of a list after "các Bộ:".
"""
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

DATA = Path(__file__).with_name("data") / "agencies.json"
_TOKEN = re.compile(r"\w+")
_GAP = re.compile(r"[\s,&–-]*")  # what may stand between two words of one name
_LIST_HEADS = ("bộ", "sở")  # "các Bộ: Tư pháp, Y tế", "các Sở: Tài chính, Xây dựng"


class _Names:
    """Token sequences by their first word; longest first."""

    def __init__(self, names):
        self.by_first = {}
        for name in names:
            words = tuple(w.lower() for w in _TOKEN.findall(name))
            if len(words) > 1:
                self.by_first.setdefault(words[0], set()).add(words)
        for first, seqs in self.by_first.items():
            self.by_first[first] = sorted(seqs, key=len, reverse=True)

    def end_at(self, text: str, pos: int) -> Optional[int]:
        first = _TOKEN.match(text, pos)
        if not first or first.start() != pos:
            return None
        candidates = self.by_first.get(first.group(0).lower())
        if not candidates:
            return None
        ends, words, i = [first.end()], [first.group(0).lower()], first.end()
        longest = len(candidates[0])
        while len(words) < longest:
            nxt = _TOKEN.match(text, _GAP.match(text, i).end())
            if not nxt:
                break
            words.append(nxt.group(0).lower())
            ends.append(nxt.end())
            i = nxt.end()
        for seq in candidates:
            if tuple(words[:len(seq)]) == seq:
                return ends[len(seq) - 1]
        return None


def _printed_names(data: dict):
    for entry in data["agencies"]:
        yield entry["name"]
        yield from entry.get("aliases", [])
        yield from entry.get("former", [])


@lru_cache(maxsize=1)
def _tables():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    names = [n for n in _printed_names(data) if n[:1].isupper()]
    tails = {head: [n.split(" ", 1)[1] for n in names if n.lower().startswith(head + " ")] for head in _LIST_HEADS}
    return _Names(names), {head: _Names(t) for head, t in tails.items()}


def name_end(text: str, pos: int) -> Optional[int]:
    """End of the longest registry name that starts at pos: 'Bộ Ngoại\\ngiao chủ trì' -> after 'giao'."""
    return _tables()[0].end_at(text, pos)


def tail_end(text: str, pos: int, head: str) -> Optional[int]:
    """End of the longest name printed without its head word 'Bộ'/'Sở' at pos ('Văn hóa, Thể thao và Du lịch')."""
    tails = _tables()[1].get(head.lower())
    return tails.end_at(text, pos) if tails else None


def spans(text: str) -> list:
    """(start, end) of the registry names in text, leftmost longest."""
    found, i = [], 0
    for m in _TOKEN.finditer(text):
        if m.start() < i:
            continue
        end = name_end(text, m.start())
        if end:
            found.append((m.start(), end))
            i = end
    return found


def inside(text: str, pos: int) -> bool:
    """Does a registry name run across pos ('Bộ Ngoại|giao')?"""
    return any(start < pos < end for start, end in spans(text[:pos + 200]))
