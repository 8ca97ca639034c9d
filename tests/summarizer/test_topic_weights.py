"""The topic word model ships the weights bench/topics.py fits on both labelled sets, with the spaCy
model's tags and without them, as /who ships its delegation weights' refit
(tests/summarizer/test_who_quality.py): a change to candidates or word features that moves the fit fails
here until the weights are refitted (`bench/topics.py` prints them under "weights:", to three decimals,
so the last one may round either way)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from summarizer.topics import DEFAULT_SETTINGS
from tests.shared_data import SHARED_DATA
from tests.summarizer.ner_switch import without_model

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data not present")


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_topics", REPO / "bench" / "topics.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_topics"] = module
    spec.loader.exec_module(module)
    return module


def test_shipped_word_weights_are_the_refit_on_both_labelled_sets(bench: ModuleType) -> None:
    refit = bench.fit_word_weights(bench.load_gold())
    assert DEFAULT_SETTINGS.word_weights == pytest.approx(refit, abs=2e-3)


def test_shipped_rules_weights_are_the_refit_without_the_model(bench: ModuleType) -> None:
    with without_model():
        refit = bench.fit_word_weights(bench.load_gold())
    assert DEFAULT_SETTINGS.rules_word_weights == pytest.approx(refit, abs=2e-3)
