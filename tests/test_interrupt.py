"""Real runs stopped from outside: SIGKILL of the run's own process at several moments, SIGINT, a full
disk. The previous outputs stay whole and agree with each other, no process of the run is left, and the
next run gives the records of a clean run."""
import resource
import signal
import sqlite3

import pytest

from tests.batches import (alive, assert_consistent, descendants, index_task_ids, kill_run, lines, records, run,
                           snapshot, start, wait_for, write_plans)


@pytest.fixture
def previous(tmp_path):
    """An output folder holding a finished run of 6 plans; the inputs then grow to 40 longer plans."""
    inputs, out = write_plans(tmp_path / "in", 6), tmp_path / "out"
    assert run("run", inputs, "--out", out).returncode == 0
    write_plans(inputs, 40, repeat=20)
    return inputs, out, snapshot(out)


def _staged(out, name):
    return lambda: (out / ".staging" / name).exists()


MOMENTS = {
    "early": lambda out: _staged(out, "documents.jsonl.partial")(),
    "mid": lambda out: len(list((out / ".staging" / "html").glob("*.html"))) >= 20,
    "finishing": lambda out: _staged(out, "run.json")() or _staged(out, "index.sqlite")(),
}


@pytest.mark.parametrize("moment", sorted(MOMENTS))
def test_a_run_killed_by_sigkill_leaves_the_previous_outputs_whole(previous, tmp_path, moment):
    inputs, out, before = previous
    killed = start("run", inputs, "--out", out, "--workers", "2", "--full")
    if not wait_for(lambda: MOMENTS[moment](out) or killed.poll() is not None):
        pytest.fail(f"the run never reached the {moment} moment")
    if killed.poll() is not None:
        pytest.skip(f"the run ended before it could be killed {moment}")
    assert not kill_run(killed, signal.SIGKILL), "a process of the killed run is still alive"
    after = snapshot(out)
    assert after == before or _committed_in_full(out), "the outputs are neither the old set nor the new"
    assert_consistent_unless_half_committed(out)
    again = run("run", inputs, "--out", out, "--workers", "2", "--full")
    assert again.returncode == 0, again.stderr
    assert_consistent(out)
    assert run("run", inputs, "--out", tmp_path / "clean", "--full").returncode == 0
    assert records(out) == records(tmp_path / "clean")


def _committed_in_full(out) -> bool:
    """A kill after the commit's journal: the new set is there once the next run finishes the moves."""
    return (out / ".commit").exists() or len(lines(out, "documents")) == 40


def assert_consistent_unless_half_committed(out) -> None:
    if not (out / ".commit").exists():
        assert len(lines(out, "tasks")) == len(index_task_ids(out))
        assert {p.stem for p in (out / "html").glob("*.html")} - {"index"} == \
            {d["doc_id"] for d in lines(out, "documents")}


def test_ctrl_c_exits_130_with_one_line_and_keeps_the_previous_outputs(previous):
    inputs, out, before = previous
    stopped = start("run", inputs, "--out", out, "--workers", "2", "--full")
    assert wait_for(lambda: MOMENTS["mid"](out))
    children = descendants(stopped.pid)
    stopped.send_signal(signal.SIGINT)
    _, stderr = stopped.communicate(timeout=120)
    assert stopped.returncode == 130
    assert len(stderr.strip().splitlines()) == 1 and "Traceback" not in stderr
    assert wait_for(lambda: not alive(children), 10)
    assert snapshot(out) == before
    assert_consistent(out)


def _small_files():
    """In the run's process: files larger than 64 KiB cannot be written (as on a full disk)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))


def test_a_full_disk_gives_one_line_naming_the_file_and_keeps_the_previous_outputs(previous):
    inputs, out, before = previous
    full = run("run", inputs, "--out", out, "--workers", "2", "--full", preexec_fn=_small_files)
    assert full.returncode == 1, full.stderr
    message = full.stderr.strip().splitlines()
    assert len(message) == 1 and "Traceback" not in full.stderr, full.stderr
    assert str(out) in message[0] and "File too large" in message[0]
    assert snapshot(out) == before
    assert_consistent(out)


def test_the_index_holds_the_tasks_after_full_incremental_interrupted_and_duplicate_runs(tmp_path):
    inputs, out = write_plans(tmp_path / "in", 8), tmp_path / "out"
    assert run("run", inputs, "--out", out).returncode == 0  # full
    assert_consistent(out)
    write_plans(inputs, 3, first=20)
    (inputs / "ke_hoach_001.txt").unlink()
    assert run("run", inputs, "--out", out).returncode == 0  # incremental: 3 new, 1 gone
    assert index_task_ids(out) == sorted(t["task_id"] for t in lines(out, "tasks"))
    write_plans(inputs, 30, first=40, repeat=20)
    killed = start("run", inputs, "--out", out, "--workers", "2")
    assert wait_for(lambda: len(list((out / ".staging" / "html").glob("*.html"))) >= 5)
    kill_run(killed)  # interrupted
    assert index_task_ids(out) == sorted(t["task_id"] for t in lines(out, "tasks"))
    for name in ("ke_hoach_002.txt", "ke_hoach_003.txt"):
        (inputs / f"ban sao {name}").write_bytes((inputs / name).read_bytes())
    assert run("run", inputs, "--out", out, "--workers", "2").returncode == 0  # duplicate-laden
    assert_consistent(out)
    with sqlite3.connect(out / "index.sqlite") as db:
        (rows,) = db.execute("SELECT count(*) FROM tasks").fetchone()
    assert rows == len(lines(out, "tasks")) == len({t["task_id"] for t in lines(out, "tasks")})


def test_an_interrupted_run_never_waits_on_a_workbook_process_that_missed_the_abort(tmp_path):
    """A Ctrl-C that cuts a put can leave the workbook's queue without the abort message:
    abort still ends the process (it is killed after a short wait) and returns."""
    import threading

    from pipeline import batch, pool
    writer = batch._WorkbookWriter(tmp_path / "review.xlsx")
    writer.items = pool.context().Queue()  # nobody reads this one: the process never hears "abort"
    aborting = threading.Thread(target=writer.abort, daemon=True)
    aborting.start()
    aborting.join(60)
    assert not aborting.is_alive() and not writer.process.is_alive()
