"""Every record of a real run validates against the JSON Schemas shipped in the package."""
import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from pipeline import batch

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def schema(kind: str) -> dict:
    return json.loads(resources.files("pipeline.schemas").joinpath(f"{kind}.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    texts = sorted((CORPUS / "dev").glob("*.txt"))  # the PDF is slow to read and adds no record kind
    batch.run([CORPUS / "seeds", *texts], out, workers=2, progress=False)
    return out


@pytest.mark.parametrize("kind", ["document", "task", "target"])
def test_every_record_validates(run_dir, kind):
    validator = jsonschema.Draft202012Validator(schema(kind))
    lines = (run_dir / f"{kind}s.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines
    for line in lines:
        record = json.loads(line)
        errors = [e.message for e in validator.iter_errors(record)]
        assert not errors, (record.get("task_id") or record.get("target_id") or record.get("doc_id"), errors)


def test_schemas_reject_broken_records():
    validator = jsonschema.Draft202012Validator(schema("task"))
    broken = {"task_id": "x", "doc_id": "not-an-id", "section": None, "text": "", "lead_agencies": [],
              "coordinating_agencies": [], "deadline": None, "span": {"start": -1, "end": 3},
              "excerpt": "", "source": "a.txt", "evidence": "explicit",
              "agencies": [{"name": "Sở Tư pháp", "role": "chủ trì", "id": None, "canonical": None, "group": False}]}
    messages = " ".join(e.message for e in validator.iter_errors(broken))
    for part in ("not-an-id", "-1", "chủ trì", "should be non-empty"):
        assert part in messages
