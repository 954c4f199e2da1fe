"""An output folder written by one run at a time and changed all at once.

- `locked(DIR)`: DIR/.vnplan.lock held with flock while the run lives (its pid
  and start time inside). A second run into DIR refuses (`Busy`); the kernel
  lets go of the lock of a run that was killed, so the next run takes over.
- A run writes everything (JSONL, workbook, html/, text/, index, run.json)
  into DIR/.staging/ (`begin`). `commit` then moves it into DIR: a journal
  (DIR/.commit, written atomically) names what is moved; each name's previous
  version goes to DIR/.previous/ and the new one takes its place. A run killed
  before the journal leaves the previous outputs whole (its staging folder is
  dropped by the next run); one killed during the moves leaves the journal,
  and the next run finishes the moves (`recover`) before anything else.
The staging folder lies inside the output folder, which is never read as input.
"""
import datetime
import errno
import json
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from pipeline import pool

LOCK, STAGING, PREVIOUS, JOURNAL = ".vnplan.lock", ".staging", ".previous", ".commit"


class Busy(Exception):
    """Another run is writing the output folder."""


@contextmanager
def locked(out_dir: Path):
    """Holds DIR's lock for the block; raises Busy if another run holds it."""
    try:
        import fcntl
    except ImportError:  # Windows: no flock, no lock
        yield
        return
    path = Path(out_dir) / LOCK
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as e:
        holder = os.read(fd, 200).decode("utf-8", "replace").strip()
        os.close(fd)
        if e.errno not in (errno.EAGAIN, errno.EACCES):
            raise
        raise Busy(f"{out_dir}: another run is writing this folder ({holder or 'pid unknown'}); "
                   f"wait for it to end or choose another --out") from None
    started = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    os.ftruncate(fd, 0)
    os.write(fd, f"pid {os.getpid()}, started {started}\n".encode())
    pool.close_in_children(fd)
    try:
        yield
    finally:
        pool.forget_in_children(fd)
        os.ftruncate(fd, 0)
        os.close(fd)  # releases the lock


def begin(out_dir: Path) -> Path:
    """A fresh, empty staging folder for this run (after finishing or dropping what a killed run left)."""
    recover(out_dir)
    stage = Path(out_dir) / STAGING
    stage.mkdir()
    return stage


def recover(out_dir: Path) -> None:
    """Finishes a commit a killed run began, or drops the staging folder of a run killed before it."""
    out_dir = Path(out_dir)
    journal = out_dir / JOURNAL
    if journal.exists():
        _move_in(out_dir, json.loads(journal.read_text(encoding="utf-8")))
    _remove(out_dir / STAGING)
    _remove(out_dir / PREVIOUS)
    journal.unlink(missing_ok=True)
    Path(str(journal) + ".partial").unlink(missing_ok=True)


def commit(out_dir: Path) -> None:
    """Moves everything staged into DIR, replacing the previous versions."""
    out_dir = Path(out_dir)
    names = sorted(os.listdir(out_dir / STAGING))
    journal, partial = out_dir / JOURNAL, out_dir / (JOURNAL + ".partial")
    partial.write_text(json.dumps(names), encoding="utf-8")
    os.replace(partial, journal)  # from here on the commit is done, if need be by the next run
    _move_in(out_dir, names)
    _remove(out_dir / STAGING)
    _remove(out_dir / PREVIOUS)
    journal.unlink()


def abandon(out_dir: Path) -> None:
    """Drops this run's staging folder: the previous outputs stay as they were."""
    _remove(Path(out_dir) / STAGING)


def _move_in(out_dir: Path, names: list) -> None:
    """Each staged name into DIR, its previous version aside; safe to repeat after a kill at any step."""
    stage, previous = out_dir / STAGING, out_dir / PREVIOUS
    previous.mkdir(exist_ok=True)
    for name in names:
        new, current, old = stage / name, out_dir / name, previous / name
        if not os.path.lexists(new):  # moved in already
            continue
        if os.path.lexists(current):
            _remove(old)
            os.rename(current, old)
        os.rename(new, current)


def _remove(path: Path) -> None:
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    elif os.path.lexists(path):
        os.unlink(path)
