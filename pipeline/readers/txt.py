"""Plain text and markdown web copies."""
from pathlib import Path

from pipeline.readers import ReadError, SourceText

_ENCODINGS = ("utf-8-sig", "utf-16", "cp1258")


def decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise ReadError("binary content, not text (NUL bytes)")
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReadError("text is in no known encoding (tried UTF-8, UTF-16, Windows-1258)")


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    control = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return control > len(sample) * 0.02


def read(path: Path) -> SourceText:
    text = decode(path.read_bytes())
    if _looks_binary(text):
        raise ReadError("binary content, not text (control characters)")
    return SourceText(str(path), "txt", text)
