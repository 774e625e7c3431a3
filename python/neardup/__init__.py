"""neardup: duplicate documents and repeated passages in text corpora, from Python.

    import neardup
    result = neardup.deduplicate(texts)          # any iterable of str (or bytes)
    kept = [t for t, k in zip(texts, result.keep) if k]
    cleaned = result.cleaned_texts()             # None for removed documents
    for p in result.passages:                    # spans in string indices, bytes alongside
        print(p.rule, texts[p.doc][p.start:p.end])

The same engine as the `neardup` command, bound on its public C++ interface: the same options
under the same names (underscored) and defaults, and result.report() is the dict of the
command's report.json.

Texts are streamed: the iterable is read once, in batches, never turned into a list. The engine
reads some documents a second time (to verify candidate pairs), and Result gives the cleaned texts
afterwards, so each text is also written to one temporary file (in `temp_dir`, deleted as it is
created) that those readings use: memory holds a few dozen bytes per document, not the texts.

The GIL is released while the engine works; it is taken back to read each batch of the iterable
and to call `progress`.

Corpora on disk, larger than memory: clean_file() and report_file() run the neardup command's
file pipeline (text files and JSONL, plain or compressed, the same format back) with the same
options, and return the report as a dict.

A persistent index of what was seen before: Index(path).query(texts) and .add(texts, ids), or
index=DIR in clean_file() and report_file().
"""

import inspect
import json
import os
import shutil
import subprocess
import tempfile
from typing import NamedTuple, Optional

from . import _neardup

__all__ = ["deduplicate", "clean_file", "report_file", "Index", "Result", "Passage", "Span", "Duplicate", "Progress", "DEFAULTS"]
__version__ = _neardup.__version__


class Span(NamedTuple):
    """Where a passage's kept copy is: text `doc`, string indices [start, end), bytes alongside."""

    doc: int
    start: int
    end: int
    byte_start: int
    byte_end: int


class Passage(NamedTuple):
    """A repeated passage of text `doc`.

    start, end: string indices, so that texts[doc][start:end] is the passage (line terminator
    included); for a text given as bytes, indices into the bytes. byte_start, byte_end: the same
    span in UTF-8 bytes, as report.json has it. line: 1-based line of start. rule:
    "repeat-within", "repeat-across", "boilerplate" or "boilerplate-pattern". removed: False when
    only reported (cross_doc="report", boilerplate_patterns="report"). copy_of: the kept passage
    it repeats (terminator excluded), None for boilerplate. similarity: Jaccard of the two
    passages' shingles (1.0 when identical after normalization). fingerprint: 16 hex digits of
    the XXH3 of the normalized passage.
    """

    doc: int
    rule: str
    start: int
    end: int
    byte_start: int
    byte_end: int
    line: int
    removed: bool
    copy_of: Optional[Span]
    similarity: float
    fingerprint: str


class Duplicate(NamedTuple):
    """Text `removed` duplicates text `kept`; match is "exact", "jaccard" or "containment"."""

    removed: int
    kept: int
    similarity: float
    match: str


class Progress(NamedTuple):
    """What the engine has done so far: stage ("sign", "verify"), documents, bytes read."""

    stage: str
    documents: int
    bytes: int


class Result:
    """What deduplicate() found, indexed like its input (0 is the first text)."""

    __slots__ = ("_native", "_keep", "_duplicates", "_passages")

    def __init__(self, native):
        self._native = native
        self._keep = None
        self._duplicates = None
        self._passages = None

    def __len__(self):
        return len(self._native)

    def __repr__(self):
        return "<neardup.Result: %d documents, %d removed as duplicates, %d passages>" % (
            len(self), len(self.duplicates), len(self.passages))

    @property
    def keep(self):
        """list of bool, one per text: False when the text is removed as a duplicate."""
        if self._keep is None:
            self._keep = self._native.keep()
        return list(self._keep)

    @property
    def duplicates(self):
        """Duplicate(removed, kept, similarity, match) per removed text, in input order."""
        if self._duplicates is None:
            self._duplicates = [Duplicate._make(d) for d in self._native.duplicates()]
        return list(self._duplicates)

    @property
    def passages(self):
        """Every repeated passage found, removed or reported only, by (doc, start)."""
        if self._passages is None:
            self._passages = [
                Passage(*p[:8], Span._make(p[8]) if p[8] is not None else None, *p[9:])
                for p in self._native.passages()
            ]
        return list(self._passages)

    def cleaned(self, i):
        """Text i without its removed passages (bytes if given as bytes); None if removed."""
        return self._native.cleaned(i)

    def cleaned_texts(self):
        """cleaned(i) for every text: a list as long as the input, None for removed texts."""
        return self._native.cleaned_texts()

    def report(self):
        """The report as a dict: the same as the neardup command's report.json."""
        return json.loads(self._native.report_json())

    @property
    def stats(self):
        """report()["stats"]: documents, bytes, duplicate and removed counts, by rule and source."""
        return json.loads(self._native.stats_json())["stats"]


def deduplicate(texts, ids=None, sources=None, *, progress=None, **options):
    # The docstring and signature are set below from the library's option table.
    callback = None
    if progress is not None:
        def callback(stage, documents, nbytes):
            progress(Progress(stage, documents, nbytes))
    return Result(_neardup.run(texts, ids, sources, callback, options))


_OPTIONS = _neardup.options()

#: Every deduplicate() option and its default, read from the library's neardup::Config.
DEFAULTS = {name: default for name, default, _ in _OPTIONS}


def _document_deduplicate():
    lines = [
        "Finds duplicate texts and repeated passages; returns a Result.",
        "",
        "texts: any iterable of str (or bytes), read once and never materialized.",
        "ids: iterable of str (or int), one per text, as report() names them; default \"0\", \"1\", ...",
        "sources: iterable of str, the site of each text, for boilerplate (passages recurring",
        "    across one source's texts); default: one source \"\" for all.",
        "progress: callable receiving a Progress(stage, documents, bytes) now and then, from",
        "    the calling thread (e.g. lambda p: bar.update(p.documents - bar.n) with tqdm).",
        "",
        "Options, as the neardup command's flags (underscored), with their defaults:",
    ]
    for name, default, help_text in _OPTIONS:
        lines.append("  %s=%r" % (name, default))
        lines.append("      " + help_text)
    lines += [
        "",
        "Raises ValueError for a bad option value (the engine's message, which names the",
        "command's flag), TypeError for an unknown option or a value or item of the wrong type,",
        "OSError when the temporary files cannot be written, and whatever the iterable or",
        "progress raises (after the engine has stopped).",
    ]
    deduplicate.__doc__ = "\n".join(lines)
    parameters = [
        inspect.Parameter("texts", inspect.Parameter.POSITIONAL_OR_KEYWORD),
        inspect.Parameter("ids", inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None),
        inspect.Parameter("sources", inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None),
        inspect.Parameter("progress", inspect.Parameter.KEYWORD_ONLY, default=None),
    ]
    parameters += [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default)
                   for name, default, _ in _OPTIONS]
    deduplicate.__signature__ = inspect.Signature(parameters)


_document_deduplicate()


# The file pipeline is the command's: its readers and writers keep every byte of the input's
# format, which the library leaves to its clients. These options exist only there.
_FILE_OPTIONS = ("text_field", "id_field", "source_field", "url_field", "index")
# Flags without a value: True sets them.
_SWITCHES = ("index_readonly", "wait")


def _command():
    """The neardup command the file functions run: $NEARDUP_COMMAND, else the one installed
    with this package (neardup/bin/neardup), else the first on PATH."""
    explicit = os.environ.get("NEARDUP_COMMAND")
    if explicit:
        return explicit
    bundled = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bin", "neardup")
    if os.access(bundled, os.X_OK):
        return bundled
    found = shutil.which("neardup")
    if found:
        return found
    raise FileNotFoundError("the neardup command is neither installed with the package (%s) nor on PATH; "
                            "set NEARDUP_COMMAND to its path" % bundled)


def _flag_value(name, value):
    if isinstance(value, bool):
        raise TypeError("%s: expected %s, got bool" % (name, "str" if name in _FILE_OPTIONS else "a number or str"))
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (int, str)):
        return str(value)
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    raise TypeError("%s: expected str, got %s" % (name, type(value).__name__))


def _flags(options):
    """The command's flags for `options`, checked first as deduplicate() checks them, so that a
    bad value raises ValueError or TypeError before anything runs."""
    engine = {k: v for k, v in options.items() if k not in _FILE_OPTIONS and k not in _SWITCHES}
    keep = engine.get("keep")
    if isinstance(keep, str) and keep.startswith("field:"):
        if keep == "field:":
            raise ValueError("keep=field:NAME needs a field name")
        del engine["keep"]  # only the file pipeline has fields; the command checks the name
    _neardup.validate(engine)
    flags = []
    for name, value in options.items():
        if value is None:
            continue
        if name in _SWITCHES:
            if not isinstance(value, bool):
                raise TypeError("%s: expected bool, got %s" % (name, type(value).__name__))
            flags += ["--" + name.replace("_", "-")] if value else []
            continue
        if name == "index":
            value = os.fspath(value) if isinstance(value, os.PathLike) else value
        if name in _FILE_OPTIONS and not isinstance(value, str):
            raise TypeError("%s: expected str, got %s" % (name, type(value).__name__))
        flags += ["--" + name.replace("_", "-"), _flag_value(name, value)]
    return flags


def _inputs(inputs):
    if isinstance(inputs, (str, bytes, os.PathLike)):
        inputs = [inputs]
    paths = [os.fsdecode(p) for p in inputs]
    if not paths:
        raise ValueError("no inputs given")
    if "-" in paths:
        raise ValueError("'-' (stdin) is not an input here: pass the texts to deduplicate()")
    return paths


def _run_command(arguments, quiet=True):
    """Runs the command; returns its stdout. Its exit codes (README, "Exit codes"): 2 is a usage,
    input or output error; options were checked already, so what is left is about files."""
    process = subprocess.run([_command(), *arguments, *(["--quiet"] if quiet else [])], stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if process.returncode == 0:
        return process.stdout
    message = process.stderr.decode("utf-8", "replace").strip() or "neardup exited with code %d" % process.returncode
    if process.returncode == 2:
        raise OSError(message)
    if process.returncode in (130, -2):
        raise KeyboardInterrupt(message)
    raise RuntimeError(message)


def _read_report(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def clean_file(inputs, outdir, *, report=None, **options):
    """Writes `inputs` (paths of text files, JSONL files, plain or compressed, or directories)
    minus duplicate documents and repeated passages to `outdir`, as the neardup command's
    `clean` does, and returns the report (the dict of report.json).

    The report goes to outdir/report.json, or to `report` when given. Options: those of
    deduplicate() (help(neardup.deduplicate)), keep="field:NAME" (the record with the smallest
    value of that JSONL field stays), the JSONL fields text_field, id_field, source_field and
    url_field, and index=DIR (a persistent index, as `neardup index` makes: documents that
    duplicate an indexed one are removed, and clean_file then adds the kept ones to it, unless
    index_readonly=True; wait=True waits for another writer). Nothing is held in memory but
    what the command holds: a few hundred bytes per
    document.

    Raises ValueError or TypeError for a bad option, as deduplicate() does; OSError with the
    command's message (naming the file, and the line for JSONL) for an unreadable, malformed or
    unwritable file; FileNotFoundError when the neardup command cannot be found.
    """
    if os.fspath(outdir) == "-":
        raise ValueError("outdir '-' (stdout) is not offered here: pass the texts to deduplicate()")
    arguments = ["clean", *_inputs(inputs), "--output", os.fspath(outdir), *_flags(options)]
    if report is not None:
        arguments += ["--report", os.fspath(report)]
    _run_command(arguments)
    return _read_report(report if report is not None else os.path.join(outdir, "report.json"))


def report_file(inputs, output=None, **options):
    """What clean_file() would remove from `inputs`, without writing a cleaned corpus: returns
    the report (the dict of report.json) and also writes it to `output` when given. Options and
    errors as for clean_file()."""
    flags = _flags(options)
    paths = _inputs(inputs)
    if output is not None:
        _run_command(["report", *paths, "--output", os.fspath(output), *flags])
        return _read_report(output)
    temp_dir = options.get("temp_dir")
    with tempfile.TemporaryDirectory(prefix="neardup-", dir=temp_dir) as scratch:
        path = os.path.join(scratch, "report.json")
        _run_command(["report", *paths, "--output", path, *flags])
        return _read_report(path)


class Index:
    """A persistent index of documents seen before, the one `neardup index` keeps (a directory;
    README, "Incremental runs"): query() tells which texts it already holds, add() puts texts
    in it. Both stream the texts to a temporary JSONL file (in temp_dir) and run the command.

    Options: threshold, num_perm, shingle, seed (an index keeps those it was built with; other
    values raise OSError naming the parameter), threads, temp_dir. A directory that is not an
    index raises OSError and is left untouched.
    """

    _OPTIONS = ("threshold", "num_perm", "shingle", "seed", "threads", "temp_dir")

    def __init__(self, path, **options):
        for name in options:
            if name not in self._OPTIONS:
                raise TypeError("unknown option '%s'" % name)
        self.path = os.fspath(path)
        self._temp_dir = options.get("temp_dir")
        self._flags = _flags(options)

    def __repr__(self):
        return "neardup.Index(%r)" % self.path

    def _run(self, command, texts, ids, sources, extra=()):
        with tempfile.TemporaryDirectory(prefix="neardup-", dir=self._temp_dir) as scratch:
            batch = os.path.join(scratch, "batch.jsonl")
            _write_batch(batch, texts, ids, sources)
            return _run_command(["index", command, *extra, self.path, batch, *self._flags])

    def query(self, texts, ids=None):
        """For each text, in order, the list of its duplicates in the index: dicts with the
        indexed document's "id" and "source", the exact "similarity" and the "match" ("exact" or
        "jaccard"). The index is only read."""
        out = self._run("query", texts, ids, None, ["--json"])
        return [json.loads(line)["duplicates"] for line in out.decode("utf-8").splitlines()]

    def add(self, texts, ids=None, sources=None, *, wait=False):
        """Adds each text that is not a duplicate of an indexed one or of an earlier one of
        `texts`, in one atomic commit; creates the index if the directory is missing. ids name
        the texts in later reports (default "0", "1", ...; give your own, they must last);
        sources give their sites (default: one source "" for all). wait=True waits for another writer instead of raising OSError."""
        extra = (["--wait"] if wait else []) + ["--source-field", "source"]
        self._run("add", texts, ids, sources, extra)

    def stats(self):
        """The command's `neardup index stats`: documents, sources, size on disk, parameters."""
        return _run_command(["index", "stats", self.path], quiet=False).decode("utf-8")


def _next(items, name):
    try:
        return next(items)
    except StopIteration:
        raise ValueError("%s has fewer items than texts" % name) from None


def _write_batch(path, texts, ids, sources):
    # One record per text, read from the iterables in step; never a list of them.
    ids_iter = iter(ids) if ids is not None else None
    sources_iter = iter(sources) if sources is not None else None
    with open(path, "w", encoding="utf-8") as f:
        for i, text in enumerate(texts):
            if isinstance(text, bytes):
                text = text.decode("utf-8")
            elif not isinstance(text, str):
                raise TypeError("texts[%d]: expected str or bytes, got %s" % (i, type(text).__name__))
            record = {"id": str(_next(ids_iter, "ids")) if ids_iter is not None else str(i), "text": text}
            # Without sources, one source "" for all, as deduplicate() has; never the temporary
            # file's name.
            record["source"] = str(_next(sources_iter, "sources")) if sources_iter is not None else ""
            f.write(json.dumps(record, ensure_ascii=False))
            f.write("\n")
