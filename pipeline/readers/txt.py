"""Plain text and markdown web copies: UTF-8, UTF-16 (with BOM), legacy TCVN3/VNI, Windows-1258."""
from pathlib import Path

from pipeline.readers import ReadError, SourceText, legacy


def _single_byte(data: bytes) -> str:
    """Windows-1252 (Latin-1 plus quotes and dashes), Latin-1 where 1252 has a gap."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise ReadError("binary content, not text (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    one_to_one = _single_byte(data)  # TCVN3 and VNI bytes read one to one
    if legacy.detect(one_to_one):
        return one_to_one
    try:
        return data.decode("cp1258")
    except UnicodeDecodeError as e:
        raise ReadError("text is in no known encoding (tried UTF-8, UTF-16, TCVN3, VNI, Windows-1258)") from e


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    control = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return control > len(sample) * 0.02


def read(path: Path) -> SourceText:
    text = decode(path.read_bytes())
    if _looks_binary(text):
        raise ReadError("binary content, not text (control characters)")
    text, encoding = legacy.to_unicode(text)
    source = SourceText(str(path), "txt", text)
    if encoding:
        source.warnings.append(f"legacy {encoding.upper()} text converted to Unicode")
    return source
