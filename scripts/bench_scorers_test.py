#!/usr/bin/env python3
"""Tests of the benchmark scorers (scripts/bench_report.py, bench_pairs.py, bench_passages.py) on
small hand-made truths and reports whose figures are worked out by hand below. Run by ctest
(bench/CMakeLists.txt) or directly: python3 scripts/bench_scorers_test.py
"""
import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench_pairs  # noqa: E402
import bench_passages  # noqa: E402
import bench_report  # noqa: E402


def write(directory, name, text):
    path = os.path.join(directory, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


REPORT = {
    "neardup": {"version": "0.1.0", "schema": 1},
    "stats": {"rules": {"repeat-across": {"passages": 3}}, "removed_passages": 4},
    "document_clusters": [{"kept": "a", "removed": [{"id": "b", "similarity": 1}]},
                          {"kept": "c", "removed": [{"id": "w", "similarity": 0.81}]}],
    "passages": [
        # matches row (c, 10) with the right copy
        {"doc": "c", "start": 10, "end": 20, "rule": "repeat-across", "copy_of": {"doc": "a"}},
        # matches row (c, 30) but names another copy
        {"doc": "c", "start": 30, "end": 40, "rule": "repeat-across", "copy_of": {"doc": "c"}},
        # no row: a false repeat
        {"doc": "d", "start": 0, "end": 5, "rule": "repeat-across", "copy_of": {"doc": "a"}},
        # row (d, 50) reported under another rule
        {"doc": "d", "start": 50, "end": 60, "rule": "boilerplate"},
        {"doc": "a", "start": 0, "end": 9, "rule": "repeat-within",
         "copy_of": {"doc": "a", "text": "\"passages\": [1, 2]"}},
    ],
    "boilerplate": [],
}


class IterArrayTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.path = write(self.dir.name, "report.json", json.dumps(REPORT, indent=2))
        self.chunk = bench_report.CHUNK

    def tearDown(self):
        bench_report.CHUNK = self.chunk
        self.dir.cleanup()

    def test_elements_are_those_of_the_array_whatever_the_chunk_size(self):
        for chunk in (1, 7, 64, 1 << 22):
            bench_report.CHUNK = chunk
            self.assertEqual(list(bench_report.iter_array(self.path, "passages")),
                             REPORT["passages"], f"chunk {chunk}")
            self.assertEqual(list(bench_report.iter_array(self.path, "document_clusters")),
                             REPORT["document_clusters"], f"chunk {chunk}")

    def test_a_key_that_is_no_array_or_is_missing_gives_nothing(self):
        self.assertEqual(list(bench_report.iter_array(self.path, "missing")), [])
        # "passages" under stats.rules holds a number, not an array, and is skipped.
        path = write(self.dir.name, "only_stats.json", json.dumps({"rules": {"passages": 3}}))
        self.assertEqual(list(bench_report.iter_array(path, "passages")), [])

    def test_an_array_cut_short_is_an_error(self):
        text = json.dumps(REPORT)
        path = write(self.dir.name, "cut.json", text[:text.index('"doc": "d"')])
        with self.assertRaises(ValueError):
            list(bench_report.iter_array(path, "passages"))


class PassageScoreTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        truth = write(self.dir.name, "truth.tsv",
                      "a\toriginal\t-\nb\texact\ta\nc\toriginal\t-\nd\toriginal\t-\nw\twire\tc\n")
        rows = write(self.dir.name, "passages.tsv",
                     "c\t2\t10\t19\ta\t1\n"
                     "c\t4\t30\t39\ta\t0.9\n"
                     "d\t3\t50\t59\tc\t1\n"
                     "d\t5\t70\t79\ta\t0.85\n")
        self.report = write(self.dir.name, "report.json", json.dumps(REPORT))
        self.order = bench_passages.read_order(truth)
        self.truth = bench_passages.read_repeats(rows, self.order)
        self.kind, self.original = bench_pairs.read_truth(truth)

    def tearDown(self):
        self.dir.cleanup()

    def test_recall_precision_and_copies_count_rows_and_findings_as_worked_out(self):
        s = bench_passages.score(self.order, *self.truth, self.report)
        self.assertEqual(s["rows"], 4)
        self.assertEqual((s["rows_identical"], s["rows_edited"]), (2, 2))
        self.assertEqual(s["repeat_across_findings"], 3)
        self.assertEqual(s["matched"], 2)                    # (c, 10) and (c, 30)
        self.assertEqual(s["recall"], 2 / 4)
        self.assertEqual(s["recall_identical"], 1 / 2)       # (c, 10) of (c, 10), (d, 50)
        self.assertEqual(s["recall_edited"], 1 / 2)          # (c, 30) of (c, 30), (d, 70)
        self.assertEqual(s["precision"], 2 / 3)              # (d, 0) matches no row
        self.assertEqual(s["copy_right"], 1 / 2)             # (c, 30) names c, not a
        self.assertEqual(s["other_rules"], {"boilerplate": 1})

    def test_rows_out_of_input_order_are_refused(self):
        rows = write(self.dir.name, "unordered.tsv", "d\t3\t50\t59\tc\t1\nc\t2\t10\t19\ta\t1\n")
        with self.assertRaises(SystemExit):
            bench_passages.read_repeats(rows, self.order)

    def test_removing_a_wire_document_costs_document_precision(self):
        clusters = bench_pairs.read_clusters(self.report)
        s = bench_pairs.score(self.kind, self.original, clusters)
        # b is a true copy of a; w republishes c and must be kept, but was removed.
        self.assertEqual((s["removed"], s["removed_true_copies"]), (2, 1))
        self.assertEqual(s["precision"], 1 / 2)
        self.assertEqual(s["recall"], 1.0)
        self.assertEqual((s["removed_wire"], s["removed_originals"]), (1, 0))


if __name__ == "__main__":
    unittest.main()
