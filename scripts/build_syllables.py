"""Build the Vietnamese syllable lexicon that pipeline/readers/ocr_text.py corrects OCR with.

    .venv/bin/python scripts/build_syllables.py [TEXT_DIR ...] > extractors/data/syllables.json

Counts, offline, the syllables (lower case, normalised as documents are) and the
pairs of adjacent syllables of the given folders' .txt/.md files (by default the
project's corpus/seeds and corpus/dev) and of the registry's names, aliases and
provinces. Pairs seen once are dropped. The syllables Tesseract's own `vie`
dictionary spells (its word DAWG, unpacked with combine_tessdata and
dawg2wordlist when they are installed) are listed as `known`: a syllable in
neither list is no Vietnamese. Nothing is downloaded.
"""
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.normalize import normalize_string  # noqa: E402

_SYLLABLE = re.compile(r"[^\W\d_]+")
_PHRASE = re.compile(r"[^\W\d_]+(?:[ \t]+[^\W\d_]+)*")  # syllables with nothing but spaces between
_MIN_PAIR = 2


def _registry_names() -> list:
    data = json.loads((ROOT / "extractors/data/agencies.json").read_text(encoding="utf-8"))
    names = []
    for entry in data["agencies"] + data["groups"] + data["provinces"]:
        names += [entry["name"]] + entry.get("aliases", []) + entry.get("former", [])
    return [name for name in names if isinstance(name, str)]


def tesseract_syllables() -> list:
    """The lower-case words of Tesseract's `vie` dictionary, [] without Tesseract's tools."""
    found = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True)
    folder = re.search(r'"(.+?)"', found.stdout + found.stderr)
    with tempfile.TemporaryDirectory() as out:
        try:
            subprocess.run(["combine_tessdata", "-u", str(Path(folder.group(1)) / "vie.traineddata"), out + "/vie."],
                           capture_output=True, check=True)
            subprocess.run(["dawg2wordlist", out + "/vie.lstm-unicharset", out + "/vie.lstm-word-dawg",
                            out + "/words.txt"], capture_output=True, check=True)
        except (OSError, subprocess.CalledProcessError, AttributeError):
            return []
        words = Path(out, "words.txt").read_text(encoding="utf-8").split()
    return sorted({unicodedata.normalize("NFC", w).lower() for w in words if w.isalpha()})


def count(texts) -> tuple:
    syllables, pairs = Counter(), Counter()
    for text in texts:
        for line in normalize_string_lines(text):
            for phrase in _PHRASE.findall(line.lower()):
                words = phrase.split()
                syllables.update(words)
                pairs.update(f"{a} {b}" for a, b in zip(words, words[1:]))
    return syllables, pairs


def normalize_string_lines(text: str) -> list:
    return [normalize_string(line) for line in text.splitlines() if line.strip()]


def main(folders: list) -> None:
    folders = folders or [str(ROOT / "corpus/seeds"), str(ROOT / "corpus/dev")]
    texts = [path.read_text(encoding="utf-8", errors="replace") for folder in folders
             for path in sorted(Path(folder).rglob("*")) if path.suffix in (".txt", ".md")]
    syllables, pairs = count(texts + _registry_names())
    json.dump({"about": "syllable and pair counts from " + ", ".join(Path(f).name for f in folders)
               + " and the registry (scripts/build_syllables.py)",
               "known": tesseract_syllables(),
               "syllables": dict(sorted(syllables.items())),
               "pairs": {pair: n for pair, n in sorted(pairs.items()) if n >= _MIN_PAIR}},
              sys.stdout, ensure_ascii=False, separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1:])
