"""Command line: vnplan run | evaluate | apply-review | search | export."""
import argparse
import datetime
import os
import sys
from pathlib import Path

from pipeline import __version__, messages


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vnplan", description=__doc__)
    parser.add_argument("--version", action="version", version=f"vnplan {__version__}")
    _add_loudness(parser, False)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="extract documents, tasks and targets from files or folders")
    run.add_argument("inputs", nargs="+", help="files or folders (read recursively)")
    run.add_argument("--out", required=True, type=Path, help="output folder")
    run.add_argument("--workers", type=int, default=0, help="worker processes (default: number of cores)")
    run.add_argument("--engine", choices=["local", "dask"], default="local",
                     help="local: a process pool on this machine (default); dask: a Dask cluster")
    run.add_argument("--scheduler", metavar="ADDRESS",
                     help="with --engine dask: join the cluster at ADDRESS (default: start a LocalCluster of --workers)")
    run.add_argument("--full", action="store_true", help="reprocess every file, not only new or changed ones")
    run.add_argument("--follow-links", action="store_true", help="follow links that lead outside the input folders")
    _add_search_export(commands)
    evaluate = commands.add_parser("evaluate", help="score a run against gold files (FORMAT.md)")
    evaluate.add_argument("--gold", required=True, type=Path)
    evaluate.add_argument("--pred", required=True, type=Path)
    evaluate.add_argument("--json", action="store_true", help="print JSON")
    evaluate.add_argument("--brief", action="store_true", help="print the main metrics on one line")
    review = commands.add_parser("apply-review", help="write corrected records from a reviewed review.xlsx")
    review.add_argument("workbook", type=Path, help="the reviewed review.xlsx")
    review.add_argument("--out", required=True, type=Path, help="folder for the corrected JSONL")
    review.add_argument("--run", type=Path, help="the run's folder (default: the workbook's folder)")
    review.add_argument("--gold", type=Path, help="also write gold files (FORMAT.md) into this folder")
    for command in commands.choices.values():  # -q/-v also after the command's name
        _add_loudness(command, argparse.SUPPRESS)
    return parser


def _add_loudness(parser: argparse.ArgumentParser, default) -> None:
    """-q/--quiet: errors only; -v/--verbose: a line per file too. Messages go to stderr."""
    loudness = parser.add_mutually_exclusive_group()
    loudness.add_argument("-q", "--quiet", action="store_true", default=default, help="print errors only")
    loudness.add_argument("-v", "--verbose", action="store_true", default=default, help="also print a line per file")


def _run(args) -> int:
    from pipeline import batch, staging
    if "-" in args.inputs:
        return _fail("reading from standard input ('-') is not supported: name files or folders (./- for a file named -)")
    if args.out.exists() and not args.out.is_dir():
        return _fail(f"--out {args.out}: is a file, not a folder")
    if args.scheduler and args.engine != "dask":
        return _fail("--scheduler needs --engine dask")
    engine = None
    if args.engine == "dask":
        from pipeline import dask_engine
        if not dask_engine.available():
            return _fail(dask_engine.INSTALL_HINT)
        engine = dask_engine.DaskEngine(args.scheduler, args.workers)
    try:
        summary = batch.run(args.inputs, args.out, workers=args.workers, full=args.full,
                            follow_links=args.follow_links, engine=engine)
    except (batch.OutputError, staging.Busy) as e:
        return _fail(str(e))
    except OSError as e:
        return _fail(f"{e.filename or args.out}: {e.strerror or e}")
    if not summary.inputs and not summary.failed:
        messages.info("warning: no input files found in " + ", ".join(args.inputs))
    else:
        messages.info(summary.line())
    return 2 if summary.failed else 0


def _fail(message: str) -> int:
    print(f"vnplan: {message}", file=sys.stderr)
    return 1


def _add_search_export(commands) -> None:
    search = commands.add_parser("search", help="search the tasks of a run (diacritics and case ignored)")
    search.add_argument("query", nargs="?", default="", help='words that must occur; "quoted phrase" for a phrase')
    search.add_argument("--out", required=True, type=Path, help="the run's output folder")
    search.add_argument("--agency", help="lead or coordinating agency, by any name or abbreviation")
    search.add_argument("--lead", help="lead agency, by any name or abbreviation")
    search.add_argument("--due-before", help="last allowed day on or before this date: YYYY-MM-DD or DD/MM/YYYY")
    search.add_argument("--due-after", help="last allowed day on or after this date: YYYY-MM-DD or DD/MM/YYYY")
    search.add_argument("--doc", help="document number, e.g. 3796/QĐ-UBND")
    search.add_argument("--issuer", help="issuing body (part of its name)")
    search.add_argument("--year", type=int, help="year the document was issued")
    search.add_argument("--limit", type=int, default=50)
    search.add_argument("--format", choices=["table", "json", "csv"], default="table")
    export = commands.add_parser("export", help="write the tasks of a run for a task tracker")
    export.add_argument("--out", required=True, type=Path, help="the run's output folder")
    export.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    export.add_argument("--to", type=Path, help="file to write, - for standard output (default: DIR/export.csv or .jsonl)")
    export.add_argument("--as-of", help="the day status 'Quá hạn' is counted from, YYYY-MM-DD (default: the run's day)")


def _search(args) -> int:
    from pipeline import search
    filters = search.Filters(args.agency, args.lead, args.due_before, args.due_after, args.doc, args.issuer, args.year)
    try:
        results = search.search(args.out, args.query, filters, limit=args.limit)
    except (FileNotFoundError, ValueError) as e:
        messages.error(str(e))
        return 1
    print(search.render(results, args.format))
    return 0


def _export(args) -> int:
    from pipeline import export
    try:
        as_of = datetime.date.fromisoformat(args.as_of) if args.as_of else None
    except ValueError:
        messages.error(f"--as-of {args.as_of!r} is not a date: give YYYY-MM-DD")
        return 1
    try:
        written = export.export(args.out, args.format, args.to, as_of)
    except BrokenPipeError:  # `vnplan export --to - | head`: the reader has all it wanted
        sys.stdout = open(os.devnull, "w")
        return 0
    if str(written) != "-":
        messages.info(f"wrote {written}")
    return 0


def _evaluate(args) -> int:
    from pipeline import evaluate
    return evaluate.run_cli(args.gold, args.pred, as_json=args.json, brief=args.brief)


def _apply_review(args) -> int:
    from pipeline import review
    return review.run_cli(args.workbook, args.out, run_dir=args.run, gold_dir=args.gold)


def main(argv=None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as e:
        return 1 if e.code else 0
    messages.level = messages.QUIET if args.quiet else messages.VERBOSE if args.verbose else messages.NORMAL
    command = {"run": _run, "evaluate": _evaluate, "apply-review": _apply_review,
               "search": _search, "export": _export}[args.command]
    try:
        return command(args)
    except KeyboardInterrupt:
        print("vnplan: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # "vnplan search ... | head": the reader has gone
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error when Python flushes at exit
        return 141


if __name__ == "__main__":
    sys.exit(main())
