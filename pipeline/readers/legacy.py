"""Legacy Vietnamese 8-bit encodings -> Unicode.

TCVN3 (ABC, fonts .VnTime, .VnArial...): one byte per letter, read back by
Windows as Latin-1 look-alikes ("Së T\u00ad ph\u00b8p" = "Sở Tư pháp").
VNI (fonts VNI-Times...): an ASCII base letter followed by mark bytes
("Sôû Tö phaùp" = "Sở Tư pháp").
Text is converted only when the converted form reads as clearly more
Vietnamese (share of common syllables) than the text as it is.
"""
import re
import unicodedata

# TCVN3: code point (the byte read as Latin-1) -> letter.  Capital toned
# letters have no code of their own: the ".VnTimeH" fonts draw these codes as capitals.
_TCVN3_ROWS = {
    "\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7": "ĂÂÊÔƠƯĐ",
    "\u00a8\u00a9\u00aa\u00ab\u00ac\u00ad\u00ae": "ăâêôơưđ",
    "\u00b5\u00b6\u00b7\u00b8\u00b9": "àảãáạ",
    "\u00bb\u00bc\u00bd\u00be\u00c6": "ằẳẵắặ",
    "\u00c7\u00c8\u00c9\u00ca\u00cb": "ầẩẫấậ",
    "\u00cc\u00ce\u00cf\u00d0\u00d1": "èẻẽéẹ",
    "\u00d2\u00d3\u00d4\u00d5\u00d6": "ềểễếệ",
    "\u00d7\u00d8\u00dc\u00dd\u00de": "ìỉĩíị",
    "\u00df\u00e1\u00e2\u00e3\u00e4": "òỏõóọ",
    "\u00e5\u00e6\u00e7\u00e8\u00e9": "ồổỗốộ",
    "\u00ea\u00eb\u00ec\u00ed\u00ee": "ờởỡớợ",
    "\u00ef\u00f1\u00f2\u00f3\u00f4": "ùủũúụ",
    "\u00f5\u00f6\u00f7\u00f8\u00f9": "ừửữứự",
    "\u00fa\u00fb\u00fc\u00fd\u00fe": "ỳỷỹýỵ",
}
_TCVN3_WORD = re.compile(r"[A-Za-z\u00a1-\u00fe]+")
_TCVN3 = str.maketrans({src: dst for codes, letters in _TCVN3_ROWS.items() for src, dst in zip(codes, letters)})

# VNI: mark byte (read as Latin-1) -> combining marks, lower and upper case alike
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_HAT, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
_VNI_MARKS = {
    "ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT,
    "â": _HAT, "á": _HAT + _ACUTE, "à": _HAT + _GRAVE, "å": _HAT + _HOOK, "ã": _HAT + _TILDE, "ä": _HAT + _DOT,
    "ê": _BREVE, "é": _BREVE + _ACUTE, "è": _BREVE + _GRAVE, "ú": _BREVE + _HOOK, "ü": _BREVE + _TILDE,
    "ë": _BREVE + _DOT,
}
_VNI_MARKS.update({mark.upper(): marks for mark, marks in list(_VNI_MARKS.items())})
_VNI_LETTERS = {"í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ", "ñ": "đ", "ô": "ơ", "ö": "ư",
                "Í": "Í", "Ì": "Ì", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị", "Î": "Ỵ", "Ñ": "Đ", "Ô": "Ơ", "Ö": "Ư"}
_VNI_SYLLABLE = re.compile("([AaEeIiOoUuYy" + "".join(_VNI_LETTERS) + "])([" + "".join(_VNI_MARKS) + "]*)")

# very common syllables of administrative Vietnamese, to tell which reading is right
_COMMON = set("""và của các có được trong cho người năm với theo tỉnh thực hiện những việc này
đã để là không trên ban hành quyết định kế hoạch sở ủy nhân dân công tác về một số đến phố huyện
xã phường quản lý chủ trì phối hợp tư pháp nội vụ tài chính đơn vị cơ quan nhiệm liên quan tổ
chức triển khai văn bản ngày tháng đồng thời trường giáo dục đào tạo y tế xây dựng thông tin
truyền giao chịu trách báo cáo kiểm tra phát triển kinh hội nước nam việt cộng hòa độc lập tự do
hạnh phúc thành tiếp tục bảo đảm từ khi sau trước đối tượng điều căn cứ luật nghị""".split())
_WORD = re.compile(r"[^\W\d_]+")
_MARGIN = 0.15  # the converted text must read this much better
# letters (and combining marks) only Unicode Vietnamese has, none in Latin-1
_UNICODE_ONLY = re.compile("[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịĩọỏốồổỗộớờởỡợụủũứừửữựỳỵỷỹơưăđ"
                           "ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊĨỌỎỐỒỔỖỘỚỜỞỠỢỤỦŨỨỪỬỮỰỲỴỶỸƠƯĂĐ\u0300-\u0323]")
_LATIN1 = re.compile("[\u00a1-\u00ff]")
_UNICODE_SHARE = 0.5  # Unicode Vietnamese: about 0.7 of its accented letters; legacy text: none


# a word's case in TCVN3: its ASCII letters and the codes of Ă Â Ê Ô Ơ Ư Đ tell; toned
# letters have lower-case codes only, so a word of those alone (or one capital and those) is either
_CAPITAL, _SMALL, _EITHER = "capital", "small", "either"
_CHUNK = re.compile(r"\S+")
_CAPITAL_CODES = "\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7"
_SMALL_CODES = "\u00a8\u00a9\u00aa\u00ab\u00ac\u00ad\u00ae"


def _word_case(chunk: str) -> str:
    """('¹' is a letter, ạ, not a digit) 'QUYÕT' capital, 'Së', 'V\u00d2', '\u00b8' either, 'ph¸p' small; '' for numbers, codes ('/QĐ-UBND') and signs."""
    if any(c.isdecimal() or c == "/" for c in chunk) or not _TCVN3_WORD.search(chunk):
        return ""
    if any(c.isascii() and c.islower() or c in _SMALL_CODES for c in chunk):
        return _SMALL
    capitals = sum(c.isascii() and c.isupper() or c in _CAPITAL_CODES for c in chunk)
    return _CAPITAL if capitals >= 2 else _EITHER


def _line_case(cases: list) -> str:
    """The case the line's clear words are in, the first of them ('' when none is clear)."""
    return next((case for case in cases if case in (_CAPITAL, _SMALL)), "")


def _resolved(cases: list, fallback: str) -> list:
    """Each 'either' word takes the case of its nearest clear word on the line (before it
    first), or the fallback when the line has none."""
    resolved, before = [], ""
    for i, case in enumerate(cases):
        if case in (_CAPITAL, _SMALL):
            before = case
        resolved.append(case if case != _EITHER else before or _line_case(cases[i:]) or fallback)
    return resolved


_TONED_CODES = "".join(codes for codes in _TCVN3_ROWS if codes[0] >= "\u00b5")  # small toned vowels only
_LIST_MARK = re.compile(r"[-+*•]|\(?[0-9a-z]{1,3}[.)]|[IVX]+\.")
_SENTENCE_END = re.compile(r"[.!?:;]\W*$")
_NUMBER_OR_CODE = re.compile(r"[\d/]")
_MARKUP = "*_(\"“'"


def _sentence_starts(chunks: list, line_starts_sentence: bool) -> set:
    """Indexes of the chunks that begin a sentence: after '.', '!', '?', and the line's first
    word (after its list mark, '- ', 'c) ') when the line above ended one."""
    starts = {i + 1 for i, chunk in enumerate(chunks[:-1]) if re.search(r"[.!?]\W*$", chunk)}
    if line_starts_sentence and chunks:
        starts.add(1 if _LIST_MARK.fullmatch(chunks[0]) else 0)
    return starts


def _capital_initial(text: str) -> str:
    """'ñy' -> 'Ủy': the first letter, after any markup, in capitals."""
    lead = len(text) - len(text.lstrip(_MARKUP))
    return text[:lead] + text[lead:lead + 1].upper() + text[lead + 1:]


def _name_line(chunks: list) -> bool:
    """A person's name on a line of its own ('Lê Ngọc ¸nh' = 'Lê Ngọc Ánh'): two to five words,
    each led by a capital or by a toned code, one at least by a capital."""
    words = [chunk.strip(_MARKUP) for chunk in chunks]
    led_by_capital = [w[:1].isascii() and w[:1].isupper() or w[:1] in _CAPITAL_CODES for w in words]
    return (2 <= len(words) <= 5 and any(led_by_capital) and all(w.translate(_TCVN3).isalpha() for w in words)
            and all(capital or w[:1] in _TONED_CODES for w, capital in zip(words, led_by_capital)))


def _needs_capital_initial(chunks: list, i: int, starts: set, name: bool) -> bool:
    """A word led by a toned small code whose capital TCVN3 lacks: capital at a sentence start,
    in a name line, and in 'Ủy ban' (an organ's name is never written small)."""
    if not chunks[i].lstrip(_MARKUP)[:1] in _TONED_CODES:
        return False
    organ = chunks[i].lstrip(_MARKUP) == "\u00f1y" and i + 1 < len(chunks) and chunks[i + 1] == "ban"
    return i in starts or organ or name


def _decode_tcvn3_line(line: str, cases: list, starts_sentence: bool, next_line: str) -> str:
    matches = list(_CHUNK.finditer(line))
    chunks = [m.group(0) for m in matches] + _CHUNK.findall(next_line)[:1]  # 'Ủy' / 'ban' across lines
    starts = _sentence_starts(chunks, starts_sentence)
    name = _name_line(chunks[:len(matches)])
    out, end = [], 0
    for i, (match, case) in enumerate(zip(matches, cases)):
        text = match.group(0).translate(_TCVN3)
        if case == _CAPITAL:
            text = text.upper()
        elif _needs_capital_initial(chunks, i, starts, name):
            text = _capital_initial(text)
        out += [line[end:match.start()], text]
        end = match.end()
    return "".join(out) + line[end:]


def decode_tcvn3(text: str, capitals: bool = False) -> str:
    """TCVN3 has no toned capitals: words typed in capitals ('QUYÕT \u00a7\u00deNH') get them
    back, and so do the ambiguous words among them ('V\u00d2' above a line in capitals: 'VỀ').
    A line already in Unicode is left as it is (a Unicode heading above a legacy body)."""
    lines = text.split("\n")
    cases = [[_word_case(c) for c in _CHUNK.findall(line)] for line in lines]
    following = ""  # the case of the next line holding a clear word
    out = [""] * len(lines)
    for i in range(len(lines) - 1, -1, -1):
        if _UNICODE_ONLY.search(lines[i]):
            out[i] = lines[i]
            continue
        starts_sentence = i == 0 or not lines[i - 1].strip() or bool(_SENTENCE_END.search(lines[i - 1]))
        next_line = lines[i + 1] if i + 1 < len(lines) else ""
        fallback = _SMALL if _NUMBER_OR_CODE.search(lines[i]) else following or _SMALL  # 'Số: 215/KH-UBND'
        out[i] = _decode_tcvn3_line(lines[i], _resolved(cases[i], fallback), starts_sentence, next_line)
        following = _line_case(cases[i]) or following
    converted = "\n".join(out)
    return converted.upper() if capitals else converted


def _vni_syllable(match: re.Match) -> str:
    base, marks = match.groups()
    base = _VNI_LETTERS.get(base, base)
    combining = "".join(_VNI_MARKS[m] for m in marks)
    return unicodedata.normalize("NFC", base + combining)


def decode_vni(text: str) -> str:
    """A line already in Unicode is left as it is ('Hòa' would read as 'Hị')."""
    return "\n".join(line if _UNICODE_ONLY.search(line) else _VNI_SYLLABLE.sub(_vni_syllable, line)
                     for line in text.split("\n"))


def common_share(text: str) -> float:
    """Share of words that are common Vietnamese syllables (0..1)."""
    words = [w.lower() for w in _WORD.findall(text[:200000])]
    return sum(w in _COMMON for w in words) / len(words) if words else 0.0


def _clearly_unicode(sample: str) -> bool:
    """No Latin-1 letter, or mostly letters that only Unicode Vietnamese has:
    the full test (decoding the text twice) is left for the rest."""
    latin1 = len(_LATIN1.findall(sample))
    unicode_only = len(_UNICODE_ONLY.findall(sample))
    return not latin1 or unicode_only >= _UNICODE_SHARE * (unicode_only + latin1)


def detect(text: str) -> str:
    """'tcvn3', 'vni' or '' (Unicode already, or not Vietnamese)."""
    if _clearly_unicode(text[:200000]):
        return ""
    scores = {"": common_share(text), "tcvn3": common_share(decode_tcvn3(text)),
              "vni": common_share(decode_vni(text))}
    best = max(scores, key=scores.get)
    return best if best and scores[best] > scores[""] + _MARGIN else ""


def to_unicode(text: str) -> tuple:
    """(text in Unicode, encoding found or '')."""
    encoding = detect(text)
    if encoding == "tcvn3":
        return decode_tcvn3(text), encoding
    if encoding == "vni":
        return decode_vni(text), encoding
    return text, ""


def font_encoding(font_name: str) -> str:
    """The legacy encoding a font name implies: '.VnTime' -> 'tcvn3', 'VNI-Times' -> 'vni'."""
    name = (font_name or "").strip().lower()
    if name.startswith(".vn"):
        return "tcvn3"
    if name.startswith("vni"):
        return "vni"
    return ""


def decode_font_text(text: str, font_name: str) -> str:
    """Text of a run set in a legacy font; '.VnTimeH'-style fonts draw capitals."""
    encoding = font_encoding(font_name)
    if encoding == "tcvn3":
        return decode_tcvn3(text, capitals=font_name.strip().lower().endswith("h"))
    if encoding == "vni":
        return decode_vni(text)
    return text
