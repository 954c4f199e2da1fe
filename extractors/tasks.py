"""Tasks: duties given to named agencies, from sentences, agency headings and tables.

A block becomes a task when
- a sentence names the agency: its subject ("Sở Tư pháp chủ trì ..."), the
  object of an assignment verb ("giao Sở Tư pháp ...", "đề nghị các sở ...");
- it sits under an agency heading ("d) Sở Tư pháp", "2. Các bộ, ngành có trách nhiệm:");
- it is a row of an assignment table (Nhiệm vụ / Cơ quan chủ trì / ...);
- it goes on with the previous paragraph's duties ("Đồng thời, ...", a bare verb).
"""
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Optional

from extractors import agencies, deadlines, mentions, registry, table_tasks
from pipeline.segment import is_title
from pipeline import segment as segmenting
from pipeline.records import Deadline, Span, Task

_ASSIGN = re.compile(r"(?<!\w)"
                     r"(?:giao (?:rõ\s+)?(?:trách nhiệm|nhiệm vụ)(?:\s+cho|\s*:)?|giao cho|giao|đề nghị|yêu cầu|"
                     r"phân công(?:\s+cho)?)\s+(?:(?:các\s+)?đồng chí\s+)?", re.I)
# The word before an assignment verb that makes it a topic ("cơ chế giao doanh nghiệp ...") or a transfer
# ("bàn giao cho công an tỉnh", "chuyển giao"): its object receives something, it is not given the duty
# or a topic ("Về đề nghị Chính phủ ...: giao Bộ Tài chính ...")
_NOT_ASSIGNING_AFTER = {"cơ chế", "việc", "thẩm quyền", "bàn", "chuyển", "trao", "giao", "về"}
_LAST_WORDS = re.compile(r"(\w+)\s+(\w+)\s*$|(\w+)\s*$")


def _assignments(sentence: str):
    """The assignment verbs of a sentence ("giao", "đề nghị", "phân công cho", ...) that give a duty."""
    for m in _ASSIGN.finditer(sentence):
        before = _LAST_WORDS.search(sentence, max(0, m.start() - 30), m.start())
        words = [w.lower() for w in (before.groups() if before else ()) if w]
        if not words or (words[-1] not in _NOT_ASSIGNING_AFTER and " ".join(words) not in _NOT_ASSIGNING_AFTER):
            yield m


def _assigns(sentence: str) -> bool:
    return next(_assignments(sentence), None) is not None


# "... do Sở Xây dựng chủ trì, phối hợp với ... thực hiện": the agency after "do" leads
_BY = re.compile(r"(?<!\w)do\s+(?=\S)", re.I)
_LEADS = re.compile(r"\s*chủ trì(?=\s*(?:[,.;]|phối hợp|thực hiện|triển khai|tổ chức thực hiện|$))", re.I)
_INSTRUCT = re.compile(r"\s*(?:hướng dẫn|đôn đốc|chỉ đạo)\s+")  # the issuer instructing an agency
_URGE = re.compile(r"(?<!\w)(?:đôn đốc|chỉ đạo)\s+", re.I)
_SELF = re.compile(r"^(?:Bộ|Sở|Ban|Cục|Tổng cục)$")
_GIVE = re.compile(r"Giao\s", re.I)  # "Giao Thanh tra thành phố ..." opening a sub-item
_PAST = re.compile(r"(?:đã|vừa)\s", re.I)  # "... đã tập trung triển khai": a report, not a duty
# "Chủ tịch UBND tỉnh chỉ thị:", "UBND tỉnh giao nhiệm vụ như sau:": the issuer speaking, its list follows
_SPEECH = re.compile(r"(?:chỉ thị|yêu cầu|đề nghị|quyết định|điện|giao|phân công|có ý kiến)"
                     r"(?:\s+(?:nhiệm vụ|nội dung|chỉ đạo|các|cụ thể|như sau|sau))*\s*:\s*$", re.I)
_ISSUES = re.compile(r"ban hành\s+(?:Kế hoạch|Chương trình|Chỉ thị|Quyết định|Công văn|Hướng dẫn)", re.I)
_GROUP_LEAD = re.compile(r"(?:các|những)\s", re.I)
_COORD = re.compile(r"(?<!\w)phối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+", re.I)
_CONNECTIVE = re.compile(r"^(?:Đồng thời|Bên cạnh đó|Mặt khác|Ngoài ra|Đặc biệt|Cùng với đó|Theo đó|"
                         r"Cụ thể|Song song|Tiếp đó|Trên cơ sở đó)(?!\w)")
_BOILERPLATE = re.compile(r"chịu trách nhiệm thi hành|thông báo để .{0,120}biết|có hiệu lực (?:thi hành )?(?:kể )?từ"
                          r"|thi hành Quyết định này|căn cứ Quyết định (?:này )?thi hành"
                          r"|^Căn cứ (?:Luật|Nghị định|Nghị quyết|Quyết định|Thông tư|Chỉ thị|Kế hoạch số|"
                          r"Công văn|Văn bản|Hiến pháp)|^Theo đề nghị của", re.I)
_RECIPIENTS = re.compile(r"^Nơi nhận", re.I)
# "Một số chỉ tiêu cơ bản bao gồm:" heads the plan's objectives, not duties
_OBJECTIVES = re.compile(r"(?:chỉ tiêu|mục tiêu)(?:\s+[^\W\d]+){0,3}\s+(?:bao gồm|gồm|như sau|cụ thể)\s*:\s*$", re.I)
_FOOTNOTE = re.compile(r"^\[\d{1,3}\]\s")
_WORDS = re.compile(r"[^\W\d_]{2,}")  # a bare "*" or "20" is not a duty
_HEADING_LEAD = re.compile(r"^(?:Trách nhiệm của|Đối với|Giao|Đề nghị|Yêu cầu|(?:Kính\s+)?Mời)\s+")
_INVITE = re.compile(r"^(?:Kính\s+)?[Mm]ời\s+")  # "Mời Ủy ban MTTQ tỉnh phối hợp ...": addressed like "đề nghị"
# A generic noun and lowercase words, with no name: "Doanh nghiệp số", "Chính quyền số", "Lực lượng sản xuất"
_TOPIC = re.compile(r"^(?:Doanh nghiệp|Lực lượng|Hội|Đoàn|Cổng|Đội|Bộ phận|Trường|Cơ quan|Tổ|Nhà trường|"
                    r"Chính quyền)\s+(.+)$")
_DUTY_WORD = r"(?:có trách nhiệm|có nhiệm vụ|chịu trách nhiệm)"
_DUTY_OBJECT = r"(?:\s+(?:thực hiện\s+)?(?:các\s+)?(?:nội dung|nhiệm vụ)(?:\s+(?:sau|cụ thể|như sau))?)?"
_DUTY_END = re.compile(r"\s+" + _DUTY_WORD + _DUTY_OBJECT + r"\s*:?\s*$")
_ROLE_WORD = re.compile(r"(?<!\w)(?:chủ trì|phối hợp|chỉ đạo|đôn đốc)(?!\w)", re.I)
_HEADING_TAIL = re.compile(r"^\s*(?:(?:" + _DUTY_WORD + r"|thực hiện)" + _DUTY_OBJECT + r")?\s*:?\s*$", re.I)
# An introductory clause before the subject: "Căn cứ ..., các sở ...", "Theo đó, UBND ..."
_INTRO = re.compile(r"^(?:Căn cứ|Trên cơ sở|Dựa (?:trên|vào)|Trong (?:quá trình|thời gian|phạm vi)|Theo|Tại|Về|"
                    r"Cụ thể|Đồng thời|Bên cạnh đó|Để|Nhằm|Đối với|Trường hợp|Sau khi|Khi|Hằng năm|Hàng năm|"
                    r"Ngoài ra|Mặt khác|Đặc biệt|Riêng|Thực hiện|Tùy|Nếu|Qua|Năm|Từ nay|Trước mắt)(?!\w)")
# List-style fields under a task item: "- Cơ quan chủ trì: Sở Tư pháp", "- Thời gian hoàn thành: Quý IV/2025"
_FIELD = re.compile(r"^(?:(?P<lead>(?:Đơn vị|Cơ quan)\s+(?:chủ trì|thực hiện))|(?P<coord>(?:Đơn vị|Cơ quan)\s+phối hợp)"
                    r"|(?P<time>Thời gian(?:\s+(?:hoàn thành|thực hiện))?|Thời hạn(?:\s+hoàn thành)?|Tiến độ))\s*:\s*",
                    re.I)
_LABEL_END = re.compile(r":\s+(?=[A-ZĐ])")
_CLAUSE_MARK = re.compile(r"(?:(?<=[:;.]\s)|(?<=[:;.]))\((\d{1,2})\)\s*")  # "...: (1) ...; (2) ..."
_OBJECT_LIST = re.compile(r"(?:gồm|bao gồm|như|hạng mục)(?:\s+(?:các|những))?\s*:\s*$", re.I)
_ROLE_HEAD = re.compile(r"^(?:Chủ trì|Phối hợp)(?:\s*,\s*phối hợp)?(?:\s+(?:chặt chẽ\s+)?với\s+[^.;:]+)?\s*:\s*$")
_BARE_LABEL = re.compile(r"^(?:Nhiệm vụ|Nội dung(?:\s+(?:nhiệm vụ|công việc))?)(?:\s+cụ thể)?\s*:\s*$", re.I)
_TASK_LABEL = re.compile(r"^(?:Nhiệm vụ|Tên nhiệm vụ|Nội dung(?:\s+(?:nhiệm vụ|công việc))?)\s*:\s*(?=\S)", re.I)
_FOOTNOTE_MARK = re.compile(r":\s*\d{1,2}$")  # "... tổ chức triển khai: 11" (a PDF footnote number)
# A sentence ends at ". ! ?"; clauses joined by ";" stay in it ("A chịu trách nhiệm ...; B là đầu mối ...")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ])")
_INTRO_COMMAS = 4
# An aside between the subject and its predicate: "Các sở, ngành, theo chức năng, nhiệm vụ được giao, chủ động ..."
_ASIDE = re.compile(r",\s*(?:trên cơ sở|căn cứ|theo|trong|khi|nếu|tùy|với|đối với|ngoài|sau khi|dựa (?:trên|vào)|"
                    r"thông qua|bên cạnh|đặc biệt là|nhất là|trong đó|kể cả)(?!\w)", re.I)
_COMMA = re.compile(r",\s*")
_COLON = re.compile(r":\s+")
_MAX_ASIDE = 160
_HEADING_LINES = 3  # an agency heading wrapped over at most this many lines
_LAYOUT_CELL = 300  # characters of a table cell that holds running text
_MAX_HEADING = 220
_BULLETS = ("dash", "plus", "star")
_UNDER_LOOSE_HEADING = _BULLETS + ("paren", "letter")  # items an unnumbered heading reaches


# ---- finding the agencies of a sentence ----------------------------------

def _lead_at(sentence: str, pos: int, cased: bool = True):
    """(agencies, where their predicate starts) of the agency phrase at pos, when a predicate follows it,
    maybe after an aside: "Sở Tài chính, trên cơ sở đề xuất của các đơn vị, chủ trì ..."."""
    found = agencies.read_list(sentence, pos, cased)
    if not found:
        return None
    if agencies.predicate_at(sentence, found[1]):
        return found
    if _ASIDE.match(sentence, found[1]):
        for m in _COMMA.finditer(sentence, found[1] + 1, found[1] + _MAX_ASIDE):
            if agencies.predicate_at(sentence, m.end()):
                return found[0], m.end()
    return None


def _assigned(sentence: str) -> Optional[list]:
    """'UBND thành phố giao Sở Tư pháp ...' -> ['Sở Tư pháp']; 'Sở Nội vụ đề nghị các cơ quan, đơn vị:' heads
    a list of requests to them."""
    for m in list(_INVITE.finditer(sentence)) + list(_assignments(sentence)):
        found = _lead_at(sentence, m.end(), cased=False) or _addressees(sentence, m.end())
        if found:
            return found[0]
    return None


def _addressees(sentence: str, pos: int):
    found = agencies.read_list(sentence, pos)
    return found if found and sentence[found[1]:].strip() == ":" else None


def _subject(sentence: str, issuer: str = "") -> Optional[list]:
    """The sentence's subject, after an optional introductory clause ("Căn cứ ..., ").

    Not a duty: a past event ("... đã triển khai", "vừa ban hành") or the issuer
    issuing the document itself ("..., UBND tỉnh ban hành Kế hoạch ...").
    """
    starts = [0]
    if _INTRO.match(sentence):
        starts += [m.end() for m in _COMMA.finditer(sentence)][:_INTRO_COMMAS]
    for pos in starts:
        found = _lead_at(sentence, pos)
        if found:
            rest = sentence[found[1]:].lstrip()
            if _PAST.match(rest) or _SPEECH.match(rest) or (_ISSUES.match(rest) and _is_issuer(found[0], issuer)):
                return None
            return _instructed(sentence, found, issuer) or found[0]
    return None


def _instructed(sentence: str, subject, issuer: str) -> Optional[list]:
    """'Bộ hướng dẫn Sở Lao động ... xây dựng dự toán': the issuer instructs, the object carries the duty."""
    m = _INSTRUCT.match(sentence, subject[1])
    if not m or not _is_issuer(subject[0], issuer):
        return None
    found = _lead_at(sentence, m.end())
    return found[0] if found else None


def _urged(text: str) -> Optional[list]:
    """The agencies a list head urges on: '... là đầu mối đôn đốc Trung tâm X, các đơn vị Y tổ chức thực hiện:'."""
    for m in _URGE.finditer(text):
        found = agencies.read_list(text, m.end())
        if found and (agencies.predicate_at(text, found[1]) or text[found[1]:].strip() == ":"):
            return found[0]
    return None


def _is_issuer(names: list, issuer: str) -> bool:
    if len(names) == 1 and _SELF.match(names[0]):  # "Bộ hướng dẫn ...": the issuer names itself
        return True
    key = agencies.canonical(issuer)
    return len(names) == 1 and bool(key) and key.startswith(agencies.canonical(names[0]))


def _passive_lead(sentence: str) -> Optional[list]:
    """'Việc ... do Sở Xây dựng chủ trì, phối hợp với ... thực hiện' -> ['Sở Xây dựng']."""
    for m in _BY.finditer(sentence):
        found = agencies.read_list(sentence, m.end())
        if found and _LEADS.match(sentence, found[1]):
            return found[0]
    return None


def sentence_lead(sentence: str, issuer: str = "") -> Optional[list]:
    return _assigned(sentence) or _subject(sentence, issuer) or _passive_lead(sentence)


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


def heading_agencies(text: str, numbered: bool = False) -> Optional[list]:
    """'Sở Tư pháp', 'Các bộ, ngành, địa phương có trách nhiệm:', 'Các Bộ: Công an, Tài chính'; a numbered
    heading may end in a period ('2. Sở Y tế.'; a bullet '- Sở Y tế.' ends a recipient list)."""
    text = _HEADING_LEAD.sub("", text.strip())
    if numbered and text.endswith(".") and _only_agencies(text[:-1]):
        text = text[:-1]  # "2. Sở Giáo dục và Đào tạo."
    if len(text) > _MAX_HEADING or text.endswith((";", ".", ",")):
        return None
    found = _whole_subject(text) or agencies.read_list(text, 0, cased=True)
    if not found or not _HEADING_TAIL.match(text[found[1]:]):
        return None
    if not text[found[1]:].strip(" :") and len(found[0]) == 1 and _is_topic(found[0][0]):
        return None  # "9. Doanh nghiệp số": a topic, not an agency
    return found[0]


def _whole_subject(text: str):
    """'Các tổ chức, cá nhân khai thác nước dưới đất trên địa bàn có trách nhiệm:': all before the duty word."""
    m = _DUTY_END.search(text)
    if m and agencies.starts_agency(text, 0, cased=True) and not _ROLE_WORD.search(text, 0, m.start()):
        return agencies.split(text[:m.start()]), m.start()
    return None


def _is_topic(name: str) -> bool:
    m = _TOPIC.match(name)
    return bool(m) and all(word[:1].islower() for word in m.group(1).split())


# ---- sentences -------------------------------------------------------------

def _sentences(text: str) -> list:
    """(start, end) of each sentence in text."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return _after_label(text, spans[0]) + spans[1:]


def _after_label(text: str, span) -> list:
    """'Triển khai các Lệnh khẩn cấp: Sở Xây dựng chủ trì ...': the topic label and the sentence after it."""
    m = _LABEL_END.search(text, span[0], span[1])
    label = text[span[0]:m.start()] if m else ""
    if m and not _opening_subject(label) and not _only_agencies(label) \
            and _opening_subject(text[m.end():span[1]]):
        return [(span[0], m.start() + 1), (m.end(), span[1])]
    return [span]


def _only_agencies(text: str) -> bool:
    found = agencies.read_at(text, 0, cased=True)
    return bool(found) and found[1] >= len(text.rstrip())


def _groups(text: str, issuer: str = "") -> list:
    """Runs of sentences with one lead: [(start, end, lead or None)].

    A paragraph is split only where a sentence names other agencies as its subject.
    """
    groups = []
    for start, end in _sentences(text):
        sentence = text[start:end]
        lead = sentence_lead(sentence, issuer)
        label = groups and groups[-1][2] is None and text[:groups[-1][1]].endswith(":")
        if groups and not label and (lead is None or groups[-1][2] is None or _same(lead, groups[-1][2])
                                     or not _opening_subject(sentence)):
            g_start, _, g_lead = groups[-1]
            groups[-1] = (g_start, end, g_lead or lead)
        else:
            groups.append((start, end, lead))
    return groups


def _opening_subject(sentence: str) -> bool:
    return bool(_lead_at(sentence, 0))


def _same(a: list, b: list) -> bool:
    return {agencies.canonical(x) for x in a} == {agencies.canonical(x) for x in b}


def _restates(own: list, heading: list) -> bool:
    """'UBND cấp xã' under the heading 'UBND các xã, phường': groups the heading already names in other words."""
    groups = {_group_id(name) for name in heading} - {None}
    return all(_group_id(name) in groups for name in own)


def _group_id(name: str) -> Optional[str]:
    found = registry.resolve(name)
    return found.id if found.group else None


# ---- walking the blocks ----------------------------------------------------

@dataclass
class Heading:
    """Agencies that blocks below a heading (or below a task item) work for."""
    lead: list
    coordinating: list = field(default_factory=list)
    deadline: Optional[Deadline] = None
    items_only: bool = False  # a task item passes its agencies to its sub-items only
    numbered: bool = False  # "UBND tỉnh yêu cầu các sở, ngành thực hiện các nội dung sau:" reaches "1.", "2." too


def _heading_groups(text: str, heading: list) -> list:
    """A duty under an agency heading, split where a sentence opens with other agencies: [(start, end, own lead)]."""
    groups = []
    for start, end in _sentences(text):
        own = _own_lead(text[start:end])
        if own and ((len(own) == 1 and _SELF.match(own[0])) or (groups and _restates(own, heading))):
            own = None  # "Sở chủ trì ...", "UBND cấp xã ..." under "UBND các xã, phường": the heading's agencies
        if groups and groups[-1][2] is None and text[:groups[-1][1]].endswith(":"):
            groups[-1] = (groups[-1][0], end, own)  # a topic label and the sentence after it
        elif groups and (own is None or _same(own, groups[-1][2] or [])):
            groups[-1] = (groups[-1][0], end, groups[-1][2])
        else:
            groups.append((start, end, own))
    return groups


def _own_lead(sentence: str) -> Optional[list]:
    """A sub-item's own agencies: its subject, or "Giao X ..." at its start."""
    found = _lead_at(sentence, 0)
    if found and _ASSIGN.match(sentence, _skip_spaces(sentence, found[1])):
        return _assigned(sentence) or found[0]  # "UBND tỉnh giao Giám đốc các sở ...": those given the duty
    if found:
        return found[0]
    return _assigned(sentence) if _GIVE.match(sentence) else None


class _ByBlock:
    """Values keyed by block identity. Each block is kept alive with its value, so the id of a
    block made on the fly (a layout cell's text) is never reused by a later block."""

    def __init__(self):
        self._items = {}

    def __setitem__(self, block, value):
        self._items[id(block)] = (block, value)

    def get(self, block):
        found = self._items.get(id(block))
        return found[1] if found else None


class _Walker:
    def __init__(self, doc):
        self.doc = doc
        self.found = []
        self.headings = _ByBlock()  # block -> Heading of an agency heading or of a task item with sub-items
        self.loose_heading = None  # (Heading, block) of an unnumbered heading paragraph
        self.previous = None  # (block, lead) of the last text task
        self.in_recipients = False
        self.in_footnotes = False  # web copies end with the footnotes: "[1] 07 Bộ ... đã ban hành ..."
        self.content = None  # _Item: the last duty block(s) and the index of its first task
        self.default_year = _issue_year(doc)
        self.issuer = getattr(doc.document, "issuer", None) or ""
        self.tables = table_tasks.TableReader(self.default_year)

    def run(self) -> list:
        for block in self.doc.blocks:
            if block.kind == "row":
                self.previous = None
                for text, lead, coord, deadline, span in self.tables.read(block):
                    self.add(block, text, lead, coord, deadline, "table", span)
                if not block.header and not (block.table and block.table.columns):  # a layout table
                    self.layout_cells(block)
                continue
            self.text_block(block)
        return self.found

    def layout_cells(self, row):
        """Web copies put the letter's body in a layout table ("Kính gửi: | ... | Xét báo cáo ..."): read long cells as text."""
        for cell in row.cells:
            if len(cell.text) < _LAYOUT_CELL:
                continue
            for block in segmenting.segment(self.doc.text[cell.start:cell.end]):
                block.start, block.end, block.page = block.start + cell.start, block.end + cell.start, row.page
                self.text_block(block)

    def text_block(self, block):
        text = block.text.strip()
        if self.skipped(block, text):
            self.previous = None
            return
        split = self.heading_line(block, text) or _inline_heading(text)
        if split:  # "1. Bộ trưởng các Bộ" and its duty wrapped into one block, or "a) Sở Y tế: Chủ trì ..."
            self.open_heading(block, split[0])
            self.content = _Item(len(self.found), [(block, split[1])])
            self.heading_task(block, split[1], split[0])
            return
        heading = heading_agencies(text, block.marker_kind not in _BULLETS + (None, ""))
        if heading:
            self.open_heading(block, Heading(heading))
            self.previous = None
            return
        field = _FIELD.match(text)
        if field:
            self.field(field, text[field.end():])
            return
        if _BARE_LABEL.match(text):  # "a) Nhiệm vụ:": the bullets below are the item's duties
            self.content = _Item(len(self.found), [], collecting=True)
            return
        labelled = bool(_TASK_LABEL.match(text))
        text = _TASK_LABEL.sub("", _FOOTNOTE_MARK.sub(":", text))  # "a) Nhiệm vụ: Tham mưu ..."
        self.update_content(block, text, labelled)
        self.update_loose_heading(block)
        inherited = self.inherited(block)
        if inherited:
            self.heading_task(block, text, inherited)
        else:
            self.sentence_tasks(block, text)

    def skipped(self, block, text: str) -> bool:
        """Recipients, footnotes, titles, boilerplate and objectives hold no duties; "1. SỞ Y TẾ" opens a heading."""
        if _RECIPIENTS.match(text) or _FOOTNOTE.match(text):
            self.in_recipients = True
            self.in_footnotes = self.in_footnotes or bool(_FOOTNOTE.match(text))
        elif is_title(text, min_letters=4):
            self.in_recipients = False
            self.loose_heading = None
            self.tables.caption = deadlines.title_year(text)
            if block.marker_kind and _capital_heading(text):
                self.open_heading(block, Heading([text.rstrip(" :")]))
            return True
        return bool(self.in_recipients or self.in_footnotes or not _WORDS.search(text) or _BOILERPLATE.search(text)
                    or _OBJECTIVES.search(text))

    def field(self, m, value: str):
        """Attach a "Cơ quan chủ trì: ..." / "Cơ quan phối hợp: ..." / "Thời gian: ..." line to the duty above."""
        if not self.content:
            return
        item = self.content
        item.collecting = False
        tasks = self.found[item.first:]
        if m.group("lead"):
            lead = _field_agencies(value)
            if not lead:
                return
            if not tasks:
                for block, text in item.parts:
                    self.add_text(block, text, 0, len(text), lead, "explicit", item.coordinating)
                tasks = self.found[item.first:]
            for task in tasks:
                task.lead_agencies = lead
                task.coordinating_agencies = [c for c in task.coordinating_agencies if not _same_agency(c, lead)]
        elif m.group("coord"):
            item.coordinating = _field_agencies(value)
            for task in tasks:
                own = [c for c in task.coordinating_agencies if not _same_agency(c, item.coordinating)]
                task.coordinating_agencies = [c for c in item.coordinating + own
                                              if not _same_agency(c, task.lead_agencies)]
        else:
            found = deadlines.parse(value, self.default_year)
            for task in tasks:
                task.deadline = found or task.deadline

    def update_content(self, block, text: str, labelled: bool):
        """The duty block that field lines below attach to: bullets under a bare "Nhiệm vụ:" label add up; a
        numbered item's title stays its text over the bullets describing it, unless a "Nội dung:" line follows."""
        item, bullet = self.content, block.marker_kind in _BULLETS
        if item and item.collecting and bullet:
            item.parts.append((block, text))
        elif item and item.titled and bullet and not labelled and len(self.found) == item.first:
            return
        else:
            titled = bool(block.marker_kind) and not bullet
            self.content = _Item(len(self.found), [(block, text)], titled=titled)

    def update_loose_heading(self, block):
        """An unnumbered heading reaches the bullets below it (a list head its "1.", "2." too); other blocks end it."""
        if not self.loose_heading or block.marker_kind in _BULLETS + ("paren",):
            return
        heading, head = self.loose_heading
        kind = block.marker_kind
        if not kind or kind == head.marker_kind or (
                kind not in _UNDER_LOOSE_HEADING and not _numbered_item(heading, block)):
            self.loose_heading = None

    def heading_line(self, block, text: str):
        """(Heading, duty) when the block's first lines name agencies and the next line starts their duty."""
        lines = [ln.strip() for ln in self.doc.text[block.start:block.end].split("\n") if ln.strip()]
        cut = len(text) - len(" ".join(lines[1:])) - 1 if len(lines) > 1 else -1
        for line in lines[1:_HEADING_LINES + 1]:
            head, duty = text[:cut], text[cut + 1:]
            found = _starts_with_verb(duty) and not mentions.inside(text, cut + 1) and heading_agencies(head)
            if found:
                return Heading(found), duty
            cut += len(line) + 1
        return None

    def open_heading(self, block, heading):
        self.headings[block] = heading
        if not block.marker_kind or block.marker_kind in _BULLETS:
            self.loose_heading = (heading, block)

    def inherited(self, block):
        for parent in reversed(block.path):
            heading = self.headings.get(parent)
            if heading and parent is not block and (block.marker_kind or not heading.items_only):
                return heading
        if self.loose_heading and (block.marker_kind in _UNDER_LOOSE_HEADING
                                   or _numbered_item(self.loose_heading[0], block)):
            return self.loose_heading[0]
        return None

    def heading_task(self, block, text, heading):
        if _ROLE_HEAD.match(text):  # "a) Chủ trì, phối hợp với Sở Nội vụ:" heads the items below
            coord = heading.coordinating + [c for c in coordinating(text, heading.lead)
                                            if not _same_agency(c, heading.coordinating)]
            self.open_heading(block, Heading(heading.lead, coord, heading.deadline))
            return
        for start, end, own in _heading_groups(text, heading.lead):
            lead, coord = heading.lead, heading.coordinating
            if own and not _same(own, lead):
                lead, coord = own, []
                if end == len(text) and text.endswith(":"):  # "d) Giao Ban Quản lý ... có trách nhiệm:" heads its list
                    self.open_heading(block, Heading(own, coordinating(text, own)))
                    if _bare_list_head(text[start:end], own):  # "1. Sở Y tế chủ trì, phối hợp với X:" states no duty
                        continue
            self.add_text(block, text, start, end, lead, "heading", coord, heading.deadline)
            self.previous = (block, lead)

    def sentence_tasks(self, block, text):
        groups = _groups(text, self.issuer)
        if all(lead is None for _, _, lead in groups):
            self.continuation(block, text)
            return
        lead = groups[0][2]
        if len(groups) == 1 and lead and _bare_list_head(text, lead):  # "Giao Văn phòng Trung ương Đảng chủ trì:"
            numbered = _assigns(text) and not block.marker_kind
            self.open_heading(block, Heading(lead, coordinating(text, lead), numbered=numbered))
            self.previous = None
            return
        for start, end, lead in groups:
            if lead:
                self.add_text(block, text, start, end, lead, "explicit")
                self.previous = (block, lead)
        last = self.found[-1]
        if not groups[-1][2] or (block.marker_kind and text.endswith(":")
                                 and _GROUP_LEAD.match(last.lead_agencies[0])):
            return  # "2. Giao các cơ quan ... như sau:" opens sections of their own; "2. Yêu cầu các cấp ủy ... ." goes on
        if text.endswith(":"):
            self.open_heading(block, _list_head(last, block))
        elif block.marker_kind:
            # "2.1. Sở Xây dựng phối hợp với Sở ... trong công tác ..." goes on in its sub-items
            self.headings[block] = Heading(last.lead_agencies, last.coordinating_agencies, items_only=True)

    def continuation(self, block, text):
        if not self.previous or not _continues(self.previous[0], block, text):
            self.previous = None
            return
        lead = self.previous[1]
        self.add_text(block, text, 0, len(text), lead, "continuation")
        self.previous = (block, lead)

    def add_text(self, block, text, start, end, lead, evidence, inherited_coord=(), inherited_deadline=None):
        piece = text[start:end].strip()
        clauses = _numbered_duties(piece)
        if clauses:  # "Sở Y tế có trách nhiệm: (1) ...; (2) ...": one task per duty
            intro = coordinating(clauses[0][0], lead)
            for _, clause in clauses:
                self.add_text(block, clause, 0, len(clause), lead, evidence,
                              list(inherited_coord) + intro, inherited_deadline)
            return
        deadline = deadlines.find_in_sentence(piece, self.default_year) or inherited_deadline or _scope(block)
        coord = coordinating(piece, lead)
        keys = {agencies.canonical(c) for c in coord}
        coord = [c for c in inherited_coord if agencies.canonical(c) not in keys] + coord
        self.add(block, piece, lead, coord, deadline, evidence, _locate(self.doc.text, block, piece))

    def add(self, block, text, lead, coord, deadline, evidence, span=None):
        start, end = span or (block.start, block.end)
        self.found.append(Task(
            task_id=f"{self.doc.doc_id}-t{len(self.found) + 1:03d}", doc_id=self.doc.doc_id,
            section=block.section or None, text=text, lead_agencies=list(lead),
            coordinating_agencies=list(coord), deadline=deadline,
            span=Span(start, end, block.page), excerpt=self.doc.excerpt(start, end),
            source=self.doc.source.path, evidence=evidence))


@dataclass
class _Item:
    """A task item that labelled field lines ("Cơ quan chủ trì: ...") complete."""
    first: int  # index of its first task in _Walker.found
    parts: list  # (block, text) of its duty blocks
    collecting: bool = False  # under a bare "Nhiệm vụ:" label, until its fields begin
    titled: bool = False  # a numbered item's title line: the bullets below describe it
    coordinating: list = field(default_factory=list)


_ROLE_ONLY = {"giao", "đề", "nghị", "yêu", "cầu", "chủ", "trì", "phối", "hợp", "với", "lãnh", "đạo", "chỉ", "và",
              "các", "cùng"}


_ASIDE_IN_BRACKETS = re.compile(r"\([^()]*\)")


def _bare_list_head(text: str, lead: list) -> bool:
    """A list head that names agencies and their roles only ("Giao X chủ trì, phối hợp với Y:"): not a duty itself."""
    if not text.endswith(":"):
        return False
    named = _tokens(" ".join(lead + coordinating(text, lead)))
    text = _ASIDE_IN_BRACKETS.sub(" ", text)  # "Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công):" names one body
    return _tokens(text) - named <= _ROLE_ONLY


def _numbered_duties(text: str) -> list:
    """[(intro, clause), ...] of 'X có trách nhiệm: (1) tổ chức ...; (2) rà soát ...' where each numbered
    clause states a duty (one opens with a known verb); a list of objects ('..., gồm: (1) tờ trình; (2) ...') stays whole."""
    marks = list(_CLAUSE_MARK.finditer(text))
    if len(marks) < 2 or [m.group(1) for m in marks] != [str(n) for n in range(1, len(marks) + 1)]:
        return []
    intro = text[:marks[0].start()]
    if not intro.rstrip().endswith(":") or _OBJECT_LIST.search(intro):
        return []
    ends = [m.start() for m in marks[1:]] + [len(text)]
    clauses = [text[m.end():e].strip().rstrip(";,. ") for m, e in zip(marks, ends)]
    if not any(_starts_with_verb(c[:1].upper() + c[1:]) for c in clauses):
        return []
    return [(intro, c) for c in clauses]


def _capital_heading(text: str) -> bool:
    """'SỞ TÀI CHÍNH', 'CÁC SỞ, BAN, NGÀNH': a heading in capitals that names one registered agency or group
    (not 'HỘI NHẬP QUỐC TẾ', 'CHÍNH QUYỀN SỐ')."""
    found = registry.resolve(text.rstrip(" :"))
    return bool(found.canonical) and not (found.note or "").startswith(("not listed", "group not listed"))


def _inline_heading(text: str):
    """(Heading, duty) of "Sở Y tế: Chủ trì, phối hợp ...": the agency, a colon and its duty."""
    m = _COLON.search(text, 0, _MAX_HEADING)
    duty = text[m.end():] if m else ""
    if not _starts_with_verb(duty[:1].upper() + duty[1:]):
        return None
    found = heading_agencies(text[:m.start()])
    return (Heading(found), duty) if found else None


def _list_head(task, block) -> Heading:
    """The Heading a task ending with ":" gives its list.

    "Sở Xây dựng chủ trì ..., cụ thể:" passes its agencies on; "Sở Xây dựng là đầu mối đôn đốc Trung tâm ...,
    các đơn vị ... thực hiện:" passes on those urged; an unnumbered "UBND tỉnh yêu cầu các sở ...:" reaches "1.", "2.".
    """
    assigned = _assigns(task.text)
    urged = not assigned and _urged(task.text)
    heading = Heading(urged, [], task.deadline) if urged else \
        Heading(task.lead_agencies, task.coordinating_agencies, task.deadline)
    heading.numbered = assigned and not block.marker_kind
    return heading


def _numbered_item(heading, block) -> bool:
    return heading.numbered and block.marker_key == "number1"


def _field_agencies(value: str) -> list:
    found = agencies.read_list(value, 0)
    return found[0] if found else table_tasks.split_cell(value)


def _same_agency(name: str, names: list) -> bool:
    return agencies.canonical(name) in {agencies.canonical(n) for n in names}


def _skip_spaces(text: str, pos: int) -> int:
    return len(text) - len(text[pos:].lstrip())


def _continues(previous, block, text: str) -> bool:
    """Does block go on with the duties of the task block just before it?"""
    if previous.section != block.section and not (previous.marker_kind == block.marker_kind
                                                   and previous.path == block.path):
        return False
    if _CONNECTIVE.match(text):
        return True
    if _ASSIGN.match(text) or _INVITE.match(text):  # "Giao X chủ trì ...": its own addressee, even one not read
        return False
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


def _issue_year(doc) -> Optional[int]:
    date = getattr(doc.document, "issue_date", None) if doc.document else None
    return int(date[:4]) if date else None


_TOKEN = re.compile(r"\w+")
_REPEAT = 0.7  # share of words from which a body paragraph repeats a table row


def _tokens(text: str) -> set:
    return set(_TOKEN.findall(text.lower()))


_RESTATED = 0.8  # share of words from which a news summary's duty restates the dispatch's own


def _similar(words: set, row: set, share: float = _REPEAT) -> bool:
    return len(words & row) >= share * len(words | row)


class _RowIndex:
    """Word sets (table rows, body duties) indexed by the rarest words of each (prefix filtering): two
    word sets sharing `share` of their union share a word among the first
    len - floor(share * len) + 1 of each, rarest first; so a bullet is
    compared only with the rows holding one of its own rarest words."""

    def __init__(self, rows: list, share: float = _REPEAT):
        self.rows, self.share = rows, share
        self.count = Counter(word for row in rows for word in row)
        self.by_word = defaultdict(list)
        for number, row in enumerate(rows):
            for word in self._prefix(row):
                self.by_word[word].append(number)
        self.has_empty = any(not row for row in rows)

    def _prefix(self, words: set) -> list:
        rarest = sorted(words, key=lambda word: (self.count[word], word))
        return rarest[:len(words) - math.floor(self.share * len(words)) + 1]

    def repeated(self, words: set) -> bool:
        if not words:
            return self.has_empty
        candidates = {number for word in self._prefix(words) for number in self.by_word.get(word, ())}
        return any(_similar(words, self.rows[number], self.share) for number in candidates)


def _without_repeats(found: list) -> list:
    """A body bullet that repeats an appendix table row: the row (with its chủ trì column) is kept."""
    rows = _RowIndex([_tokens(t.text) for t in found if t.evidence == "table"])
    kept = [t for t in found if t.evidence == "table" or not rows.rows or not rows.repeated(_tokens(t.text))]
    for number, task in enumerate(kept, 1):
        task.task_id = f"{task.doc_id}-t{number:03d}"
    return kept


def _lead_words(task) -> set:
    """The task's words tagged with its lead, so that only duties of one lead are compared."""
    lead = "|".join(sorted(agencies.canonical(name) for name in task.lead_agencies))
    return {f"{lead}#{word}" for word in _tokens(task.text)}


def _without_restatements(found: list) -> list:
    """A news summary above a dispatch restates its duties: a duty before the document's sections whose
    words (token Jaccard >= 0.8) and lead a duty in the sections repeats is dropped, the body's is kept."""
    body = _RowIndex([_lead_words(t) for t in found if t.section], _RESTATED)
    if not body.rows:
        return found
    return [t for t in found if t.section or not body.repeated(_lead_words(t))]


def extract(doc) -> list:
    return _without_repeats(_without_restatements(_Walker(doc).run()))
