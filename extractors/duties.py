"""Duty or not: is an extracted task an obligation given to an agency, is a percentage a goal?

Each task is read with its block context (the enclosing items and the nearest
heading line above it) and the document's kind (extractors.kinds). A task that
is not a duty gets a reason:
  no addressee  no lead that is a name (a form's "x" or "01" cell, the task's own text)
  recipients the recipient list (Nơi nhận, "- Lưu: VT")
  question   a Q&A heading ("... có được cấp phép không?")
  caption    an image caption ("(Hình từ Internet)", "Ảnh: ...")
  form       a form template (dotted blanks, "(Ký, ghi rõ họ tên)", "Mẫu số 02", "Kính gửi:", first person)
  procedure  steps and fields of a thủ tục hành chính (Bước 3, Hồ sơ gồm, Cơ quan giải quyết TTHC:)
  past       narrative: "Năm 1962, Bộ X được giao ...", "Sở Y đã tổ chức ...", "được ... phê chuẩn"
  mandate    powers and competences: "có nhiệm vụ, quyền hạn sau đây", "có thẩm quyền",
             "Chủ tịch UBND cấp tỉnh quyết định ..."
  definition "X là ...", "X bao gồm ..." with no role word
  council    composition, operating rules, appointments and staffing of a council, board or office
  formula    the notification and courtesy formulas ("UBND tỉnh thông báo ...", "trân trọng cảm ơn")
  condition  eligibility conditions ("đáp ứng các điều kiện sau")
  object     an item of a list of objects under a lead-in ("Hồ sơ gồm: - Giấy đề nghị ...")
  lead-in    a lead-in ending in ":" that names no addressee of its own, or a topic label ("Với cấp tỉnh:")
  field      a field of a task block on its own ("Thời hạn: ...", "Kinh phí thực hiện: ...")
  permission what an agency may do ("Sở X có thể tham khảo ...", "..., nếu đủ điều kiện, có thể đề nghị ...",
             "Được yêu cầu ... cung cấp thông tin")
  rule       an item of a section of principles ("1. Nguyên tắc thanh toán vốn:")
  liability  who answers before the law or for its mandate ("chịu trách nhiệm trước pháp luật về ...")
  issuer     the one who requests, with no addressee ("Chủ tịch UBND tỉnh yêu cầu thực hiện ...")
  subheading a news article's subheading or byline, inheriting the agency of the story above, or a
             heading line naming an agency ("### Bộ Y tế chỉ đạo ...")
  heading    an agency heading alone ("Cục Tài chính và Quản lý đầu tư")
  formula    also reported speech ("X cho biết ...") and a closing request to carry out "các nội dung trên"
  example    an illustration in a guidance document ("Ví dụ: ...")
  mandate    also taking part in state management ("X tham gia, phối hợp ... trong thực hiện quản lý nhà nước về ...")
  statute    in a news or Q&A page, the text of a law, decree or circular it quotes ("Căn cứ Điều 48 Nghị định
             05/2021/NĐ-CP quy định như sau:" up to the next question or citation): the law's rules, not work
Documents that assign no work keep nothing (work_mode "none"); laws and
procedure announcements keep only assignment articles: a named agency, a role
word and a time; articles quote duties only where their own sentence names
the agency with a role word (their closing Q&A inherits nothing).
"""
import re
from bisect import bisect_right
from typing import Optional

from extractors import agencies, kinds, tasks

_ROLE = re.compile(r"(?<!\w)(?:chủ trì|phối hợp|giao|có trách nhiệm|chịu trách nhiệm|có nhiệm vụ|đề nghị|yêu cầu|"
                   r"tham mưu|chỉ đạo|khẩn trương|đôn đốc|phân công)(?!\w)", re.I)
_RECIPIENTS = re.compile(r"(?:^|[;\s])-\s*Lưu:?\s*(?:VT|HC|VP)?\b|\(đã ký\)|^Nơi nhận", re.I)  # Nơi nhận, - Lưu: VT
_BLANKS = re.compile(r"\.{8,}|…{3,}|_{8,}")  # the fields of a form to fill in
_ASSIGNING = re.compile(r"(?<!\w)(?:chủ trì|phối hợp|giao|có trách nhiệm|chịu trách nhiệm|có nhiệm vụ)(?!\w)", re.I)
_QUESTION = re.compile(r"\?\s*\**\s*$")
_CAPTION = re.compile(r"\((?:Hình|Ảnh)\b[^)]*\)\s*\**\s*$|^(?:Ảnh|Hình)(?: minh họa)?\s*[:.]|^Nguồn(?: ảnh)?:", re.I)
_FORM = re.compile(r"\.{5,}|…{2,}|_{5,}|^Cột \d+\b|\(\s*[Kk]ý,? (?:ghi rõ )?họ tên|^Mẫu số\b|^Kính gửi\s*:|^Kính đề nghị\b|"
                   r"\((?:tên|họ và tên) (?:tổ chức|cơ quan|cá nhân|đơn vị|doanh nghiệp)\)|(?<!\w)(?:chúng )?tôi(?!\w)")
_STEP = re.compile(r"^Bước\s+\d|(?<!\w)Bước\s+\d+\s*[:.|]|(?<!\w)hồ sơ (?:bao )?gồm(?: có)?\s*:|"
                   r"(?<!\w)(?:tiếp nhận|thẩm định|thẩm tra) hồ sơ (?:trực tiếp|qua|của|đề nghị)|"
                   r"^Trường hợp hồ sơ|(?<!\w)trả kết quả (?:giải quyết|cho)|^Thủ tục\s", re.I)
# a field label of a thủ tục hành chính, opening the line: "Cơ quan giải quyết TTHC:", "Trình tự thực hiện"
_PROCEDURE_LABEL = re.compile(r"^(?:Trình tự thực hiện|Cách thức thực hiện|Thành phần(?:, số lượng)? hồ sơ|"
                              r"Cơ quan (?:giải quyết|thực hiện|có thẩm quyền quyết định)|Căn cứ pháp lý|"
                              r"Thời hạn giải quyết|Phí, lệ phí|Lệ phí|Đối tượng thực hiện|Kết quả thực hiện|"
                              r"Yêu cầu, điều kiện|Trình tự, thủ tục|Nơi (?:tiếp nhận|nộp) hồ sơ)"
                              r"(?:\s+(?:TTHC|thủ tục hành chính|thủ tục))?\s*(?::|$)", re.I)
_NARRATIVE_YEAR = re.compile(r"^(?:Vào |Từ |Trong |Cuối |Đầu |Giữa )?(?:năm|tháng \d{1,2}(?:/| năm )|ngày \d{1,2}"
                             r"(?:/\d{1,2}/| tháng \d{1,2} năm ))\s*(1[89]\d\d|20\d\d)", re.I)
_PAST_VERB = re.compile(r"(?<!\w)(?:đã|vừa|từng|đang)\s+(?!được giao\b(?! chủ trì))", re.I)
_APPROVED = re.compile(r"(?<!\w)được\s+(?:[^\W\d]+\s+){0,8}?(?:phê chuẩn|bầu|bổ nhiệm|thông qua|trao tặng|"
                       r"tặng thưởng|phong tặng|thành lập|ký ban hành)(?!\w)", re.I)
# "có các nhiệm vụ, quyền hạn sau đây", "có thẩm quyền", "có quyền": not "trình cấp có thẩm quyền",
# not "theo chức năng, nhiệm vụ, quyền hạn được giao"
_MANDATE = re.compile(r"(?<!\w)có (?:các |những )?(?:chức năng,? )?(?:nhiệm vụ,? )?quyền hạn(?! được giao)|"
                      r"(?<!cấp )(?<!quan )(?<!\w)có thẩm quyền(?! (?:ban hành|phê duyệt|quyết định)\b)|"
                      r"(?<!\w)có (?:các |những )?quyền(?! lợi)(?=\s*(?:sau|như sau|:|\s\w))|"
                      r"(?<!\w)(?:được ủy quyền|ủy quyền cho|được quyền)\b", re.I)
_COMPETENCE = re.compile(r"^\s*(?:quyết định|được quyền|được phép|có thẩm quyền|xem xét,? quyết định|phê duyệt|"
                         r"phê chuẩn|quyết nghị)\b", re.I)
# "Hội đồng thẩm định là tổ chức ...", "Hồ sơ bao gồm ...": a noun subject of a few words, then "là" / "bao gồm"
# the notification and courtesy formulas: "UBND tỉnh thông báo ...", "trân trọng cảm ơn"
_FORMULA = re.compile(r"^[\s,]*(?:thông báo|trân trọng|xin|kính báo|cảm ơn|cho biết|phát biểu|nhấn mạnh|khẳng định|"
                      r"chia sẻ|xét đề nghị)\b", re.I)
# a reply letter's closing: "Cục Thuế có ý kiến để Thuế TP. Hà Nội và Công ty ... được biết."
_FOR_INFORMATION = re.compile(r"(?<!\w)(?:có ý kiến|trả lời|thông tin) để [^.;:]{2,200}?(?:được )?biết\W*$", re.I)
_INTRO = r"^(?:(?:Theo|Tại|Căn cứ) [^,]{3,80},\s*)?"  # "Theo Nghị quyết số 12/NQ-HĐND, ..."
# "X cho biết ...": reported speech
_SPEECH = re.compile(_INTRO + r"[^,.;:]{3,90}?\s(?:cho biết|phát biểu|nhấn mạnh|khẳng định|chia sẻ)\b", re.I)
_APPROVES = re.compile(_INTRO + r"[^,.;:]{3,90}?\s(?:phê chuẩn|quyết nghị)\b", re.I)  # a council's own act
# what a cited report says an agency did: "Ngoài ra, tại Báo cáo số 118/BC-STC ..., UBND huyện X rà soát, báo cáo có ..."
_CITED_REPORT = re.compile(r"^(?:[^\W\d]+(?: [^\W\d]+)?,\s*)?(?:tại|theo) Báo cáo số\b", re.I)
# a transitional provision: "UBND các xã trước sắp xếp tiếp tục hoạt động cho đến khi ..."
_TRANSITIONAL = re.compile(r"^[^.;,]{0,40}?(?<!\w)(?:tiếp tục\s+)?hoạt động (?:cho )?đến khi\b", re.I)
# a topic label heading the items below ("Với cấp tỉnh:", "Đối với các dự án chuyển tiếp:"): no duty of its own
_TOPIC_LABEL = re.compile(r"^(?:Đối với|Với|Về)\s[^.;:]{1,80}:[\s*]*$", re.I)
_HEARING = re.compile(r"^Sau khi nghe (?:báo cáo|ý kiến)\b", re.I)  # a conclusion notice's preamble
_THANKS = re.compile(r"trân trọng cảm ơn|xin cảm ơn|cảm ơn sự (?:phối hợp|quan tâm|hợp tác)", re.I)
_DEFINITION = re.compile(r"^(?:Theo [^,]{1,40},\s*)?(?:(?:[^\W\d]+|-)\s){1,9}?(?:là|bao gồm|gồm có|gồm)(?:\s|:)", re.I)
_VERB_OPENING = re.compile(r"^(?:Xây dựng|Triển khai|Tổ chức|Thực hiện|Hoàn thiện|Phát triển|Nâng cao|Tăng cường|"
                           r"Đẩy mạnh|Rà soát|Tiếp tục|Bảo đảm|Đảm bảo|Hỗ trợ|Thành lập|Kiện toàn|Đầu tư)\b")
_CONCEPT = re.compile(r"\slà\s+(?:một|những|các|việc|hoạt động|quá trình|tổ chức|cơ quan|văn bản|người|đơn vị|bộ phận|"
                      r"thành viên|cơ sở|kênh|trung tâm|đại diện|"
                      r"hình thức|loại|khoản|số tiền|giấy|tài liệu|biện pháp|phương thức|nơi|thời gian|thời điểm)\b"
                      r"|\s(?:bao gồm|gồm có|gồm)(?:\s|:)", re.I)
_COUNCIL = re.compile(r"^(?:Thành phần|Thành viên|Cơ cấu|Hội đồng|Ban Chỉ đạo|Tổ công tác|Ban chỉ đạo|Tổ giúp việc|"
                      r"Chủ tịch Hội đồng|Trưởng ban|Phó Trưởng ban|Ủy viên)\b.{0,120}?\b(?:gồm|bao gồm|là|làm việc|"
                      r"họp|hoạt động theo|có tư cách|do .{0,40} làm)\b|làm việc theo (?:chế độ|nguyên tắc)|"
                      r"họp định kỳ|quyết định theo đa số|biểu quyết|có tư cách pháp nhân|con dấu và tài khoản|"
                      r"được tổ chức (?:bình quân|thành|gồm|theo mô hình)|^Biên chế\b|"
                      r"(?<!\w)do .{1,60}? (?:bổ nhiệm|miễn nhiệm|quyết định thành lập)\b|"
                      r"(?<!\w)có \d+ (?:phòng|ban|đơn vị|tổ|bộ phận|vụ)\b|"
                      r"(?<!\w)làm (?:Phó )?(?:Trưởng [Bb]an|Tổ trưởng|Tổ phó|Thành viên|Ủy viên)\b|"
                      r"(?<!\w)thay đồng chí\b|(?<!\w)lưu nhiệm\b", re.I | re.S)
_CONDITION = re.compile(r"(?:đáp ứng|có đủ|phải có(?: đủ)?)\s+(?:các\s+)?điều kiện|điều kiện sau|"
                        r"(?<!\w)được\s+(?:xét|hưởng|cấp|công nhận|miễn|giảm)\b.{0,80}?\b(?:khi|nếu)\b|"
                        r"(?:có|thuộc) một trong (?:các|những)\b.{0,160}?\bthì\b", re.I)
_LIST_LEAD = re.compile(r"\b(?:gồm|bao gồm|gồm có|gồm các|như sau|sau đây)\s*:\s*$", re.I)
_OBJECT = re.compile(r"^(?:Giấy|Bản(?: sao| chính)?|Tờ khai|Đơn|Văn bản|Danh sách|Hồ sơ|Sơ đồ|Chứng chỉ|Chứng nhận|"
                     r"Phiếu|Biên bản|Ảnh|Bảng|Các giấy tờ|Giấy tờ|Thẻ|Sổ)\b")
_FIELD = re.compile(r"^(?:Thời hạn|Thời gian (?:hoàn thành|thực hiện)|Nguồn kinh phí|Kinh phí thực hiện)\b|"
                    r"^(?:Cơ quan|Đơn vị) (?:chủ trì|phối hợp)[^:]{0,40}:", re.I)
_LEAD_IN = re.compile(r"(?:như sau|sau đây|sau|gồm|bao gồm|gồm có|cụ thể|dưới đây)\s*:\s*\**\s*$", re.I)
# a reported result: "đã đạt 85%", "tăng 5% so với cùng kỳ"; a statistic: "dân số tăng 5%", "GRDP tăng 7%"
# (both are goals where the text or its heading sets goals: "phấn đấu", "mục tiêu", "đến năm 2030")
_PAST_RESULT = re.compile(r"(?<!\w)(?:đã|vừa)\s+(?:[^\W\d]+\s+){0,4}?(?:đạt|tăng|giảm|hoàn thành)|so với cùng kỳ", re.I)
_STATISTIC = re.compile(r"(?<!\w)(?:dân số|GDP|GRDP|tổng sản phẩm|kim ngạch|sản lượng|diện tích)\s+"
                        r"(?:[^\W\d]+\s+){0,5}?(?:tăng|giảm|đạt|chiếm)\b", re.I)
# figures of a period already passed: "Trong 9 tháng đầu năm, ... đạt", "So với năm 2025, ... tăng", "100% ... đã kết nối"
_REPORTING = re.compile(r"^(?:Trong|Qua|Sau)\s+(?:\d+|[^\W\d]+)\s+(?:tháng|năm|quý)\b|^(?:Tính đến|Lũy kế|Lũy kế đến)\b|"
                        r"^So với (?:cùng kỳ|năm \d{4}|năm trước)|"
                        r"%[^.;]{0,80}?(?<!\w)(?:đã|vừa)\s(?!đề ra|được|ban hành|phê duyệt|xác định)", re.I)
_GOAL = re.compile(r"phấn đấu|mục tiêu|chỉ tiêu|(?<!\w)đến năm \d{4}|(?<!\w)tiếp tục duy trì", re.I)
_WORD = re.compile(r"[^\W\d_]{2,}")
# not a body: "các trường hợp ...", a topic heading "Phòng chống bệnh ..." (phòng chống: to prevent)
_NOT_AGENCY = re.compile(r"^(?:các |những )?(?:trường hợp|nội dung|vấn đề)\b|^Phòng,? chống\b|^Phòng ngừa\b", re.I)
# what the subject may do, is liable for, or asks with no addressee (the text after the subject)
_PERMISSION = re.compile(r"^\W*(?:cũng\s+|vẫn\s+)?có thể\b", re.I)
# "(1) Được yêu cầu ... cung cấp thông tin": what the agency is entitled to (được + verb), not given ("được giao")
_ENTITLED = re.compile(r"^\W*(?:\(?\d+[.)]\s*|[a-zđ]\)\s*)?được\s+"
                      r"(?!(?:[^.;,]{0,40}?\s)?(?:giao|phân công|ủy quyền|yêu cầu phải)(?!\w))", re.I)
_LIABILITY = re.compile(r"^\W*(?:tự kê khai và\s+)?chịu trách nhiệm (?:toàn diện\s+)?trước (?:[^.;]{1,120}?\s)?pháp luật\b|"
                        r"^\W*chịu trách nhiệm trước [^.;]{1,120}? về (?:việc )?thực hiện (?:các )?chức năng", re.I)
# "..., căn cứ ..., có thể đề xuất", "nếu ... thì có thể": the clause's verb is a permission, before any obligation
_PERMISSION_CLAUSE = re.compile(r"^[^.;:]{0,160}?(?:,|\bthì)\s+(?:cũng\s+|vẫn\s+)?có thể\b", re.I)
_OBLIGATION = re.compile(r"(?<!\w)(?:cần|phải|có trách nhiệm|chịu trách nhiệm|chủ trì|giao|yêu cầu|khẩn trương)(?!\w)",
                         re.I)
# a section of principles ("1. Nguyên tắc thanh toán vốn:"): its items are rules, not duties
_PRINCIPLES = re.compile(r"^\W*(?:\d+\.|[a-zđ]\)|[IVX]+\.)?\s*Nguyên tắc\b", re.I)
_REQUESTS = re.compile(r"^\s*(?:yêu cầu|đề nghị|giao)(?!\w)", re.I)
_FILING = re.compile(r"^\W*(?:nộp|tự nộp) hồ sơ\b", re.I)  # a step of a procedure: "Doanh nghiệp nộp hồ sơ ..."
_PREDICATE_OF = re.compile(r"^\W*(?:\([^)]{1,80}\)\s*)?là\s")  # "X (tên gọi tắt) là kênh ...": a definition
# an intro clause before the subject: "Để bảo đảm ..., ", "Trên cơ sở Đề án số 12/ĐA-CP ..., "
_INTRO_CLAUSE = re.compile(r"^(?:Để|Nhằm|Trên cơ sở|Căn cứ|Theo|Tại|Thực hiện|Về|Ngoài ra|Đồng thời)\b[^;:]{0,200}?,\s*",
                           re.I)
_HEADING_MAX = 200
# a closing request whose only object is the duties stated above: "... nghiêm túc thực hiện các nội dung trên./."
_RESTATES = re.compile(r"^[^.;]*?(?<!\w)(?:thực hiện|triển khai)(?:\s+[^\W\d]+){0,3}?\s+(?:các|những)\s+nội dung"
                       r"(?:\s+(?:nêu|đã nêu))?\s+(?:trên|ở trên|trên đây)\W*$", re.I)
_EXAMPLE = re.compile(r"^\W*(?:Ví dụ|VD)\s*\d*\s*[:.]", re.I)  # an illustration in a guidance document
# "X, căn cứ ... có thể tự ...": the subject's verb is a permission, with no obligation before it
_PERMISSION_VERB = re.compile(r"^[^.;:]{0,200}?\s(?:cũng\s+|vẫn\s+)?có thể\s", re.I)
# "X tham gia, phối hợp với ... trong thực hiện quản lý nhà nước về ...": a mandate, not a job
_STATE_MANAGEMENT = re.compile(r"^\W*(?:tham gia,?\s*)?phối hợp\b[^.;]{0,200}?\strong (?:việc )?(?:thực hiện )?"
                               r"(?:chức năng )?quản lý nhà nước\b", re.I)


_CONNECTIVE = re.compile(r"^(?:Bên cạnh đó|Đặc biệt|Đồng thời|Ngoài ra|Theo đó|Trước mắt|Sau đó|Cùng với đó|Mặt khác|"
                         r"Trong đó|Tiếp theo|Cuối cùng),\s*", re.I)  # "Bên cạnh đó, tiến hành ...": the verb follows
_ADDRESSEES_ONLY = re.compile(r"^" + tasks.SCOPE + r"?\W*:\W*$", re.I)  # after the addressees, only their scope


def _only_addressees(task) -> bool:
    """'Chính phủ yêu cầu các bộ, ngành theo chức năng, nhiệm vụ được giao:' introduces duties, gives none."""
    low = task.text.lower()
    ends = [low.rfind(name.lower()) + len(name) for name in task.lead_agencies if name and name.lower() in low]
    return bool(ends) and bool(_ADDRESSEES_ONLY.match(task.text[max(ends):]))


_LABELLED = re.compile(r"^([^:;.]{3,80}):\s*(.+?)[.;]?\s*$")


def _labelled_name(text: str) -> bool:
    """'Cơ quan tổ chức lập quy hoạch: Ủy ban nhân dân huyện Cam Lộ.': a field naming an agency, no duty."""
    m = _LABELLED.match(text)
    found = agencies.read_list(m.group(2), 0, cased=True) if m and not _role(m.group(1)) else None
    return bool(found) and not m.group(2)[found[1]:].strip(" .;")


_LABEL_WORDS = 4  # "Tổ chức thực hiện:", "Nhiệm vụ đột phá:": a label over the items below, not one of them


def _short_label(task) -> bool:
    text = task.text.strip(" *")
    return text.endswith(":") and len(_WORD.findall(text)) <= _LABEL_WORDS and not _names_lead(task)


def _role(text: str) -> bool:
    return bool(_ROLE.search(text))


def _names_lead(task) -> bool:
    return any(name and name.lower() in task.text.lower() for name in task.lead_agencies)


def _subject_start(text: str) -> int:
    """Where the sentence's subject may begin: after an intro clause ("Để ..., ") if there is one."""
    m = _INTRO_CLAUSE.match(text)
    return m.end() if m else 0


def _after_lead(task) -> str:
    """The text after the first lead agency named as the subject ("Chủ tịch UBND tỉnh| quyết định ...")."""
    low, start = task.text.lower(), _subject_start(task.text)
    for name in task.lead_agencies:
        at = low.find(name.lower()) if name else -1
        if 0 <= at < 40 or (at == start and at > 0):
            return task.text[at + len(name):]
    return ""


def _predicate(task) -> str:
    """What the subject does: the text after the lead named as subject, or the whole text of a bare item."""
    after = _after_lead(task)
    return after if after or _names_lead(task) else task.text


def _past(task, year: Optional[int]) -> bool:
    m = _NARRATIVE_YEAR.search(task.text)
    if m and (year is None or int(m.group(1)) < year):
        return True
    head = _after_lead(task)[:40]
    return bool(_PAST_VERB.match(head.lstrip(" ,")) or _APPROVED.search(task.text[:200]) and not _role(task.text))


def _permission_clause(text: str) -> bool:
    m = _PERMISSION_CLAUSE.match(text)
    return bool(m and not _OBLIGATION.search(m.group(0)))


_GIVEN_MANDATE = re.compile(r"(?<!\w)được giao(?!\w)", re.I)  # "căn cứ nhiệm vụ được giao": no obligation


def _permission_verb(after_subject: str) -> bool:
    m = _PERMISSION_VERB.match(after_subject)
    return bool(m and not _OBLIGATION.search(_GIVEN_MANDATE.sub(" ", m.group(0))))


def _is_name(name: str, text: str) -> bool:
    """An agency name, not a cell value ("x", "01", "Quý IV") nor the task's own text."""
    bare = text.strip(" .;:")
    return len(_WORD.findall(name or "")) >= 2 and name.strip(" .;:") != bare and bool(_WORD.search(text)) \
        and not _NOT_AGENCY.match(name)


def _only_a_name(task) -> bool:
    """The text is an agency name and at most two more words: a heading, not a duty."""
    text = task.text.strip().lower()
    return any(name and text.startswith(name.lower()) and len(_WORD.findall(text[len(name):])) < 3
               for name in task.lead_agencies)


_ROLE_NAMED_BODY = re.compile(r"Ban [Cc]hỉ đạo")  # a body whose name holds a role word


def _without_names(text: str, names: list) -> str:
    """The text with the agency names taken out: "Ban Chỉ đạo X" holds a role word, its name is not a role."""
    for name in names:
        text = text.replace(name, " ") if name else text
    return _ROLE_NAMED_BODY.sub(" ", text)


def _is_definition(text: str, after_lead: str = "", names: tuple = ()) -> bool:
    m = _DEFINITION.search(text)
    defines = bool(m and _CONCEPT.search(m.group(0) + text[m.end():m.end() + 20]))
    predicate = _PREDICATE_OF.match(after_lead)
    defines = defines or bool(predicate and _CONCEPT.search(" " + after_lead[predicate.end() - 3:][:40]))
    return defines and not _VERB_OPENING.match(text) and not _role(_without_names(text, list(names)))


def _procedure(text: str, context: list) -> bool:
    return bool(_STEP.search(text) or _PROCEDURE_LABEL.match(text)
                or any(_PROCEDURE_LABEL.match(line) or _STEP.search(line) for line in context[:2]))


def _imperative(text: str) -> bool:
    """'Triển khai thực hiện ... theo các nguyên tắc sau:' opens with its verb: the heading's agency's duty."""
    return agencies.predicate_at(text[:1].lower() + text[1:], 0)


def _reason(task, context: list, year: Optional[int], line: str = "") -> Optional[str]:
    """Why a task is not a duty (None: it is one). context: its lead-in and heading lines, nearest first;
    line: its block as printed."""
    text = task.text.strip()
    near = context[0] if context else ""
    after, predicate = _after_lead(task), _predicate(task)
    checks = [
        ("no addressee", not any(_is_name(name, text) for name in task.lead_agencies)),
        ("question", _QUESTION.search(text)),
        ("caption", _CAPTION.search(text)),
        ("form", _FORM.search(text) or any(_BLANKS.search(c) for c in context[:1])),
        ("recipients", _RECIPIENTS.search(text)),
        ("procedure", _procedure(text, context)),
        ("past", _past(task, year) or (_CITED_REPORT.match(text) and not _role(text))),
        ("rule", _TRANSITIONAL.match(predicate)),
        ("mandate", _MANDATE.search(text[:160]) or any(_MANDATE.search(c) for c in context[:2])),
        ("mandate", _COMPETENCE.match(after) if after else None),
        ("permission", _PERMISSION.match(after) if after else None),
        ("permission", _ENTITLED.match(text) or _ENTITLED.match(predicate)),
        ("permission", _permission_clause(text)),
        ("permission", _permission_verb(after) if after else None),
        ("mandate", _STATE_MANAGEMENT.match(predicate)),
        ("formula", _RESTATES.match(text)),
        ("example", _EXAMPLE.match(line) or any(_EXAMPLE.match(c) for c in context[:1])),
        ("rule", any(_PRINCIPLES.match(line) for line in context[:2])),
        ("liability", _LIABILITY.match(predicate)),
        ("issuer", _REQUESTS.match(after) if after else None),
        ("procedure", _FILING.match(predicate) and task.deadline is None),
        ("formula", _FORMULA.match(after) or _THANKS.search(text) or _SPEECH.match(text)
         or _FOR_INFORMATION.search(text) or _HEARING.match(text)),
        ("mandate", _APPROVES.match(text)),
        ("definition", _is_definition(text, after, task.lead_agencies)),
        ("council", _COUNCIL.search(text)),
        ("condition", _CONDITION.search(text) or any(_CONDITION.search(c) for c in context[:1])),
        ("object", _OBJECT.match(text) and _LIST_LEAD.search(near) and not _ASSIGNING.search(near)),
        ("lead-in", _LEAD_IN.search(text) and not _names_lead(task) and not _role(text) and not _imperative(text)),
        ("field", _FIELD.match(text) or _labelled_name(text)),
        ("lead-in", _TOPIC_LABEL.match(text) or _only_addressees(task) or _short_label(task)),
        ("heading", task.evidence != "table" and _only_a_name(task)),
    ]
    return next((name for name, hit in checks if hit), None)


_SECTION_MARKERS = ("article", "part", "roman", "upper")  # Điều 3., Chương II, III., A.: a section starts


def _is_heading(block) -> bool:
    if block.marker_kind in _SECTION_MARKERS:
        return True
    return block.kind == "paragraph" and len(block.text) <= _HEADING_MAX and not block.text.rstrip().endswith(".")


# "Căn cứ khoản 2 Điều 43 Nghị định 78/2025/NĐ-CP quy định như sau:": a page quoting a legal norm
_CITING = re.compile(r"^(?:Căn cứ|Theo|Tại|Dẫn chiếu|Cụ thể(?:,| là)?|Quy định tại)(?!\w)", re.I)
_NORM = re.compile(r"(?<!\w)(?:Hiến pháp|Bộ luật|Luật|Pháp lệnh|Nghị định|Thông tư)(?!\w)|"
                   r"/(?:\d{4}/)?(?:NĐ-CP|TT-[A-ZĐ]+|TTLT-[A-ZĐ-]+|QH\d+)(?!\w)")
_ARTICLE_CITED = re.compile(r"(?<!\w)(?:Điều|khoản|điểm|tiểu mục|Mục|Chương)\s+\d+|(?<!\w)quy định(?!\w)", re.I)


def _citation(text: str) -> bool:
    """A lead-in that cites a document and opens its quoted text ("..., như sau:")."""
    text = text.strip(" *")
    return bool(_CITING.match(text)) and text.endswith(":")


def _statute_quotes(blocks: list) -> list:
    """(start, end) of the stretches quoting a law, decree or circular: from a citation of its
    article to the next question line or citation."""
    spans, start = [], None
    for block in blocks:
        text = block.text.strip(" *")
        if start is not None and (_QUESTION.search(text) or _citation(text)):
            spans.append((start, block.start))
            start = None
        if _citation(text) and _NORM.search(text) and _ARTICLE_CITED.search(text):
            start = block.end
    return spans + ([(start, float("inf"))] if start is not None else [])


class _Context:
    """For each offset, the block there, its lead-in items, the nearest heading line above it,
    and whether it lies in a quoted law."""

    def __init__(self, blocks: list):
        self.blocks = blocks
        self.starts = [b.start for b in blocks]
        self.statute_quotes = _statute_quotes(blocks)
        # where the fields of a thủ tục hành chính begin (its announcing articles come before)
        self.fields_start = next((b.start for b in blocks if _PROCEDURE_LABEL.match(b.text) or _STEP.match(b.text)),
                                 float("inf"))

    def in_statute(self, pos: int) -> bool:
        return any(start <= pos < end for start, end in self.statute_quotes)

    def block_at(self, pos: int):
        i = bisect_right(self.starts, pos) - 1
        return (i, self.blocks[i]) if i >= 0 else (-1, None)

    def lines(self, pos: int) -> list:
        i, block = self.block_at(pos)
        if block is None:
            return []
        found = [" | ".join([c.text for c in block.cells] + list(block.header))] if block.kind == "row" else []
        found += [b.text for b in reversed(block.path)]
        heading = next((b.text for b in reversed(self.blocks[max(0, i - 30):i]) if _is_heading(b)), None)
        return found + ([heading] if heading else [])

    def own_line(self, text: str, pos: int) -> str:
        """The block at pos with what its line printed before it ("### ", "Ví dụ: ")."""
        _i, block = self.block_at(pos)
        start = text.rfind("\n", 0, block.start if block else pos) + 1
        return text[start:block.end if block else pos]

    def heading(self, pos: int) -> str:
        i, _block = self.block_at(pos)
        return next((b.text for b in reversed(self.blocks[max(0, i - 30):i]) if _is_heading(b)), "")


def _issue_year(doc) -> Optional[int]:
    date = doc.document.issue_date if doc.document else None
    return int(date[:4]) if date else None


_TITLE_WORDS = 20


def _title_line(text: str) -> bool:
    """A line with no closing punctuation and few words: an article's subheading or byline ("Theo TTXVN")."""
    text = text.strip(" *")
    return bool(text) and text[-1] not in ".;:!?…)" and len(_WORD.findall(text)) <= _TITLE_WORDS


def _quoted_fragment(task) -> bool:
    """A quoted duty that names no agency is an item under its agency: a verb phrase ("Rà soát ...",
    "Bên cạnh đó, tiến hành ..."), not the article's own prose ("Theo đó, hành vi ... có thể bị phạt")."""
    text = _CONNECTIVE.sub("", task.text.lstrip("-+•* "))
    return not _names_lead(task) and not agencies.read_at(text, 0, cased=True) and not _imperative(text)


def _kind_reason(task, kind: str, mode: str, context: _Context) -> Optional[str]:
    """Why the document's kind gives this task nothing (None: the kind lets it through)."""
    if task.evidence == "table" and kind != "reference":
        return None  # a row of an assignment table: its chủ trì column names the lead, whoever quotes it
    explicit = _names_lead(task) and _role(task.text)
    if mode == "none":
        return "kind: " + kind
    if kind in ("news", "qa") and context.in_statute(task.span.start):
        return "statute"
    if mode == "quoted":  # a Q&A answer, or a news story's closing Q&A, inherits no agency
        inherits = not explicit and (kind == "qa" or _QUESTION.search(context.heading(task.span.start)))
        if inherits:
            return "question section"
        if _quoted_fragment(task):
            return "quoted fragment"
        return "subheading" if _title_line(task.text) else None  # "### Bộ Y tế chỉ đạo ...": a heading, named or not
    if mode == "articles":  # a named agency with a role word; in a law, also a time; before a procedure's fields
        if not explicit or (kind == "law" and task.deadline is None) or task.span.start >= context.fields_start:
            return "kind: " + kind
    return None


def judge_tasks(doc) -> list:
    """(task, reason) for every task; reason None for a duty kept."""
    found = doc.document
    kind = (found.kind if found else None) or ""
    mode = kinds.work_mode(kind, found.kind_evidence if found else [])
    context, year = _Context(doc.blocks), _issue_year(doc)
    return [(task, _kind_reason(task, kind, mode, context)
             or _reason(task, context.lines(task.span.start), year, context.own_line(doc.text, task.span.start)))
            for task in doc.tasks]


def _target_reason(target, mode: str, kind: str, context: _Context) -> Optional[str]:
    if mode in ("none", "articles"):
        return "kind: " + kind
    if _PAST_RESULT.search(target.text) and not _GOAL.search(target.text):
        return "past result"
    reported = _STATISTIC.search(target.text) or _REPORTING.search(target.text.strip())
    if reported and not any(_GOAL.search(line) for line in [target.text] + context.lines(target.span.start)):
        return "statistic"
    return None


def judge_targets(doc) -> list:
    """(target, reason): a percentage is a goal only in a document or section that sets goals."""
    found = doc.document
    kind = (found.kind if found else None) or ""
    mode = kinds.work_mode(kind, found.kind_evidence if found else [])
    context = _Context(doc.blocks)
    return [(target, _target_reason(target, mode, kind, context)) for target in doc.targets]
