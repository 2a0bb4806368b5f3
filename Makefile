# The two commands in the README. Both set everything up from nothing (scripts/bootstrap).
.PHONY: serve test check lint

# Build the site into site/ and serve it on http://127.0.0.1:8000/
serve:
	scripts/bootstrap
	.venv/bin/python build.py --serve

# Every test: the checks below, then the engine, the command line, the build, and the site in a
# real Chromium, on every core (pytest-xdist; the site is built once for all of them). A core
# that runs out of tests takes some of the other's (worksteal), so neither waits at the end.
test:
	scripts/bootstrap --browser
	$(MAKE) --no-print-directory lint
	.venv/bin/python -m pytest -n auto --dist worksteal

# The fast checks, for before a commit: lint, formatting, and types (Python and JavaScript).
check:
	scripts/bootstrap
	$(MAKE) --no-print-directory lint

# They run side by side; each one's output is printed whole once it ends, and any failure fails
# the whole.
LINTS := lint-ruff lint-mypy lint-js-page lint-js-worker lint-js-sw
.PHONY: $(LINTS)

lint:
	$(MAKE) --no-print-directory --jobs=$(words $(LINTS)) --output-sync=target $(LINTS)

lint-ruff:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

lint-mypy:
	.venv/bin/mypy

lint-js-page lint-js-worker lint-js-sw:
	node_modules/.bin/tsc -p site_src/js/$(@:lint-js-%=%)
