# The seed articles through the binding and through the command: the same report, and spans in
# Python string indices that slice exactly the text the command removes.
import neardup
from conftest import SEEDS


def run_seeds(seeds, **options):
    ids, texts, _ = seeds
    # The command names a text file by its path below the directory given, and takes the
    # directory as its source.
    return neardup.deduplicate(texts, ids=ids, sources=[SEEDS] * len(ids), **options)


def test_seeds_report_equals_the_commands_report_json(seeds, cli, tmp_path):
    cli("report", SEEDS, "-o", tmp_path / "report.json", "-q")
    import json
    expected = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert run_seeds(seeds).report() == expected


def test_seeds_give_the_eleven_removed_passages_of_the_readme(seeds):
    result = run_seeds(seeds)
    removed = [p for p in result.passages if p.removed]
    assert len(removed) == 11
    assert result.stats["removed_passages"] == 11
    assert all(result.keep)


def test_string_indices_slice_the_removed_bytes_exactly(seeds):
    _, texts, raw = seeds
    result = run_seeds(seeds)
    non_ascii = 0
    for p in result.passages:
        text = texts[p.doc]
        assert text[p.start:p.end].encode("utf-8") == raw[p.doc][p.byte_start:p.byte_end]
        non_ascii += any(ord(c) > 127 for c in text[:p.end])
        if p.copy_of is not None:
            c = p.copy_of
            assert texts[c.doc][c.start:c.end].encode("utf-8") == raw[c.doc][c.byte_start:c.byte_end]
    # Non-ASCII text comes before some spans, so string and byte indices differ there.
    assert non_ascii > 0
    assert any(p.start != p.byte_start for p in result.passages)


def test_cleaned_text_is_the_text_without_its_removed_spans(seeds):
    _, texts, _ = seeds
    result = run_seeds(seeds)
    for i, text in enumerate(texts):
        expected, last = [], 0
        for p in result.passages:
            if p.doc == i and p.removed:
                expected.append(text[last:p.start])
                last = p.end
        expected.append(text[last:])
        assert result.cleaned(i) == "".join(expected)
    assert result.cleaned_texts() == [result.cleaned(i) for i in range(len(texts))]


def test_cleaned_texts_equal_the_files_the_command_cleans(seeds, cli, tmp_path):
    ids, _, _ = seeds
    cli("clean", SEEDS, "-o", tmp_path / "out", "-q")
    result = run_seeds(seeds)
    for i, name in enumerate(ids):
        assert result.cleaned(i).encode("utf-8") == (tmp_path / "out" / name).read_bytes()
