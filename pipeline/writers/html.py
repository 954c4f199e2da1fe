"""A page per document (DIR/html/<doc_id>.html) and an index, for review.

Each page shows the document's normalised text (also saved in
DIR/text/<doc_id>.txt) with task spans, target spans, agency mentions and
deadlines highlighted, and a side list of the records: clicking one scrolls to
it. Pages are self-contained (inline CSS and JS, no network) and every piece
of text is escaped. The run writes a page as soon as a document's records
arrive (write_page), and the index at the end, streaming the documents.
A Content-Security-Policy on every page lets only the page's own style and
script (by their hashes) run: nothing remote loads, no inline handler runs.
"""
import base64
import hashlib
import re
from html import escape
from pathlib import Path

from pipeline import confidence
from pipeline.normalize import fold
from pipeline.writers.excel import deadline_cell

_UNSAFE_ID = re.compile(r"[^\w-]")
_WORD = re.compile(r"\w+")
_PREVIEW = 180
LEGEND = [("task", "Nhiệm vụ (task)"), ("target", "Chỉ tiêu (target)"), ("lead", "Cơ quan chủ trì (lead)"),
          ("coord", "Cơ quan phối hợp (coordinating)"), ("deadline", "Thời hạn (deadline)")]
_CSS = """
body{font-family:system-ui,'Segoe UI',Arial,sans-serif;margin:0;color:#1f2937;background:#fff}
main{margin-right:40%;padding:1rem 2rem 60vh 2rem}
#text{white-space:pre-wrap;line-height:1.6;font-size:15px}
nav{position:fixed;top:0;right:0;width:38%;height:100vh;overflow-y:auto;border-left:1px solid #d1d5db;
 background:#f9fafb;padding:0.5rem 1rem;box-sizing:border-box}
nav a.rec{display:block;padding:0.4rem;margin:0.3rem 0;border-radius:4px;color:inherit;text-decoration:none;
 border:1px solid #e5e7eb;background:#fff;font-size:13px}
nav a.rec:hover{border-color:#60a5fa}
nav a.low{border-left:4px solid #f97316}
.meta{font-size:12px;color:#4b5563}
.task{background:#dbeafe}
.target{background:#dcfce7;border-bottom:2px solid #16a34a}
.lead{color:#b45309;font-weight:bold}
.coord{color:#7c3aed;font-weight:bold}
.deadline{color:#dc2626;text-decoration:underline}
.current{background:#fde68a;box-shadow:0 2px 0 #f59e0b}
nav a.active{border-color:#f59e0b;background:#fffbeb}
.swatch{padding:0 0.4rem;margin-right:0.4rem;font-size:12px}
table{border-collapse:collapse}td,th{border:1px solid #d1d5db;padding:0.3rem 0.5rem;vertical-align:top}
.listing{padding:1rem 2rem}
th{cursor:pointer;background:#f3f4f6}th[data-order=up]::after{content:" ▲"}
th[data-order=down]::after{content:" ▼"}.tools{position:sticky;top:0;background:#fff;padding:0.3rem 0}
"""
_JS = """
document.querySelectorAll('[data-go]').forEach(function (item) {
  item.addEventListener('click', function (event) {
    var id = item.getAttribute('data-go');
    var place = document.getElementById('r-' + id);
    if (!place) { return; }
    event.preventDefault();
    document.querySelectorAll('.current, .active').forEach(function (e) {
      e.classList.remove('current', 'active');
    });
    item.classList.add('active');
    document.querySelectorAll('[data-r~="' + id + '"]').forEach(function (e) { e.classList.add('current'); });
    place.scrollIntoView({block: 'center'});
  });
});
"""


def _sha256(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def write_text(out_dir: Path, doc_id: str, text: str) -> None:
    """Saves a document's normalised text where the page writer reads it."""
    folder = Path(out_dir) / "text"
    folder.mkdir(exist_ok=True)
    (folder / f"{safe_id(doc_id)}.txt").write_text(text, encoding="utf-8")


def safe_id(value: str) -> str:
    return _UNSAFE_ID.sub("_", str(value))


# ------------------------------------------------------------------ marks

def _occurrences(text: str, folded: str, needle: str, start: int, end: int):
    """(start, end) of every occurrence of needle in text[start:end], case-insensitive when needed."""
    needle = (needle or "").strip()
    if not needle:
        return []
    haystack = text if needle in text[start:end] else folded
    needle = needle if haystack is text else needle.lower()
    found, pos = [], haystack.find(needle, start, end)
    while pos >= 0:
        found.append((pos, pos + len(needle)))
        pos = haystack.find(needle, pos + len(needle), end)
    return found


def _record_marks(kind: str, record: dict, text: str, folded: str) -> list:
    """(start, end, css class, record id) for a record's span and the mentions inside it."""
    span = record.get("span") or {}
    start, end = max(0, span.get("start") or 0), min(len(text), span.get("end") or 0)
    if end <= start:
        return []
    rid = safe_id(record["task_id"] if kind == "task" else record["target_id"])
    marks = [(start, end, kind, rid)]
    mentions = [("lead", a) for a in record.get("lead_agencies") or []]
    mentions += [("coord", a) for a in record.get("coordinating_agencies") or []]
    mentions.append(("deadline", (record.get("deadline") or {}).get("text")))
    for css, needle in mentions:
        marks += [(s, e, css, rid) for s, e in _occurrences(text, folded, needle, start, end)]
    return marks


def render_text(text: str, tasks: list, targets: list) -> str:
    """The text as HTML, each stretch wrapped in the classes of the marks covering it."""
    folded = text.lower() if len(text.lower()) == len(text) else text
    marks = [m for t in tasks for m in _record_marks("task", t, text, folded)]
    marks += [m for t in targets for m in _record_marks("target", t, text, folded)]
    bounds = sorted({0, len(text)} | {m[0] for m in marks} | {m[1] for m in marks})
    order, active, waiting, parts = sorted(marks), [], 0, []
    for a, b in zip(bounds, bounds[1:]):  # every mark starts and ends on a bound
        while waiting < len(order) and order[waiting][0] <= a:
            active.append(order[waiting])
            waiting += 1
        active = [m for m in active if m[1] > a]
        parts.append(_stretch(text[a:b], active, a))
    return "".join(parts)


def _stretch(piece: str, active: list, start: int) -> str:
    """One stretch of text; records whose span starts here get their anchor on it."""
    if not active:
        return escape(piece)
    classes = " ".join(sorted({m[2] for m in active}))
    ids = " ".join(sorted({m[3] for m in active}))
    starting = sorted({m[3] for m in active if m[2] in ("task", "target") and m[0] == start})
    extra = "".join(f'<span id="r-{escape(rid)}"></span>' for rid in starting[1:])  # same start, same place
    anchor = f' id="r-{escape(starting[0])}"' if starting else ""
    return f'{extra}<span class="{classes}" data-r="{escape(ids)}"{anchor}>{escape(piece)}</span>'


# ------------------------------------------------------------------ side list

def _short(text: str) -> str:
    text = " ".join((text or "")[:4 * _PREVIEW].split())  # a preview needs only the head of a long text
    return text if len(text) <= _PREVIEW else text[:_PREVIEW - 1] + "…"


def _entry(kind: str, record: dict, warnings: list) -> str:
    rid = safe_id(record["task_id"] if kind == "task" else record["target_id"])
    score = confidence.score(record, warnings)
    details = []
    if kind == "task":
        details += [f"chủ trì: {'; '.join(record.get('lead_agencies') or []) or '—'}",
                    f"phối hợp: {'; '.join(record.get('coordinating_agencies') or []) or '—'}"]
    else:
        upper = f"–{record['value_max']:g}" if record.get("value_max") is not None else ""
        details.append(f"{record.get('comparator')} {record.get('value', 0):g}{upper}%")
    if record.get("section"):
        details.append(f"mục: {record['section']}")
    if (record.get("span") or {}).get("page"):
        details.append(f"trang: {record['span']['page']}")  # the source's page
    details += [f"thời hạn: {deadline_cell(record.get('deadline')) or '—'}", f"độ tin cậy: {score:.2f}"]
    low = " low" if confidence.is_low(score) else ""
    return (f'<a class="rec {kind}-rec{low}" href="#r-{escape(rid)}" data-go="{escape(rid)}">'
            f'{escape(_short(record.get("text")))}<div class="meta">{escape(" · ".join(details))}</div></a>')


def _side_list(tasks: list, targets: list, warnings: list) -> str:
    parts = [f"<h2>Nhiệm vụ ({len(tasks)})</h2>"] + [_entry("task", t, warnings) for t in tasks]
    parts += [f"<h2>Chỉ tiêu ({len(targets)})</h2>"] + [_entry("target", t, warnings) for t in targets]
    return "\n".join(parts)


# ------------------------------------------------------------------ index page

_INDEX_COLUMNS = ("Số, ký hiệu", "Loại", "Dạng", "Trích yếu", "Tệp nguồn", "Số trang", "Nhiệm vụ", "Chỉ tiêu")
_INDEX_TOOLS = ('<p class="tools"><input id="q" type="search" placeholder="Tìm số, trích yếu, cơ quan… '
                '(có dấu hoặc không dấu)" size="50"> <button id="prev">‹ Trước</button> '
                '<span id="info"></span> <button id="next">Sau ›</button></p>')
# Search (folded words, as in DIR/index.sqlite: data-s holds a row's folded words between spaces),
# sort by a header click and paging: the rows are
# taken out of the table once and only one page of them is put back, so thousands stay fast.
_INDEX_JS = r"""
(function () {
  var body = document.querySelector('#docs tbody'), rows = Array.prototype.slice.call(body.rows);
  var shown = rows, page = 0, SIZE = 100, order = {column: -1, up: true};
  var box = document.getElementById('q'), info = document.getElementById('info');
  var prev = document.getElementById('prev'), next = document.getElementById('next');
  var collator = new Intl.Collator('vi', {numeric: true});
  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  }
  function draw() {
    var pages = Math.max(1, Math.ceil(shown.length / SIZE));
    page = Math.max(0, Math.min(page, pages - 1));
    var part = document.createDocumentFragment();
    shown.slice(page * SIZE, (page + 1) * SIZE).forEach(function (r) { part.appendChild(r); });
    body.textContent = '';
    body.appendChild(part);
    info.textContent = shown.length + ' văn bản · trang ' + (page + 1) + '/' + pages;
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }
  function filter() {
    var words = fold(box.value).split(/[^\w]+/).filter(Boolean), last = words.length - 1;
    shown = words.length ? rows.filter(function (r) {  // whole words; the last one typed may be a prefix
      var s = r.getAttribute('data-s');
      return words.every(function (w, i) { return s.indexOf(' ' + w + (i === last ? '' : ' ')) >= 0; });
    }) : rows;
    draw();
  }
  function key(row, column) {
    var cell = row.cells[column];
    return cell.hasAttribute('data-v') ? Number(cell.getAttribute('data-v')) : cell.textContent;
  }
  document.querySelectorAll('#docs th').forEach(function (th, column) {
    th.addEventListener('click', function () {
      order = {column: column, up: order.column === column ? !order.up : true};
      rows.sort(function (a, b) {
        var x = key(a, column), y = key(b, column);
        var c = typeof x === 'number' ? x - y : collator.compare(x, y);
        return order.up ? c : -c;
      });
      document.querySelectorAll('#docs th').forEach(function (h) { h.removeAttribute('data-order'); });
      th.setAttribute('data-order', order.up ? 'up' : 'down');
      filter();
    });
  });
  box.addEventListener('input', function () { page = 0; filter(); });
  prev.addEventListener('click', function () { page -= 1; draw(); });
  next.addEventListener('click', function () { page += 1; draw(); });
  draw();
})();
"""

CSP = (f"default-src 'none'; script-src {_sha256(_JS)} {_sha256(_INDEX_JS)}; style-src {_sha256(_CSS)}; "
       "base-uri 'none'; form-action 'none'")


# ------------------------------------------------------------------ pages

def _page_head(title: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{_CSS}</style></head>\n<body>\n")


def _page_tail(script: str = "") -> str:
    return (f"<script>{script}</script>\n" if script else "") + "</body></html>\n"


def _page(title: str, body: str, script: str = "") -> str:
    return f"{_page_head(title)}{body}\n{_page_tail(script)}"


def _header(document: dict) -> str:
    signer = (document.get("signer") or {}).get("name")
    kind = document.get("kind")
    evidence = "; ".join(document.get("kind_evidence") or [])
    facts = [("Số, ký hiệu", document.get("number")), ("Loại", document.get("doc_type")),
             ("Dạng văn bản", f"{kind} ({evidence})" if kind and evidence else kind),
             ("Ngày ban hành", document.get("issue_date")), ("Cơ quan ban hành", document.get("issuer")),
             ("Người ký", signer), ("Tệp nguồn", document["source"]["path"])]
    facts += [("Cảnh báo", w) for w in document.get("warnings") or []]
    rows = "".join(f"<div class='meta'>{escape(k)}: {escape(str(v or '—'))}</div>" for k, v in facts)
    legend = "".join(f'<span class="swatch {css}">{escape(label)}</span>' for css, label in LEGEND)
    return (f'<p><a href="index.html">← Danh sách văn bản</a></p>'
            f"<h1>{escape(document.get('title') or Path(document['source']['path']).name)}</h1>"
            f"{rows}<p>{legend}</p>")


def document_page(document: dict, text, tasks: list, targets: list) -> str:
    warnings = list(document.get("warnings") or [])
    body_text = render_text(text, tasks, targets) if text is not None else \
        "<em>Không tìm thấy văn bản đã chuẩn hóa (normalised text not found).</em>"
    body = (f"<main>{_header(document)}<div id=\"text\">{body_text}</div></main>\n"
            f"<nav id=\"records\">{_side_list(tasks, targets, warnings)}</nav>")
    return _page(document.get("number") or Path(document["source"]["path"]).name, body, _JS)


def _index_row(document: dict, n_tasks: int, n_targets: int) -> str:
    d = document
    name, pages = Path(d["source"]["path"]).name, d["source"].get("pages")
    shown = (d.get("number"), d.get("doc_type"), d.get("kind"), d.get("title"), d.get("issuer"), name)
    words = _WORD.findall(fold(" ".join(str(v or "") for v in shown)))
    return (f'<tr data-s=" {escape(" ".join(words))} ">'
            f'<td><a href="{escape(safe_id(d["doc_id"]))}.html">{escape(d.get("number") or "—")}</a></td>'
            f"<td>{escape(d.get('doc_type') or '')}</td><td>{escape(d.get('kind') or '')}</td>"
            f"<td>{escape(d.get('title') or '')}</td>"
            f"<td>{escape(name)}</td><td data-v=\"{pages or 0}\">{pages or ''}</td>"
            f'<td data-v="{n_tasks}">{n_tasks}</td><td data-v="{n_targets}">{n_targets}</td></tr>\n')


def write_page(out_dir: Path, document: dict, text, tasks: list, targets: list) -> None:
    """DIR/html/<doc_id>.html for one document, written as soon as its records are known."""
    folder = Path(out_dir) / "html"
    folder.mkdir(exist_ok=True)
    page = document_page(document, text, tasks, targets)
    (folder / f"{safe_id(document['doc_id'])}.html").write_text(page, encoding="utf-8")


def write_index(out_dir: Path, documents, total: int, counts: dict) -> None:
    """DIR/html/index.html, a row per document streamed from `documents` (any iterable);
    `counts` maps a document's source path to its (tasks, targets)."""
    folder = Path(out_dir) / "html"
    folder.mkdir(exist_ok=True)
    head = "".join(f"<th>{title}</th>" for title in _INDEX_COLUMNS)
    with open(folder / "index.html", "w", encoding="utf-8") as page:
        page.write(f"{_page_head('vnplan: văn bản')}<div class='listing'>"
                   f"<h1>Văn bản ({total})</h1>{_INDEX_TOOLS}<table id=\"docs\"><thead><tr>{head}</tr></thead><tbody>\n")
        for document in documents:
            page.write(_index_row(document, *counts.get(document["source"]["path"], (0, 0))))
        page.write(f"</tbody></table></div>\n{_page_tail(_INDEX_JS)}")
