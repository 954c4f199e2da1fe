# make run: extract from corpus/ into outputs/.  make test: the test suite.
PY := .venv/bin/python
SHARED ?= ../shared
STAMP := .venv/.installed

.PHONY: run test eval clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv .venv
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	.venv/bin/vnplan run corpus --out outputs

test: $(STAMP)
	.venv/bin/pytest -q

eval: $(STAMP)
	@for set in seeds dev; do \
	  .venv/bin/vnplan run $(SHARED)/corpus/$$set --out outputs/eval/$$set > /dev/null || exit 1; \
	  .venv/bin/vnplan evaluate --gold $(SHARED)/gold/$$set --pred outputs/eval/$$set > outputs/eval/$$set/report.txt; \
	done
	@for set in seeds dev; do .venv/bin/vnplan evaluate --gold $(SHARED)/gold/$$set --pred outputs/eval/$$set --brief | sed "s/^/$$set: /"; done

clean:
	rm -rf outputs/eval outputs/*.jsonl outputs/*.xlsx outputs/run.json
