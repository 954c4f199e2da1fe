"""Worker processes that never hang a run.

Each worker holds one file at a time (chunksize 1) and sends its result back
through its own pipe; results come out in input order. A worker that dies (the
OOM killer's SIGKILL, a crash in a C library) costs only the file it held: the
parent sees its pipe close, gives that file a "worker killed by SIGKILL"
result and starts a new worker. (multiprocessing.Pool waits forever on a dead
worker.) Every child of a run dies with the run's process (`child_setup`).
"""
import ctypes
import multiprocessing
import os
import signal
import sys
from multiprocessing.connection import wait

_PR_SET_PDEATHSIG = 1  # prctl option: the signal a child gets when its parent dies
_POLL_SECONDS = 1.0  # how often a waiting child checks that its parent is still there
_closed_in_children = []  # file descriptors a child must not keep (the output folder's lock)


def context():
    return multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")


def close_in_children(fd: int) -> None:
    """`fd` is closed in every child started from now on (the lock dies with the run's process)."""
    _closed_in_children.append(fd)


def forget_in_children(fd: int) -> None:
    _closed_in_children.remove(fd)


def child_setup() -> None:
    """In a child process: die with the parent (SIGKILL from the kernel on Linux), leave Ctrl-C to the
    parent (it stops the children), and let go of what only the parent holds."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before prctl: nobody will send the signal
        os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for fd in _closed_in_children:
        try:
            os.close(fd)
        except OSError:
            pass


def orphaned(parent: int) -> bool:
    """The fallback where the kernel sends no signal: the parent has gone."""
    return os.getppid() != parent


def in_child(function, *args):
    """Target of a child process: `child_setup`, then function(*args)."""
    child_setup()
    return function(*args)


def death_cause(exitcode: int) -> str:
    """'worker killed by SIGKILL' from a process's exit code."""
    if exitcode is not None and exitcode < 0:
        try:
            return f"worker killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"worker killed by signal {-exitcode}"
    return f"worker ended (exit code {exitcode})"


def _serve(connection, function, initializer) -> None:
    """A worker: items in, function(item) out, until None or the parent is gone."""
    parent = os.getppid()
    child_setup()
    initializer()
    while True:
        while not connection.poll(_POLL_SECONDS):
            if orphaned(parent):
                return
        try:
            item = connection.recv()
        except EOFError:
            return
        if item is None:
            return
        connection.send(function(item))


class _Worker:
    def __init__(self, function, initializer):
        self.connection, child_end = context().Pipe()
        self.process = context().Process(target=_serve, args=(child_end, function, initializer), daemon=True)
        self.process.start()
        child_end.close()
        self.index = None  # the position of the item it holds

    def give(self, index: int, item) -> bool:
        """Hands over an item; False if the worker has already gone."""
        try:
            self.connection.send(item)
        except OSError:
            return False
        self.index = index
        return True

    def take(self):
        """(True, result) or (False, None) when the worker died before sending a whole result."""
        try:
            return True, self.connection.recv()
        except Exception:  # EOF or a message cut short by the death
            return False, None

    def bury(self) -> int:
        """Stops the process for good; its exit code."""
        self.connection.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        return self.process.exitcode

    def stop(self) -> None:
        try:
            self.connection.send(None)
        except OSError:
            pass
        self.process.join(5)
        self.bury()


def results(function, items: list, workers: int, lost, initializer=lambda: None):
    """function(item) for each item, in the order of `items`, from `workers` processes started by fork
    (after the caller's warm-up). lost(item, cause) is the result of an item whose worker died."""
    done, next_in, next_out = {}, 0, 0
    idle = [_Worker(function, initializer) for _ in range(min(workers, len(items)))]
    busy = []
    try:
        while next_out < len(items):
            if next_out in done:
                yield done.pop(next_out)
                next_out += 1
                continue
            while idle and next_in < len(items):
                worker = idle.pop()
                if worker.give(next_in, items[next_in]):
                    busy.append(worker)
                    next_in += 1
                else:  # died while idle: holds nothing, replaced
                    worker.bury()
                    idle.append(_Worker(function, initializer))
            ready = set(wait([w.connection for w in busy] + [w.process.sentinel for w in busy]))
            for worker in [w for w in busy if w.connection in ready or w.process.sentinel in ready]:
                busy.remove(worker)
                received, result = worker.take() if worker.connection.poll() else (False, None)
                if received:
                    done[worker.index] = result
                    idle.append(worker)
                else:
                    done[worker.index] = lost(items[worker.index], death_cause(worker.bury()))
                    idle.append(_Worker(function, initializer))
    finally:
        for worker in idle:
            worker.stop()
        for worker in busy:
            worker.bury()
