"""Real runs in subprocesses: a worker killed by SIGKILL (as the OOM killer kills) costs only its document
and the run goes on with a new worker; one run at a time per output folder, a killed run's lock taken over."""
import json
import os
import signal

from tests.batches import (assert_consistent, kill_run, lines, records, run, snapshot, start, wait_for,
                           write_plans)


def test_a_worker_killed_by_sigkill_costs_only_its_document(tmp_path):
    inputs = write_plans(tmp_path / "in", 12)
    for number in (4, 9):  # two deaths: the worker that replaces the first one can die too
        (inputs / f"ke_hoach_{number:03d}.txt").rename(inputs / f"ke_hoach_{number:03d}_chet.txt")
    env = dict(os.environ, VNPLAN_TEST_KILL_ON="_chet")
    done = run("run", inputs, "--out", tmp_path / "out", "--workers", "2", env=env)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    out = tmp_path / "out"
    lost = [p for p in lines(out, "problems") if p["severity"] == "error"]
    assert sorted(os.path.basename(p["path"]) for p in lost) == ["ke_hoach_004_chet.txt", "ke_hoach_009_chet.txt"]
    assert all(p["cause"] == "worker killed by SIGKILL" for p in lost)
    shown = [os.path.basename(d["source"]["path"]) for d in lines(out, "documents")]
    assert shown == sorted(f"ke_hoach_{n:03d}.txt" for n in range(1, 13) if n not in (4, 9))  # in input order
    assert_consistent(out)
    entries = json.loads((out / "run.json").read_text(encoding="utf-8"))["inputs"]
    assert sum(e["status"] == "failed" for e in entries) == 2 and sum(e["status"] == "ok" for e in entries) == 10
    # the other documents' records are those of a run without the killed files
    for number in (4, 9):
        (inputs / f"ke_hoach_{number:03d}_chet.txt").unlink()
    assert run("run", inputs, "--out", tmp_path / "clean", "--workers", "2").returncode == 0
    expected, got = records(tmp_path / "clean"), records(out)
    assert {k: got[k] for k in ("documents", "tasks", "targets")} == \
        {k: expected[k] for k in ("documents", "tasks", "targets")}


def test_a_second_run_into_the_same_folder_refuses_while_the_first_runs(tmp_path):
    inputs, out = write_plans(tmp_path / "in", 40, repeat=20), tmp_path / "out"
    first = start("run", inputs, "--out", out, "--workers", "2")
    assert wait_for(lambda: any(out.rglob("*.partial")))  # the first run is writing
    before = snapshot(out)
    second = run("run", write_plans(tmp_path / "other", 2), "--out", out, "--workers", "1")
    assert first.poll() is None, "the first run ended too soon to test"
    assert second.returncode == 1
    message = second.stderr.strip().splitlines()
    assert len(message) == 1 and "another run is writing" in message[0] and f"pid {first.pid}" in message[0]
    assert snapshot(out) == before
    _, stderr = first.communicate(timeout=300)
    assert first.returncode == 0, stderr
    assert len(lines(out, "documents")) == 40
    assert_consistent(out)
    assert run("run", inputs, "--out", out).returncode == 0  # released at the end


def test_the_lock_of_a_run_killed_by_sigkill_is_taken_over(tmp_path):
    inputs, out = write_plans(tmp_path / "in", 40, repeat=20), tmp_path / "out"
    killed = start("run", inputs, "--out", out, "--workers", "2")
    assert wait_for(lambda: len(list(out.rglob("*.html"))) >= 3)  # mid-run
    assert f"pid {killed.pid}" in (out / ".vnplan.lock").read_text()
    assert not kill_run(killed, signal.SIGKILL)
    assert killed.returncode == -signal.SIGKILL
    done = run("run", inputs, "--out", out, "--workers", "2")
    assert done.returncode == 0, done.stderr
    assert len(lines(out, "documents")) == 40
    assert_consistent(out)
