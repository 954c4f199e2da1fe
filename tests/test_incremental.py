"""Runs over time: only new or changed files are processed, records of files gone are
dropped, ids of the others stay; an interrupted run leaves the previous outputs usable."""
import json

import pytest

from pipeline import batch

PLAN = """ỦY BAN NHÂN DÂN
TỈNH {province}
Số: {number}/KH-UBND
{province_title}, ngày 12 tháng 3 năm 2025

KẾ HOẠCH
Triển khai nhiệm vụ {topic} năm 2025

III. TỔ CHỨC THỰC HIỆN
1. Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ rà soát văn bản về {topic}, hoàn thành trước ngày 30/6/2025.
2. Sở Tài chính có trách nhiệm bố trí kinh phí thực hiện {topic} theo quy định.
3. Các sở, ban, ngành có trách nhiệm triển khai {topic} trong phạm vi quản lý.
"""
PLANS = {
    "a.txt": ("NGHỆ AN", "Nghệ An", "101", "chuyển đổi số"),
    "b.txt": ("QUẢNG NINH", "Quảng Ninh", "202", "cải cách hành chính"),
    "c.txt": ("THANH HÓA", "Thanh Hóa", "303", "phòng, chống thiên tai"),
}


def write_plan(folder, name):
    upper, title, number, topic = PLANS[name]
    (folder / name).write_text(PLAN.format(province=upper, province_title=title, number=number, topic=topic),
                               encoding="utf-8")


def records(out, kind):
    return [json.loads(line) for line in (out / f"{kind}.jsonl").read_text(encoding="utf-8").splitlines()]


def ids_by_file(out):
    found = {}
    for task in records(out, "tasks"):
        found.setdefault(task["source"].rsplit("/", 1)[-1], []).append(task["task_id"])
    for doc in records(out, "documents"):
        found.setdefault(doc["source"]["path"].rsplit("/", 1)[-1], []).append(doc["doc_id"])
    return found


@pytest.fixture
def counted(monkeypatch):
    """Counts the files actually processed (workers=1 runs them in this process)."""
    seen = []
    real = batch.process_file

    def process_file(path):
        seen.append(path.name)
        return real(path)
    monkeypatch.setattr(batch, "process_file", process_file)
    return seen


def test_rerun_processes_only_new_and_changed_files(tmp_path, counted):
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    write_plan(inputs, "a.txt")
    write_plan(inputs, "b.txt")
    batch.run([inputs], out, workers=1, progress=False)
    before = ids_by_file(out)
    assert sorted(counted) == ["a.txt", "b.txt"] and len(before["a.txt"]) > 1
    (inputs / "b.txt").unlink()
    write_plan(inputs, "c.txt")
    counted.clear()
    summary = batch.run([inputs], out, workers=1, progress=False)
    after = ids_by_file(out)
    assert counted == ["c.txt"]
    assert after["a.txt"] == before["a.txt"]
    assert "b.txt" not in after and len(after["c.txt"]) > 1
    assert summary.documents == 2
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert {e["path"].rsplit("/", 1)[-1]: bool(e.get("unchanged")) for e in run["inputs"]} == {
        "a.txt": True, "c.txt": False}


def test_changed_file_is_reprocessed_and_full_redoes_everything(tmp_path, counted):
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    write_plan(inputs, "a.txt")
    write_plan(inputs, "b.txt")
    batch.run([inputs], out, workers=1, progress=False)
    old_b = ids_by_file(out)["b.txt"]
    with open(inputs / "b.txt", "a", encoding="utf-8") as handle:
        handle.write("4. Công an tỉnh chủ trì bảo đảm an ninh trật tự trong quá trình triển khai.\n")
    counted.clear()
    batch.run([inputs], out, workers=1, progress=False)
    assert counted == ["b.txt"]
    assert ids_by_file(out)["b.txt"] != old_b  # new content, new document id
    counted.clear()
    batch.run([inputs], out, workers=1, progress=False, full=True)
    assert sorted(counted) == ["a.txt", "b.txt"]


def test_interrupted_run_keeps_previous_outputs_then_a_good_run_completes(tmp_path, monkeypatch):
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    write_plan(inputs, "a.txt")
    batch.run([inputs], out, workers=1, progress=False)
    saved = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    write_plan(inputs, "b.txt")
    write_plan(inputs, "c.txt")
    real_take = batch._take

    def take_then_die(*args):
        real_take(*args)
        raise KeyboardInterrupt  # Ctrl-C after the first new document
    monkeypatch.setattr(batch, "_take", take_then_die)
    with pytest.raises(KeyboardInterrupt):
        batch.run([inputs], out, workers=1, progress=False)
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == saved
    (out / ".staging").mkdir()
    (out / ".staging" / "tasks.jsonl.partial").write_text('{"half": ', encoding="utf-8")  # what a SIGKILL leaves behind
    monkeypatch.setattr(batch, "_take", real_take)
    batch.run([inputs], out, workers=1, progress=False)
    assert sorted(ids_by_file(out)) == ["a.txt", "b.txt", "c.txt"]
    assert not list(out.glob("*.partial")) and not (out / ".staging").exists()
    from pipeline.search import search
    assert {r["number"] for r in search(out, "chuyen doi so")} == {"101/KH-UBND"}
