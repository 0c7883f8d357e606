"""The benchmark data's manifest names its files wherever the folder is."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _data_module():
    spec = importlib.util.spec_from_file_location("bench_data", BENCHMARKS / "_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_manifest_made_in_another_folder_names_this_folders_files(tmp_path):
    data = _data_module()
    (tmp_path / "corpus.tahqiq").write_bytes(b"x")
    (tmp_path / "big-5000.txt").write_bytes(b"x")
    made_elsewhere = {
        "corpus": {"path": "/tmp/a-clone-since-removed/corpus.tahqiq"},
        "big": {"path": "/tmp/a-clone-since-removed/big-5000.txt", "claims": "5000",
                "article_id": "63157bd1"},
        "sample": {"path": "/tmp/a-clone-since-removed/sample.tahqiq"}}  # not here
    found = data._in_folder(made_elsewhere, tmp_path)
    assert found == {"corpus": {"path": str(tmp_path / "corpus.tahqiq")},
                     "big": {"path": str(tmp_path / "big-5000.txt"), "claims": "5000",
                             "article_id": "63157bd1"}}  # the sample is made again


def test_the_manifest_is_written_by_file_names_and_not_through_a_hard_link(tmp_path):
    data = _data_module()
    ours, clones = tmp_path / "ours", tmp_path / "clone"
    ours.mkdir()
    clones.mkdir()
    (ours / "manifest.json").write_text("{}", "utf-8")
    os.link(ours / "manifest.json", clones / "manifest.json")  # a clone's hard-linked copy
    data._write_manifest(clones / "manifest.json",
                         {"corpus": {"path": str(clones / "corpus.tahqiq"), "claims": "9"}})
    assert json.loads((clones / "manifest.json").read_text("utf-8")) == {
        "corpus": {"path": "corpus.tahqiq", "claims": "9"}}
    assert json.loads((ours / "manifest.json").read_text("utf-8")) == {}
