# Bad options, bad items and failing I/O raise the exception a Python programmer expects, with
# the engine's message; an exception raised by the caller's own code comes back unchanged.
import os

import pytest

import neardup

TEXTS = ["one two three four five six", "seven eight nine ten eleven twelve"]


@pytest.mark.parametrize("options,message", [
    ({"threshold": 1.5}, "--threshold must be in (0, 1]"),
    ({"threshold": 0}, "--threshold must be in (0, 1]"),
    ({"num_perm": 0}, "--num-perm must be from 1 to 1024"),
    ({"shingle": "word:0"}, "--shingle K must be a whole number from 1 to 64"),
    ({"shingle": "line:5"}, "--shingle must be word:K or char:K"),
    ({"passages": "sentence"}, "passages must be line or paragraph, got 'sentence'"),
    ({"cross_doc": "delete"}, "cross_doc must be report or remove"),
    ({"keep": "field:date"}, "keep must be first or longest"),
    ({"boilerplate_min_docs": 1}, "--boilerplate-min-docs must be at least 2"),
    ({"boilerplate_min_docs": -3}, "boilerplate_min_docs must be at least 0"),
    ({"containment": 2.0}, "--containment must be in"),
    ({"threads": -1}, "--threads must be from 0"),
])
def test_a_bad_option_value_raises_value_error_with_the_engines_message(options, message):
    with pytest.raises(ValueError) as error:
        neardup.deduplicate(TEXTS, **options)
    assert message in str(error.value)


def test_an_unknown_option_raises_type_error_as_python_does():
    with pytest.raises(TypeError, match="unknown option 'treshold'"):
        neardup.deduplicate(TEXTS, treshold=0.5)


@pytest.mark.parametrize("options", [{"threshold": "high"}, {"num_perm": 1.5}, {"seed": True},
                                     {"shingle": 5}, {"temp_dir": 3}])
def test_an_option_of_the_wrong_type_raises_type_error(options):
    with pytest.raises(TypeError):
        neardup.deduplicate(TEXTS, **options)


def test_an_item_that_is_not_text_raises_type_error_naming_it():
    with pytest.raises(TypeError, match=r"texts\[1\]: expected str or bytes, got int"):
        neardup.deduplicate(["a text", 7])


def test_ids_and_texts_of_different_lengths_raise_value_error():
    with pytest.raises(ValueError, match="ids has fewer items than texts"):
        neardup.deduplicate(TEXTS, ids=["a"])
    with pytest.raises(ValueError, match="sources has more items than texts"):
        neardup.deduplicate(TEXTS, sources=["a", "b", "c"])


def test_a_missing_temp_dir_raises_file_not_found_error_naming_it(tmp_path):
    missing = tmp_path / "missing"
    with pytest.raises(FileNotFoundError, match=str(missing)):
        neardup.deduplicate(TEXTS, temp_dir=missing)


def test_a_temp_dir_that_is_a_file_raises_os_error(tmp_path):
    file = tmp_path / "file"
    file.write_text("x")
    with pytest.raises(OSError, match=str(file)):
        neardup.deduplicate(TEXTS, temp_dir=file)


def test_an_unreadable_jsonl_file_raises_os_error_from_the_generator(tmp_path):
    # deduplicate() reads through the caller's iterator: its I/O errors arrive unchanged.
    def texts():
        with open(tmp_path / "absent.jsonl", encoding="utf-8") as f:
            yield from f
    with pytest.raises(FileNotFoundError):
        neardup.deduplicate(texts())


def test_an_exception_of_the_iterator_stops_the_run_and_comes_back_unchanged():
    class Broken(Exception):
        pass

    def texts():
        for i in range(5000):
            yield "document number %d with some words" % i
        raise Broken("at 5000")
    with pytest.raises(Broken, match="at 5000"):
        neardup.deduplicate(texts())


def test_an_exception_of_the_progress_callback_comes_back_unchanged():
    def progress(p):
        raise KeyError("progress")
    with pytest.raises(KeyError, match="progress"):
        neardup.deduplicate(["text %d of a corpus" % i for i in range(3000)], progress=progress)


def test_no_temporary_file_is_left_behind(tmp_path):
    neardup.deduplicate(TEXTS, temp_dir=tmp_path)
    with pytest.raises(ValueError):
        neardup.deduplicate(TEXTS, temp_dir=tmp_path, threshold=7)
    assert os.listdir(tmp_path) == []
