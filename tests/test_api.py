"""The library (import vnplan) and the command line's manners: --version, -q/-v, messages on
stderr and data on stdout, export to standard output."""
import subprocess

import pandas as pd
import pytest

import vnplan
from pipeline.records import Deadline, Document, Task
from tests.plan_text import ROOT, VNPLAN, cli, write_plan


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    return write_plan(tmp_path_factory.mktemp("plan"))


def test_extract_gives_the_record_objects(plan):
    result = vnplan.extract(plan)
    assert isinstance(result.document, Document) and result.document.number == "88/KH-UBND"
    assert all(isinstance(t, Task) for t in result.tasks) and len(result.tasks) == 5
    first = result.tasks[0]
    assert first.lead_agencies == ["Sở Tài chính"]
    assert first.deadline == Deadline("hoàn thành trong Quý III/2026", "2026-09-30", 2026, "quarter")
    assert result.text[first.span.start:first.span.end] == first.excerpt
    assert [t.deadline.precision for t in result.tasks] == ["quarter", "month", "day", "half_year", "year"]
    assert result.tasks[2].deadline.recurring and result.tasks[2].deadline.date == "2026-12-15"


def test_extract_refuses_an_empty_file(tmp_path):
    (tmp_path / "rong.txt").write_bytes(b"")
    with pytest.raises(vnplan.ReadError, match="empty"):
        vnplan.extract(tmp_path / "rong.txt")


def test_run_then_load_as_dataframes(plan, tmp_path):
    summary = vnplan.run(plan.parent, tmp_path / "out", workers=1)
    assert (summary.documents, summary.tasks, summary.failed) == (1, 5, 0)
    frames = vnplan.load(tmp_path / "out")
    assert isinstance(frames.tasks, pd.DataFrame) and len(frames.documents) == 1 and len(frames.tasks) == 5
    documents, tasks, targets = frames
    assert targets.empty
    assert documents.loc[0, "issue_date"] == pd.Timestamp("2026-03-12")
    month = tasks.set_index("section").loc["I.2"]
    assert (month["deadline.date"], month["deadline.precision"]) == (pd.Timestamp("2026-06-30"), "month")
    assert tasks.groupby("deadline.precision").size().to_dict() == {
        "day": 1, "half_year": 1, "month": 1, "quarter": 1, "year": 1}


def test_version_and_loudness(plan, tmp_path):
    done = cli("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"vnplan {vnplan.__version__}"
    done = cli("run", plan.parent, "--out", tmp_path / "out")
    assert done.returncode == 0 and not done.stdout and "1 documents, 5 tasks" in done.stderr
    done = cli("-q", "run", plan.parent, "--out", tmp_path / "out", "--full")
    assert done.returncode == 0 and not done.stdout and not done.stderr
    done = cli("run", plan.parent, "--out", tmp_path / "out", "--full", "-v")
    assert f"{plan}: 5 tasks, 0 targets" in done.stderr
    assert cli("run", "-q", "-v", plan.parent, "--out", tmp_path / "out").returncode == 1


def test_export_to_standard_output_and_a_closed_pipe(plan, tmp_path):
    assert cli("-q", "run", plan.parent, "--out", tmp_path / "out").returncode == 0
    done = cli("export", "--out", tmp_path / "out", "--to", "-")
    assert done.returncode == 0 and not done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("stt,key,title,") and len(lines) == 6


def test_export_into_a_pipe_closed_early(tmp_path):
    assert cli("-q", "run", ROOT / "corpus", "--out", tmp_path / "out").returncode == 0  # ~1 MB of CSV
    command = " ".join(f"'{a}'" for a in VNPLAN + ["export", "--out", str(tmp_path / "out"), "--to", "-"])
    piped = subprocess.run(f"{command} | head -1", shell=True, cwd=ROOT, capture_output=True, text=True)
    assert piped.stdout.startswith("stt,") and piped.stderr == ""
