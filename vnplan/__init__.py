"""vnplan as a library.

    import vnplan
    result = vnplan.extract("ke-hoach.pdf")   # one file, nothing written
    result.document.number, result.tasks[0].lead_agencies, result.targets[0].value
    summary = vnplan.run(["van-ban/"], "outputs")   # a batch, the same outputs as `vnplan run`
    frames = vnplan.load("outputs")          # pandas DataFrames
    frames.tasks[["section", "deadline.date", "deadline.precision"]]
"""
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from pipeline import __version__
from pipeline.readers import ReadError
from pipeline.records import Document, Problem, Target, Task

__all__ = ["extract", "run", "load", "Result", "Frames", "ReadError", "__version__"]


@dataclass
class Result:
    """What one file gives: the record objects of pipeline.records, and the text their spans index."""
    document: Document
    tasks: list[Task]
    targets: list[Target]
    text: str  # the normalised text: a record's excerpt is text[span.start:span.end]
    warnings: list[Problem] = field(default_factory=list)  # severity "warning"


class Frames(NamedTuple):
    documents: "pandas.DataFrame"
    tasks: "pandas.DataFrame"
    targets: "pandas.DataFrame"


def extract(path) -> Result:
    """Read and extract one file (any format `vnplan run` reads). Raises ReadError when it cannot be read."""
    from pipeline.process import file_sha256, process
    from pipeline.readers import read
    path = Path(path)
    source = read(path)
    doc = process(source, file_sha256(path))
    warnings = [Problem(str(path), "read", w, "warning") for w in source.warnings]
    return Result(doc.document, doc.tasks, doc.targets, doc.text, warnings)


def run(paths, out_dir, workers: int = 0, full: bool = False, progress: bool = False):
    """`vnplan run` from Python: files or folders (a single path or a list) into out_dir; returns the summary
    (documents, tasks, targets, problems, failed counts)."""
    from pipeline import batch
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    return batch.run(paths, Path(out_dir), workers=workers, progress=progress, full=full)


def load(out_dir) -> Frames:
    """A run's documents, tasks and targets as pandas DataFrames, nested fields flattened with dots
    ("deadline.date", "span.start", "source.path"); dates as datetime64."""
    import pandas as pd
    from pipeline.writers import jsonl
    out_dir = Path(out_dir)
    frames = []
    for kind, dates in (("documents", ["issue_date"]), ("tasks", ["deadline.date"]), ("targets", ["deadline.date"])):
        frame = pd.json_normalize(jsonl.read(out_dir / f"{kind}.jsonl"))
        for column in dates:
            if column in frame:
                frame[column] = pd.to_datetime(frame[column], errors="coerce", format="%Y-%m-%d")
        frames.append(frame)
    return Frames(*frames)
