"""Batch runs: the same records in the same order whatever the number of
workers, no progress bar in a pipe, exit code 2 when a file cannot be read."""
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import batch
from pipeline.cli import main
from pipeline.writers import jsonl

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus" / "seeds"
# written for these tests in the style of a provincial plan, not taken from the corpus
OWN_PLAN = """ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ
Số: 52/KH-UBND
Quảng Trị, ngày 14 tháng 3 năm 2025

KẾ HOẠCH
Triển khai chuyển đổi số trong ngành giáo dục năm 2025

II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Thông tin và Truyền thông xây dựng
kho học liệu số dùng chung, hoàn thành trong Quý III năm 2025.
2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch, hoàn thành trước ngày 30/6/2025.
3. Phấn đấu đến năm 2025 có 100% cơ sở giáo dục phổ thông sử dụng học bạ số.
"""


def _inputs(folder: Path) -> Path:
    folder.mkdir()
    for name in ("000_5af79f33ba832511.txt", "001_65619a51212f7d4a.txt", "003_86662d29b18c0e26.txt"):
        shutil.copy(SEEDS / name, folder / name)
    (folder / "own_plan.txt").write_text(OWN_PLAN, encoding="utf-8")
    return folder


def _only_the_lock(out: Path) -> bool:
    return [p.name for p in out.iterdir()] == [".vnplan.lock"]


def _lines(out: Path, name: str) -> list:
    return (out / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()


def test_same_records_in_same_order_with_one_or_two_workers(tmp_path):
    inputs = _inputs(tmp_path / "in")
    for workers in ("1", "2"):
        assert main(["run", str(inputs), "--out", str(tmp_path / workers), "--workers", workers]) == 0
    for name in ("documents", "tasks", "targets", "problems"):
        assert _lines(tmp_path / "1", name) == _lines(tmp_path / "2", name), name
    tasks = [json.loads(line) for line in _lines(tmp_path / "2", "tasks")]
    assert len({t["task_id"] for t in tasks}) == len(tasks) > 0
    sources = [json.loads(line)["source"]["path"] for line in _lines(tmp_path / "2", "documents")]
    assert sources == sorted(sources) and len(sources) == 4


def test_no_progress_bar_in_a_pipe(tmp_path):
    inputs = _inputs(tmp_path / "in")
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", str(inputs), "--out", str(tmp_path / "out"),
                           "--workers", "2"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "\r" not in done.stderr and "pages/s" not in done.stderr
    assert "4 documents" in done.stderr and not done.stdout  # a message, not data


def test_progress_bar_on_request(tmp_path, capsys):
    batch.run([str(_inputs(tmp_path / "in"))], tmp_path / "out", workers=1, progress=True)
    bar = capsys.readouterr().err
    assert "4/4 docs" in bar and "pages/s" in bar and "ETA" in bar


def test_bad_file_mixed_in_gives_exit_code_2_and_keeps_the_rest(tmp_path):
    inputs = _inputs(tmp_path / "in")
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref")
    out = tmp_path / "out"
    assert main(["run", str(inputs), "--out", str(out), "--workers", "2"]) == 2
    assert len(_lines(out, "documents")) == 4
    problems = [json.loads(line) for line in _lines(out, "problems")]
    assert any(p["path"].endswith("broken.pdf") and p["severity"] == "error" for p in problems)
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["counts"]["failed"] == 1


def test_workbook_cut_at_the_row_limit_is_reported_and_jsonl_stays_complete(tmp_path, monkeypatch):
    from pipeline.writers import excel
    monkeypatch.setattr(excel, "MAX_ROWS", excel.HEADER_ROWS + 1)  # room for one record per sheet
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "own_plan.txt").write_text(OWN_PLAN, encoding="utf-8")
    summary = batch.run([tmp_path / "in"], tmp_path / "out", workers=1, progress=False)
    assert summary.tasks == len(_lines(tmp_path / "out", "tasks")) >= 2
    problems = [json.loads(line) for line in _lines(tmp_path / "out", "problems")]
    cut = [p for p in problems if p["stage"] == "write"]
    assert cut and all(p["severity"] == "warning" and "row limit" in p["cause"] for p in cut)
    assert any("Nhiệm vụ" in p["cause"] for p in cut)
    run = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert run["counts"]["problems"] == len(problems) == summary.problems


def test_search_index_built_beside_the_workbook_and_its_failure_reported(tmp_path, monkeypatch):
    from pipeline.writers import index
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "own_plan.txt").write_text(OWN_PLAN, encoding="utf-8")
    batch.run([tmp_path / "in"], tmp_path / "ok", workers=1, progress=False)
    db = sqlite3.connect(tmp_path / "ok" / "index.sqlite")
    lead = db.execute("SELECT lead FROM tasks WHERE text LIKE '%học bạ số%' OR text LIKE '%kho học liệu%'")
    assert "Sở Giáo dục và Đào tạo" in " ".join(row[0] for row in lead)

    def broken(out_dir):
        raise sqlite3.OperationalError("disk I/O error")
    monkeypatch.setattr(index, "build", broken)
    with pytest.raises(RuntimeError, match="index.sqlite"):
        batch.run([tmp_path / "in"], tmp_path / "failed", workers=1, progress=False)
    assert _only_the_lock(tmp_path / "failed")  # nothing of a failed run is committed, nothing staged is left


def test_workbook_filled_during_the_run_matches_one_written_afterwards_and_its_failure_is_reported(
        tmp_path, monkeypatch):
    import openpyxl
    from pipeline.writers import excel
    inputs = _inputs(tmp_path / "in")
    assert main(["run", str(inputs), "--out", str(tmp_path / "out"), "--workers", "2"]) == 0
    out = tmp_path / "out"
    records = [jsonl.Records(out / f"{kind}.jsonl") for kind in ("documents", "tasks", "targets", "problems")]
    excel.write(tmp_path / "afterwards.xlsx", *records)
    during, afterwards = (openpyxl.load_workbook(p) for p in (out / "review.xlsx", tmp_path / "afterwards.xlsx"))
    for name in during.sheetnames:
        assert list(during[name].iter_rows(values_only=True)) == list(afterwards[name].iter_rows(values_only=True))
    assert any("Sở Giáo dục và Đào tạo" in (row[4] or "") for row in during["Nhiệm vụ"].iter_rows(values_only=True))

    def broken(self, document, tasks, targets, problems=()):
        raise OSError("No space left on device")
    monkeypatch.setattr(excel.Workbook, "add_document", broken)
    with pytest.raises(RuntimeError, match="review.xlsx.*No space left"):
        batch.run([inputs], tmp_path / "failed", workers=2, progress=False)
    assert _only_the_lock(tmp_path / "failed")
    assert not list((tmp_path / "failed").glob("review.xlsx*"))


# ---- real batches through the command line (issue 14) -----------------------------------------------
# a second plan written for these tests, in the style of a district plan
OTHER_PLAN = """ỦY BAN NHÂN DÂN HUYỆN ĐẠI LỘC
Số: 118/KH-UBND
Đại Lộc, ngày 02 tháng 4 năm 2025

KẾ HOẠCH
Phòng, chống thiên tai và tìm kiếm cứu nạn năm 2025

1. Phòng Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với UBND các xã rà soát các khu vực
có nguy cơ sạt lở, hoàn thành trước ngày 31/5/2025.
2. Công an huyện bảo đảm an ninh trật tự tại các điểm sơ tán dân trong mùa mưa bão.
"""


def _vnplan(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "pipeline", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=180, **kwargs)


def _records(out: Path, name: str) -> list:
    return [json.loads(line) for line in _lines(out, name)]


def _index_task_ids(out: Path) -> list:
    return sorted(row[0] for row in sqlite3.connect(out / "index.sqlite").execute("SELECT task_id FROM tasks"))


def _plans(folder: Path) -> Path:
    folder.mkdir()
    (folder / "ke_hoach_52.txt").write_text(OWN_PLAN, encoding="utf-8")
    (folder / "ke_hoach_118.txt").write_text(OTHER_PLAN, encoding="utf-8")
    return folder


def _no_traceback(done) -> None:
    assert "Traceback" not in done.stderr, done.stderr


def test_same_content_under_several_paths_is_one_document_and_the_index_holds_tasks_jsonl(tmp_path):
    inputs, out = _plans(tmp_path / "in"), tmp_path / "out"
    shutil.copy(inputs / "ke_hoach_52.txt", inputs / "ke_hoach_52 (1).txt")
    (inputs / "luu").mkdir()
    shutil.copy(inputs / "ke_hoach_52.txt", inputs / "luu" / "ke_hoach_52.txt")
    done = _vnplan("run", inputs, inputs / "ke_hoach_118.txt", "--out", out)  # overlapping inputs too
    assert done.returncode == 0, done.stderr
    documents = _records(out, "documents")
    assert len(documents) == len({d["doc_id"] for d in documents}) == 2
    copy = next(d for d in documents if d["source"]["also_found_at"])
    found = [copy["source"]["path"]] + copy["source"]["also_found_at"]
    assert sorted(Path(p).relative_to(inputs).as_posix() for p in found) == [
        "ke_hoach_52 (1).txt", "ke_hoach_52.txt", "luu/ke_hoach_52.txt"]
    warnings = [p for p in _records(out, "problems") if "same content" in p["cause"]]
    assert len(warnings) == 1 and all(p in warnings[0]["cause"] + warnings[0]["path"] for p in found)
    tasks = [t["task_id"] for t in _records(out, "tasks")]
    assert len(tasks) == len(set(tasks)) > 0 and _index_task_ids(out) == sorted(tasks)
    # an incremental re-run with one more copy and one copy gone
    shutil.copy(inputs / "ke_hoach_118.txt", inputs / "luu" / "ban_sao.txt")
    (inputs / "ke_hoach_52 (1).txt").unlink()
    done = _vnplan("run", inputs, "--out", out)
    assert done.returncode == 0, done.stderr
    documents = _records(out, "documents")
    assert len(documents) == 2
    assert sorted(len(d["source"]["also_found_at"]) for d in documents) == [1, 1]
    assert len([p for p in _records(out, "problems") if "same content" in p["cause"]]) == 2
    tasks = [t["task_id"] for t in _records(out, "tasks")]
    assert len(tasks) == len(set(tasks)) > 0 and _index_task_ids(out) == sorted(tasks)


def test_missing_path_is_a_problem_and_exit_2(tmp_path):
    inputs, out = _plans(tmp_path / "in"), tmp_path / "out"
    done = _vnplan("run", inputs, tmp_path / "khong_co.txt", "--out", out)
    _no_traceback(done)
    assert done.returncode == 2
    problems = [p for p in _records(out, "problems") if p["severity"] == "error"]
    assert [Path(p["path"]).name for p in problems] == ["khong_co.txt"]
    assert len(_records(out, "documents")) == 2


def test_output_folder_inside_an_input_folder_is_never_read(tmp_path):
    inputs = _plans(tmp_path / "in")
    for _ in range(2):
        done = _vnplan("run", inputs, "--out", inputs / "ket_qua")
        assert done.returncode == 0, done.stderr
        sources = [d["source"]["path"] for d in _records(inputs / "ket_qua", "documents")]
        assert sorted(Path(p).name for p in sources) == ["ke_hoach_118.txt", "ke_hoach_52.txt"]


def test_out_naming_a_file_is_a_one_line_error(tmp_path):
    inputs = _plans(tmp_path / "in")
    (tmp_path / "ket_qua.txt").write_text("không phải thư mục", encoding="utf-8")
    done = _vnplan("run", inputs, "--out", tmp_path / "ket_qua.txt")
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1 and "ket_qua.txt" in done.stderr


def test_empty_input_gives_a_one_line_warning(tmp_path):
    (tmp_path / "trong").mkdir()
    done = _vnplan("run", tmp_path / "trong", "--out", tmp_path / "out")
    assert done.returncode == 0
    assert len(done.stderr.strip().splitlines()) == 1 and "no input files" in done.stderr


def test_dash_is_not_read_as_a_file_name(tmp_path):
    done = _vnplan("run", "-", "--out", tmp_path / "out")
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1 and "standard input" in done.stderr


def test_file_name_that_is_not_utf8_is_read(tmp_path):
    inputs = _plans(tmp_path / "in")
    name = os.fsencode(inputs) + "/k\xe8 ho\xb6ch 2025.txt".encode("latin-1")  # cp1258 bytes from a zip
    with open(name, "wb") as handle:
        handle.write(OTHER_PLAN.replace("118/KH", "119/KH").encode("utf-8"))
    done = _vnplan("run", inputs, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    documents = _records(tmp_path / "out", "documents")
    assert len(documents) == 3
    assert any(Path(d["source"]["path"]).name == "k\ufffd ho\ufffdch 2025.txt" and d["number"] == "119/KH-UBND"
               for d in documents)


def test_dangling_and_looping_links_are_problems(tmp_path):
    inputs = _plans(tmp_path / "in")
    os.symlink(inputs / "da_xoa.txt", inputs / "lien_ket_hong.txt")
    os.symlink(inputs / "vong_b.txt", inputs / "vong_a.txt")
    os.symlink(inputs / "vong_a.txt", inputs / "vong_b.txt")
    done = _vnplan("run", inputs, "--out", tmp_path / "out")
    _no_traceback(done)
    assert done.returncode == 2
    causes = {Path(p["path"]).name: p["cause"] for p in _records(tmp_path / "out", "problems")
              if p["severity"] == "error"}
    assert "dangling" in causes["lien_ket_hong.txt"]
    assert "looping" in causes["vong_a.txt"] and "looping" in causes["vong_b.txt"]
    assert len(_records(tmp_path / "out", "documents")) == 2


def test_link_leading_outside_the_inputs_is_followed_only_on_request(tmp_path):
    inputs = _plans(tmp_path / "in")
    (tmp_path / "ngoai").mkdir()
    (tmp_path / "ngoai" / "ke_hoach_119.txt").write_text(OTHER_PLAN.replace("118/KH", "119/KH"), encoding="utf-8")
    os.symlink(tmp_path / "ngoai", inputs / "thu_muc_ngoai")
    os.symlink(tmp_path / "ngoai" / "ke_hoach_119.txt", inputs / "ban_119.txt")
    os.symlink(inputs / "ke_hoach_52.txt", inputs / "ban_52.txt")  # inside: followed, read once
    done = _vnplan("run", inputs, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert len(_records(tmp_path / "out", "documents")) == 2
    warned = {Path(p["path"]).name for p in _records(tmp_path / "out", "problems") if "outside" in p["cause"]}
    assert warned == {"thu_muc_ngoai", "ban_119.txt"}
    done = _vnplan("run", inputs, "--out", tmp_path / "followed", "--follow-links")
    assert done.returncode == 0, done.stderr
    numbers = sorted(d["number"] for d in _records(tmp_path / "followed", "documents"))
    assert numbers == ["118/KH-UBND", "119/KH-UBND", "52/KH-UBND"]


def test_search_into_a_closed_pipe_ends_quietly(tmp_path):
    _vnplan("run", _plans(tmp_path / "in"), "--out", tmp_path / "out")
    reader = subprocess.Popen([sys.executable, "-m", "pipeline", "search", "--out", str(tmp_path / "out"),
                               "--limit", "1000"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    reader.stdout.close()  # like "| head" that has already gone
    stderr = reader.stderr.read().decode()
    reader.wait(timeout=60)
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr, stderr


def test_ctrl_c_stops_the_run_with_one_line_and_exit_130(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(300):  # far more work than 0.5 s on two cores: stopped after 0.5 s
        (inputs / f"ke_hoach_{i}.txt").write_text(OWN_PLAN.replace("52/KH", f"{i}/KH") * 20, encoding="utf-8")
    out = tmp_path / "out"
    run = subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(inputs), "--out", str(out), "--workers", "2"],
                           cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while not (out / ".staging" / "documents.jsonl.partial").exists() and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    run.send_signal(signal.SIGINT)
    _, stderr = run.communicate(timeout=60)
    assert run.returncode == 130, stderr
    assert "Traceback" not in stderr and stderr.strip().splitlines()[-1] == "vnplan: interrupted", stderr
    assert _only_the_lock(out)  # nothing committed, nothing staged left


def test_a_copy_added_later_leaves_the_document_where_it_was(tmp_path):
    inputs, out = _plans(tmp_path / "in"), tmp_path / "out"
    assert _vnplan("run", inputs, "--out", out).returncode == 0
    shutil.copy(inputs / "ke_hoach_52.txt", inputs / "ke_hoach_52 (1).txt")  # sorts before the original
    done = _vnplan("run", inputs, "--out", out)
    assert done.returncode == 0, done.stderr
    document = next(d for d in _records(out, "documents") if d["number"] == "52/KH-UBND")
    assert Path(document["source"]["path"]).name == "ke_hoach_52.txt"
    assert [Path(p).name for p in document["source"]["also_found_at"]] == ["ke_hoach_52 (1).txt"]
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert all(e.get("unchanged") for e in run["inputs"] if e["status"] == "ok")
