"""Search ranks the phrase as typed first, then its words with the same diacritics, then folded
look-alikes; due-date filters read ISO and dd/mm/yyyy and refuse anything else."""
import json

import pytest

from pipeline.search import Filters, due_day, search, tiers
from tests.plan_text import cli, write_plan


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory):
    base = tmp_path_factory.mktemp("ranking")
    write_plan(base / "in")
    done = cli("run", base / "in", "--out", base / "out")
    assert done.returncode == 0, done.stderr
    return base / "out"


def sections(results):
    return [r["section"] for r in results]


def test_typed_diacritics_beat_folded_look_alikes(run_dir):
    results = search(run_dir, "chuyển đổi số")
    assert sections(results) == ["I.3", "I.4", "I.1", "I.5"]  # phrase, same words, folded phrase, folded words
    assert [r["match"] for r in results] == ["phrase", "words", "folded phrase", "folded words"]
    assert "«chuyển đổi số»" in results[0]["excerpt"]


def test_query_without_diacritics_ranks_the_folded_phrase_first(run_dir):
    results = search(run_dir, "chuyen doi so")
    assert sorted(sections(results[:2])) == ["I.1", "I.3"]  # both spell "chuyen doi so" once folded
    assert sections(results[2:]) and set(sections(results[2:])) <= {"I.4", "I.5"}


def test_tiers_skip_exact_tables_for_a_folded_query():
    assert [t[2] for t in tiers("chuyen doi so")] == ["folded phrase", "folded words"]
    assert [t[2] for t in tiers("Sở")] == ["words", "folded words"]  # one word: no phrase tier
    assert [t[2] for t in tiers('"chuyển đổi số"')] == ["words", "folded words"]


def test_cli_search_ranks_and_filters_by_day(run_dir):
    done = cli("search", "chuyển đổi số", "--out", run_dir, "--format", "json", "--due-before", "30/06/2026")
    assert done.returncode == 0, done.stderr
    assert sections(json.loads(done.stdout)) == ["I.4"]  # I.3 is due 15/12, I.1 on 30/9, I.5 on 31/12
    done = cli("search", "--out", run_dir, "--format", "json", "--due-after", "2026-07-01",
               "--due-before", "2026-09-30")
    assert sections(json.loads(done.stdout)) == ["I.1"]  # Quý III/2026 allows up to 30/9


@pytest.mark.parametrize("value", ["bad", "2026", "31/02/2026", "2026/06/30"])
def test_cli_refuses_a_due_date_it_cannot_read(run_dir, value):
    done = cli("search", "--out", run_dir, "--due-before", value)
    assert done.returncode == 1
    assert "--due-before" in done.stderr and repr(value) in done.stderr and not done.stdout.strip()


def test_due_day_reads_two_formats():
    assert due_day("31/12/2025") == due_day("2025-12-31") == "2025-12-31"
    assert due_day("1/7/2026") == "2026-07-01"
    with pytest.raises(ValueError, match="ambiguous"):
        due_day("2025")


def test_api_search_refuses_a_bad_due_date(run_dir):
    with pytest.raises(ValueError, match="not a date"):
        search(run_dir, filters=Filters(due_after="mai"))
