"""Fixtures of the build tests: the outputs of a good build, to check that bad input leaves them alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.build.test_bad_input import run_build
from tests.conftest import ROOT


@pytest.fixture(scope="session")
def good_outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The outputs of a good build, made once and copied into each test."""
    out = tmp_path_factory.mktemp("good") / "out"
    result = run_build(ROOT, out)
    assert result.exit_code == 0, result.output
    return out
