"""Text normalisation: NFC, one tone-mark style, Đ, markdown markup removed.

`normalize(raw)` returns the clean text every extractor matches against and,
for each of its characters, the offset of the raw character it came from.
"""
import re
import unicodedata
from dataclasses import dataclass

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_CHAR_FIXES = {"\u00d0": "Đ", "\u0110": "Đ", "\u00f0": "đ", "\u00a0": " ", "\u200b": "",
               "\ufeff": "", "\u2013": "-", "\u2014": "-", "\u00ad": "", "\t": " ", "\r": ""}
# old-style "hoà, hoá, thuỷ, khoẻ" -> new-style "hòa, hóa, thủy, khỏe" (no final consonant)
_OLD_TONE = re.compile(r"(?<!\w)(\w*?)([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![\w\u0300-\u036f])")
# a cheap test every _OLD_TONE match passes: o/u then a toned a, e or y ending a word, not after q
_OLD_TONE_HINT = re.compile("(?<![qQ])[oOuU](?:[àáãảạèéẽẻẹỳýỹỷỵÀÁÃẢẠÈÉẼẺẸỲÝỸỶỴ]|[aAeEyY][" + TONE_MARKS + r"])(?!\w)")
_MARKUP = [
    re.compile(r"\*\*"),                          # **bold**
    re.compile(r"(?m)^#{1,6}[ \t]*"),             # # heading
    re.compile(r"(?m)^\*(?=\S)|\*(?<=\S\*)$"),    # *italic line*
    re.compile(r"(?<![\w(*])\*(?=[^\s*)])|(?<=[^\s(*])\*(?![\w*])"),  # *italic* words; not "* " bullets, "(*)"
    re.compile(r"(?m)^>>?[ \t]*"),                # > quote
]
# Web copies that lost a line break between bold runs: "**KẾT LUẬN****CỦA BỘ CHÍNH TRỊ**",
# "Pháp lệnh.****Chính phủ ...", "... như sau:**1. Cơ bản ...".
_GLUED_BOLD = re.compile(r"(\S{2})\*\*\*\*(?=[^\W\d_])|(?<=[.:;])\*\*(?=\d{1,2}\.\s)")


def _lost_break(m: re.Match) -> bool:
    """A join after an upper-case word ("LUẬN****CỦA") or a sentence end; not "**không**** ****bồi"."""
    before = m.group(1)
    return before is None or before[-1] in ".:" or (before.isupper() and before.isalpha())


@dataclass
class NormalizedText:
    text: str
    raw_offsets: list  # raw_offsets[i] = offset in the raw text of text[i]

    def raw_span(self, start: int, end: int) -> tuple:
        if not self.raw_offsets:
            return (0, 0)
        last = len(self.raw_offsets) - 1
        return (self.raw_offsets[min(start, last)], self.raw_offsets[min(max(end - 1, 0), last)] + 1)


def _stable(ch: str) -> bool:
    return not unicodedata.combining(ch) and unicodedata.normalize("NFC", ch) == _CHAR_FIXES.get(ch, ch) == ch


# Characters that come out of _compose unchanged when no combining mark follows them:
# ASCII, Latin (with every precomposed Vietnamese letter), Greek, punctuation, arrows, bullets.
_STABLE_RANGES = ((0x20, 0x7F), (0xA0, 0x250), (0x370, 0x400), (0x1E00, 0x1F00), (0x2000, 0x2070),
                  (0x20A0, 0x20D0), (0x2100, 0x2200), (0x25A0, 0x2600))
_STABLE = "\n\f" + "".join(c for a, b in _STABLE_RANGES for c in map(chr, range(a, b)) if _stable(c))
_UNSTABLE_RUN = re.compile("[^" + re.escape(_STABLE) + "]+")


def _compose_groups(raw: str, base: int, out: list, offsets: list) -> None:
    """NFC-compose grapheme by grapheme so every output char keeps a raw offset."""
    i, n = 0, len(raw)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1
        for ch in unicodedata.normalize("NFC", raw[i:j]):
            ch = _CHAR_FIXES.get(ch, ch)
            if ch:  # a fix may delete the character
                out.append(ch)
                offsets.append(base + i)
        i = j


def _compose(raw: str):
    """Stable runs are copied as they are; the rest (combining marks, fixes) goes grapheme by grapheme."""
    out, offsets, pos = [], [], 0
    for run in _UNSTABLE_RUN.finditer(raw):
        start = run.start()
        if start > pos and unicodedata.combining(raw[start]):
            start -= 1  # the mark belongs to the stable character before it
        out.append(raw[pos:start])
        offsets.extend(range(pos, start))
        _compose_groups(raw[start:run.end()], start, out, offsets)
        pos = run.end()
    out.append(raw[pos:])
    offsets.extend(range(pos, len(raw)))
    return "".join(out), offsets


def _move_tone(match: re.Match) -> str:
    prefix, first, second, tone = match.groups()
    if prefix[-1:] in ("q", "Q"):  # "quý": the u belongs to the consonant
        return match.group(0)
    return prefix + unicodedata.normalize("NFC", first + tone) + second


def new_style_tones(text: str) -> str:
    """hoà -> hòa; keeps the length of the text (NFC in, NFC out)."""
    if not _OLD_TONE_HINT.search(text):
        return text
    decomposed = unicodedata.normalize("NFD", text)
    if not _OLD_TONE.search(decomposed):
        return text
    fixed = unicodedata.normalize("NFC", _OLD_TONE.sub(_move_tone, decomposed))
    return fixed if len(fixed) == len(text) else text


def _strip(text: str, offsets: list, pattern: re.Pattern):
    if not pattern.search(text):
        return text, offsets
    keep_text, keep_offsets, pos = [], [], 0
    for m in pattern.finditer(text):
        keep_text.append(text[pos:m.start()])
        keep_offsets.extend(offsets[pos:m.start()])
        pos = m.end()
    keep_text.append(text[pos:])
    keep_offsets.extend(offsets[pos:])
    return "".join(keep_text), keep_offsets


def _break_lines(text: str, offsets: list):
    """Lost line breaks between bold runs become line breaks that point at the markup's first raw character."""
    if "**" not in text:
        return text, offsets
    out_text, out_offsets, pos = [], [], 0
    for m in _GLUED_BOLD.finditer(text):
        if not _lost_break(m):
            continue
        start = m.end(1) if m.group(1) else m.start()
        out_text += [text[pos:start], "\n"]
        out_offsets += offsets[pos:start] + [offsets[start]]
        pos = m.end()
    out_text.append(text[pos:])
    out_offsets.extend(offsets[pos:])
    return "".join(out_text), out_offsets


def normalize(raw: str) -> NormalizedText:
    text, offsets = _compose(raw)
    text = new_style_tones(text)
    text, offsets = _break_lines(text, offsets)
    for pattern in _MARKUP:
        text, offsets = _strip(text, offsets, pattern)
    return NormalizedText(text, offsets)


def normalize_string(s: str) -> str:
    """Normalise a short string (a name, a gold field) the same way as documents."""
    return re.sub(r"\s+", " ", normalize(s or "").text).strip()


def fold(s: str) -> str:
    """Lower case without diacritics, for comparisons and search: 'Sở Tư pháp' -> 'so tu phap'."""
    s = unicodedata.normalize("NFD", (s or "").replace("Đ", "D").replace("đ", "d"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", s.lower()).strip()
