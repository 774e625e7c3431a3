# A JSONL corpus of a few thousand documents, streamed from a generator: the binding's report
# equals the command's report.json, under the default options and under others, at any thread
# count.
import json

import pytest

import neardup
from conftest import read_jsonl


def deduplicate_jsonl(path, **options):
    # Each field from its own pass over the file: three generators, nothing held in a list.
    return neardup.deduplicate((r["text"] for r in read_jsonl(path)), ids=(r["id"] for r in read_jsonl(path)),
                               sources=(r["source"] for r in read_jsonl(path)), **options)


def command_report(cli, path, out, *flags):
    cli("report", path, "--source-field", "source", "-o", out, "-q", *flags)
    return json.loads(out.read_text(encoding="utf-8"))


# (deduplicate options, the same as command flags)
VARIANTS = [
    ({}, []),
    ({"threshold": 0.6, "num_perm": 64, "shingle": "word:3", "seed": 9},
     ["--threshold", "0.6", "--num-perm", "64", "--shingle", "word:3", "--seed", "9"]),
    ({"cross_doc": "remove", "boilerplate_patterns": "remove", "containment": 0.7, "keep": "longest",
      "passages": "paragraph", "boilerplate_min_docs": 4, "boilerplate_min_share": 0.02},
     ["--cross-doc", "remove", "--boilerplate-patterns", "remove", "--containment", "0.7", "--keep", "longest",
      "--passages", "paragraph", "--boilerplate-min-docs", "4", "--boilerplate-min-share", "0.02"]),
]


@pytest.mark.parametrize("options,flags", VARIANTS, ids=["defaults", "document-options", "passage-options"])
def test_report_equals_the_commands_report_json(jsonl_corpus, cli, tmp_path, options, flags):
    expected = command_report(cli, jsonl_corpus, tmp_path / "report.json", *flags)
    result = deduplicate_jsonl(jsonl_corpus, **options)
    assert result.report() == expected
    # The corpus exercises what is compared: duplicates, and passages of several rules.
    assert expected["stats"]["duplicate_documents"] > 0
    if not options:
        assert len({p["rule"] for p in expected["passages"]}) >= 2


def test_keep_and_duplicates_follow_the_report(jsonl_corpus):
    result = deduplicate_jsonl(jsonl_corpus)
    report = result.report()
    ids = [r["id"] for r in read_jsonl(jsonl_corpus)]
    removed = {d["id"]: (c["kept"], d["similarity"], d["match"])
               for c in report["document_clusters"] for d in c["removed"]}
    assert [ids[i] not in removed for i in range(len(ids))] == result.keep
    assert len(result.duplicates) == len(removed)
    for d in result.duplicates:
        assert removed[ids[d.removed]] == (ids[d.kept], d.similarity, d.match)
    assert result.stats == report["stats"]


def test_the_result_is_the_same_at_every_thread_count(jsonl_corpus):
    reports = [deduplicate_jsonl(jsonl_corpus, threads=n).report() for n in (1, 2, 5)]
    assert reports[0] == reports[1] == reports[2]
