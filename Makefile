# The two commands in the README. Both set everything up from nothing (scripts/bootstrap).
.PHONY: serve test

# Build the site into site/ and serve it on http://127.0.0.1:8000/
serve:
	scripts/bootstrap
	.venv/bin/python build.py --serve

# Every test: the engine, the command line, the build, and the site in a real Chromium.
test:
	scripts/bootstrap --browser
	.venv/bin/python -m pytest
