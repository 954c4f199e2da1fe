"""A run: walk the inputs, process each file (in worker processes), stream the
records into the output folder's staging folder, record problems, write
run.json, then commit the whole set at once (pipeline/staging.py)."""
import datetime
import hashlib
import json
import multiprocessing
import os
import platform
import queue
import shutil
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import __version__, messages, pool, staging, inputs as input_walk
from pipeline.readers import ReadError, read, supported_suffixes
from pipeline.records import Problem, to_dict
from pipeline.writers import excel, html, index, jsonl

OUTPUTS = ("documents", "tasks", "targets", "problems")
KILL_ON = "VNPLAN_TEST_KILL_ON"  # test only: a worker reading a file whose name holds this kills itself


class OutputError(RuntimeError):
    """Writing an output failed (the message names it); the previous outputs are kept."""


def process_file(path: Path, name: str = None) -> dict:
    """Read and extract one file, shown in records as `name` (default: its path). Never raises:
    failures come back as a problem."""
    from pipeline.process import file_sha256, process
    started = time.perf_counter()
    name = name or input_walk.shown(path)
    _kill_if_asked(name)
    try:
        source = read(path)
        sha256 = file_sha256(path)
    except ReadError as e:
        return {"path": name, "problem": to_dict(Problem(name, "read", str(e)))}
    except Exception as e:  # a reader library failed in a way we did not foresee
        return {"path": name, "problem": to_dict(Problem(name, "read", f"{type(e).__name__}: {e}"))}
    source.path = name
    try:
        doc = process(source, sha256)
    except Exception as e:
        return {"path": name, "sha256": sha256,
                "problem": to_dict(Problem(name, "extract", f"{type(e).__name__}: {e}"))}
    return {
        "path": name, "sha256": sha256, "pages": source.pages, "seconds": time.perf_counter() - started,
        "document": to_dict(doc.document), "tasks": [to_dict(t) for t in doc.tasks],
        "targets": [to_dict(t) for t in doc.targets], "text": doc.text,
        "warnings": [to_dict(Problem(name, "read", w, "warning")) for w in source.warnings]
        + _unresolved(name, doc.tasks),
    }


def _kill_if_asked(name: str) -> None:
    """Test hook: a worker process (never the run's own) dies by SIGKILL, as the OOM killer kills."""
    marker = os.environ.get(KILL_ON)
    if marker and marker in name and multiprocessing.parent_process() is not None:
        os.kill(os.getpid(), signal.SIGKILL)


def _lost(path: Path, cause: str) -> dict:
    """The result of a file whose worker died while reading it."""
    name = input_walk.shown(path)
    return {"path": name, "problem": to_dict(Problem(name, "extract", cause))}


def _unresolved(shown: str, tasks: list) -> list:
    """One warning per agency mention the registry could not resolve (kept as printed in the task)."""
    names = dict.fromkeys(a["name"] for t in tasks for a in t.agencies if not a["id"])
    return [to_dict(Problem(shown, "resolve", f"unresolved agency: {name}", "warning"))
            for name in names]


@dataclass
class RunSummary:
    documents: int = 0
    tasks: int = 0
    targets: int = 0
    problems: int = 0
    failed: int = 0
    pages: int = 0
    seconds: float = 0.0
    inputs: list = field(default_factory=list)
    phases: dict = field(default_factory=dict)  # seconds: extraction, then the workbook, then the index

    def line(self) -> str:
        return (f"{self.documents} documents, {self.tasks} tasks, {self.targets} targets, "
                f"{self.problems} problems in {self.seconds:.1f} s")


def warm_up() -> None:
    """Import the pipeline (compiles its regexes, loads its data) once: in the parent before the
    workers fork, so no worker pays it again, and in each spawned worker where fork is missing."""
    import pdfplumber.table  # noqa: F401
    import pipeline.process  # noqa: F401
    from extractors import registry
    from pipeline.readers import docx, pdf, txt  # noqa: F401
    registry.registry()  # the agency registry, read once


def _results(files: list, workers: int):
    """One result per file, in the order of `files`, from `workers` processes."""
    warm_up()
    if workers <= 1 or len(files) <= 1:
        yield from map(process_file, files)
        return
    yield from pool.results(process_file, files, workers, _lost, warm_up)


class _Progress:
    """One line on a terminal: documents done, pages/s, ETA; redrawn at most 5 times a second."""

    def __init__(self, total: int, enabled: bool):
        self.total, self.enabled, self.done, self.pages = total, enabled, 0, 0
        self.started = self.drawn = time.perf_counter()

    def step(self, pages: int) -> None:
        self.done, self.pages = self.done + 1, self.pages + pages
        now = time.perf_counter()
        if not self.enabled or (now - self.drawn < 0.2 and self.done < self.total):
            return
        self.drawn, elapsed = now, max(now - self.started, 1e-9)
        eta = elapsed * (self.total - self.done) / self.done
        filled = int(30 * self.done / max(self.total, 1))
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total} docs "
                         f"{self.pages / elapsed:.0f} pages/s ETA {eta:.0f}s ")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def run(inputs: list, out_dir: Path, workers: int = 0, progress: bool = None, full: bool = False,
        follow_links: bool = False, engine=None) -> RunSummary:
    """`engine` (default: the local process pool) gives the results, e.g. a dask_engine.DaskEngine.
    Process new or changed files only (by content hash against the previous run.json) unless `full`;
    the records of unchanged files are copied from the previous outputs, those of files gone are dropped.
    Identical content under several paths is read once, from the first path.
    One run at a time per output folder (staging.Busy); every output is staged and committed at the
    end, so a run that fails or is killed leaves the previous outputs whole."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with staging.locked(out_dir):
        stage = staging.begin(out_dir)
        try:
            summary = _staged_run(inputs, out_dir, stage, workers, progress, full, follow_links, engine)
        except BaseException:
            staging.abandon(out_dir)
            raise
        staging.commit(out_dir)
    return summary


def _staged_run(inputs: list, out_dir: Path, stage: Path, workers: int, progress: bool, full: bool,
                follow_links: bool, engine) -> RunSummary:
    """The run, writing into `stage`; the previous outputs in `out_dir` are only read."""
    started = time.perf_counter()
    files, problems = input_walk.collect(inputs, out_dir, follow_links)
    files = [f for f in files if f.suffix.lower() in supported_suffixes()] + \
        [f for f in files if f.suffix.lower() not in supported_suffixes()]
    hashes, previous = _hashes(files), {} if full else _previous_inputs(out_dir)
    files, copies = input_walk.group_by_content(files, hashes, set(previous))
    also_found_at = {input_walk.shown(f): [input_walk.shown(c) for c in others] for f, others in copies.items()}
    problems += [_copies_warning(first, others) for first, others in also_found_at.items()]
    files, kept = _split_unchanged(files, previous, hashes)
    writers = {name: jsonl.JsonlWriter(stage / f"{name}.jsonl") for name in OUTPUTS}
    summary = RunSummary(failed=sum(p.severity == "error" for p in problems))
    bar = _Progress(len(files), sys.stderr.isatty() if progress is None else progress)
    # while the workers extract, the workbook is filled beside them; kept records are in the old
    # outputs kind by kind, so a run that keeps some writes the workbook from the JSONL at the end
    workbook = None if kept else _WorkbookWriter(stage / "review.xlsx")
    try:
        _copy_kept(out_dir, kept, writers, summary, also_found_at)
        for problem in problems:
            _write_problem(to_dict(problem), writers, workbook)
            _report(problem.path, problem.cause)
        results = engine.results(files) if engine else _results(files, workers or os.cpu_count() or 1)
        for result in results:
            if "document" in result:
                result["document"]["source"]["also_found_at"] = also_found_at.get(result["path"], [])
            _take(result, writers, summary, workbook)
            bar.step(result.get("pages") or 0)
        for writer in writers.values():
            writer.commit()
    except BaseException:
        for writer in writers.values():
            writer.abort()
        if workbook:
            workbook.abort()
        raise
    finally:
        bar.close()
    summary.documents, summary.tasks, summary.targets = (writers[n].count for n in ("documents", "tasks", "targets"))
    summary.problems = writers["problems"].count
    summary.inputs += [{"path": copy, "status": "same content", "same_as": first}
                       for first, others in also_found_at.items() for copy in others]
    _finish_outputs(stage, summary, workbook, started)
    jsonl.write_json_atomic(stage / "run.json", _run_record(summary, workers, engine))
    return summary


def _finish_outputs(out_dir: Path, summary: RunSummary, workbook, started: float) -> None:
    """The workbook, the index page and index.sqlite once the JSONL outputs are committed; timings."""
    extracted = time.perf_counter()
    indexing = _start(index.build, out_dir)  # on the other core while the workbook is finished
    try:
        _write_reviews(out_dir, summary, workbook)
    except BaseException:
        indexing[0].kill()  # its output is dropped with the staging folder
        indexing[0].join()
        raise
    reviewed = time.perf_counter()
    _finish(indexing, "index.sqlite")
    summary.seconds = time.perf_counter() - started
    summary.phases = {"extract": round(extracted - started, 3), "workbook_and_pages": round(reviewed - extracted, 3),
                      "index_wait": round(started + summary.seconds - reviewed, 3)}


def _start(function, *args) -> tuple:
    """(process, the end of a pipe it sends its failure through, one line) for function(*args)."""
    failures, child_end = pool.context().Pipe(duplex=False)
    process = pool.context().Process(target=pool.in_child, args=(_reporting, child_end, function, *args))
    process.start()
    child_end.close()
    return process, failures


def _reporting(failures, function, *args) -> None:
    """In a child: function(*args); a failure goes to the parent as one line, not a traceback."""
    try:
        function(*args)
    except Exception as e:
        failures.send(f"{type(e).__name__}: {e}")
        os._exit(1)


def _finish(started: tuple, what: str) -> None:
    process, failures = started
    try:
        failure = failures.recv()  # a line, or the end of the pipe when the child ends
    except EOFError:
        failure = None
    process.join()
    if process.exitcode:
        raise OutputError(f"writing {what} failed: {failure or pool.death_cause(process.exitcode)}")


_ABORT_WAIT = 5  # seconds the workbook process has to end once asked


class _WorkbookWriter:
    """review.xlsx filled in its own process as results arrive, so it shares the cores with the
    workers instead of following them (a thread would hold up the parent's reading of results),
    streamed so memory stays flat. A failure there is raised by `finish`, never lost."""

    def __init__(self, path: Path):
        self.items, self.replies = pool.context().Queue(maxsize=64), pool.context().Queue()
        self.process = pool.context().Process(target=pool.in_child,
                                              args=(_fill_workbook, path, self.items, self.replies, os.getpid()),
                                              daemon=True)
        self.process.start()

    def put(self, kind: str, *records) -> None:
        while True:
            try:
                self.items.put((kind, records), timeout=1)
                return
            except queue.Full:
                if not self.process.is_alive():
                    raise OutputError("writing review.xlsx failed: its process ended") from None

    def finish(self, documents_path: Path) -> list:
        self.put("close", documents_path)
        reply = None
        while reply is None:
            alive = self.process.is_alive()
            try:
                reply = self.replies.get(timeout=1)
            except queue.Empty:
                if not alive:
                    reply = (True, f"its process ended (exit {self.process.exitcode})")
        self.process.join()
        failed, result = reply
        if failed:
            raise OutputError(f"writing review.xlsx failed: {result}")
        return result

    def abort(self) -> None:
        """Stops the workbook process: asked, then killed if it has not ended within _ABORT_WAIT
        (a put cut by Ctrl-C can leave the queue without the message); its staged file is dropped
        anyway. The queue's feeder thread is not waited for at exit."""
        self.items.cancel_join_thread()
        if self.process.is_alive():
            try:
                self.items.put(("abort", ()), timeout=1)
            except queue.Full:
                pass
            self.process.join(_ABORT_WAIT)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def _fill_workbook(path: Path, items, replies, parent: int) -> None:
    """The workbook process: documents and problems in, until ("close", documents.jsonl) or ("abort",).
    A failure is kept and the queue still drained, so the run never waits on a full queue."""
    workbook, error = excel.Workbook(path), None
    kind, records = _next_item(items, parent)
    while kind not in ("close", "abort"):
        if error is None:
            try:
                workbook.add_document(*records) if kind == "document" else workbook.add(kind, *records)
            except Exception as e:
                error = f"{type(e).__name__}: {e}"
        kind, records = _next_item(items, parent)
    if kind == "abort" or error:
        workbook.abort()
        if kind == "close":
            replies.put((True, error))
        return
    try:
        replies.put((False, workbook.close(jsonl.Records(records[0]))))
    except Exception as e:
        replies.put((True, f"{type(e).__name__}: {e}"))


def _next_item(items, parent: int) -> tuple:
    """The next item for the workbook; ("abort",) if the run's process has gone."""
    while True:
        try:
            return items.get(timeout=1)
        except queue.Empty:
            if pool.orphaned(parent):
                return "abort", ()


def _write_reviews(out_dir: Path, summary: RunSummary, workbook: _WorkbookWriter = None) -> None:
    """review.xlsx (filled during the run, or now from the JSONL outputs) and html/index.html (the
    document pages were written as results arrived). Warnings about a workbook cut at Excel's row
    limit go to problems.jsonl."""
    records = [jsonl.Records(out_dir / f"{n}.jsonl") for n in OUTPUTS]
    rows = summary.documents + summary.tasks + summary.targets + summary.problems
    warnings = workbook.finish(out_dir / "documents.jsonl") if workbook else \
        excel.write(out_dir / "review.xlsx", *records, rows=rows)
    if warnings:
        jsonl.append(out_dir / "problems.jsonl", warnings)
        summary.problems += len(warnings)
        for warning in warnings:
            _report(warning["path"], warning["cause"])
    counts = {e["path"]: (e.get("tasks") or 0, e.get("targets") or 0) for e in summary.inputs if e.get("status") == "ok"}
    html.write_index(out_dir, records[0], summary.documents, counts)


def _report(path: str, cause: str) -> None:
    messages.info(f"{path}: {cause}")


def _write_problem(problem: dict, writers: dict, workbook) -> None:
    writers["problems"].write(problem)
    if workbook:
        workbook.put("problems", problem)


def _take(result: dict, writers: dict, summary: RunSummary, workbook: _WorkbookWriter = None) -> None:
    entry = {"path": result["path"], "sha256": result.get("sha256")}
    if "problem" in result:
        _write_problem(result["problem"], writers, workbook)
        _report(result["path"], result["problem"]["cause"])
        summary.failed += 1
        entry["status"] = "failed"
    else:
        writers["documents"].write(result["document"])
        out_dir = writers["documents"].path.parent
        html.write_text(out_dir, result["document"]["doc_id"], result["text"])
        html.write_page(out_dir, result["document"], result["text"], result["tasks"], result["targets"])
        for kind in ("tasks", "targets"):
            for record in result[kind]:
                writers[kind].write(record)
        for warning in result["warnings"]:
            writers["problems"].write(warning)
        if workbook:
            workbook.put("document", result["document"], result["tasks"], result["targets"], result["warnings"])
        summary.pages += result.get("pages") or 0
        entry.update(status="ok", pages=result.get("pages"), seconds=round(result["seconds"], 3),
                     tasks=len(result["tasks"]), targets=len(result["targets"]))
        messages.detail(f"{result['path']}: {entry['tasks']} tasks, {entry['targets']} targets "
                        f"in {entry['seconds']:.2f} s")
    summary.inputs.append(entry)


def _previous_inputs(out_dir: Path) -> dict:
    """path -> run.json entry of the files the previous run read well and whose document is still in the output."""
    try:
        previous_run = json.loads((out_dir / "run.json").read_text(encoding="utf-8"))
        if previous_run.get("code") != code_fingerprint():  # the extractors changed: redo everything
            return {}
        inputs = previous_run["inputs"]
        present = {d["source"]["path"] for d in jsonl.stream(out_dir / "documents.jsonl")}
    except (OSError, ValueError, KeyError):
        return {}
    return {e["path"]: e for e in inputs if e.get("status") == "ok" and e.get("sha256") and e["path"] in present}


def code_fingerprint() -> str:
    """A hash of the package's code and data: records from other code are not reused."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(p for folder in ("pipeline", "extractors") for p in (root / folder).rglob("*")
                       if p.suffix in (".py", ".json")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _hashes(files: list) -> dict:
    """path -> sha256 of each file worth comparing (a supported kind, not empty, readable)."""
    from pipeline.process import file_sha256
    found = {}
    for path in files:
        try:
            if path.suffix.lower() in supported_suffixes() and path.stat().st_size:
                found[path] = file_sha256(path)
        except OSError:
            pass  # reported when the file is read
    return found


def _copies_warning(first: str, others: list) -> Problem:
    return Problem(first, "input", "same content also found at: " + ", ".join(others) + " (read once)", "warning")


def _split_unchanged(files: list, previous: dict, hashes: dict) -> tuple:
    """(files to process, run.json entries of the files unchanged since the previous run)."""
    todo, kept = [], []
    for path in files:
        entry = previous.get(input_walk.shown(path))
        if entry and hashes.get(path) == entry["sha256"]:
            kept.append(entry)
        else:
            todo.append(path)
    return todo, kept


def _record_path(kind: str, record: dict) -> str:
    if kind == "documents":
        return record["source"]["path"]
    return record["path"] if kind == "problems" else record["source"]


def _keep_pages(out_dir: Path, stage: Path, doc_id: str) -> None:
    """A kept document's page and text, from the previous outputs into the staging folder (linked)."""
    for folder, name in (("html", f"{html.safe_id(doc_id)}.html"), ("text", f"{html.safe_id(doc_id)}.txt")):
        old, new = out_dir / folder / name, stage / folder / name
        if old.exists():
            new.parent.mkdir(exist_ok=True)
            try:
                os.link(old, new)
            except OSError:  # no hard links here: a copy
                shutil.copy2(old, new)


def _copy_kept(out_dir: Path, kept: list, writers: dict, summary: RunSummary, also_found_at: dict) -> None:
    """Copy the previous records of unchanged files (and their pages) into the staged outputs; the paths their
    content is also found at and the input problems are those of this run."""
    paths = {entry["path"] for entry in kept}
    for kind in OUTPUTS if paths else ():
        if (out_dir / f"{kind}.jsonl").exists():
            for record in jsonl.stream(out_dir / f"{kind}.jsonl"):
                if _record_path(kind, record) not in paths or kind == "problems" and record["stage"] == "input":
                    continue
                if kind == "documents":
                    record["source"]["also_found_at"] = also_found_at.get(record["source"]["path"], [])
                    _keep_pages(out_dir, writers[kind].path.parent, record["doc_id"])
                writers[kind].write(record)
    for entry in kept:
        summary.pages += entry.get("pages") or 0
        summary.inputs.append(dict(entry, unchanged=True))


def _run_record(summary: RunSummary, workers: int, engine=None) -> dict:
    return {**(engine.describe() if engine else {"engine": "local", "scheduler": None}),
        "version": __version__, "date": datetime.date.today().isoformat(), "code": code_fingerprint(), "python": platform.python_version(), "machine": platform.machine(),
        "workers": workers or os.cpu_count(), "seconds": round(summary.seconds, 3),
        "phases": summary.phases,
        "counts": {"documents": summary.documents, "tasks": summary.tasks, "targets": summary.targets,
                   "problems": summary.problems, "failed": summary.failed, "pages": summary.pages},
        "inputs": summary.inputs,
    }
