# clean_file() and report_file(): the command's file pipeline from Python, for corpora on disk.
# They must give what the command gives, and fail the way deduplicate() fails.
import json
import os

import pytest

import neardup
from conftest import SEEDS, ROOT


def tree(path):
    """{relative path: bytes} of every file below path."""
    out = {}
    for directory, _, files in os.walk(path):
        for name in files:
            full = os.path.join(directory, name)
            out[os.path.relpath(full, path)] = open(full, "rb").read()
    return out


def test_clean_file_writes_what_the_command_writes_and_returns_its_report(cli, tmp_path):
    cli("clean", ROOT / SEEDS, "-o", tmp_path / "command", "-q", "--threshold", "0.7")
    report = neardup.clean_file(ROOT / SEEDS, tmp_path / "python", threshold=0.7)
    assert tree(tmp_path / "python") == tree(tmp_path / "command")
    assert report == json.loads((tmp_path / "command" / "report.json").read_text(encoding="utf-8"))
    assert report["params"]["threshold"] == 0.7
    assert report["stats"]["removed_passages"] > 0


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


STORY = ("Banjir merendam ratusan rumah di tepi sungai setelah hujan deras turun sejak sore, "
         "dan warga mengungsi ke balai desa sambil menunggu air surut pada pagi harinya.")


def test_keep_field_picks_the_record_with_the_smallest_value(tmp_path):
    # The same story published twice; the later record carries the earlier date, so
    # keep="field:date" keeps "b" where keep="first" would keep "a".
    corpus = write_jsonl(tmp_path / "news.jsonl", [
        {"id": "a", "date": "2024-03-02", "text": STORY},
        {"id": "b", "date": "2024-01-05", "text": STORY},
        {"id": "c", "date": "2024-02-01", "text": "Harga cabai naik dua kali lipat di pasar induk menjelang hari raya."},
    ])
    by_date = neardup.report_file(corpus, keep="field:date")
    assert [(c["kept"], [r["id"] for r in c["removed"]]) for c in by_date["document_clusters"]] == [("b", ["a"])]
    first = neardup.report_file(corpus)
    assert [(c["kept"], [r["id"] for r in c["removed"]]) for c in first["document_clusters"]] == [("a", ["b"])]


def test_clean_file_keeps_the_jsonl_format_and_every_other_field(tmp_path):
    records = [{"id": "a", "url": "https://x.example/1", "text": STORY, "extra": [1, 2]},
               {"id": "b", "url": "https://y.example/2", "text": STORY, "extra": None}]
    (tmp_path / "in").mkdir()
    corpus = write_jsonl(tmp_path / "in" / "news.jsonl", records)
    neardup.clean_file([corpus], tmp_path / "out", report=tmp_path / "report.json")
    lines = (tmp_path / "out" / "news.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [records[0]]
    assert not (tmp_path / "out" / "report.json").exists()
    assert json.loads((tmp_path / "report.json").read_text())["stats"]["duplicate_documents"] == 1


def test_report_file_writes_the_report_when_given_a_path(tmp_path):
    report = neardup.report_file(ROOT / SEEDS, tmp_path / "r.json")
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8")) == report


def test_a_missing_input_raises_os_error_naming_it(tmp_path):
    missing = tmp_path / "absent.jsonl"
    with pytest.raises(OSError, match="absent.jsonl"):
        neardup.report_file(missing)
    with pytest.raises(OSError, match="absent.jsonl"):
        neardup.clean_file(missing, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_malformed_jsonl_line_raises_os_error_naming_file_and_line(tmp_path):
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text('{"id": "a", "text": "fine"}\n{"id": "b", "text": \n', encoding="utf-8")
    with pytest.raises(OSError, match=r"bad\.jsonl:2"):
        neardup.clean_file(corpus, tmp_path / "out")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("options,error", [
    ({"threshold": 1.5}, ValueError), ({"treshold": 0.5}, TypeError), ({"num_perm": "many"}, TypeError),
    ({"text_field": 3}, TypeError), ({"keep": "field:"}, ValueError),
])
def test_a_bad_option_raises_before_anything_is_written(tmp_path, options, error):
    with pytest.raises(error):
        neardup.clean_file(ROOT / SEEDS, tmp_path / "out", **options)
    assert not (tmp_path / "out").exists()


def test_stdin_and_stdout_are_refused_with_a_pointer_to_deduplicate(tmp_path):
    with pytest.raises(ValueError, match="deduplicate"):
        neardup.report_file("-")
    with pytest.raises(ValueError, match="deduplicate"):
        neardup.clean_file(ROOT / SEEDS, "-")


def test_the_command_is_installed_next_to_the_module():
    assert os.access(os.path.join(os.path.dirname(neardup.__file__), "bin", "neardup"), os.X_OK)


def test_a_day_checked_against_the_index_of_the_day_before(tmp_path):
    # Day 1 seeds the index; day 2 republishes day 1's story: it goes, in favour of the indexed
    # record, and day 2's new story is added to the index.
    day1 = write_jsonl(tmp_path / "day1.jsonl", [{"id": "d1-story", "text": STORY}])
    other = "Harga cabai naik dua kali lipat di pasar induk menjelang hari raya, kata pedagang setempat."
    day2 = write_jsonl(tmp_path / "day2.jsonl", [{"id": "d2-copy", "text": STORY}, {"id": "d2-new", "text": other}])
    index = tmp_path / "index"
    neardup.clean_file(day1, tmp_path / "out1", index=index)
    report = neardup.clean_file(day2, tmp_path / "out2", index=index)
    [cluster] = report["document_clusters"]
    assert cluster["kept"] == "d1-story" and cluster["kept_in_index"] is True
    assert [r["id"] for r in cluster["removed"]] == ["d2-copy"]
    assert [json.loads(line)["id"] for line in (tmp_path / "out2" / "day2.jsonl").read_text().splitlines()] == ["d2-new"]
    # Day 2 again finds both of its records in the index now (report only reads the index).
    again = neardup.report_file(day2, index=index)
    assert sorted(r["id"] for c in again["document_clusters"] for r in c["removed"]) == ["d2-copy", "d2-new"]
    # A read-only clean of a third day adds nothing: its story is still new afterwards.
    day3 = write_jsonl(tmp_path / "day3.jsonl", [{"id": "d3", "text": other.replace("cabai", "bawang")}])
    neardup.clean_file(day3, tmp_path / "out3", index=index, index_readonly=True)
    assert neardup.report_file(day3, index=index)["document_clusters"] == []
    with pytest.raises(TypeError):
        neardup.clean_file(day3, tmp_path / "out4", index=index, index_readonly="yes")


def test_an_index_answers_for_the_texts_added_before(tmp_path):
    index = neardup.Index(tmp_path / "news.idx")
    other = "Harga cabai naik dua kali lipat di pasar induk menjelang hari raya, kata pedagang setempat."
    index.add([STORY, STORY], ids=["first", "second"], sources=["site-a", "site-b"])  # "second" is a copy: not added
    # The last of 26 words changed: 21 of the 22 word 5-grams shared, 23 in the union.
    edited = STORY.replace("harinya.", "berikutnya.")
    found = index.query((t for t in [edited, other, STORY]), ids=["q1", "q2", "q3"])
    assert [[(d["id"], d["source"], d["match"]) for d in hits] for hits in found] == [
        [("first", "site-a", "jaccard")], [], [("first", "site-a", "exact")]]
    assert abs(found[0][0]["similarity"] - 21 / 23) < 1e-9
    assert "documents" in index.stats()
    # Without sources, the source is "" (never the name of the temporary file the texts go through).
    bare = neardup.Index(tmp_path / "bare.idx")
    bare.add([other])
    assert [[d["source"] for d in hits] for hits in bare.query([other])] == [[""]]


def test_an_index_refuses_other_parameters_and_foreign_directories(tmp_path):
    neardup.Index(tmp_path / "idx").add([STORY])
    with pytest.raises(OSError, match="threshold"):
        neardup.Index(tmp_path / "idx", threshold=0.9).query([STORY])
    foreign = tmp_path / "photos"
    foreign.mkdir()
    (foreign / "cat.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(OSError):
        neardup.Index(foreign).add([STORY])
    assert os.listdir(foreign) == ["cat.jpg"]
    with pytest.raises(TypeError):
        neardup.Index(tmp_path / "idx", cross_doc="remove")
    with pytest.raises(ValueError, match="ids has fewer items"):
        neardup.Index(tmp_path / "idx").add([STORY, STORY], ids=["only-one"])
