# Shared fixtures of the Python binding's tests. They run against a CMake build tree configured
# with NEARDUP_BUILD_PYTHON=ON: NEARDUP_BUILD names it (default build/release), whose python/
# folder is put first on sys.path, so that the module under test is the one just built, and whose
# neardup command is the reference the binding must agree with.
import json
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BUILD = pathlib.Path(os.environ.get("NEARDUP_BUILD", ROOT / "build" / "release")).resolve()
sys.path.insert(0, str(BUILD / "python"))

SEEDS = "corpus/seeds"


def pytest_report_header(config):
    import neardup
    return "neardup module: %s (build tree %s)" % (neardup.__file__, BUILD)


def _tool(relative):
    path = BUILD / relative
    if not path.exists():
        pytest.fail("%s is missing: build it first (scripts/test.sh does)" % path)
    return path


@pytest.fixture(scope="session")
def cli():
    """Runs the neardup command from the repository root; returns its CompletedProcess."""
    binary = _tool("neardup")

    def run(*args, check=True):
        return subprocess.run([str(binary), *map(str, args)], cwd=ROOT, check=check, capture_output=True,
                              text=True)
    return run


@pytest.fixture(scope="session")
def seeds():
    """(ids, texts, raw bytes) of the seed articles, in the order the command reads them."""
    paths = sorted((ROOT / SEEDS).glob("*.txt"), key=lambda p: p.name.encode())
    raw = [p.read_bytes() for p in paths]
    return [p.name for p in paths], [b.decode("utf-8") for b in raw], raw


@pytest.fixture(scope="session")
def jsonl_corpus(tmp_path_factory):
    """A seeded JSONL corpus of 3000 documents (id, source, text) with injected duplicates,
    written by the benchmark's generator from the seed articles."""
    out = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    subprocess.run([str(_tool("bench/neardup_gen_corpus")), "--docs", "3000", "--seed", "7", "--lang", "id",
                    "--doc-bytes", "1500", "--sources", "5", "--out", str(out)],
                   check=True, capture_output=True)
    return out


def read_jsonl(path):
    """A generator of the records of a JSONL file: the README's pattern."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)
