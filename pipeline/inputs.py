"""The files a run reads: files named directly and, below folders, every file
(sorted, hidden names skipped), each real file once.

- The output folder is never read, even inside an input folder.
- A link whose target lies inside an input folder is followed (a file it leads
  to is still read once); a link leading outside them only with follow_links
  (else a warning names it); a dangling or looping link is a problem.
- A name that is not UTF-8 is kept as the OS gave it for reading and shown
  with a replacement character (U+FFFD) in records and messages.
- Identical content under several paths is read once (`group_by_content`).
"""
import errno
import os
from pathlib import Path

from pipeline.records import Problem


def shown(path) -> str:
    """The path as records and messages show it: valid UTF-8, U+FFFD for bytes that are not."""
    return os.fsencode(path).decode("utf-8", "replace")


def collect(inputs: list, out_dir, follow_links: bool = False) -> tuple:
    """(files as Paths, problems) for the command line's inputs."""
    walk = _Walk(out_dir, [p for p in map(str, inputs) if os.path.isdir(p)], follow_links)
    for item in map(Path, inputs):
        walk.add_input(item)
    return walk.files, walk.problems


def group_by_content(files: list, hashes: dict, preferred: set = frozenset()) -> tuple:
    """(one path per content, {that path: [the other paths with the same content]}), in the order
    of `files`. The path read is the first one, or the first one `preferred` (read by the previous
    run, so its records stay where they were). Files without a hash (unreadable) stay apart."""
    groups = {}
    for path in files:
        groups.setdefault(hashes.get(path) or path, []).append(path)
    chosen, others = [], {}
    for paths in groups.values():
        first = next((p for p in paths if shown(p) in preferred), paths[0])
        chosen.append(first)
        if len(paths) > 1:
            others[first] = [p for p in paths if p != first]
    order = {path: i for i, path in enumerate(files)}
    return sorted(chosen, key=order.get), others


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


class _Walk:
    def __init__(self, out_dir, roots: list, follow_links: bool):
        self.out_dir = os.path.realpath(out_dir)
        self.roots = [os.path.realpath(r) for r in roots]
        self.follow_links = follow_links
        self.files, self.problems = [], []
        self.seen_files, self.seen_dirs = set(), set()

    def add_input(self, path: Path) -> None:
        if os.path.islink(path) and not os.path.exists(path):
            self._broken_link(path)
        elif path.is_dir():
            if _inside(os.path.realpath(path), self.out_dir):
                self._warn(path, "the output folder is not read as input")
            self.files.extend(sorted(self._walk(path)))
        elif path.exists():
            self.files.extend(self._file(path))
        else:
            self.problems.append(Problem(shown(path), "input", "no such file or folder"))

    def _walk(self, top: Path):
        """The files below `top` (unsorted); links handled one by one."""
        real = os.path.realpath(top)
        if real in self.seen_dirs or _inside(real, self.out_dir):
            return
        self.seen_dirs.add(real)
        for folder, dirs, names in os.walk(top):
            links = [d for d in dirs if os.path.islink(os.path.join(folder, d))]
            dirs[:] = [d for d in dirs if d not in links
                       and not _inside(os.path.realpath(os.path.join(folder, d)), self.out_dir)]
            for name in names + links:
                path = Path(folder, name)
                if os.path.islink(path):
                    yield from self._link(path)
                elif not name.startswith("."):
                    yield from self._file(path)

    def _link(self, path: Path):
        if not os.path.exists(path):
            self._broken_link(path)
            return
        target = os.path.realpath(path)
        inside = any(_inside(target, root) for root in self.roots)
        if not inside and not self.follow_links:
            self._warn(path, f"link leads outside the input folders, not followed "
                             f"(--follow-links follows it): {shown(target)}")
        elif os.path.isdir(path):
            if not inside:  # a folder inside the input folders is walked anyway
                yield from self._walk(path)
        elif not path.name.startswith("."):
            yield from self._file(path)

    def _file(self, path: Path):
        real = os.path.realpath(path)
        if real not in self.seen_files and not _inside(real, self.out_dir):
            self.seen_files.add(real)
            yield path

    def _broken_link(self, path: Path) -> None:
        try:
            os.stat(path)
            cause = "link cannot be followed"
        except OSError as e:
            cause = "looping link" if e.errno == errno.ELOOP else \
                f"dangling link (its target does not exist: {shown(os.readlink(path))})"
        self.problems.append(Problem(shown(path), "input", cause))

    def _warn(self, path: Path, cause: str) -> None:
        self.problems.append(Problem(shown(path), "input", cause, "warning"))
