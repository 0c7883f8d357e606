"""Every fuzz target, run briefly on its seeds and on mutations of them.

The campaign itself is ``fuzz/run`` (atheris, minutes per target; not part of the test
run). Here each target of fuzz/targets/ runs plainly - no atheris needed - on its seed
corpus (the hostile corpus, whose last cases are the crashes fuzzing found, and the
fixture projects) and on a few hundred inputs made from it by the same kinds of mutation
libFuzzer makes, with a fixed seed: a target broken by a change of the store, or a found
crash come back, fails here.
"""

from __future__ import annotations

import importlib
import random
import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parent.parent / "fuzz"
sys.path.insert(0, str(FUZZ))
# Inputs per target, seeds included: about 20 s for all of them together.
INPUTS = {"text_import": 150, "web_page": 60, "word_document": 150, "csv_import": 300,
          "project_file": 40, "pdf_repair": 150, "search_query": 300, "tag_quote": 300}


def mutate(data: bytes, others: list[bytes], rng: random.Random) -> bytes:
    """One of libFuzzer's mutations: flip, erase, insert, repeat or splice bytes."""
    data = bytearray(data or b"\0")
    at = rng.randrange(len(data))
    kind = rng.randrange(5)
    if kind == 0:
        for i in rng.sample(range(len(data)), min(len(data), rng.randint(1, 4))):
            data[i] ^= 1 << rng.randrange(8)
    elif kind == 1:
        del data[at:at + rng.randint(1, max(1, len(data) // 4))]
    elif kind == 2:
        data[at:at] = rng.randbytes(rng.randint(1, 16))
    elif kind == 3:
        data[at:at] = data[at:at + 8] * rng.randint(2, 64)
    else:
        other = rng.choice(others) or b"\0"
        data[at:] = other[rng.randrange(len(other)):]
    return bytes(data)


def inputs(name: str, seeds: list[bytes]) -> list[bytes]:
    rng = random.Random(name)
    made = list(seeds)
    while len(made) < INPUTS[name]:
        made.append(mutate(rng.choice(seeds), seeds, rng))
    return made


def test_every_target_is_tried():
    targets = {p.stem for p in (FUZZ / "targets").glob("*.py") if p.stem != "__init__"}
    assert targets == set(INPUTS)
    run = (FUZZ / "run").read_text("utf-8")
    assert all(f'"{name}"' in run for name in INPUTS), "fuzz/run leaves a target out"


@pytest.mark.parametrize("name", list(INPUTS))
def test_target_survives_its_seeds(name):
    target = importlib.import_module(f"targets.{name}")
    seeds = list(target.seeds())
    assert seeds, "a target without seeds starts blind"
    for data in inputs(name, seeds):
        try:
            target.test_one_input(data)
        except Exception as exc:
            raise AssertionError(f"{name} failed on {data[:200]!r}") from exc
