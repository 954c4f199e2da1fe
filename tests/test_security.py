"""Hostile inputs and returned files: no formula in any CSV, no DTD or bomb in a
returned workbook, no network for LibreOffice, a strict CSP on every page."""
import csv
import hashlib
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import tracemalloc
import zipfile
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import openpyxl
import pytest

from extractors.registry import registry, resolve
from pipeline import readers
from pipeline.cli import main
from pipeline.readers import office
from pipeline.records import Deadline, Document, Source, Span, Task, to_dict
from pipeline.writers import excel, index, jsonl
from tests.test_html import browser  # noqa: F401  (the headless Chromium fixture)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HOSTILE_TASKS = [  # (text, lead): cells a spreadsheet would run as formulas
    ('=HYPERLINK("http://127.0.0.1:9/x";"Xem chi tiết") Sở Y tế chủ trì kiểm tra an toàn thực phẩm.', "Sở Y tế"),
    ("+ Phòng Giáo dục và Đào tạo rà soát mạng lưới trường lớp trên địa bàn huyện.", "=2+5"),
    ("- Sở Xây dựng hướng dẫn cấp giấy phép xây dựng nhà ở riêng lẻ.", "-1+1"),
    ("@SUM(1;2) Ban Quản lý các khu công nghiệp đôn đốc tiến độ giải ngân.", "@Ban Quản lý"),
    ("\tUBND các xã, phường cập nhật cơ sở dữ liệu hộ nghèo.", "\tUBND cấp xã"),
    ("\rCông an tỉnh bảo đảm an ninh trật tự dịp Tết Nguyên đán.", "Công an tỉnh"),
]


def hostile_run(out_dir):
    """A run's JSONL and index whose task texts, agencies and issuer start like formulas."""
    out_dir.mkdir(parents=True, exist_ok=True)
    documents, tasks = jsonl.JsonlWriter(out_dir / "documents.jsonl"), jsonl.JsonlWriter(out_dir / "tasks.jsonl")
    path = "/docs/d0000000000f1.txt"
    documents.write(Document("d0000000000f1", Source(path, "f1" * 32, "txt"), "=07/KH-UBND", "Kế hoạch",
                             "2025-04-02", "+UBND tỉnh Quảng Trị", "Quảng Trị"))
    context = registry().find_province("Quảng Trị")
    for i, (text, lead) in enumerate(HOSTILE_TASKS, 1):
        task = Task(f"d0000000000f1-t{i:03d}", "d0000000000f1", f"=III.{i}", text, [lead], [],
                    Deadline("-trước ngày 31/12/2025", "2025-12-31", 2025), Span(0, len(text)), text, path)
        task.agencies = [resolve(lead, context).as_dict("lead")]
        tasks.write(to_dict(task))
    documents.commit()
    tasks.commit()
    index.build(out_dir)
    return out_dir


def _formula_cells(text: str) -> list:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row if cell.startswith(FORMULA_STARTS)]


def test_export_csv_neutralises_formula_cells_and_jsonl_stays_exact(tmp_path):
    run_dir = hostile_run(tmp_path / "run")
    assert main(["export", "--format", "csv", "--out", str(run_dir)]) == 0
    text = (run_dir / "export.csv").read_text(encoding="utf-8-sig")
    assert _formula_cells(text) == []
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["content"] == "'" + HOSTILE_TASKS[0][0]
    assert rows[1]["lead_printed"] == "'=2+5" and rows[4]["content"].startswith("'\t")
    assert rows[0]["document_number"] == "'=07/KH-UBND" and rows[0]["issuer"] == "'+UBND tỉnh Quảng Trị"
    assert main(["export", "--format", "jsonl", "--out", str(run_dir)]) == 0
    exact = [json.loads(line) for line in (run_dir / "export.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["content"] for r in exact] == [text for text, _ in HOSTILE_TASKS]
    assert exact[1]["lead_printed"] == "=2+5"


def test_search_csv_neutralises_formula_cells(tmp_path, capsys):
    run_dir = hostile_run(tmp_path / "run")
    capsys.readouterr()
    assert main(["search", "", "--out", str(run_dir), "--format", "csv"]) == 0
    text = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(HOSTILE_TASKS)
    assert _formula_cells(text) == []
    assert rows[0]["excerpt"].startswith("'=HYPERLINK") and rows[0]["number"] == "'=07/KH-UBND"
    assert main(["search", "", "--out", str(run_dir), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["number"] == "=07/KH-UBND"


# ------------------------------------------------------------------ a loopback listener

class _Answer(BaseHTTPRequestHandler):
    def _ok(self):
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_HEAD = do_OPTIONS = do_PROPFIND = do_POST = _ok

    def log_message(self, *args):
        pass


class _CountingServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int = 0):
        super().__init__(("127.0.0.1", port), _Answer)
        self.connections = []

    def process_request(self, request, client_address):
        self.connections.append(client_address)  # counted before any byte is read
        super().process_request(request, client_address)


@contextmanager
def listener(seconds: float = 300, port: int = 0):
    """An HTTP server on 127.0.0.1 that counts every connection; it stops by itself after `seconds`."""
    server = _CountingServer(port)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    timer = threading.Timer(seconds, server.shutdown)
    thread.start()
    timer.start()
    try:
        yield server
    finally:
        timer.cancel()
        server.shutdown()
        server.server_close()


# ------------------------------------------------------------------ returned workbooks

PLAN = """ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH
Số: 58/KH-UBND
Hà Tĩnh, ngày 14 tháng 3 năm 2025

KẾ HOẠCH
Phát triển thương mại điện tử trên địa bàn tỉnh năm 2025

I. MỤC TIÊU
Phấn đấu đến năm 2025 có 60% doanh nghiệp nhỏ và vừa tham gia sàn thương mại điện tử.

II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Sở Công Thương chủ trì, phối hợp với Sở Tài chính xây dựng cổng thông tin xúc tiến thương mại, hoàn thành trước ngày 30/9/2025.
2. Sở Nội vụ chủ trì tổ chức đào tạo kỹ năng bán hàng trực tuyến cho cán bộ hợp tác xã trong quý III năm 2025.
3. UBND các huyện, thị xã, thành phố hướng dẫn hộ kinh doanh đăng ký gian hàng trên các sàn giao dịch.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Ngọc Hà
"""


@pytest.fixture(scope="module")
def reviewed_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("security")
    (folder / "in").mkdir()
    (folder / "in" / "ke_hoach_58.txt").write_text(PLAN, encoding="utf-8")
    out = folder / "run"
    assert main(["run", str(folder / "in"), "--out", str(out), "--workers", "1"]) == 0
    return out


def _snapshot(folder) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def _rewrite(workbook, change) -> None:
    """Rewrites every worksheet member of `workbook` with change(name, xml bytes) -> bytes."""
    with zipfile.ZipFile(workbook) as archive:
        members = [(m, archive.read(m)) for m in archive.infolist()]
    with zipfile.ZipFile(workbook, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members:
            if member.filename.startswith("xl/worksheets/sheet"):
                data = change(member.filename, data)
            archive.writestr(member.filename, data)


def _doctype(entities: str, use: str):
    def change(_name, xml):
        head, _, rest = xml.partition(b"?>")
        root = rest.lstrip()
        tag = root[1:root.index(b" ")]
        cell = f'<c r="Z1" t="inlineStr"><is><t>{use}</t></is></c>'.encode()
        body = root.replace(b"<sheetData>", b"<sheetData><row r=\"1\">" + cell + b"</row>", 1) \
            if b"<sheetData>" in root else root
        return head + b"?>\n<!DOCTYPE " + tag + b" [" + entities.encode() + b"]>\n" + body
    return change


def _refused_whole(run_dir, workbook, capsys, *words):
    before = _snapshot(run_dir)
    fixed = run_dir.parent / "fixed"
    capsys.readouterr()
    assert main(["apply-review", str(workbook), "--out", str(fixed), "--run", str(run_dir)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(workbook) in err[0] and "Traceback" not in err[0], err
    for word in words:
        assert word in err[0]
    assert not fixed.exists() and _snapshot(run_dir) == before


BILLION_LAUGHS = '<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))


@pytest.mark.parametrize("entities, use", [
    ('<!ENTITY leak SYSTEM "file:///etc/passwd">', "&leak;"),
    ('<!ENTITY fetch SYSTEM "http://127.0.0.1:{port}/bao-cao.xml">', "&fetch;"),
    (BILLION_LAUGHS, "&lol9;"),
], ids=["file-entity", "http-entity", "billion-laughs"])
def test_workbook_with_a_dtd_is_refused_whole(reviewed_run, tmp_path, capsys, entities, use):
    with listener(60) as server:
        workbook = tmp_path / "review.xlsx"
        workbook.write_bytes((reviewed_run / "review.xlsx").read_bytes())
        _rewrite(workbook, _doctype(entities.replace("{port}", str(server.server_port)), use))
        _refused_whole(reviewed_run, workbook, capsys, "DTD")
        assert server.connections == []


def test_a_sheet_broken_in_the_middle_is_refused_in_one_line(reviewed_run, tmp_path, capsys):
    workbook = tmp_path / "review.xlsx"
    workbook.write_bytes((reviewed_run / "review.xlsx").read_bytes())
    _rewrite(workbook, lambda name, xml: xml.replace(b"</sheetData>", b"<row><c><v>1</sheetData>", 1)
             if name.endswith("sheet3.xml") else xml)
    _refused_whole(reviewed_run, workbook, capsys, "not a readable .xlsx workbook", "ParseError")


def test_zip_bomb_is_refused_by_declared_sizes(reviewed_run, tmp_path, capsys):
    workbook = tmp_path / "review.xlsx"
    workbook.write_bytes((reviewed_run / "review.xlsx").read_bytes())
    row = '<row><c t="inlineStr"><is><t>Sở Công Thương</t></is></c></row>'.encode()
    rows = row * (400 * 2 ** 20 // len(row))  # the sheet inflates to 400 MB

    def bomb(name, xml):
        if not name.endswith("sheet3.xml"):  # Nhiệm vụ
            return xml
        xml = re.sub(rb"<dimension[^>]*/>", b"", xml)  # without it a reader goes through every row
        return xml.replace(b"</sheetData>", rows + b"</sheetData>", 1)
    _rewrite(workbook, bomb)
    del rows
    with zipfile.ZipFile(workbook) as archive:
        assert archive.getinfo("xl/worksheets/sheet3.xml").file_size >= 400 * 2 ** 20 - len(row)
    assert workbook.stat().st_size < 2 * 2 ** 20
    tracemalloc.start()
    started = time.monotonic()
    try:
        _refused_whole(reviewed_run, workbook, capsys, "zip bomb", "MB")
        elapsed, (_now, peak) = time.monotonic() - started, tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < 10 and peak < 50 * 2 ** 20, (elapsed, peak)


def test_rows_that_cannot_be_applied_are_reported_and_exit_2(reviewed_run, tmp_path, capsys):
    tasks = jsonl.read(reviewed_run / "tasks.jsonl")
    assert len(tasks) >= 3
    workbook = tmp_path / "review.xlsx"
    workbook.write_bytes((reviewed_run / "review.xlsx").read_bytes())
    book = openpyxl.load_workbook(workbook)
    sheet = book["Nhiệm vụ"]
    fields = {c.value: c.column for c in sheet[2]}
    by_id = {sheet.cell(row=r, column=fields["task_id"]).value: r for r in range(3, sheet.max_row + 1)}
    fixed_row, formula_row, edited_row = (by_id[t["task_id"]] for t in tasks[:3])
    sheet.cell(row=fixed_row, column=fields["lead_agencies"], value="Sở Khoa học và Công nghệ")
    sheet.cell(row=formula_row, column=fields["review"], value='=IF(TRUE,"Xóa","Đúng")')
    sheet.cell(row=edited_row, column=fields["task_id"], value=tasks[2]["task_id"] + "9")
    sheet.cell(row=edited_row, column=fields["review"], value="Xóa")
    book["Chỉ tiêu"].title = "Chỉ tiêu (đã sửa)"
    book.save(workbook)
    fixed = tmp_path / "fixed"
    capsys.readouterr()
    assert main(["apply-review", str(workbook), "--out", str(fixed), "--run", str(reviewed_run)]) == 2
    err = capsys.readouterr().err
    assert f"Nhiệm vụ row {formula_row}: formula in" in err and "=IF(TRUE" in err
    assert f"Nhiệm vụ row {edited_row}: task_id {tasks[2]['task_id']}9 is not in the run" in err
    assert "refused Chỉ tiêu: sheet not found" in err and "refused Chỉ tiêu (đã sửa): not a sheet" in err
    corrected = jsonl.read(fixed / "tasks.jsonl")
    assert [t["task_id"] for t in corrected] == [t["task_id"] for t in tasks]  # nothing deleted
    assert corrected[0]["lead_agencies"] == ["Sở Khoa học và Công nghệ"]
    assert corrected[1:] == tasks[1:] and jsonl.read(fixed / "targets.jsonl") == jsonl.read(reviewed_run / "targets.jsonl")
    log = json.loads((fixed / "review.json").read_text(encoding="utf-8"))
    assert {(r["sheet"], r["row"]) for r in log["refused"]} == {
        ("Nhiệm vụ", formula_row), ("Nhiệm vụ", edited_row), ("Chỉ tiêu", None), ("Chỉ tiêu (đã sửa)", None)}


def test_workbook_writes_text_that_looks_like_a_formula_as_text(tmp_path):
    run_dir = hostile_run(tmp_path / "run")
    documents, tasks = jsonl.read(run_dir / "documents.jsonl"), jsonl.read(run_dir / "tasks.jsonl")
    excel.write(run_dir / "review.xlsx", documents, tasks, [], [])
    with zipfile.ZipFile(run_dir / "review.xlsx") as archive:
        sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
    assert sheets and not any(b"<f>" in xml or b"<f " in xml for xml in sheets)
    book = openpyxl.load_workbook(run_dir / "review.xlsx", read_only=True)
    texts = [c.value for row in book["Nhiệm vụ"].iter_rows(min_row=3) for c in row if c.data_type == "s"]
    book.close()
    assert HOSTILE_TASKS[0][0] in texts and "=2+5" in texts


def test_an_untouched_workbook_changes_nothing_even_where_a_cell_was_cut(tmp_path, capsys):
    run_dir = hostile_run(tmp_path / "run")
    tasks = jsonl.read(run_dir / "tasks.jsonl")
    tasks[0]["text"] = "Sở Y tế chủ trì kiểm tra an toàn thực phẩm tại các bếp ăn tập thể. " * 400  # > 16,000
    writer = jsonl.JsonlWriter(run_dir / "tasks.jsonl")
    for task in tasks:
        writer.write(task)
    writer.commit()
    jsonl.JsonlWriter(run_dir / "targets.jsonl").commit()
    excel.write(run_dir / "review.xlsx", jsonl.read(run_dir / "documents.jsonl"), tasks, [], [])
    capsys.readouterr()
    assert main(["apply-review", str(run_dir / "review.xlsx"), "--out", str(tmp_path / "fixed")]) == 0
    assert capsys.readouterr().out.startswith("0 confirmed, 0 corrected, 0 deleted")
    assert jsonl.read(tmp_path / "fixed" / "tasks.jsonl") == tasks


# ------------------------------------------------------------------ pages

def test_every_page_carries_a_policy_that_forbids_remote_loads_and_inline_handlers(reviewed_run):
    pages = sorted((reviewed_run / "html").glob("*.html"))
    assert len(pages) == 2  # the document and the index
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', head).group(1)
        rules = dict(rule.strip().split(" ", 1) for rule in policy.split(";"))
        assert rules["default-src"] == "'none'" and "unsafe" not in policy and "http" not in policy
        assert rules["script-src"].startswith("'sha256-") and rules["style-src"].startswith("'sha256-")


def test_in_chromium_injected_markup_neither_loads_nor_runs_and_the_page_script_works(browser, reviewed_run,
                                                                                      tmp_path):
    from selenium.webdriver.common.by import By
    (document,) = jsonl.read(reviewed_run / "documents.jsonl")
    page = (reviewed_run / "html" / f"{document['doc_id']}.html").read_text(encoding="utf-8")
    with listener(120) as server:
        base = f"http://127.0.0.1:{server.server_port}"
        injected = (f'<img src="{base}/anh.png" onerror="document.title=\'chạy\'">'
                    f'<link rel="stylesheet" href="{base}/kieu.css"><script>document.title="chạy"</script>'
                    f'<div id="bam" onclick="document.title=\'chạy\'">Bấm</div>')
        hostile = tmp_path / "trang.html"  # as if escaping had failed on a task text
        hostile.write_text(page.replace("<main>", "<main>" + injected, 1), encoding="utf-8")
        browser.get(hostile.as_uri())
        browser.find_element(By.ID, "bam").click()
        record = browser.find_elements(By.CSS_SELECTOR, "nav a.rec")[-1]
        record.click()
        time.sleep(0.5)
        assert browser.title != "chạy"
        assert "active" in record.get_attribute("class")  # the page's own script runs
        assert server.connections == []


# ------------------------------------------------------------------ LibreOffice and the network

NOTICE = "Giao Sở Tài chính chủ trì, phối hợp với Kho bạc Nhà nước tỉnh thẩm định dự toán kinh phí năm 2026."
needs_libreoffice = pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _odt(path, url: str):
    """A text document whose stamp image is linked from `url`, not embedded."""
    content = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.2"><office:body><office:text><text:p>{NOTICE}</text:p>
<text:p><draw:frame draw:name="con-dau" svg:width="3cm" svg:height="3cm"><draw:image xlink:href="{url}"
 xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/></draw:frame></text:p>
</office:text></office:body></office:document-content>"""
    manifest = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def _linked_document(folder, suffix: str, url: str):
    """A document of the given format that links an image from `url` (nothing listens there yet)."""
    odt = _odt(folder / "thong-bao.odt", url)
    if suffix == ".odt":
        return odt
    if suffix == ".rtf":  # an .rtf as offices get them, HTML inside: LibreOffice reads it by its content
        path = folder / "thong-bao.rtf"
        path.write_text(f'<html><body><p>{NOTICE}</p><img src="{url}" alt="con dấu"></body></html>',
                        encoding="utf-8")
        return path
    made = folder / "made"
    subprocess.run([shutil.which("soffice"), f"-env:UserInstallation={(folder / 'maker').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(made), str(odt)], capture_output=True, timeout=180)
    path = made / "thong-bao.doc"
    assert url.encode() in path.read_bytes()  # Word keeps the link as an INCLUDEPICTURE field
    return path


@needs_libreoffice
@pytest.mark.parametrize("suffix", [".odt", ".doc", ".rtf"])
def test_libreoffice_fetches_nothing_a_document_links_to(tmp_path, suffix):
    port = _free_port()
    path = _linked_document(tmp_path, suffix, f"http://127.0.0.1:{port}/con-dau.png")
    with listener(240, port) as server:
        source = readers.read(path)
        time.sleep(0.5)
    assert "Kho bạc Nhà nước tỉnh" in source.text
    assert server.connections == []


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("unshare"), reason="needs root and unshare")
def test_as_root_the_network_namespace_reaches_no_loopback_listener():
    assert office.sandbox() == (("unshare", "--net"), None)
    with listener(60) as server:
        reach = "import socket, sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])), timeout=5)"
        inside = subprocess.run([*office.sandbox()[0], sys.executable, "-c", reach, str(server.server_port)],
                                capture_output=True, timeout=60)
        outside = subprocess.run([sys.executable, "-c", reach, str(server.server_port)], capture_output=True,
                                 timeout=60)
        time.sleep(0.2)
    assert inside.returncode != 0 and b"Network is unreachable" in inside.stderr
    assert outside.returncode == 0 and len(server.connections) == 1


@needs_libreoffice
def test_without_a_namespace_the_profile_still_blocks_links_and_the_reason_is_stated(tmp_path, monkeypatch):
    """Where unshare is refused (a container without the right), conversion goes on and says why."""
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "unshare").write_text("#!/bin/sh\necho 'unshare: unshare failed: Operation not permitted' >&2\nexit 1\n")
    (tools / "unshare").chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")
    office.sandbox.cache_clear()
    try:
        assert office.sandbox()[0] == () and "Operation not permitted" in office.sandbox()[1]
        port = _free_port()
        path = _odt(tmp_path / "thong-bao.odt", f"http://127.0.0.1:{port}/con-dau.png")
        with listener(240, port) as server:
            source = readers.read(path)
            time.sleep(0.5)
    finally:
        office.sandbox.cache_clear()
    assert "Kho bạc Nhà nước tỉnh" in source.text and server.connections == []
    assert any("without its own network namespace" in w and "Operation not permitted" in w for w in source.warnings)


def _html_page(path, url: str):
    path.write_text(f'<!DOCTYPE html><html><head><link rel="stylesheet" href="{url}/kieu.css">'
                    f'<script src="{url}/ma.js"></script></head><body><p>{NOTICE}</p>'
                    f'<img src="{url}/con-dau.png"><iframe src="{url}/khung.html"></iframe></body></html>',
                    encoding="utf-8")
    return path


def _docx_file(path, url: str):
    """A DOCX whose body declares an external entity and whose image relationship points at `url`."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    document = docx.Document()
    document.add_paragraph(NOTICE)
    document.part.relate_to(f"{url}/con-dau.png", RELATIONSHIP_TYPE.IMAGE, is_external=True)
    document.save(path)
    with zipfile.ZipFile(path) as archive:
        members = [(m.filename, archive.read(m)) for m in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            if name == "word/document.xml":
                head, _, rest = data.partition(b"?>")
                data = head + b'?>\n<!DOCTYPE w:document [<!ENTITY ext SYSTEM "' + url.encode() + b'/ngoai.xml">]>' \
                    + rest.replace(b"</w:t>", b"&ext;</w:t>", 1)
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("make", [_html_page, _docx_file], ids=["html", "docx"])
def test_html_and_docx_readers_fetch_nothing(tmp_path, make):
    with listener(60) as server:
        path = make(tmp_path / ("thong-bao" + (".html" if make is _html_page else ".docx")),
                    f"http://127.0.0.1:{server.server_port}")
        text = readers.read(path).text
        time.sleep(0.2)
    assert "Kho bạc Nhà nước tỉnh" in text and "ngoai" not in text
    assert server.connections == []
