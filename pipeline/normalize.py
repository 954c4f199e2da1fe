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
_MARKUP = [
    re.compile(r"\*\*"),                          # **bold**
    re.compile(r"(?m)^#{1,6}[ \t]*"),             # # heading
    re.compile(r"(?m)^\*(?=\S)|(?<=\S)\*$", re.M),  # *italic line*
    re.compile(r"(?m)^>>?[ \t]*"),                # > quote
]


@dataclass
class NormalizedText:
    text: str
    raw_offsets: list  # raw_offsets[i] = offset in the raw text of text[i]

    def raw_span(self, start: int, end: int) -> tuple:
        if not self.raw_offsets:
            return (0, 0)
        last = len(self.raw_offsets) - 1
        return (self.raw_offsets[min(start, last)], self.raw_offsets[min(max(end - 1, 0), last)] + 1)


def _compose(raw: str):
    """NFC-compose grapheme by grapheme so every output char keeps a raw offset."""
    out, offsets = [], []
    i, n = 0, len(raw)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1
        group = raw[i:j]
        for ch in unicodedata.normalize("NFC", group):
            ch = _CHAR_FIXES.get(ch, ch)
            out.append(ch)
            offsets.append(i)
        i = j
    text = "".join(out)
    if len(text) != len(offsets):  # a fix deleted a character
        kept = [(c, o) for c, o in zip(out, offsets) if c]
        text, offsets = "".join(c for c, _ in kept), [o for _, o in kept]
    return text, offsets


def _move_tone(match: re.Match) -> str:
    prefix, first, second, tone = match.groups()
    if prefix[-1:] in ("q", "Q"):  # "quý": the u belongs to the consonant
        return match.group(0)
    return prefix + unicodedata.normalize("NFC", first + tone) + second


def new_style_tones(text: str) -> str:
    """hoà -> hòa; keeps the length of the text (NFC in, NFC out)."""
    decomposed = unicodedata.normalize("NFD", text)
    if not _OLD_TONE.search(decomposed):
        return text
    fixed = unicodedata.normalize("NFC", _OLD_TONE.sub(_move_tone, decomposed))
    return fixed if len(fixed) == len(text) else text


def _strip(text: str, offsets: list, pattern: re.Pattern):
    keep_text, keep_offsets, pos = [], [], 0
    for m in pattern.finditer(text):
        keep_text.append(text[pos:m.start()])
        keep_offsets.extend(offsets[pos:m.start()])
        pos = m.end()
    keep_text.append(text[pos:])
    keep_offsets.extend(offsets[pos:])
    return "".join(keep_text), keep_offsets


def normalize(raw: str) -> NormalizedText:
    text, offsets = _compose(raw)
    text = new_style_tones(text)
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
