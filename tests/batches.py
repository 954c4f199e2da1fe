"""Batches of plans written for the run tests (not from the corpus), real runs in subprocesses, and the
checks that an output folder is whole: its files agree with each other, and no process of a run is left."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DISTRICTS = ["Cam Lộ", "Gio Linh", "Hải Lăng", "Triệu Phong", "Vĩnh Linh", "Đakrông", "Hướng Hóa", "Cồn Cỏ"]
PLAN = """ỦY BAN NHÂN DÂN HUYỆN {district_upper}
Số: {number}/KH-UBND
{district}, ngày {day} tháng 5 năm 2025

KẾ HOẠCH
Thực hiện nhiệm vụ số {number} về cải cách hành chính năm 2025

I. NHIỆM VỤ
1. Phòng Nội vụ chủ trì, phối hợp với Văn phòng HĐND và UBND huyện rà soát thủ tục hành chính
thuộc đợt {number}, hoàn thành trước ngày {day}/9/2025.
2. Phòng Tài chính - Kế hoạch bố trí kinh phí thực hiện đợt {number}, hoàn thành trong Quý III năm 2025.
3. UBND các xã tổ chức tuyên truyền đến người dân về dịch vụ công trực tuyến của đợt {number}.
4. Phấn đấu đến hết năm 2025 có {share}% hồ sơ được tiếp nhận trực tuyến.
"""
OUTPUT_FILES = ("documents.jsonl", "tasks.jsonl", "targets.jsonl", "problems.jsonl", "review.xlsx",
                "index.sqlite", "run.json")


def write_plans(folder: Path, count: int, first: int = 1, repeat: int = 1) -> Path:
    """`count` plans numbered from `first`; `repeat` copies of the task list make each longer."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(first, first + count):
        district = DISTRICTS[number % len(DISTRICTS)]
        text = PLAN.format(district=district, district_upper=district.upper(), number=number,
                           day=1 + number % 28, share=50 + number % 50)
        head, tasks = text.split("I. NHIỆM VỤ\n")
        (folder / f"ke_hoach_{number:03d}.txt").write_text(head + "I. NHIỆM VỤ\n" + tasks * repeat, encoding="utf-8")
    return folder


def start(*args, **kwargs) -> subprocess.Popen:
    """`vnplan ARGS` in its own process group, as a user starts it."""
    return subprocess.Popen([sys.executable, "-m", "pipeline", *map(str, args)], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, **kwargs)


def run(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, **kwargs)


def wait_for(condition, seconds: float = 120) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def _stat(pid: int) -> tuple:
    """(state, parent pid, process group) from /proc, or None once the process is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return fields[0], int(fields[1]), int(fields[2])


def descendants(pid: int) -> set:
    """The pids of every living process below `pid` (from the parent pids in /proc)."""
    parents = {}
    for entry in os.listdir("/proc"):
        stat = _stat(int(entry)) if entry.isdigit() else None
        if stat and stat[0] != "Z":
            parents.setdefault(stat[1], []).append(int(entry))
    found, todo = set(), [pid]
    while todo:
        children = parents.get(todo.pop(), [])
        found.update(children)
        todo.extend(children)
    return found


def alive(pids: set) -> set:
    return {pid for pid in pids if (_stat(pid) or ("Z",))[0] != "Z"}


def kill_run(process: subprocess.Popen, sig=signal.SIGKILL) -> set:
    """Sends `sig` to the run's own process only; the pids of its children that are still alive 10 s later."""
    children = descendants(process.pid)
    process.send_signal(sig)
    process.communicate(timeout=120)
    wait_for(lambda: not alive(children), 10)
    return alive(children)


def snapshot(out: Path) -> dict:
    """Every committed file of an output folder -> its bytes (not the lock, nor a running run's staging)."""
    files = (p.relative_to(out) for p in sorted(out.rglob("*")) if p.is_file())
    return {f.as_posix(): (out / f).read_bytes() for f in files if f.parts[0] not in (".vnplan.lock", ".staging")}


def lines(out: Path, name: str) -> list:
    return [json.loads(line) for line in (out / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]


def index_task_ids(out: Path) -> list:
    with sqlite3.connect(out / "index.sqlite") as db:
        return sorted(row[0] for row in db.execute("SELECT task_id FROM tasks"))


def assert_consistent(out: Path) -> None:
    """The outputs of one run: index rows are the tasks, pages and texts are the documents, run.json counts them."""
    documents, tasks = lines(out, "documents"), lines(out, "tasks")
    assert index_task_ids(out) == sorted(t["task_id"] for t in tasks)
    pages = {p.stem for p in (out / "html").glob("*.html")} - {"index"}
    assert pages == {d["doc_id"] for d in documents} == {p.stem for p in (out / "text").glob("*.txt")}
    counts = json.loads((out / "run.json").read_text(encoding="utf-8"))["counts"]
    assert (counts["documents"], counts["tasks"]) == (len(documents), len(tasks))
    assert counts["problems"] == len(lines(out, "problems"))
    assert not [p.name for p in out.iterdir() if p.name.startswith(".") and p.name != ".vnplan.lock"]
    assert not list(out.rglob("*.partial"))


def records(out: Path) -> dict:
    """The records of a run, each kind sorted, for comparing two runs whatever their order."""
    return {kind: sorted(json.dumps(r, sort_keys=True) for r in lines(out, kind))
            for kind in ("documents", "tasks", "targets", "problems")}
