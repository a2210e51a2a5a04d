"""Shared fixtures: the repository root, the seed pages and the `newsclean` binary to compare with."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Dict, List

import pytest

ROOT = Path(__file__).resolve().parents[3]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def find_cli() -> Path:
    env = os.environ.get("NEWSCLEAN_BIN")
    candidates = [Path(env)] if env else [ROOT / "target" / "release" / "newsclean", ROOT / "target" / "debug" / "newsclean"]
    for c in candidates:
        if c.is_file() and os.access(c, os.X_OK):
            return c
    raise RuntimeError(
        f"no newsclean binary at {', '.join(map(str, candidates))}: run `cargo build -p newsclean-cli` "
        "(or set NEWSCLEAN_BIN to one); the tests compare the package with the CLI"
    )


@pytest.fixture(scope="session")
def cli() -> Path:
    return find_cli()


def run_cli(cli: Path, *args: str, stdin: bytes = b"", env: Dict[str, str] = None) -> bytes:
    """Run the CLI from the repository root (no project rules: --no-config where it applies)."""
    full_env = dict(os.environ, NO_COLOR="1", **(env or {}))
    p = subprocess.run([str(cli), *args], input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=full_env)
    assert p.returncode == 0, f"{cli} {' '.join(args)} exited {p.returncode}: {p.stderr.decode()}"
    return p.stdout


@pytest.fixture(scope="session")
def seeds() -> List[Path]:
    assert len(SEEDS) == 5, f"expected the five seed pages in {ROOT / 'seeds'}"
    return SEEDS


def seed_records() -> List[dict]:
    """JSON Lines records of the seed pages: each page as it is, and without its final newline."""
    records = []
    for p in SEEDS:
        text = p.read_text(encoding="utf-8")
        records.append({"id": p.stem, "text": text, "source": "seeds"})
        records.append({"id": p.stem + "-nofinal", "text": text.rstrip("\n"), "source": "seeds"})
    records.append({"id": "short", "text": "党建强,则根\n基稳", "source": "inline"})
    return records


@pytest.fixture()
def seed_jsonl(tmp_path: Path) -> Path:
    """A JSON Lines file of the seed pages, in a folder of its own (datatrove reads folders)."""
    folder = tmp_path / "pages"
    folder.mkdir()
    path = folder / "pages.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for r in seed_records():
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def cli_jsonl(cli: Path, path: Path) -> Dict[str, dict]:
    """`newsclean clean --jsonl --annotate` over `path`: records by id."""
    out = run_cli(cli, "clean", "--jsonl", "--annotate", "--no-config", "-j1", str(path))
    records = [json.loads(line) for line in out.decode("utf-8").splitlines()]
    return {r["id"]: r for r in records}
