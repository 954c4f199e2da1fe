# make run: extract from corpus/ into outputs/.  make test: the test suite.
PY := .venv/bin/python
SHARED ?= ../shared
# the package and what it needs to run; then what only the tests need (the dev extra)
STAMP := .venv/.installed
TEST_STAMP := .venv/.installed-dev

.PHONY: run test sysdeps testdeps eval clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv .venv
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(PY) -m pip install -q -e '.[dev,dask]'
	touch $(TEST_STAMP)

run: $(STAMP) sysdeps
	.venv/bin/vnplan run corpus --out outputs

# what the readers need (OCR, LibreOffice Writer for .doc/.rtf/.odt, a Vietnamese font)
sysdeps:
	sh scripts/install-system-deps.sh

# what only the tests need: headless Chromium and its WebDriver (tests/test_html*.py)
testdeps:
	sh scripts/install-browser.sh

test: $(TEST_STAMP) sysdeps testdeps
	.venv/bin/pytest -q

eval: $(STAMP)
	@for set in seeds dev; do \
	  .venv/bin/vnplan run $(SHARED)/corpus/$$set --out outputs/eval/$$set --full > /dev/null || exit 1; \
	  .venv/bin/vnplan evaluate --gold $(SHARED)/gold/$$set --pred outputs/eval/$$set > outputs/eval/$$set/report.txt; \
	done
	@for set in seeds dev; do .venv/bin/vnplan evaluate --gold $(SHARED)/gold/$$set --pred outputs/eval/$$set --brief | sed "s/^/$$set: /"; done

# bench: builds (once, cached in /tmp/vnplan-bench) 2,000+ PDF pages and 400 DOCX/TXT files from corpus/,
# then times pypdfium2 alone, pdfplumber alone and vnplan run with 1 and N workers. BENCH="--txt-docs 10000" adds a big TXT batch.
bench: $(STAMP)
	$(PY) scripts/bench.py $(BENCH)

clean:
	rm -rf outputs/eval outputs/*.jsonl outputs/*.xlsx outputs/run.json
