"""The type stub `_newsclean.pyi` matches the native module (mypy's stubtest)."""

from __future__ import annotations

import subprocess
import sys


def test_the_stub_matches_the_module():
    p = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "newsclean._newsclean"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert p.returncode == 0, p.stdout
    assert "Success: no issues found in 1 module" in p.stdout
