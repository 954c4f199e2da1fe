"""Command line: vnplan run | evaluate."""
import argparse
import sys
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vnplan", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="extract documents, tasks and targets from files or folders")
    run.add_argument("inputs", nargs="+", help="files or folders (read recursively)")
    run.add_argument("--out", required=True, type=Path, help="output folder")
    run.add_argument("--workers", type=int, default=0, help="worker processes (default: number of cores)")
    evaluate = commands.add_parser("evaluate", help="score a run against gold files (FORMAT.md)")
    evaluate.add_argument("--gold", required=True, type=Path)
    evaluate.add_argument("--pred", required=True, type=Path)
    evaluate.add_argument("--json", action="store_true", help="print JSON")
    evaluate.add_argument("--brief", action="store_true", help="print the main metrics on one line")
    return parser


def _run(args) -> int:
    from pipeline import batch
    summary = batch.run(args.inputs, args.out, workers=args.workers)
    print(summary.line())
    return 2 if summary.failed else 0


def _evaluate(args) -> int:
    from pipeline import evaluate
    return evaluate.run_cli(args.gold, args.pred, as_json=args.json, brief=args.brief)


def main(argv=None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as e:
        return 1 if e.code else 0
    return {"run": _run, "evaluate": _evaluate}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
