"""The evaluation gate: no facts-layer metric may fall under its floor in eval/baseline.json."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from parallax.evaluation.report import BASELINE, below_floor, markdown, run_all

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def test_below_floor_reports_fallen_and_missing_metrics() -> None:
    scores = {"times": {"recall": 0.80, "precision": 0.95}}
    baseline = {"times": {"recall": 0.85, "precision": 0.90, "value_accuracy": 0.5}}
    assert below_floor(scores, baseline) == [
        "times.recall: 0.8 < floor 0.85",
        "times.value_accuracy: None < floor 0.5",
    ]


@pytest.mark.skipif(not DATA.is_dir(), reason=f"development data not found at {DATA}")
def test_scores_stay_above_their_floors() -> None:
    scores = run_all(DATA)
    assert below_floor(scores, json.loads(BASELINE.read_text(encoding="utf-8"))) == []
    assert "TimeBank" in markdown(scores, dt.date(2026, 1, 1))
