# The shape of the Python interface: results indexed like the input, spans in string indices for
# any text, the pandas pattern of the README, options documented with the library's defaults.
import ast
import pathlib
import pydoc
import re

import pandas as pd
import pytest

import neardup
from conftest import ROOT

BODY = ("The council approved the new budget on Tuesday after a long debate about schools.\n"
        "Residents asked for more buses on the northern routes and for longer library hours.\n")


OTHER = ("Heavy rain is expected over the coast tonight, and the ferry service may be suspended.\n"
         "Farmers in the valley welcomed the forecast after three dry months without a storm.\n")


def article(title, extra="", body=BODY):
    return title + "\n" + body + extra


def test_a_copy_is_removed_and_the_first_copy_kept():
    texts = [article("Budget passes"), article("Weather", body=OTHER), article("Budget passes")]
    result = neardup.deduplicate(texts)
    assert result.keep == [True, True, False]
    assert result.duplicates == [neardup.Duplicate(2, 0, 1.0, "exact")]
    assert result.cleaned(2) is None
    assert len(result) == 3


def pasted(prefix):
    # The body pasted twice after a title that makes string and byte indices differ.
    return prefix + "\n" + BODY + BODY


@pytest.mark.parametrize("prefix", ["Ünïcödé headline — ok", "中文标题 and more words", "emoji 🎉🎉 title",
                                    "lone surrogate \udc80 in a title"])
def test_a_pasted_body_is_cut_at_string_indices_for_any_text(prefix):
    text = pasted(prefix)
    result = neardup.deduplicate([text])
    removed = [p for p in result.passages if p.removed]
    assert len(removed) == 2  # the two lines of the second copy of the body
    start, end = removed[0].start, removed[-1].end
    assert text[start:end] == BODY
    assert start == len(prefix) + 1 + len(BODY)
    assert removed[0].byte_start == len(text[:start].encode("utf-8", "surrogatepass"))
    copy = removed[0].copy_of
    assert text[copy.start:copy.end] == BODY.splitlines()[0]
    assert result.cleaned(0) == prefix + "\n" + BODY


def test_bytes_in_give_byte_indices_and_bytes_out():
    text = pasted("Ünïcödé").encode("utf-8")
    result = neardup.deduplicate([text])
    removed = [p for p in result.passages if p.removed]
    assert [(p.start, p.end) for p in removed] == [(p.byte_start, p.byte_end) for p in removed]
    assert text[removed[0].start:removed[-1].end] == BODY.encode()
    assert result.cleaned(0) == ("Ünïcödé\n" + BODY).encode("utf-8")


def test_ids_and_sources_name_documents_in_the_report():
    texts = [article("a"), article("a")]
    report = neardup.deduplicate(texts, ids=[10, "x"], sources=["s1", "s2"]).report()
    assert report["document_clusters"] == [
        {"kept": "10", "removed": [{"id": "x", "similarity": 1, "match": "exact",
                                    "fingerprint": report["document_clusters"][0]["removed"][0]["fingerprint"]}]}]
    assert [s["source"] for s in report["stats"]["boilerplate_by_source"]] == ["s1", "s2"]


def test_the_pandas_pattern_of_the_readme():
    df = pd.DataFrame({"url": ["u1", "u2", "u3"], "text": [pasted("One"), article("Two", body=OTHER), pasted("One")]})
    result = neardup.deduplicate(df["text"])
    df["text"] = result.cleaned_texts()
    df = df[result.keep]
    assert list(df["url"]) == ["u1", "u2"]
    assert list(df["text"]) == ["One\n" + BODY, article("Two", body=OTHER)]


def test_progress_reports_documents_as_they_are_read():
    seen = []
    neardup.deduplicate((article("t%d" % i, "x %d\n" % i) for i in range(5000)), progress=seen.append)
    assert all(isinstance(p, neardup.Progress) for p in seen)
    assert seen[-1] == neardup.Progress("verify", 5000, 0)
    signed = [p.documents for p in seen if p.stage == "sign"]
    assert signed == sorted(signed)


def test_help_lists_every_option_with_its_default():
    text = pydoc.render_doc(neardup.deduplicate, renderer=pydoc.plaintext)
    for name, default in neardup.DEFAULTS.items():
        assert "%s=%r" % (name, default) in text


def test_the_type_stub_lists_the_options_the_module_takes():
    stub = ast.parse((pathlib.Path(neardup.__file__).parent / "__init__.pyi").read_text())
    [function] = [n for n in stub.body if isinstance(n, ast.FunctionDef) and n.name == "deduplicate"]
    assert [a.arg for a in function.args.kwonlyargs] == ["progress", *neardup.DEFAULTS]


def test_defaults_are_the_commands_defaults(cli):
    # The command's help ends an option's text with "(default: VALUE)", wrapped like any text.
    help_text = cli("report", "--help").stdout
    shown = {}
    for block in re.split(r"\n(?=\s+(?:-\w, )?--[a-z])", help_text):
        flag = re.match(r"\s+(?:-\w, )?--([a-z-]+)", block)
        default = re.search(r"\(default: (\S+?)\)", " ".join(block.split()))
        if flag and default:
            shown[flag.group(1)] = default.group(1)
    for name, default in neardup.DEFAULTS.items():
        if default is None:
            continue  # temp_dir: the system's, shown without a value
        assert name.replace("_", "-") in shown, name
        value = shown[name.replace("_", "-")]
        assert (float(value) == default) if isinstance(default, float) else (value == str(default)), name


def test_cmake_install_puts_an_importable_package_under_the_prefix(tmp_path):
    import subprocess
    import sys
    from conftest import BUILD
    subprocess.run(["cmake", "--install", str(BUILD), "--prefix", str(tmp_path), "--component", "python"],
                   check=True, capture_output=True)
    [package] = tmp_path.glob("lib/python3*/*-packages/neardup")
    code = "import neardup; print(neardup.__file__); print(neardup.deduplicate(['a b c d e f'] * 2).keep)"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, check=True, capture_output=True, text=True,
                         env={"PYTHONPATH": str(package.parent)}).stdout.split("\n")
    assert out[0] == str(package / "__init__.py")
    assert out[1] == "[True, False]"
