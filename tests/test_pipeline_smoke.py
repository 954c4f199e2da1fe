"""End to end on a real seed text: the run writes every output and finds work."""
import json
import shutil
from pathlib import Path

from pipeline.cli import main

SEED = Path(__file__).resolve().parents[1] / "corpus" / "seeds" / "000_5af79f33ba832511.txt"


def test_run_writes_all_outputs(tmp_path):
    shutil.copy(SEED, tmp_path / SEED.name)
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / SEED.name), "--out", str(out), "--workers", "1"]) == 0
    for name in ("documents.jsonl", "tasks.jsonl", "targets.jsonl", "problems.jsonl", "review.xlsx", "run.json"):
        assert (out / name).exists(), name
    tasks = [json.loads(line) for line in (out / "tasks.jsonl").read_text(encoding="utf-8").splitlines()]
    leads = {a for t in tasks for a in t["lead_agencies"]}
    assert "Sở Tư pháp" in leads
    for task in tasks:
        text = (out / "run.json").parent
        assert task["excerpt"], text
