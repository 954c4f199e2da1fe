"""Messages for people go to stderr (data goes to stdout). -q keeps errors only; -v adds a line per file."""
import sys

QUIET, NORMAL, VERBOSE = 0, 1, 2
level = NORMAL


def _say(text: str, needed: int) -> None:
    if level >= needed:
        print(f"vnplan: {text}", file=sys.stderr)


def error(text: str) -> None:
    _say(text, QUIET)


def info(text: str) -> None:
    """A summary or a file's problem: shown unless -q."""
    _say(text, NORMAL)


def detail(text: str) -> None:
    """One line per file and the like: shown with -v."""
    _say(text, VERBOSE)
