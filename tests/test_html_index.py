"""The index page with thousands of documents: search with or without diacritics, sort by a header,
paging, in headless Chromium; and the source page of each record in a document's side list."""
import time

import pytest

from pipeline.writers import html
from tests.conftest import ROOT
from tests.test_html import browser  # noqa: F401  (the headless Chromium fixture)

PLACES = ["tỉnh Nghệ An", "thành phố Đà Nẵng", "tỉnh Sơn La", "thành phố Hải Phòng", "tỉnh Sóc Trăng"]
SUBJECTS = ["chuyển đổi số trong cơ quan nhà nước", "phòng, chống thiên tai", "cải cách hành chính",
            "phát triển du lịch cộng đồng", "bảo vệ môi trường nông thôn", "sổ hóa hồ sơ địa chính"]


def _documents(n: int) -> list:
    """n document records written for this test, as a run's documents.jsonl holds them."""
    return [{"doc_id": f"d{i:012x}", "number": f"{i + 1}/KH-UBND", "doc_type": "Kế hoạch",
             "issuer": f"UBND {PLACES[i % 5]}", "title": f"Kế hoạch {SUBJECTS[i % 6]} năm 2026",
             "source": {"path": f"/van-ban/kh-{i + 1}.pdf", "pages": 1 + i % 9}} for i in range(n)]


@pytest.fixture(scope="module")
def index_page(tmp_path_factory):
    out = tmp_path_factory.mktemp("index")
    documents = _documents(2000)
    counts = {d["source"]["path"]: ((i * 7) % 31, i % 4) for i, d in enumerate(documents)}
    html.write_index(out, documents, len(documents), counts)
    return out / "html" / "index.html"


def _visible(browser):
    return browser.execute_script("return Array.prototype.map.call(document.querySelectorAll('#docs tbody tr'),"
                                  " function (r) { return r.cells[0].textContent; })")


def test_index_pages_searches_and_sorts_2000_documents(browser, index_page):  # noqa: F811
    from selenium.webdriver.common.by import By
    browser.get(index_page.as_uri())
    assert len(_visible(browser)) == 100
    info = browser.find_element(By.ID, "info")
    assert info.text == "2000 văn bản · trang 1/20"
    browser.find_element(By.ID, "next").click()
    assert _visible(browser)[0] == "101/KH-UBND" and info.text.endswith("trang 2/20")
    box = browser.find_element(By.ID, "q")
    started = time.perf_counter()
    box.send_keys("da nang chuyen doi so")  # thành phố Đà Nẵng, chuyển đổi số: every 30th document
    assert info.text == "67 văn bản · trang 1/1" and time.perf_counter() - started < 2
    assert _visible(browser)[:2] == ["7/KH-UBND", "37/KH-UBND"]
    box.clear()
    box.send_keys("Sổ hóa")  # with diacritics it is folded too: sổ, số and sở alike
    assert info.text.startswith("667 văn bản")
    box.clear()
    box.send_keys(" ")
    tasks_header = browser.find_elements(By.CSS_SELECTOR, "#docs th")[6]  # Nhiệm vụ
    tasks_header.click()
    tasks_header.click()  # descending
    first = browser.execute_script("return document.querySelector('#docs tbody tr').cells[6].textContent")
    assert first == "30" and tasks_header.get_attribute("data-order") == "down"
    browser.set_window_size(1280, 900)
    browser.find_elements(By.CSS_SELECTOR, "#docs th")[0].click()
    shot = ROOT / "outputs" / "html-index-2000.png"
    shot.parent.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(shot))


def test_side_list_gives_the_source_page():
    text = "Sở Y tế chủ trì tổ chức tiêm chủng mở rộng cho trẻ em dưới 5 tuổi."
    task = {"task_id": "d000000000001-t001", "doc_id": "d000000000001", "section": "2", "text": text,
            "lead_agencies": ["Sở Y tế"], "coordinating_agencies": [], "deadline": None, "agencies": [],
            "span": {"start": 0, "end": len(text), "page": 3}, "excerpt": text, "source": "/vb/kh.pdf",
            "evidence": "explicit"}
    document = {"doc_id": "d000000000001", "source": {"path": "/vb/kh.pdf", "pages": 4}, "number": "9/KH-UBND"}
    page = html.document_page(document, text, [task], [])
    assert "mục: 2 · trang: 3" in page
