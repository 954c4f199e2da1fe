"""Documents per kind, and tasks and targets per document per kind, of a run over a pool of documents.

usage: python scripts/pool_kinds.py POOL_DIR RUN_DIR [--sample N] [--seed S]

RUN_DIR is the output of `vnplan run POOL_DIR --out RUN_DIR`. --sample prints N random
tasks (kind, lead, text) to check by hand against ../shared/gold/FORMAT.md.
"""
import argparse
import collections
import json
import random
from pathlib import Path


def _records(run_dir: Path, name: str) -> list:
    with open(run_dir / name, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _in_pool(documents: list, pool_dir: Path) -> list:
    pool = str(pool_dir.resolve())
    return [d for d in documents if str(Path(d["source"]["path"]).resolve()).startswith(pool)]


def table(documents: list, tasks: list, targets: list) -> list:
    """Rows (kind, documents, tasks, tasks per document, targets, targets per document), most documents first."""
    kind_of = {d["doc_id"]: d.get("kind") or "-" for d in documents}
    docs = collections.Counter(kind_of.values())
    task_count = collections.Counter(kind_of[t["doc_id"]] for t in tasks if t["doc_id"] in kind_of)
    target_count = collections.Counter(kind_of[t["doc_id"]] for t in targets if t["doc_id"] in kind_of)
    rows = [(kind, n, task_count[kind], task_count[kind] / n, target_count[kind], target_count[kind] / n)
            for kind, n in docs.most_common()]
    total = len(documents) or 1
    rows.append(("all", len(documents), sum(task_count.values()), sum(task_count.values()) / total,
                 sum(target_count.values()), sum(target_count.values()) / total))
    return rows


def _carrier(evidence: list) -> str:
    """How an article carries a work document (extractors/kinds.py evidence): reprints, reports, quotes or none."""
    words = {e.split(" ")[0] for e in evidence}
    if "reports" in words:
        return "reprints" if any(e.startswith("full text of ") for e in evidence) else "reports"
    return "quotes" if "quotes" in words else "none"


def carriers(documents: list, tasks: list) -> list:
    """Rows (kind, carrier, documents, tasks) for the news and Q&A articles."""
    articles = {d["doc_id"]: (d["kind"], _carrier(d.get("kind_evidence") or []))
                for d in documents if d.get("kind") in ("news", "qa")}
    docs = collections.Counter(articles.values())
    task_count = collections.Counter(articles[t["doc_id"]] for t in tasks if t["doc_id"] in articles)
    return [(kind, carrier, n, task_count[(kind, carrier)]) for (kind, carrier), n in sorted(docs.items())]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pool_dir", type=Path)
    parser.add_argument("run_dir", type=Path)
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    documents = _in_pool(_records(args.run_dir, "documents.jsonl"), args.pool_dir)
    tasks, targets = _records(args.run_dir, "tasks.jsonl"), _records(args.run_dir, "targets.jsonl")
    print("| kind | documents | tasks | tasks/doc | targets | targets/doc |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind, n, t, tpd, g, gpd in table(documents, tasks, targets):
        print(f"| {kind} | {n} | {t} | {tpd:.2f} | {g} | {gpd:.2f} |")
    print("\n| article | carries a work document | documents | tasks |")
    print("|---|---|---:|---:|")
    for kind, carrier, n, t in carriers(documents, tasks):
        print(f"| {kind} | {carrier} | {n} | {t} |")
    if args.sample:
        kind_of = {d["doc_id"]: d.get("kind") for d in documents}
        pool_tasks = [t for t in tasks if t["doc_id"] in kind_of]
        for task in random.Random(args.seed).sample(pool_tasks, min(args.sample, len(pool_tasks))):
            print(f"\n[{kind_of[task['doc_id']]}] {Path(task['source']).name} lead={task['lead_agencies']}\n"
                  f"  {task['text'][:300]}")


if __name__ == "__main__":
    main()
