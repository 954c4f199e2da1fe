"""Tasks: duties given to named agencies, from sentences, agency headings and tables.

A block becomes a task when
- a sentence names the agency: its subject ("Sở Tư pháp chủ trì ..."), the
  object of an assignment verb ("giao Sở Tư pháp ...", "đề nghị các sở ...");
- it sits under an agency heading ("d) Sở Tư pháp", "2. Các bộ, ngành có trách nhiệm:");
- it is a row of an assignment table (Nhiệm vụ / Cơ quan chủ trì / ...);
- it goes on with the previous paragraph's duties ("Đồng thời, ...", a bare verb).
"""
import re
from typing import Optional

from extractors import agencies, deadlines, table_tasks
from pipeline.records import Span, Task

_ASSIGN = re.compile(r"(?<!\w)(?:giao trách nhiệm cho|giao trách nhiệm|giao cho|giao|đề nghị|yêu cầu|"
                     r"phân công)\s+(?:đồng chí\s+)?", re.I)
_COORD = re.compile(r"(?<!\w)phối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+", re.I)
_CONNECTIVE = re.compile(r"^(?:Đồng thời|Bên cạnh đó|Mặt khác|Ngoài ra|Đặc biệt|Cùng với đó|Theo đó|"
                         r"Cụ thể|Song song|Tiếp đó|Trên cơ sở đó)(?!\w)")
_BOILERPLATE = re.compile(r"chịu trách nhiệm thi hành|có hiệu lực (?:thi hành )?(?:kể )?từ|thi hành Quyết định này"
                          r"|^Căn cứ (?:Luật|Nghị định|Nghị quyết|Quyết định|Thông tư|Chỉ thị|Kế hoạch số|"
                          r"Công văn|Văn bản|Hiến pháp)|^Theo đề nghị của", re.I)
_RECIPIENTS = re.compile(r"^Nơi nhận", re.I)
_HEADING_LEAD = re.compile(r"^(?:Trách nhiệm của|Giao|Đề nghị|Yêu cầu)\s+")
_HEADING_TAIL = re.compile(r"^\s*(?:(?:có trách nhiệm|có nhiệm vụ|chịu trách nhiệm|thực hiện)"
                           r"(?:\s+(?:thực hiện\s+)?(?:các\s+)?(?:nội dung|nhiệm vụ)(?:\s+(?:sau|cụ thể|như sau))?)?)?"
                           r"\s*:?\s*$", re.I)
# An introductory clause before the subject: "Căn cứ ..., các sở ...", "Theo đó, UBND ..."
_INTRO = re.compile(r"^(?:Căn cứ|Trên cơ sở|Dựa (?:trên|vào)|Trong (?:quá trình|thời gian|phạm vi)|Theo đó|"
                    r"Cụ thể|Đồng thời|Bên cạnh đó|Để|Nhằm|Đối với|Trường hợp|Sau khi|Khi|Hằng năm|Hàng năm|"
                    r"Ngoài ra|Mặt khác|Đặc biệt|Riêng|Thực hiện|Tùy|Nếu|Qua|Năm|Từ nay|Trước mắt)(?!\w)")
# List-style fields under a task item: "- Cơ quan chủ trì: Sở Tư pháp", "- Thời gian hoàn thành: Quý IV/2025"
_FIELD = re.compile(r"^(?:(?P<lead>(?:Đơn vị|Cơ quan)\s+(?:chủ trì|thực hiện))|(?P<coord>(?:Đơn vị|Cơ quan)\s+phối hợp)"
                    r"|(?P<time>Thời gian(?:\s+(?:hoàn thành|thực hiện))?|Thời hạn(?:\s+hoàn thành)?|Tiến độ))\s*:\s*",
                    re.I)
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ])")
_INTRO_COMMAS = 4
_MAX_HEADING = 220
_SUB_ITEMS = ("dash", "plus", "star", "paren", "letter", "")


# ---- finding the agencies of a sentence ----------------------------------

def _assigned(sentence: str) -> Optional[list]:
    """'UBND thành phố giao Sở Tư pháp ...' -> ['Sở Tư pháp']."""
    for m in _ASSIGN.finditer(sentence):
        found = agencies.read_list(sentence, m.end())
        if found and agencies.predicate_at(sentence, found[1]):
            return found[0]
    return None


def _subject(sentence: str) -> Optional[list]:
    """The sentence's subject, after an optional introductory clause ("Căn cứ ..., ")."""
    starts = [0]
    if _INTRO.match(sentence):
        starts += [m.end() for m in re.finditer(r",\s*", sentence)][:_INTRO_COMMAS]
    for pos in starts:
        found = agencies.read_list(sentence, pos, cased=True)
        if found and agencies.predicate_at(sentence, found[1]):
            return found[0]
    return None


def sentence_lead(sentence: str) -> Optional[list]:
    return _assigned(sentence) or _subject(sentence)


def coordinating(text: str, lead: list) -> list:
    """Agencies after "phối hợp (với)", not counting the lead itself."""
    names, seen = [], {agencies.canonical(n) for n in lead}
    for m in _COORD.finditer(text):
        found = agencies.read_list(text, m.end())
        for name in (found[0] if found else []):
            key = agencies.canonical(name)
            if key not in seen:
                seen.add(key)
                names.append(name)
    return names


def heading_agencies(text: str) -> Optional[list]:
    """'Sở Tư pháp', 'Các bộ, ngành, địa phương có trách nhiệm:', 'Các Bộ: Công an, Tài chính'."""
    text = _HEADING_LEAD.sub("", text.strip())
    if len(text) > _MAX_HEADING or text.endswith((";", ".", ",")):
        return None
    found = agencies.read_list(text, 0, cased=True)
    if found and _HEADING_TAIL.match(text[found[1]:]):
        return found[0]
    return None


# ---- sentences -------------------------------------------------------------

def _sentences(text: str) -> list:
    """(start, end) of each sentence in text."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _groups(text: str) -> list:
    """Runs of sentences with one lead: [(start, end, lead or None)].

    A paragraph is split only where a sentence names other agencies as its subject.
    """
    groups = []
    for start, end in _sentences(text):
        sentence = text[start:end]
        lead = sentence_lead(sentence)
        if groups and (lead is None or groups[-1][2] is None or _same(lead, groups[-1][2])
                       or not _opening_subject(sentence)):
            g_start, _, g_lead = groups[-1]
            groups[-1] = (g_start, end, g_lead or lead)
        else:
            groups.append((start, end, lead))
    return groups


def _opening_subject(sentence: str) -> bool:
    found = agencies.read_list(sentence, 0, cased=True)
    return bool(found) and agencies.predicate_at(sentence, found[1])


def _same(a: list, b: list) -> bool:
    return {agencies.canonical(x) for x in a} == {agencies.canonical(x) for x in b}


# ---- walking the blocks ----------------------------------------------------

class _Walker:
    def __init__(self, doc):
        self.doc = doc
        self.found = []
        self.headings = {}  # id(block) -> agencies of an agency heading
        self.loose_heading = None  # (agencies, block) of an unnumbered heading paragraph
        self.previous = None  # (block, lead) of the last text task
        self.in_recipients = False
        self.content = None  # (block, text, index of its first task) of the last duty block
        self.default_year = _issue_year(doc)
        self.tables = table_tasks.TableReader(self.default_year)

    def run(self) -> list:
        for block in self.doc.blocks:
            if block.kind == "row":
                self.previous = None
                for text, lead, coord, deadline in self.tables.read(block):
                    self.add(block, text, lead, coord, deadline, "table")
                continue
            self.text_block(block)
        return self.found

    def text_block(self, block):
        text = block.text.strip()
        if _RECIPIENTS.match(text):
            self.in_recipients = True
        elif _is_title(text):
            self.in_recipients = False
            self.loose_heading = None
        if self.in_recipients or not text or _BOILERPLATE.search(text):
            self.previous = None
            return
        heading = heading_agencies(text)
        if heading:
            self.headings[id(block)] = heading
            if not block.marker_kind or block.marker_kind in ("dash", "plus", "star"):
                self.loose_heading = (heading, block)
            self.previous = None
            return
        field = _FIELD.match(text)
        if field:
            self.field(field, text[field.end():])
            return
        self.content = (block, text, len(self.found))
        self.update_loose_heading(block)
        inherited = self.inherited(block)
        if inherited:
            self.heading_task(block, text, inherited)
        else:
            self.sentence_tasks(block, text)

    def field(self, m, value: str):
        """Attach a "Cơ quan chủ trì: ..." / "Cơ quan phối hợp: ..." / "Thời gian: ..." line to the duty above."""
        if not self.content:
            return
        block, text, first = self.content
        tasks = self.found[first:]
        if m.group("lead"):
            lead = _field_agencies(value)
            if not lead:
                return
            if not tasks:
                self.add_text(block, text, 0, len(text), lead, "explicit")
                tasks = self.found[first:]
            for task in tasks:
                task.lead_agencies = lead
                task.coordinating_agencies = [c for c in task.coordinating_agencies if not _covered([c], lead)]
        elif m.group("coord"):
            for task in tasks:
                task.coordinating_agencies = _field_agencies(value)
        else:
            found = deadlines.parse(value, self.default_year)
            for task in tasks:
                task.deadline = found or task.deadline

    def update_loose_heading(self, block):
        if self.loose_heading and block.marker_kind not in ("dash", "plus", "star", "paren"):
            if not block.marker_kind or block.marker_kind == self.loose_heading[1].marker_kind:
                self.loose_heading = None
            elif block.marker_kind not in _SUB_ITEMS:
                self.loose_heading = None

    def inherited(self, block) -> Optional[list]:
        for parent in reversed(block.path):
            if id(parent) in self.headings and parent is not block:
                return self.headings[id(parent)]
        if self.loose_heading and block.marker_kind in ("dash", "plus", "star", "paren", "letter"):
            return self.loose_heading[0]
        return None

    def heading_task(self, block, text, heading):
        lead = heading
        first = _sentences(text)[0]
        own = agencies.read_list(text[first[0]:first[1]], 0, cased=True)
        if own and agencies.predicate_at(text, own[1]) and not _covered(own[0], heading):
            lead = own[0]
        self.add_text(block, text, 0, len(text), lead, "heading")
        self.previous = (block, lead)

    def sentence_tasks(self, block, text):
        groups = _groups(text)
        if all(lead is None for _, _, lead in groups):
            self.continuation(block, text)
            return
        for start, end, lead in groups:
            if lead:
                self.add_text(block, text, start, end, lead, "explicit")
                self.previous = (block, lead)
        lead = groups[-1][2]
        if text.endswith(":") and lead and not re.match(r"(?:các|những)\s", lead[0], re.I):
            # "Sở Xây dựng chủ trì ... triển khai:" heads its list; "các cơ quan ...:" opens agency headings
            self.headings[id(block)] = groups[-1][2]
            if not block.marker_kind or block.marker_kind in ("dash", "plus", "star"):
                self.loose_heading = (groups[-1][2], block)

    def continuation(self, block, text):
        if not self.previous or not _continues(self.previous[0], block, text):
            self.previous = None
            return
        lead = self.previous[1]
        self.add_text(block, text, 0, len(text), lead, "continuation")
        self.previous = (block, lead)

    def add_text(self, block, text, start, end, lead, evidence):
        piece = text[start:end].strip()
        deadline = deadlines.find_in_sentence(piece, self.default_year) or _scope(block)
        self.add(block, piece, lead, coordinating(piece, lead), deadline, evidence,
                 _locate(self.doc.text, block, piece))

    def add(self, block, text, lead, coord, deadline, evidence, span=None):
        start, end = span or (block.start, block.end)
        self.found.append(Task(
            task_id=f"{self.doc.doc_id}-t{len(self.found) + 1:03d}", doc_id=self.doc.doc_id,
            section=block.section or None, text=text, lead_agencies=list(lead),
            coordinating_agencies=list(coord), deadline=deadline,
            span=Span(start, end, block.page), excerpt=self.doc.excerpt(start, end),
            source=self.doc.source.path, evidence=evidence))


def _field_agencies(value: str) -> list:
    found = agencies.read_list(value, 0)
    return found[0] if found else table_tasks.split_cell(value)


def _covered(own: list, heading: list) -> bool:
    keys = {agencies.canonical(h) for h in heading}
    return all(agencies.canonical(o) in keys for o in own)


def _continues(previous, block, text: str) -> bool:
    """Does block go on with the duties of the task block just before it?"""
    if previous.section != block.section and not (previous.marker_kind == block.marker_kind
                                                   and previous.path == block.path):
        return False
    if _CONNECTIVE.match(text):
        return True
    return not block.marker_kind and not previous.marker_kind and _starts_with_verb(text)


_VERB_START = re.compile(r"^[A-ZĐÀ-Ỹ][^\s,]*\s")


def _starts_with_verb(text: str) -> bool:
    lowered = text[:1].lower() + text[1:]
    return bool(_VERB_START.match(text)) and agencies.predicate_at(lowered, 0)


def _scope(block):
    for heading in reversed(block.path):
        found = deadlines.scope_year(heading.text)
        if found:
            return found
    return None


def _locate(text: str, block, piece: str):
    """Span of piece inside the block's span of the normalised text."""
    head = piece[:40]
    at = text.find(head, block.start, block.end)
    if at < 0 or len(piece) == len(block.text.strip()):
        return block.start, block.end
    return at, min(block.end, at + len(piece))


def _is_title(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 6 and all(c.isupper() for c in letters)


def _issue_year(doc) -> Optional[int]:
    date = getattr(doc.document, "issue_date", None) if doc.document else None
    return int(date[:4]) if date else None


def extract(doc) -> list:
    return _Walker(doc).run()
