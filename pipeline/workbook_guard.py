"""Checks on a returned .xlsx before any of it is parsed: the declared sizes of
its zip members (a zip bomb is refused before a byte is inflated; Python's
zipfile never inflates a member past its declared size) and no DTD in any XML
member (so no entity, no billion laughs, no external fetch)."""
import zipfile
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, iterparse

MAX_UNPACKED = 256 * 2 ** 20  # bytes, all members together (a 2,000-document run's workbook: 30 MB)
MAX_RATIO = 100  # unpacked / packed size of one member, as Apache POI's default
RATIO_FROM = 2 ** 20  # members smaller than this may compress better (empty sheets, styles)
_XML_ENDS = (".xml", ".rels", ".vml")


class UnsafeWorkbook(Exception):
    """The workbook is refused; the message says why."""


def check(path: Path) -> None:
    """Raises UnsafeWorkbook when `path` is not a zip, would inflate too far or holds a DTD."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as e:
        raise UnsafeWorkbook(f"not a readable .xlsx workbook ({e})") from e
    with archive:
        members = archive.infolist()
        _check_sizes(members)
        for member in members:
            if member.filename.lower().endswith(_XML_ENDS):
                _check_xml(archive, member)


def _check_sizes(members: list) -> None:
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED:
        raise UnsafeWorkbook(f"its members would unpack to {total / 2 ** 20:.0f} MB, over the limit of "
                             f"{MAX_UNPACKED // 2 ** 20} MB (zip bomb?)")
    for m in members:
        if m.file_size > RATIO_FROM and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise UnsafeWorkbook(f"{m.filename} would inflate {m.file_size // max(m.compress_size, 1)} times "
                                 f"({m.file_size / 2 ** 20:.0f} MB), over the limit of {MAX_RATIO} times (zip bomb?)")


def _check_xml(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """A DTD can only come before the root element: parsing stops at the first element."""
    try:
        with archive.open(member) as stream:
            for _event in iterparse(stream, events=("start",), forbid_dtd=True):
                return
    except DefusedXmlException as e:
        raise UnsafeWorkbook(f"{member.filename} declares a DTD or entities ({type(e).__name__}); "
                             f"a workbook never needs them") from e
    except (ParseError, zipfile.BadZipFile, OSError, EOFError) as e:
        raise UnsafeWorkbook(f"{member.filename} is not readable XML ({e})") from e
