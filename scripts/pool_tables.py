"""Pool report: assignment-table rows with a lead cell against the tasks taken from them.

    .venv/bin/python scripts/pool_tables.py POOL_DIR RUN_DIR [--worst 15]

RUN_DIR is the output of `vnplan run POOL_DIR --out RUN_DIR`. Each file is read and
segmented again; an assignment table is one whose header has a task column and a
lead column (pipeline.tables). A data row with a task cell and a lead cell should
give a task: one with evidence "table" whose span lies inside the row. Also prints
the share of agency mentions in tasks.jsonl (agencies[].id) the registry resolves.
"""
import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline import readers  # noqa: E402
from pipeline import normalize as normalizing  # noqa: E402
from pipeline import segment as segmenting  # noqa: E402


def lead_rows(path: Path) -> tuple:
    """(start, end) of the data rows with a task cell and a lead cell: (in assignment tables, in procedure
    tables, which have the same columns but give no tasks)."""
    text = normalizing.normalize(readers.read(path).text).text
    rows = ([], [])
    for block in segmenting.segment(text):
        table, row = block.table, block.table_row
        if block.kind != "row" or table is None or row.kind != "data":
            continue
        if "task" in table.roles and "lead" in table.roles and table.text(row, "task") and table.text(row, "lead"):
            rows[0 if table.assigns else 1].append((block.start, block.end))
    return rows


def _taken(rows: list, spans: list) -> int:
    return sum(1 for start, end in rows if any(start <= s and e <= end for s, e in spans))


def table_spans(run_dir: Path) -> tuple:
    """{source file name: [(start, end)] of table tasks}, (resolved, all) agency mentions, same for table tasks."""
    spans, mentions, table_mentions = defaultdict(list), [0, 0], [0, 0]
    for line in open(run_dir / "tasks.jsonl", encoding="utf-8"):
        task = json.loads(line)
        table = task.get("evidence") == "table"
        if table:
            spans[Path(task["source"]).name].append((task["span"]["start"], task["span"]["end"]))
        for agency in task.get("agencies") or []:
            for counts in ([mentions, table_mentions] if table else [mentions]):
                counts[0] += agency.get("id") is not None
                counts[1] += 1
    return spans, mentions, table_mentions


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pool_dir", type=Path)
    parser.add_argument("run_dir", type=Path)
    parser.add_argument("--worst", type=int, default=15)
    args = parser.parse_args(argv)
    spans, mentions, table_mentions = table_spans(args.run_dir)
    per_file, procedure = [], [0, 0, 0]  # procedure: files, rows, rows giving a task
    for path in sorted(p for p in args.pool_dir.iterdir() if p.suffix.lower() in readers.supported_suffixes()):
        try:
            rows, steps = lead_rows(path)
        except readers.ReadError:
            continue
        if rows:
            taken = _taken(rows, spans.get(path.name, []))
            per_file.append((len(rows) - taken, len(rows), taken, path.name))
        if steps:
            procedure = [procedure[0] + 1, procedure[1] + len(steps),
                         procedure[2] + _taken(steps, spans.get(path.name, []))]
    total_rows = sum(f[1] for f in per_file)
    total_taken = sum(f[2] for f in per_file)
    print(f"files with assignment tables: {len(per_file)}")
    print(f"rows with a lead cell: {total_rows}  rows giving a task: {total_taken}  "
          f"share: {total_taken / total_rows if total_rows else 0:.3f}")
    print(f"procedure tables (task and lead columns, no tasks wanted): {procedure[0]} files, "
          f"{procedure[1]} rows, {procedure[2]} rows giving a task")
    print(f"table tasks: {sum(len(v) for v in spans.values())}")
    for label, (resolved, count) in (("all tasks", mentions), ("table tasks", table_mentions)):
        print(f"agency mentions resolved by the registry ({label}): {resolved}/{count} = "
              f"{resolved / count if count else 0:.3f}")
    print("worst files (rows without a task / rows with a lead cell):")
    for missing, rows, _given, name in sorted(per_file, reverse=True)[:args.worst]:
        if missing:
            print(f"  {missing:4d} / {rows:4d}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
