"""HTML pages saved from legal portals and news sites: the main text and its
tables, without menus, scripts, forms and footers."""
import re
from pathlib import Path

from pipeline.readers import ReadError, SourceText, table_row_line
from pipeline.readers.txt import decode

_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
              "svg", "button", "select", "template", "head")
_BOILERPLATE = re.compile(r"(?:^|[\s_-])(?:menu|nav|navbar|breadcrumbs?|footer|header|sidebar|share|social|"
                          r"comments?|banner|ads?|advert\w*|related|tags|login|search|cookie)(?:$|[\s_-])", re.I)
_BLOCKS = {"p", "div", "section", "article", "main", "li", "h1", "h2", "h3", "h4", "h5", "h6",
           "blockquote", "pre", "dd", "dt", "ul", "ol", "center"}  # each a paragraph of its own
_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([\w-]+)", re.I)


def _parse(data: bytes):
    import lxml.html
    match = _CHARSET.search(data[:4096])
    try:
        text = data.decode(match.group(1).decode("ascii")) if match else decode(data)
    except (LookupError, UnicodeDecodeError):
        text = decode(data)
    try:
        return lxml.html.document_fromstring(text)
    except Exception as e:  # lxml raises ParserError or ValueError on junk
        raise ReadError(f"not a readable HTML page ({e})") from e


def _strip_boilerplate(root) -> None:
    for element in list(root.iter(*_DROP_TAGS)):
        element.drop_tree()
    for element in list(root.iter()):
        marks = f"{element.get('class', '')} {element.get('id', '')} {element.get('role', '')}"
        if element.getparent() is not None and element.tag not in ("body", "html", "article", "main") \
                and _BOILERPLATE.search(marks):
            element.drop_tree()


def _main_element(root):
    """The largest <article> or <main> when the page has one, else <body>."""
    candidates = root.findall(".//article") + root.findall(".//main")
    if candidates:
        return max(candidates, key=lambda e: len(e.text_content()))
    body = root.find(".//body")
    return body if body is not None else root


def _table_lines(table) -> list:
    lines = []
    for row in table.iter("tr"):
        cells = [" ".join(cell.text_content().split()) for cell in row if cell.tag in ("td", "th")]
        if any(cells):
            lines.append(table_row_line(cells))
    return lines


def _lines(element, out: list) -> None:
    """Walk the tree writing text; block elements and tables start new lines."""
    if element.tag == "table":
        out.extend(["\n"] + [line + "\n" for line in _table_lines(element)] + ["\n"])
        out.append(element.tail or "")
        return
    block = element.tag in _BLOCKS
    out.append("\n\n" if block else "\n" if element.tag == "br" else "")
    out.append(element.text or "")
    for child in element:
        if isinstance(child.tag, str):
            _lines(child, out)
        else:  # comment or processing instruction
            out.append(child.tail or "")
    if block:
        out.append("\n\n")
    out.append(element.tail or "")


def _clean(raw: str) -> str:
    lines = [" ".join(line.split()) for line in raw.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def read(path: Path) -> SourceText:
    root = _parse(path.read_bytes())
    _strip_boilerplate(root)
    out = []
    _lines(_main_element(root), out)
    return SourceText(str(path), "html", _clean("".join(out)))
