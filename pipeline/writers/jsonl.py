"""JSON Lines: one record per line, UTF-8, NFC, written to a temporary file and
moved into place only when complete."""
import json
import os
from pathlib import Path

from pipeline.records import to_dict


def dumps(record) -> str:
    data = record if isinstance(record, dict) else to_dict(record)
    return json.dumps(data, ensure_ascii=False, sort_keys=False)


class JsonlWriter:
    """Streams records to DIR/NAME.jsonl.partial; commit() renames it atomically."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.partial = self.path.with_name(self.path.name + ".partial")
        self.handle = open(self.partial, "w", encoding="utf-8")
        self.count = 0

    def write(self, record) -> None:
        self.handle.write(dumps(record) + "\n")
        self.count += 1

    def commit(self) -> None:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        os.replace(self.partial, self.path)

    def abort(self) -> None:
        self.handle.close()
        self.partial.unlink(missing_ok=True)


def read(path: Path) -> list:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def stream(path: Path):
    """The records of a JSONL file one at a time; nothing when the file is missing."""
    if not Path(path).exists():
        return
    with open(path, encoding="utf-8") as handle:
        yield from (json.loads(line) for line in handle if line.strip())


class Records:
    """A JSONL file as a collection that can be iterated several times, one record in memory at a time."""

    def __init__(self, path: Path):
        self.path = Path(path)

    def __iter__(self):
        return stream(self.path)


def append(path: Path, records) -> None:
    """Adds records at the end of a finished JSONL file."""
    with open(path, "a", encoding="utf-8") as handle:
        handle.writelines(dumps(record) + "\n" for record in records)
        handle.flush()
        os.fsync(handle.fileno())


def write_json_atomic(path: Path, data) -> None:
    partial = Path(str(path) + ".partial")
    partial.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(partial, path)
