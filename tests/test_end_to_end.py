"""End to end: real documents in TXT, DOCX and PDF give documents, tasks and targets."""
import json
from pathlib import Path

import docx

from pipeline.cli import main
from tests.conftest import CORPUS

SEED_TXT = CORPUS / "seeds" / "000_5af79f33ba832511.txt"
DEV_PDF = CORPUS / "dev" / "042_qd-2280-ubnd-ha-noi-kh-chong-ung-ngap-2026.pdf"


def _records(out: Path, name: str) -> list:
    return [json.loads(line) for line in (out / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]


def _run(inputs, out: Path) -> int:
    return main(["run", *map(str, inputs), "--out", str(out), "--workers", "1"])


def _docx_from_text(text: str, path: Path) -> Path:
    document = docx.Document()
    for paragraph in text.split("\n"):
        if paragraph.strip():
            document.add_paragraph(paragraph.strip())
    document.save(path)
    return path


def test_txt_run_writes_every_output_with_provenance(tmp_path):
    out = tmp_path / "out"
    assert _run([SEED_TXT], out) == 0
    for name in ("documents.jsonl", "tasks.jsonl", "targets.jsonl", "problems.jsonl", "review.xlsx", "run.json"):
        assert (out / name).exists(), name
    (document,) = _records(out, "documents")
    assert document["number"] == "145/KH-UBND"
    tasks = _records(out, "tasks")
    assert any(t["lead_agencies"] == ["Sở Tư pháp"] for t in tasks)
    khcn = next(t for t in tasks if t["text"].startswith("Sở Khoa học và Công nghệ chủ trì"))
    assert khcn["coordinating_agencies"] == ["các cơ quan, đơn vị liên quan"]
    text = SEED_TXT.read_text(encoding="utf-8")
    for task in tasks:
        assert task["source"] == str(SEED_TXT)
        assert task["excerpt"] and task["excerpt"] in text  # this seed is already normalised
    assert {t["value"] for t in _records(out, "targets")} == {100.0}


def test_docx_gives_the_same_tasks_as_txt(tmp_path):
    docx_path = _docx_from_text(SEED_TXT.read_text(encoding="utf-8"), tmp_path / "000_seed.docx")
    assert _run([SEED_TXT], tmp_path / "txt") == 0
    assert _run([docx_path], tmp_path / "docx") == 0
    from_txt = [(t["text"], t["lead_agencies"]) for t in _records(tmp_path / "txt", "tasks")]
    from_docx = [(t["text"], t["lead_agencies"]) for t in _records(tmp_path / "docx", "tasks")]
    assert from_docx == from_txt and from_txt


def test_pdf_records_carry_pages(tmp_path):
    out = tmp_path / "out"
    assert _run([DEV_PDF], out) == 0
    (document,) = _records(out, "documents")
    assert document["source"]["format"] == "pdf" and document["source"]["pages"] == 20
    tasks = _records(out, "tasks")
    assert len(tasks) >= 20
    assert all(1 <= t["span"]["page"] <= 20 for t in tasks)
    assert {t["span"]["page"] for t in tasks} != {1}
    leads = {a for t in tasks for a in t["lead_agencies"]}
    assert any(a.startswith("Sở Xây dựng") for a in leads)


def test_ids_are_stable_across_runs(tmp_path):
    assert _run([SEED_TXT], tmp_path / "a") == 0
    assert _run([SEED_TXT], tmp_path / "b") == 0
    ids = [[t["task_id"] for t in _records(tmp_path / run, "tasks")] for run in ("a", "b")]
    assert ids[0] == ids[1] and len(set(ids[0])) == len(ids[0])


def test_bad_files_are_problems_and_the_rest_is_written(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "broken.pdf").write_bytes(DEV_PDF.read_bytes()[:5000])
    (inputs / "notzip.docx").write_text("đây không phải là tệp DOCX", encoding="utf-8")
    (inputs / SEED_TXT.name).write_bytes(SEED_TXT.read_bytes())
    out = tmp_path / "out"
    assert _run([inputs], out) == 2
    problems = {Path(p["path"]).name: p for p in _records(out, "problems") if p["severity"] == "error"}
    assert set(problems) == {"empty.txt", "broken.pdf", "notzip.docx"}
    assert "empty" in problems["empty.txt"]["cause"]
    assert "PDF" in problems["broken.pdf"]["cause"]
    assert "zip" in problems["notzip.docx"]["cause"]
    assert len(_records(out, "documents")) == 1 and _records(out, "tasks")
