"""What a document is (its kind), from its header, type word, number, layout and vocabulary.

Kinds, and what each may yield (see work_mode):
  plan, decision, directive, official_letter, conclusion_notice, resolution, report
      administrative documents that assign work: every duty.
  news, qa
      web articles (news, questions and answers). One that reports a document
      that assigns work (a plan, a directive, ...) keeps the duties and goals it
      quotes; one that reprints it in full ("Toàn văn Công văn ...?") every duty;
      a Q&A answer that opens on such a document ("Theo Kết luận 126-KL/TW, ...")
      the duties it names with their agency, no goals; one that reports past
      events or explains the law yields nothing.
  law
      normative texts (luật, nghị định, thông tư, a number with its year such as
      "56/2025/QĐ-UBND"): only articles that give a named agency a concrete job
      with a time.
  procedure
      thủ tục hành chính announcements: only their assignment articles.
  reference
      encyclopedia and other pages: nothing.
"""
import re
import unicodedata
from dataclasses import dataclass, field

from extractors import agencies

WORK_KINDS = ("plan", "decision", "directive", "official_letter", "conclusion_notice", "resolution", "report")
KINDS = WORK_KINDS + ("news", "qa", "law", "procedure", "reference")

_HEAD_CHARS = 3000  # the header, the title and the lead paragraphs
_DOCUMENT_CHARS = 10000  # where a copied document's own header starts, after a site's banner and summary

# type word (loại văn bản) -> kind
_BY_TYPE = {
    "Kế hoạch": "plan", "Chương trình": "plan", "Đề án": "plan", "Hướng dẫn": "plan",
    "Quyết định": "decision", "Quy định": "law", "Quy chế": "law", "Điều lệ": "law",
    "Chỉ thị": "directive", "Công điện": "directive",
    "Công văn": "official_letter", "Công thư": "official_letter",
    "Thông báo": "conclusion_notice", "Kết luận": "conclusion_notice",
    "Nghị quyết": "resolution", "Nghị quyết liên tịch": "law",
    "Báo cáo": "report", "Tờ trình": "report",
    "Luật": "law", "Bộ luật": "law", "Pháp lệnh": "law", "Nghị định": "law", "Thông tư": "law",
    "Thông tư liên tịch": "law", "Lệnh": "law", "Văn bản hợp nhất": "law",
}
# "Sửa đổi, bổ sung một số điều của Hiến pháp ...": whatever its type word, the text is the law's own
_AMENDS_LAW = re.compile(r"^(?:Về việc\s+)?sửa đổi,?\s+bổ sung\s+(?:một số điều (?:của|trong)\s+)?"
                         r"(?:Hiến pháp|Bộ luật|Luật|Pháp lệnh|Nghị định|Thông tư)(?!\w)", re.I)
_LAW_NUMBER = re.compile(r"^\d+[\w.]*/(?:19|20)\d\d/")  # "56/2025/QĐ-UBND": a legal normative text (QPPL)

_MOTTO = re.compile(r"CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|"
                    r"Độc\s+lập\s*-\s*Tự\s+do\s*-\s*Hạnh\s+phúc")  # wrapped over lines in web copies
_WIKI = re.compile(r"Bài viết này (?:cần|có nhiều vấn đề)|Bài này không có nguồn|Bước tới nội dung|Trình đơn chính|sửa mã nguồn|"
                   r"\(Đổi hướng từ|^Giao diện$|Bách khoa toàn thư mở|Wikipedia|^Tham khảo$|^Liên kết ngoài$", re.M)
_CITATION = re.compile(r"(?<=[\w.,)\]])\[\d{1,3}\]")  # "... năm 1946.[20]": an encyclopedia's reference marks
_MIN_CITATIONS = 5
_INFOBOX = re.compile(r"^\|[^|\n]{1,40}\|[^|\n]+\|\s*$", re.M)  # "| Thành lập | 1 tháng 10 năm 1942 |"
_QA = re.compile(r"Xin hỏi|Ban biên tập xin trả lời|^(?:Câu hỏi|Trả lời)\s*:", re.M)  # a reader asks, the site answers
# a legal site's boxes around any of its articles: contents, author, listing ("Mua bán nhà đất tại Cà Mau")
_SITE_BOX = re.compile(r"^(?:Nội dung chính|Mục lục)$|^Chuyên viên pháp lý\s*:|^Tham vấn bởi Luật sư\s*:|"
                       r"^Mua bán [^\n]{0,60} tại [^\n]{1,60}$", re.M)
_NEWS = re.compile(r"^(?:\(\w+(?:\.\w+)*\)\s*[-–]|(?:Sáng|Chiều|Tối|Trưa|Ngày|Hôm nay)\s+(?:nay\s+)?\(?\d{1,2}/\d{1,2}|"
                   r"Đăng ngày|Infographics?:)|\bvừa (?:ban hành|ký|tổ chức|có)\b|\bđã tổ chức\b|Lượt xem", re.M)
_PROCEDURE = re.compile(r"Trình tự thực hiện|Cách thức thực hiện|Thành phần(?:, số lượng)? hồ sơ|"
                        r"Thời hạn giải quyết|Cơ quan (?:giải quyết|thực hiện) (?:TTHC|thủ tục)|"
                        r"Đối tượng thực hiện (?:TTHC|thủ tục)|Căn cứ pháp lý(?: của (?:TTHC|thủ tục))?:|"
                        r"Lệ phí|Kết quả thực hiện (?:TTHC|thủ tục)|Yêu cầu, điều kiện")
_ANNOUNCES_PROCEDURES = re.compile(r"công bố\b.{0,80}thủ tục hành|thủ tục hành chính.{0,40}(?:mới ban hành|"
                                   r"được sửa đổi|bị bãi bỏ)|quy trình nội bộ.{0,40}thủ tục hành", re.I | re.S)
# a decision that issues rules (Quy chế, Quy định, Điều lệ): its articles are rules, not duties
_ISSUES_RULES = re.compile(r"^(?:Về việc\s+)?(?:ban hành\s+)?(?:Quy chế|Quy định|Điều lệ)\b", re.I)
_ARTICLE = re.compile(r"^Điều \d+\.", re.M)
_LAW_SCOPE = re.compile(r"Phạm vi điều chỉnh|Đối tượng áp dụng|Giải thích từ ngữ")
_WORK_LAYOUT = re.compile(r"^\s*Kính gửi\s*:|^\s*Nơi nhận\s*:|MỤC ĐÍCH,? YÊU CẦU|TỔ CHỨC THỰC HIỆN|"
                          r"NHIỆM VỤ,? GIẢI PHÁP|"
                          r"^\s*(?:KT|TM|TL)\.\s+[A-ZĐ]|Cơ quan chủ trì|Đơn vị chủ trì|Thời gian hoàn thành", re.M)
# a vote told: "Với 452/460 đại biểu ... tán thành", "Quốc hội đã biểu quyết thông qua", "Quốc hội nghe ... trình bày"
_VOTE = re.compile(r"\d+/\d+ đại biểu|Quốc hội (?:đã )?(?:biểu quyết )?thông qua|Quốc hội nghe")
_SALUTATION = re.compile(r"^\W*Kính\s+gửi\s*:", re.M)  # "Kính gửi:", also wrapped over two lines
_EXCERPT = re.compile(r"^(?:Theo (?:đó|Nghị định|Quyết định|Thông tư|Luật|Nghị quyết)\b|Cụ thể,)")  # an article's body
_LAW_WORDS = re.compile(r"(?:Nghị định|Thông tư|Luật|Hiến pháp|Điều lệ|Pháp lệnh|Quy chế|Quy định) này quy định|"
                        r"^ĐIỀU LỆ$|(?:Điều \d+|khoản \d+) (?:Hiến pháp|Luật|Nghị định|Thông tư)|"
                        r"^Theo (?:Nghị định|Thông tư|Luật)\b", re.M)
# a work document named in a news lead: "vừa ban hành Kế hoạch ...", "ký ban hành Chỉ thị số 09/CT-UBND"
_WORK_TYPE = r"(?:kế hoạch|chương trình|chỉ thị|công điện|công văn|kết luận|thông báo(?: kết luận)?|đề án|nghị quyết|" \
             r"quyết định)"
_ISSUED = re.compile(r"(?<!\w)(?:ban hành|ký|phê duyệt|có)\s+(?:[^\W\d]+\s+){0,3}?" + _WORK_TYPE + r"(?!\w)", re.I)
# a title that opens with the document: "Quyết định 664/QĐ-BXD 2025 về Kế hoạch ...", "Kế hoạch 260-KH/UBKTTW ..."
_TITLE_DOCUMENT = re.compile(r"^(?:Toàn văn:?\s+)?" + _WORK_TYPE + r"\s+(?:số\s+)?\d+[\w.]*[/-]", re.I)
_INSTRUCTS = re.compile(r"\b(?:yêu cầu|đề nghị|chỉ đạo|giao)\s+(?:các\s+)?(?:sở|ban|bộ|ngành|cơ quan|đơn vị|ủy ban|"
                        r"ubnd|địa phương)", re.I)


# a body's functions and powers ("I. Chức năng", "nhiệm vụ, quyền hạn", a post's "Tiêu chuẩn"): rules, not duties
_HEADING_MARK = r"^\**\s*(?:[IVX]+\s*[.-]\s*|\d+\.\s*)?"  # "I.", "**I- ", "2."
_MANDATE = re.compile(_HEADING_MARK + r"(?:CHỨC NĂNG|Chức năng)(?:,? (?:nhiệm vụ|NHIỆM VỤ))?(?: của [^\n]{1,80})?\**\s*:?$|"
                      r"nhiệm vụ,? quyền hạn(?: và cơ cấu tổ chức)?\s*:?$|" + _HEADING_MARK +
                      r"(?:CƠ CẤU TỔ CHỨC|Cơ cấu tổ chức)\**\s*:?$|Tiêu chuẩn về (?:năng lực|trình độ)", re.M | re.I)
_PAST = re.compile(r"(?<!\w)(?:đã|vừa|từng|năm 1[89]\d\d|biểu quyết thông qua)(?!\w)", re.I)
_ROLES = re.compile(r"(?<!\w)(?:chủ trì|phối hợp với|có trách nhiệm|đề nghị|yêu cầu|giao (?:cho |nhiệm vụ )?"
                    r"(?:Sở|Bộ|UBND|Ủy ban|các|Ban|Văn phòng|Công an))(?!\w)", re.I)
_NARRATIVE_PAST = 0.6  # past markers per 1,000 characters from which a headerless text tells past events
_PLAN_ROLES = 1.0  # role words per 1,000 characters from which a headerless text assigns work
_MIN_PAST = 3
_FRAGMENT_CHARS = 3000  # a shorter text is read as a fragment of a plan

_NUMBER_LINE = re.compile(r"(?m)^\W*Số\s*:?\s*\d+[\w.]*[/-]")  # "Số: 1678/NQ-UBTVQH15"
_TYPE_LINE = re.compile(r"(?m)^\W*(?:%s)\W*$" % "|".join(sorted((t.upper() for t in _BY_TYPE), key=len, reverse=True)
                                                     + ["THÔNG BÁO KẾT LUẬN"]))
# talk about laws: "dự thảo Luật", "Điều 9", "khoản 2", "Luật ... quy định"
_LAW_TALK = re.compile(r"(?<!\w)(?:dự thảo|Luật|Nghị định|Thông tư|Điều \d+|khoản \d+|quy định|"
                       r"(?:mức )?phạt tiền|bị phạt|xử phạt)(?!\w)", re.I)  # and a decree's fines
_LAW_TALK_SHARE = 3.0  # law words per 1,000 characters from which a headerless text is about the law
_MIN_LAW_WORDS = 3

# a story that a document was signed: "Thường trực Ban Bí thư đã ký Kết luận số 212-KL/TW"
_REPORTED_ISSUE = re.compile(r"(?<!\w)(?:đã|vừa)\s+(?:ký\s+)?(?:ban hành|ký|có)\s+(?:[^\W\d]+\s+){0,2}?(" + _WORK_TYPE +
                             r")\s+(?:số\s+)?(\d+[\w.]*[/-][\w/.-]+)", re.I)
_QUOTES_DOCUMENT = re.compile(r"^(?:Theo|Căn cứ|Tại)\s+(?:[^\W\d]+\s+){0,6}?" + _WORK_TYPE +
                              r"\s+(?:số\s+)?\d+[\w.]*[/-](?!(?:19|20)\d\d/)", re.I)
# an annex stamped with the document it belongs to: "(Ban hành kèm theo Quyết định số: 2808/QĐ-UBND ...)"
_ANNEX_OF = re.compile(r"^[*_(\s]*(?:Ban hành )?kèm theo\s+(%s)\s+(?:số\s*:?\s*)?(\d+[\w.]*[/-][\w/.-]*\w)"
                       % "|".join(sorted(_BY_TYPE, key=len, reverse=True)), re.M | re.I)
# an item that opens with its agency and a role word: "1. UBND cấp xã có trách nhiệm ...", "- Sở Y tế chủ trì ..."
_ITEM_MARKER = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]|[a-zđ]\)|[-+•*])?\s*")
_ITEM_ROLE = re.compile(r"\s*(?:,\s*)?(?:chủ trì|có trách nhiệm|có nhiệm vụ|phối hợp với|được giao)(?!\w)")
_MIN_ITEMS = 2
_SELF_REFERENCE = re.compile(r"(?<!\w)(?:%s) này(?!\w)" % "|".join(sorted(_BY_TYPE, key=len, reverse=True)))
_FULL_TEXT = re.compile(r"^(?:Toàn văn|Nguyên văn|Full text)\s*:?\s*(\w+(?:\s\w+){0,3})", re.I)


def _type_word(words: str) -> str:
    """'KẾT LUẬN 155' -> 'Kết luận': the longest type word the words open with."""
    low = words.lower()
    return max((t for t in _BY_TYPE if low.startswith(t.lower())), key=len, default="")


@dataclass
class Kind:
    kind: str
    evidence: list = field(default_factory=list)  # short signals, in the order they decided


def _lines(text: str, limit: int = 40) -> list:
    return [line.strip() for line in text.split("\n") if line.strip()][:limit]


def _markdown_title(raw: str) -> bool:
    first = next((line for line in raw.split("\n") if line.strip()), "")
    return first.lstrip().startswith("# ")


def _official_header(head: str) -> bool:
    return bool(_MOTTO.search(head)) or "Bản dịch này thuộc quyền sở hữu" in head


def _own_header(text: str) -> bool:
    """A motto, a legal site's banner, a 'Số: ...' line or a type word on its own line ("NGHỊ QUYẾT")."""
    head = text[:_DOCUMENT_CHARS]
    return _official_header(head) or bool(_NUMBER_LINE.search(head[:_HEAD_CHARS]) or _TYPE_LINE.search(head))


def _page_kind(text: str, head: str, raw: str, evidence: list):
    """Web layouts: encyclopedia page, Q&A article, news article; None for a document's own text."""
    title = _lines(head, 1)[0] if head.strip() else ""
    cited = len(_CITATION.findall(text)) >= _MIN_CITATIONS and not _official_header(head) \
        and not _WORK_LAYOUT.search(text)
    if _WIKI.search(text[:20000]) or cited or (_markdown_title(raw) and len(_INFOBOX.findall(head)) >= 3):
        evidence.append("encyclopedia layout")
        return "reference"
    if title.endswith("?") or _QA.search(head):
        evidence.append("question title" if title.endswith("?") else "Q&A layout")
        return "qa"
    if _official_header(text[:_DOCUMENT_CHARS]) and _MOTTO.search(text[:_DOCUMENT_CHARS]):
        return None  # the document itself follows a site's banner or a news summary: read it as a document
    box = _SITE_BOX.search(head)
    if box:  # the site's boxes around a story that asks no question
        evidence.append("site article: " + box.group(0).strip())
        return "news"
    if _NEWS.search(head) or _EXCERPT.match(title):
        evidence.append("news lead")
        return "news"
    if _markdown_title(raw) and not _official_header(head) and not _WORK_LAYOUT.search(text):
        evidence.append("web page title")
        return "news"
    return None


def _work_reported(head: str, number: str, question: bool) -> str:
    """How the article carries a document that assigns work (not a law, not past events): "reports" it (a news lead,
    a title that opens with it: "Kế hoạch 260-KH/UBKTTW ... ra sao?"), "quotes" it (a Q&A answer that opens on it:
    "Theo Kết luận 126-KL/TW năm 2025, ..."), or "" (neither)."""
    if number and _LAW_NUMBER.match(number):
        return ""
    lines = [line for line in _lines(head, 12) if not _SITE_BOX.match(line)][:5]
    if lines and _TITLE_DOCUMENT.match(lines[0]):
        return "reports"
    if question:
        quoted = any(_QUOTES_DOCUMENT.match(line) or _REPORTED_ISSUE.search(line) for line in lines[1:])
        return "quotes" if quoted else ""
    return "reports" if any(_ISSUED.search(line) or _INSTRUCTS.search(line) for line in lines) else ""


def _procedure(text: str, title: str, evidence: list) -> bool:
    labels = {m.group(0) for m in _PROCEDURE.finditer(text)}
    if len(labels) >= 3:
        evidence.append("procedure fields: " + ", ".join(sorted(labels)[:3]))
        return True
    if _ANNOUNCES_PROCEDURES.search(title or ""):
        evidence.append("announces procedures")
        return True
    return False


def _document_kind(doc_type: str, number: str, title: str, text: str, evidence: list) -> str:
    if number and (_LAW_NUMBER.match(number) or "/VBHN-" in number):
        evidence.append("normative number " + number)
        return "law"
    if doc_type in ("Quyết định", "Quy định", "Quy chế") and _ISSUES_RULES.match(title):
        evidence.append("issues rules: " + title[:40])
        return "law"
    if _AMENDS_LAW.match(title):
        evidence.append("amends a law: " + title[:40])
        return "law"
    if doc_type in _BY_TYPE:
        evidence.append("type word " + doc_type)
        return _BY_TYPE[doc_type]
    letter = _SALUTATION.search(text[:_HEAD_CHARS])
    if letter:  # a letter copied without its header
        evidence.append("addressed: Kính gửi")
        return "official_letter"
    work = _WORK_LAYOUT.search(text)
    if work:  # a plan copied without its header
        evidence.append("work layout: " + work.group(0).strip())
        return "plan"
    annex = _ANNEX_OF.search(text[:_DOCUMENT_CHARS])
    if annex:  # an issued document's annex, its header lost
        evidence.append(f"annex of {annex.group(1)} {annex.group(2)}")
        return "law" if _LAW_NUMBER.match(annex.group(2)) else _BY_TYPE[_type_word(annex.group(1))]
    vote = next(filter(None, map(_VOTE.search, _lines(text, 5))), None)
    if vote:  # the story of a law passed, its title lost
        evidence.append("story of a vote: " + vote.group(0))
        return "news"
    law = _LAW_WORDS.search(text[:20000])
    if law or (len(_ARTICLE.findall(text)) >= 5 and _LAW_SCOPE.search(text)):
        evidence.append("law wording: " + (law.group(0).strip() if law else "articles with scope"))
        return "law"
    return _headerless_kind(text, evidence)


def _names_by_number(head: str, doc_type: str, number: str) -> bool:
    """The opening lines name the law by its number ("ban hành Nghị định số 88/2026/NĐ-CP"); a normative text
    names itself "Nghị định này" and never by its number."""
    if not number:
        return False
    lines = "\n".join(line for line in _lines(head, 5) if not line.rstrip("*").endswith(":"))  # not a quote's label
    named = re.search(re.escape(doc_type) + r"\s+(?:số\s+)?" + re.escape(number), lines, re.I)
    return bool(named) and not _SELF_REFERENCE.search(lines)


def _full_text_kind(words: str, title: str, number: str, text: str, evidence: list) -> str:
    """A page that reprints a document. Asked as a question ("Toàn văn Công văn 86-CV/VPTU ... ra sao?"), it is a
    Q&A article: it reports a work document it reprints, and explains a law it reprints."""
    evidence.append("full text of " + words)
    kind = _document_kind(_type_word(words), number, "", text, evidence)
    if not title.endswith("?"):
        return kind
    evidence.insert(0, "question title")
    if kind in WORK_KINDS:
        evidence.append("reports " + " ".join(filter(None, (_type_word(words), number))))
    return "qa"


def _per_thousand(pattern: re.Pattern, text: str) -> float:
    return 1000 * len(pattern.findall(text)) / max(len(text), 1)


def _headerless_kind(text: str, evidence: list) -> str:
    """A text with no header, type word or work layout: a body's mandate, an account of past events, a
    fragment of a plan (short, or dense with assignments), or another page."""
    mandate = _MANDATE.search(text)
    if mandate:
        evidence.append("mandate: " + mandate.group(0).strip())
        return "law"
    reported = next(filter(None, map(_REPORTED_ISSUE.search, _lines(text, 3))), None)
    if reported:  # a news story copied without its title
        evidence.extend(["news lead: " + reported.group(0), "reports " + _type_word(reported.group(1)) + " " +
                         reported.group(2)])
        return "news"
    past_markers = len(_PAST.findall(text))
    past, roles = 1000 * past_markers / max(len(text), 1), _per_thousand(_ROLES, text)
    if past >= _NARRATIVE_PAST and past > 2 * roles and past_markers >= _MIN_PAST:
        evidence.append(f"past events: {past:.1f} past markers per 1,000 characters")
        return "news"
    law_words = len(_LAW_TALK.findall(text))
    law_talk = 1000 * law_words / max(len(text), 1)
    excerpt = not roles and law_words >= _MIN_LAW_WORDS  # a short excerpt of a law that assigns nothing
    if law_talk >= _LAW_TALK_SHARE and law_talk > roles and (len(text) >= _FRAGMENT_CHARS or excerpt):
        evidence.append(f"about the law: {law_talk:.1f} law words per 1,000 characters")
        return "law"
    if len(text) < _FRAGMENT_CHARS or roles >= _PLAN_ROLES:
        evidence.append(f"no header: {roles:.1f} role words per 1,000 characters, read as a plan")
        return "plan"
    items = _assignment_items(text)
    if items >= _MIN_ITEMS:  # the duties of a document whose header and tables were lost or set apart
        evidence.append(f"no header: {items} items open with an agency and a role word, read as a plan")
        return "plan"
    evidence.append(f"no header, {roles:.1f} role words per 1,000 characters")
    return "reference"


def _assignment_items(text: str) -> int:
    """Lines that open, after an item marker, with an agency and a role word ("2. Sở Tài chính chủ trì, ...")."""
    count = 0
    for line in text.split("\n"):
        start = _ITEM_MARKER.match(line).end()
        found = agencies.read_at(line, start, cased=True) if start < len(line) else None
        count += bool(found and _ITEM_ROLE.match(line, found[1]))
    return count


def classify(doc) -> Kind:
    """The kind of a ParsedDocument (after metadata), with the signals used."""
    text = doc.text
    head = text[:_HEAD_CHARS]
    raw = unicodedata.normalize("NFC", doc.source.text[:_HEAD_CHARS])
    found = doc.document
    doc_type = (found.doc_type if found else None) or ""
    number = (found.number if found else None) or ""
    title = (found.title if found else None) or ""
    evidence = []
    if _procedure(text, title + "\n" + "\n".join(_lines(head, 4)), evidence):
        return Kind("procedure", evidence)
    first = _lines(head, 1)[0] if head.strip() else ""
    whole = _FULL_TEXT.match(first)
    if whole:  # "Toàn văn Kết luận 155-KL/TW ...": the page is the document itself
        return Kind(_full_text_kind(whole.group(1), first, number, text, evidence), evidence)
    page = _page_kind(text, head, raw, evidence)
    if page == "reference":
        return Kind(page, evidence)
    if page:
        reported = _work_reported(head, number, page == "qa")
        if reported:
            evidence.append(reported + " " + (doc_type or "a document") + (" " + number if number else ""))
        return Kind(page, evidence)
    if not _own_header(text) and _BY_TYPE.get(doc_type) != "law":
        # the type and number came from a sentence that mentions a document: read the text itself
        return Kind(_document_kind("", "", "", text, evidence), evidence)
    if not _own_header(text) and _names_by_number(head, doc_type, number):
        evidence.append(f"names {doc_type} {number} by its number: an article about the law")
        return Kind("news", evidence)
    return Kind(_document_kind(doc_type, number, title, text, evidence), evidence)


def work_mode(kind: str, evidence: list) -> str:
    """all: every duty; quoted: duties an article quotes; articles: assignment articles only; none."""
    if kind in WORK_KINDS or not kind:
        return "all"
    if kind in ("news", "qa"):
        if any(e.startswith("quotes ") for e in evidence):
            return "articles"  # an answer quoting a document among the law it explains: named duties, no goals
        if not any(e.startswith("reports ") for e in evidence):
            return "none"
        # a reprinted text keeps its agency headings' items, as the document does
        return "all" if any(e.startswith("full text of ") for e in evidence) else "quoted"
    if kind in ("law", "procedure"):
        return "articles"
    return "none"
