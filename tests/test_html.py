"""A page per document: highlighted text, a side list, escaping, and a real
click in headless Chromium that scrolls to the record."""
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.writers import html, jsonl
from tests.conftest import CORPUS, ROOT

SEED = CORPUS / "seeds" / "000_5af79f33ba832511.txt"
SCRIPTED = """ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM
Số: 812/KH-UBND
KẾ HOẠCH
Triển khai ứng dụng công nghệ thông tin năm 2026

1. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính rà soát biên chế các cơ quan hành chính, ghi rõ mã <script>alert("x")</script> trong báo cáo.

2. Phấn đấu 100% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng <b>đúng hạn</b>.
"""
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,800"]


def _run(inputs, out: Path) -> None:
    assert main(["run", *map(str, inputs), "--out", str(out), "--workers", "1"]) == 0


def test_run_writes_a_page_per_document_and_an_index(tmp_path):
    out = tmp_path / "out"
    _run([SEED], out)
    (document,) = jsonl.read(out / "documents.jsonl")
    page = (out / "html" / f"{document['doc_id']}.html").read_text(encoding="utf-8")
    index = (out / "html" / "index.html").read_text(encoding="utf-8")
    assert f'href="{document["doc_id"]}.html"' in index
    assert not re.search(r"(src|href)=\"https?:", page)  # self-contained: nothing fetched
    text = (out / "text" / f"{document['doc_id']}.txt").read_text(encoding="utf-8")
    for task in jsonl.read(out / "tasks.jsonl"):
        assert text[task["span"]["start"]:task["span"]["end"]] == task["excerpt"]
        assert f'id="r-{task["task_id"]}"' in page and f'data-go="{task["task_id"]}"' in page
        for agency in task["lead_agencies"]:
            assert re.search(r'<span class="[^"]*\blead\b[^"]*"[^>]*>' + re.escape(agency) + "<", page), agency
    for target in jsonl.read(out / "targets.jsonl"):
        assert f'data-go="{target["target_id"]}"' in page


# written for these tests in the style of a district plan, not taken from the corpus
DISTRICT_PLAN = """ỦY BAN NHÂN DÂN HUYỆN {name}
Số: {number}/KH-UBND
KẾ HOẠCH
Phòng, chống dịch bệnh trên gia súc, gia cầm năm 2026

1. Phòng Kinh tế chủ trì, phối hợp với Trung tâm Dịch vụ nông nghiệp tổ chức tiêm phòng vắc xin, hoàn thành trước ngày 30/4/2026.
2. Ủy ban nhân dân các xã có trách nhiệm tuyên truyền cho người chăn nuôi về an toàn sinh học.
3. Phấn đấu đến năm 2026 có 80% đàn gia súc được tiêm phòng.
"""


def _write_plans(folder: Path, names: list) -> None:
    folder.mkdir(exist_ok=True)
    for number, name in enumerate(names, 31):
        (folder / f"{name.lower()}.txt").write_text(DISTRICT_PLAN.format(name=name, number=number), encoding="utf-8")


def test_a_page_is_staged_as_soon_as_its_document_is_done_and_committed_only_with_the_run(tmp_path, monkeypatch):
    from pipeline import batch
    _write_plans(tmp_path / "in", ["AN", "BINH"])
    real_take = batch._take
    staged = []

    def take_then_stop(*args):
        real_take(*args)
        staged.extend(p.read_text(encoding="utf-8") for p in (tmp_path / "out" / ".staging" / "html").glob("*.html"))
        raise KeyboardInterrupt  # stop after the first document: the end of the run never comes
    monkeypatch.setattr(batch, "_take", take_then_stop)
    with pytest.raises(KeyboardInterrupt):
        batch.run([tmp_path / "in"], tmp_path / "out", workers=1, progress=False)
    assert len(staged) == 1 and "Phòng Kinh tế" in staged[0]
    assert not (tmp_path / "out" / "html").exists() and not (tmp_path / "out" / ".staging").exists()


def test_index_counts_every_document_also_those_kept_from_the_previous_run(tmp_path):
    inputs, out = tmp_path / "in", tmp_path / "out"
    _write_plans(inputs, ["AN", "BINH"])
    _run([inputs], out)
    _write_plans(inputs, ["CHAU"])
    _run([inputs], out)
    index = (out / "html" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Văn bản (3)</h1>" in index
    tasks, targets = jsonl.read(out / "tasks.jsonl"), jsonl.read(out / "targets.jsonl")
    for document in jsonl.read(out / "documents.jsonl"):
        n_tasks = sum(t["doc_id"] == document["doc_id"] for t in tasks)
        n_targets = sum(t["doc_id"] == document["doc_id"] for t in targets)
        assert n_tasks > 0 and n_targets > 0
        row = re.search(rf'href="{document["doc_id"]}.html">{re.escape(document["number"])}</a>.*?</tr>', index)
        assert row and row.group(0).endswith(f'<td data-v="{n_tasks}">{n_tasks}</td>'
                                             f'<td data-v="{n_targets}">{n_targets}</td></tr>')
        assert (out / "html" / f"{document['doc_id']}.html").exists()


def test_markup_in_the_document_is_escaped(tmp_path):
    source = tmp_path / "812_kh.txt"
    source.write_text(SCRIPTED, encoding="utf-8")
    out = tmp_path / "out"
    _run([source], out)
    (document,) = jsonl.read(out / "documents.jsonl")
    page = (out / "html" / f"{document['doc_id']}.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "<b>đúng hạn</b>" not in page and "&lt;b&gt;đúng hạn&lt;/b&gt;" in page
    assert page.count("<script>") == 1  # only the page's own click handler


def test_mentions_inside_a_span_get_their_own_colour():
    text = "Mở đầu.\nSở Y tế chủ trì, phối hợp với UBND các huyện hoàn thành trước ngày 30/6/2026.\nHết."
    start = text.index("Sở Y tế")
    end = text.index(".\nHết") + 1
    task = {"task_id": "d1-t001", "span": {"start": start, "end": end}, "lead_agencies": ["Sở Y tế"],
            "coordinating_agencies": ["UBND các huyện"], "deadline": {"text": "trước ngày 30/6/2026"}}
    rendered = html.render_text(text, [task], [])
    assert rendered.startswith("Mở đầu.\n<span")
    assert '<span class="lead task" data-r="d1-t001" id="r-d1-t001">Sở Y tế</span>' in rendered
    assert '<span class="coord task" data-r="d1-t001">UBND các huyện</span>' in rendered
    assert '<span class="deadline task" data-r="d1-t001">trước ngày 30/6/2026</span>' in rendered
    assert rendered.endswith("</span>\nHết.")
    assert re.sub(r"<[^>]+>", "", rendered) == text


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        subprocess.run(["sh", str(ROOT / "scripts" / "install-browser.sh")], check=True)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in CHROME_FLAGS + [f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    yield driver
    driver.quit()


def test_clicking_a_record_scrolls_to_it_in_chromium(browser, tmp_path):
    from selenium.webdriver.common.by import By
    out = tmp_path / "out"
    _run([SEED], out)
    (document,) = jsonl.read(out / "documents.jsonl")
    browser.get((out / "html" / f"{document['doc_id']}.html").as_uri())
    assert browser.execute_script("return window.scrollY") == 0
    last = browser.find_elements(By.CSS_SELECTOR, "nav a.rec")[-1]
    record_id = last.get_attribute("data-go")
    last.click()
    assert browser.execute_script("return window.scrollY") > 0
    place = browser.find_element(By.ID, f"r-{record_id}")
    assert "current" in place.get_attribute("class") and "active" in last.get_attribute("class")
    top, bottom, height = browser.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return [r.top, r.bottom, window.innerHeight];", place)
    assert 0 <= top and bottom <= height
    shot = ROOT / "outputs" / "html-review.png"
    shot.parent.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(shot))
