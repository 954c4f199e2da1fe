"""The Dask engine writes what the local engine writes, record for record, even when a worker is lost."""
import json
import logging
import sys
import threading
import time
from pathlib import Path

import pytest

from pipeline import batch
from pipeline.cli import main

distributed = pytest.importorskip("distributed")
from pipeline.dask_engine import DaskEngine  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
OUTPUTS = ("documents", "tasks", "targets", "problems")


@pytest.fixture(scope="module")
def local_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("local")
    batch.run([CORPUS], out, workers=2, progress=False)
    return out


def _lines(out: Path, name: str) -> list:
    return (out / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()


def _pages(out: Path) -> dict:
    return {p.relative_to(out).as_posix(): p.read_bytes() for folder in ("html", "text") for p in (out / folder).rglob("*")}


def _sheets(out: Path) -> dict:
    import openpyxl
    workbook = openpyxl.load_workbook(out / "review.xlsx", read_only=True)
    return {sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook}


def _assert_same_outputs(out: Path, local: Path) -> None:
    for name in OUTPUTS:
        assert _lines(out, name) == _lines(local, name), name
    assert _pages(out) == _pages(local)
    assert _sheets(out) == _sheets(local)


def test_dask_local_cluster_writes_what_the_local_engine_writes(tmp_path, local_run):
    out = tmp_path / "dask"
    assert main(["run", str(CORPUS), "--out", str(out), "--engine", "dask", "--workers", "2", "-q"]) == 0
    _assert_same_outputs(out, local_run)
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["engine"] == "dask" and run["scheduler"].startswith("tcp://") and run["files_sent_as"] == "paths"
    assert run["counts"]["documents"] == len(_lines(local_run, "documents")) > 10
    assert json.loads((local_run / "run.json").read_text(encoding="utf-8"))["engine"] == "local"


def test_worker_lost_midway_on_a_joined_cluster_costs_nothing(tmp_path, local_run):
    out = tmp_path / "dask"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None,
                                  silence_logs=logging.CRITICAL) as cluster, distributed.Client(cluster) as client:
        killed = []
        killer = threading.Thread(target=_kill_a_busy_worker, args=(client, out, killed), daemon=True)
        killer.start()
        engine = DaskEngine(cluster.scheduler_address, batch_size=1, in_flight=2)
        summary = batch.run([CORPUS], out, progress=False, engine=engine)
        killer.join(5)
    assert killed, "no worker was busy while the run went on"
    assert summary.failed == 0
    _assert_same_outputs(out, local_run)
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["scheduler"] == cluster.scheduler_address and run["files_sent_as"] == "bytes"


def _kill_a_busy_worker(client, out: Path, killed: list) -> None:
    """Once a few documents are written, end the process of a worker that holds a batch (its nanny
    starts a new one): the batch is lost with it and Dask runs it again."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not killed:
        staged = out / ".staging" / "html"  # pages are staged until the run commits
        pages = list(staged.glob("*.html")) if staged.is_dir() else []
        busy = [worker for worker, keys in client.processing().items() if keys]
        if len(pages) >= 3 and busy:
            killed.append(busy[0])
            client.restart_workers(busy[:1], timeout=60)  # its process is ended, then a new one started
        time.sleep(0.02)


def test_dask_engine_without_dask_installed_says_how_to_install(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now fails
    assert main(["run", str(CORPUS), "--out", str(tmp_path / "out"), "--engine", "dask"]) == 1
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and "pip install 'vnplan[dask]'" in error[0]
    assert not (tmp_path / "out" / "documents.jsonl").exists()


def test_files_sent_as_bytes_fail_as_they_fail_locally(tmp_path, monkeypatch):
    """The client sends only files worth reading: one over the size limit is reported, never sent."""
    from pipeline import readers
    monkeypatch.setattr(readers, "MAX_BYTES", 200)  # here only: the workers keep the real limit
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "bao_cao.txt").write_text("BÁO CÁO\nSở Y tế chủ trì rà soát danh mục thuốc thiết yếu.\n", encoding="utf-8")
    (inputs / "trong.txt").write_bytes(b"")
    (inputs / "hong.docx").write_bytes(b"PK\x03\x04 khong phai tep docx")
    (inputs / "ke_hoach_dai.txt").write_text("KẾ HOẠCH\n" + "UBND các xã tổ chức tuyên truyền.\n" * 20, encoding="utf-8")
    (inputs / "ghi_chu.xyz").write_text("Ghi chú nội bộ", encoding="utf-8")
    batch.run([inputs], tmp_path / "local", workers=1, progress=False)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None,
                                  silence_logs=logging.CRITICAL) as cluster:
        batch.run([inputs], tmp_path / "dask", progress=False, engine=DaskEngine(cluster.scheduler_address))
    for name in OUTPUTS:
        assert _lines(tmp_path / "dask", name) == _lines(tmp_path / "local", name), name
    causes = {json.loads(line)["path"].rsplit("/", 1)[1]: json.loads(line)["cause"]
              for line in _lines(tmp_path / "dask", "problems")}
    assert causes["ke_hoach_dai.txt"].startswith("file too large")
    assert {"trong.txt", "hong.docx", "ghi_chu.xyz"} <= set(causes) and "vnplan-" not in "".join(causes.values())
