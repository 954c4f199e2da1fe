"""Shared paths for tests: the bundled corpus and a copy of the shared gold set."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "data" / "gold"


@pytest.fixture
def seed_path():
    return CORPUS / "seeds" / "000_5af79f33ba832511.txt"
