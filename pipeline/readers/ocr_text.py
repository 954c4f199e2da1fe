"""Vietnamese corrections after OCR, applied to the text of OCR'd pages only.

Tesseract `vie` gets Vietnamese wrong in predictable ways; each pass below
fixes one of them with a lexicon of syllables and adjacent pairs counted
offline from the project's own texts and the registry
(extractors/data/syllables.json, scripts/build_syllables.py):
- split syllables joined back: "Ủ y ban" -> "Ủy ban" (the join is a common
  syllable, one part is no syllable, the two never stand side by side);
- glued syllables split: "Cơquan" -> "Cơ quan" (no syllable, two common ones
  that often follow each other);
- tone marks and vowel hats (dấu thanh, dấu mũ): "tô chức" -> "tổ chức",
  "Uy ban" -> "Ủy ban": a syllable never seen beside its neighbours gives way
  to the form of the same letters that is seen there at least _MIN_SUPPORT
  times; a syllable seen beside a neighbour, or with no form seen there, stays
  (a rare correct word is not corrected);
- agency names snapped to the registry: a run of words whose
  difflib ratio to a registry name is at least AGENCY_RATIO.
Every change is a Correction (what was read, what it became, where); the
original text is kept in it.
"""
import difflib
import json
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parents[2] / "extractors" / "data"
_MIN_SUPPORT = 3  # times a pair must be seen to be trusted as context
_MIN_JOINED = 5  # times a syllable must be seen to join two pieces into it
_COLLOCATION = 0.3  # share of a syllable's uses beside a word that makes the pair a compound
_RARER = 10  # a real syllable gives way only to a form seen this many times more often
AGENCY_RATIO = 0.9  # difflib ratio (0-1) from which a run of words is a registry name
_LOOK_AHEAD = 400  # characters after the previous word where the next OCR word is looked for
_WORD = re.compile(r"[^\W\d_]+")
_GAP = re.compile(r"[ \t]+")  # only spaces between two words of one phrase


@dataclass(frozen=True)
class Correction:
    offset: int  # where `after` starts in the corrected text
    before: str  # as OCR read it
    after: str
    rule: str  # quote | join | split | tone | agency

    def as_dict(self) -> dict:
        return {"from": self.before, "to": self.after, "offset": self.offset, "rule": self.rule}


@dataclass(frozen=True)
class _Lexicon:
    known: frozenset  # every syllable: the counted ones and Tesseract's dictionary
    syllables: dict  # syllable (lower case, NFC) -> count
    pairs: dict  # "a b" -> count
    forms: dict  # folded syllable -> its forms with marks, most frequent first


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    data = json.loads((_DATA / "syllables.json").read_text(encoding="utf-8"))
    forms = {}
    for syllable, _n in sorted(data["syllables"].items(), key=lambda item: -item[1]):
        forms.setdefault(fold_letters(syllable), []).append(syllable)
    return _Lexicon(frozenset(data["known"]) | set(data["syllables"]), data["syllables"], data["pairs"], forms)


def fold_letters(text: str) -> str:
    """'Tổ chức' -> 'to chuc', one character for one (NFC in)."""
    return "".join(_base(c.lower()[0]) for c in text)


def _base(char: str) -> str:
    if char == "đ":
        return "d"
    return unicodedata.normalize("NFD", char)[0]


def _lower(word: str) -> str:
    return unicodedata.normalize("NFC", word).lower()


def _cased(form: str, like: str) -> str:
    """`form` in the case of `like`: 'ủy' like 'UY' -> 'ỦY', like 'Uy' -> 'Ủy'."""
    if like.isupper() and len(like) > 1:
        return form.upper()
    return form[:1].upper() + form[1:] if like[:1].isupper() else form


# ---------------------------------------------------------------- edits

def _apply(text: str, edits: list, rule: str, done: list) -> tuple:
    """Edits (start, end, replacement), in order and apart, applied; earlier corrections moved."""
    out, pos, shift, found = [], 0, 0, []
    moves = []  # (old end, shift after it)
    for start, end, new in edits:
        out.append(text[pos:start])
        found.append(Correction(start + shift, text[start:end], new, rule))
        out.append(new)
        shift += len(new) - (end - start)
        moves.append((end, shift))
        pos = end
    out.append(text[pos:])
    return "".join(out), [_moved(c, moves) for c in done] + found


def _moved(correction: Correction, moves: list) -> Correction:
    shift = 0
    for end, after in moves:
        if end <= correction.offset:
            shift = after
    return replace(correction, offset=correction.offset + shift)


def _words(text: str) -> list:
    return list(_WORD.finditer(text))


def _adjacent(text: str, a: re.Match, b: re.Match) -> bool:
    return bool(_GAP.fullmatch(text, a.end(), b.start()))


# ---------------------------------------------------------------- passes

def _joins(text: str, lex: _Lexicon) -> list:
    """'Ủ y' -> 'Ủy': two pieces that make a common syllable, one of them no syllable;
    a capital after a small letter starts a word ('Vừ A Dính' is a name, not 'VừA')."""
    words, edits, i = _words(text), [], 0
    while i + 1 < len(words):
        a, b = words[i], words[i + 1]
        left, right = _lower(a.group()), _lower(b.group())
        joined = left + right
        starts_word = b.group()[:1].isupper() and not a.group().isupper()
        if (_adjacent(text, a, b) and not starts_word and lex.syllables.get(joined, 0) >= _MIN_JOINED
                and (left not in lex.known or right not in lex.known)
                and f"{left} {right}" not in lex.pairs):
            edits.append((a.start(), b.end(), a.group() + b.group()))
            i += 2
            continue
        i += 1
    return edits


def _split_point(word: str, lex: _Lexicon):
    """Where a glued word splits into two syllables that often follow each other, else None."""
    best, best_count = None, _MIN_SUPPORT - 1
    for i in range(1, len(word)):
        count = lex.pairs.get(f"{word[:i]} {word[i:]}", 0)
        if count > best_count and word[:i] in lex.syllables and word[i:] in lex.syllables:
            best, best_count = i, count
    return best


def _splits(text: str, lex: _Lexicon) -> list:
    """'Cơquan' -> 'Cơ quan'."""
    edits = []
    for m in _words(text):
        word = _lower(m.group())
        if len(word) >= 4 and word not in lex.known:
            at = _split_point(word, lex)
            if at:
                edits.append((m.start(), m.end(), m.group()[:at] + " " + m.group()[at:]))
    return edits


def _pair(a, b, lex: _Lexicon) -> int:
    return lex.pairs.get(f"{a} {b}", 0) if a and b else 0


def _misread(word: str, form: str, before, after, lex: _Lexicon, capitals: bool) -> bool:
    """Is `word` a misreading of `form` between these neighbours? A word that is no syllable is, when
    `form` is seen beside a neighbour. A real syllable is only when it is far rarer than
    `form`, never seen beside its neighbours, and `form` nearly always goes with the next word (the
    first syllable of a compound: "tô chức" -> "tổ chức"), or with the previous one at a phrase end.
    In capitals, where Tesseract loses most marks ("CHÍ THỊ"), being seen there is enough."""
    if word not in lex.known:
        return _pair(before, form, lex) + _pair(form, after, lex) >= _MIN_SUPPORT
    if lex.syllables.get(word, 0) * (1 if capitals else _RARER) >= lex.syllables.get(form, 0):
        return False
    if _pair(before, word, lex) or _pair(word, after, lex):
        return False
    share = 0 if capitals else _COLLOCATION
    seen, of = (_pair(form, after, lex), form) if after else (_pair(before, form, lex), before)
    return seen >= _MIN_SUPPORT and seen >= share * lex.syllables.get(of, 0)


def _tones(text: str, lex: _Lexicon) -> list:
    """'tô chức' -> 'tổ chức', 'trưòng' -> 'trường': another form of the same letters."""
    words, edits = _words(text), []
    lowered = [_lower(m.group()) for m in words]
    for i, m in enumerate(words):
        word = lowered[i]
        if len(word) < 2:  # "a", "Ả": a list letter or a word too short to judge
            continue
        before = lowered[i - 1] if i and _adjacent(text, words[i - 1], m) else None
        after = lowered[i + 1] if i + 1 < len(words) and _adjacent(text, m, words[i + 1]) else None
        forms = [f for f in lex.forms.get(fold_letters(word), ()) if f != word]
        best = max(forms, key=lambda f: (_pair(before, f, lex) + _pair(f, after, lex), lex.syllables[f]), default=None)
        if best and _misread(word, best, before, after, lex, m.group().isupper() and len(word) > 1):
            edits.append((m.start(), m.end(), _cased(best, m.group())))
    return edits


@lru_cache(maxsize=1)
def _agency_names() -> dict:
    """Folded first word -> registry names (of three words or more: two are too close to
    common phrases, "chính quy" and "Chính quyền") starting with it."""
    data = json.loads((_DATA / "agencies.json").read_text(encoding="utf-8"))
    names = set()
    for entry in data["agencies"]:
        names.update(n for n in [entry["name"]] + entry.get("aliases", []) + entry.get("former", []))
    by_first = {}
    for name in names:
        if len(name.split()) >= 3:
            by_first.setdefault(fold_letters(name.split()[0]), []).append(name)
    return by_first


def _phrase_end(text: str, words: list, i: int, size: int):
    """End offset of the `size` words from words[i] when one phrase (spaces and commas only), else None."""
    if i + size > len(words):
        return None
    for a, b in zip(words[i:i + size], words[i + 1:i + size]):
        if not re.fullmatch(r"[ \t]*,?[ \t]*", text[a.end():b.start()]) or "\n" in text[a.end():b.start()]:
            return None
    return words[i + size - 1].end()


def _agencies(text: str) -> list:
    """'Bộ Nông nghiệp và Môi trưòng' -> 'Bộ Nông nghiệp và Môi trường' (the registry's spelling)."""
    words, edits, i = _words(text), [], 0
    by_first = _agency_names()
    while i < len(words):
        snapped = _snap_at(text, words, i, by_first.get(fold_letters(words[i].group()), ()))
        if snapped:
            edits.append(snapped[:3])
            i += snapped[3]
            continue
        i += 1
    return edits


def _snap_at(text: str, words: list, i: int, names) -> tuple:
    """(start, end, name, words covered) of the registry name the words at i are a misreading of
    (the comma inside a name is kept as read: "Bộ Văn hóa, Thể thao và Du lịch")."""
    best = None
    for name in sorted(names, key=len, reverse=True):
        size = len(_WORD.findall(name))
        end = _phrase_end(text, words, i, size)
        if end is None:
            continue
        read = text[words[i].start():end]
        ratio = difflib.SequenceMatcher(None, read.lower(), name.lower()).ratio()
        if read.lower() != name.lower() and ratio >= AGENCY_RATIO and (not best or ratio > best[0]):
            best = (ratio, (words[i].start(), end, name.upper() if read.isupper() else name, size))
        elif read.lower() == name.lower():
            return None  # already a registry name
    return best[1] if best else None


# tones twice: a word fixed gives its neighbour the context ("PHÔ CÂN THƠ" -> "PHÔ CẦN THƠ" -> "PHỐ CẦN THƠ")
def _stray_quotes(text: str, lex: _Lexicon = None) -> list:
    """Curly quotes with no partner in their paragraph: specks at a line's edge that Tesseract reads
    as “ or ” ("phố “Đà Nẵng", "nâng” “cao"); a quoted name keeps both of its quotes."""
    edits = []
    for paragraph in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", text):
        opened = []
        for m in re.finditer("[“”]", paragraph.group()):
            at = paragraph.start() + m.start()
            if m.group() == "“":
                opened.append(at)
            elif opened:
                opened.pop()
            else:
                edits.append(at)
        edits += opened
    return [(at, at + 1, "") for at in sorted(edits)]


_PASSES = (("quote", _stray_quotes), ("join", _joins), ("split", _splits), ("tone", _tones), ("tone", _tones))


def correct(text: str) -> tuple:
    """(corrected text, [Correction]) of a page of OCR text."""
    lex, done = lexicon(), []
    text = unicodedata.normalize("NFC", text)
    for rule, find in _PASSES:
        text, done = _apply(text, find(text, lex), rule, done)
    text, done = _apply(text, _agencies(text), "agency", done)
    return text, sorted(done, key=lambda c: c.offset)


def correct_source(source):
    """The SourceText with the text of its OCR'd pages corrected (text-layer pages as they are), page
    starts moved, and the corrections in `ocr_corrections` (offsets into the corrected text)."""
    if not source.ocr_pages:
        return source
    text, starts = source.text, source.page_starts or [0]
    bounds = list(zip(starts, starts[1:] + [len(text)]))
    pages, new_starts, found = [], [], []
    for number, (start, end) in enumerate(bounds, 1):
        page, corrections = correct(text[start:end]) if number in source.ocr_pages else (text[start:end], [])
        offset = sum(map(len, pages))
        new_starts.append(offset)
        found += [replace(c, offset=c.offset + offset) for c in corrections]
        pages.append(page)
    return replace(source, text="".join(pages), page_starts=new_starts if source.page_starts else [],
                   ocr_corrections=found)


def word_spans(source) -> list:
    """[(start, end, confidence 0-100)] of the OCR words found in the source's text, in order: each
    word looked for, letters folded, a little after the previous one (a word the corrections split or
    joined, or one read apart far from its place, is left out)."""
    text, starts = source.text, source.page_starts or [0]
    folded, spans = fold_letters(text), []
    for number, words in sorted(source.ocr_words.items()):
        if number > len(starts):
            continue
        start = starts[number - 1]
        end = starts[number] if number < len(starts) else len(text)
        cursor = start
        for word, confidence in words:
            key = fold_letters(word)
            at = folded.find(key, cursor, min(end, cursor + _LOOK_AHEAD)) if key else -1
            if at >= 0:
                spans.append((at, at + len(key), confidence))
                cursor = at + len(key)
    return sorted(spans)
