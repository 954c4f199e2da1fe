# make run: extract from corpus/ into outputs/.  make test: the test suite.
PY := .venv/bin/python
SHARED ?= ../shared
STAMP := .venv/.installed

.PHONY: run test sysdeps eval clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv .venv
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

run: $(STAMP) sysdeps
	.venv/bin/vnplan run corpus --out outputs

sysdeps:
	sh scripts/install-system-deps.sh
	sh scripts/install-browser.sh

test: $(STAMP) sysdeps
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
