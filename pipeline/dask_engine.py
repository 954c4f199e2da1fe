"""The Dask engine: files are read and extracted on a Dask cluster in batches; the results come back
to the client in the order of the files, so batch.run writes them exactly as with the local engine.

On a LocalCluster the workers share the client's disk and are sent paths; on a cluster joined with
`scheduler` they are sent each file's bytes (they need vnplan installed, not the inputs)."""
import logging
import os
import tempfile
from pathlib import Path

from pipeline import inputs as input_walk
from pipeline.records import Problem, to_dict

INSTALL_HINT = "--engine dask needs Dask: pip install 'vnplan[dask]' (or pip install 'dask[distributed]')"


def available() -> bool:
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


class DaskEngine:
    """Results of `files` from a Dask cluster: a LocalCluster of `workers` processes (one thread
    each), or the cluster at `scheduler`. At most `in_flight` batches of `batch_size` files are
    submitted or waiting to be written at once, so the client's memory stays flat."""

    def __init__(self, scheduler: str = None, workers: int = 0, batch_size: int = 8, in_flight: int = 0,
                 retries: int = 3):
        self.scheduler, self.workers = scheduler, workers or os.cpu_count() or 1
        self.batch_size, self.retries = batch_size, retries
        self.in_flight = in_flight or 2 * self.workers
        self.send_bytes = scheduler is not None
        self.address = scheduler

    def describe(self) -> dict:
        return {"engine": "dask", "scheduler": self.address, "files_sent_as": "bytes" if self.send_bytes else "paths"}

    def results(self, files: list):
        from distributed import Client, LocalCluster
        if self.scheduler:
            with Client(self.scheduler) as client:
                yield from self._stream(client, files)
            return
        with LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=logging.CRITICAL) as cluster, Client(cluster) as client:
            self.address = cluster.scheduler_address
            yield from self._stream(client, files)

    def _stream(self, client, files: list):
        """Submit batches while fewer than `in_flight` are out; yield their results in file order."""
        from distributed import as_completed
        batches = [files[i:i + self.batch_size] for i in range(0, len(files), self.batch_size)]
        done, index, pending, submitted, next_out = {}, {}, as_completed(), 0, 0
        while next_out < len(batches):
            while submitted < len(batches) and submitted - next_out < self.in_flight:
                future = client.submit(process_batch, self._payload(batches[submitted]),
                                       retries=self.retries, pure=False)
                index[future.key] = submitted
                pending.add(future)
                submitted += 1
            while next_out not in done:
                future = next(pending)
                number = index.pop(future.key)
                done[number] = _batch_results(future, batches[number])
                future.release()
            yield from done.pop(next_out)
            next_out += 1

    def _payload(self, batch: list) -> list:
        if not self.send_bytes:
            return [(str(path), input_walk.shown(path), None) for path in batch]
        return [(path.name, input_walk.shown(path), _bytes_or_result(path)) for path in batch]


def _bytes_or_result(path: Path):
    """The file's bytes; or, for a file not worth sending (not a supported kind, empty, too large,
    unreadable), its problem as the local engine reports it, found here at once."""
    from pipeline.batch import process_file
    from pipeline.readers import MAX_BYTES, supported_suffixes
    try:
        if path.suffix.lower() in supported_suffixes() and 0 < path.stat().st_size <= MAX_BYTES:
            return path.read_bytes()
    except OSError:
        pass
    return process_file(path)


def _batch_results(future, batch: list) -> list:
    """The batch's results, or one problem per file when Dask gave up on it (after its retries)."""
    try:
        return future.result()
    except Exception as e:
        cause = f"lost on the Dask cluster: {type(e).__name__}: {e}"
        return [{"path": input_walk.shown(path), "problem": to_dict(Problem(input_walk.shown(path), "extract", cause))}
                for path in batch]


def process_batch(items: list) -> list:
    """On a worker: (path or file name, name shown in records, bytes, a result or None) -> one result each."""
    from pipeline.batch import process_file, warm_up
    warm_up()
    return [_process_item(*item, process_file) for item in items]


def _process_item(path: str, name: str, data, process_file) -> dict:
    if data is None:
        return process_file(Path(path), name)
    if isinstance(data, dict):  # already found on the client
        return data
    with tempfile.TemporaryDirectory(prefix="vnplan-") as folder:
        local = Path(folder) / path  # the same file name, so the reader sees the same suffix
        local.write_bytes(data)
        return process_file(local, name)
