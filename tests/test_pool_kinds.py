"""scripts/pool_kinds.py: how news and Q&A articles carry the work documents they give duties from."""
import importlib.util
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location("pool_kinds", Path(__file__).parent.parent / "scripts" / "pool_kinds.py")
pool_kinds = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(pool_kinds)


def test_articles_are_counted_by_how_they_carry_a_work_document():
    documents = [
        {"doc_id": "a", "kind": "qa", "kind_evidence": ["question title", "full text of Công văn 86",
                                                          "type word Công văn", "reports Công văn 86-CV/VPTU"]},
        {"doc_id": "b", "kind": "qa", "kind_evidence": ["question title", "quotes Kết luận 126-KL/TW"]},
        {"doc_id": "c", "kind": "qa", "kind_evidence": ["question title"]},
        {"doc_id": "d", "kind": "news", "kind_evidence": ["news lead", "reports Kế hoạch 74/KH-UBND"]},
        {"doc_id": "e", "kind": "plan", "kind_evidence": ["type word Kế hoạch"]},
    ]
    tasks = [{"doc_id": "a"}, {"doc_id": "a"}, {"doc_id": "b"}, {"doc_id": "d"}, {"doc_id": "e"}]
    assert pool_kinds.carriers(documents, tasks) == [
        ("news", "reports", 1, 1), ("qa", "none", 1, 0), ("qa", "quotes", 1, 1), ("qa", "reprints", 1, 2)]
