"""Fixtures for the grading tests; the helpers live in kit.py beside this file."""
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
for path in (HERE, REPO):  # kit.py and the grading package
    if path not in sys.path:
        sys.path.insert(0, path)


@pytest.fixture(scope="session")
def toy_solutions():
    return os.path.join(HERE, "fixtures", "solutions", "toy")
