# Type stubs of the neardup package. Option defaults are `...` here: the values are the
# library's (neardup.DEFAULTS, help(neardup.deduplicate)). tests/python checks that the options
# listed here are exactly those the module takes.
from typing import Callable, Iterable, Literal, NamedTuple, Optional, Union
import os

__version__: str
DEFAULTS: dict[str, object]

class Span(NamedTuple):
    doc: int
    start: int
    end: int
    byte_start: int
    byte_end: int

class Passage(NamedTuple):
    doc: int
    rule: Literal["repeat-within", "repeat-across", "boilerplate", "boilerplate-pattern"]
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
    removed: int
    kept: int
    similarity: float
    match: Literal["exact", "jaccard", "containment"]

class Progress(NamedTuple):
    stage: str
    documents: int
    bytes: int

class Result:
    def __len__(self) -> int: ...
    @property
    def keep(self) -> list[bool]: ...
    @property
    def duplicates(self) -> list[Duplicate]: ...
    @property
    def passages(self) -> list[Passage]: ...
    def cleaned(self, i: int) -> Union[str, bytes, None]: ...
    def cleaned_texts(self) -> list[Union[str, bytes, None]]: ...
    def report(self) -> dict: ...
    @property
    def stats(self) -> dict: ...

def deduplicate(
    texts: Iterable[Union[str, bytes]],
    ids: Optional[Iterable[Union[str, int]]] = None,
    sources: Optional[Iterable[Union[str, int]]] = None,
    *,
    progress: Optional[Callable[[Progress], object]] = None,
    threshold: float = ...,
    num_perm: int = ...,
    shingle: str = ...,
    passages: Literal["line", "paragraph"] = ...,
    threads: int = ...,
    seed: int = ...,
    cross_doc: Literal["report", "remove"] = ...,
    boilerplate_min_docs: int = ...,
    boilerplate_min_share: float = ...,
    boilerplate_patterns: Literal["report", "remove"] = ...,
    containment: float = ...,
    keep: Literal["first", "longest"] = ...,
    min_tandem_words: int = ...,
    temp_dir: Union[str, os.PathLike[str], None] = ...,
) -> Result: ...

_FileOptions = object  # every option of deduplicate(), keep="field:NAME", text_field, id_field, source_field, url_field

def clean_file(
    inputs: Union[str, os.PathLike[str], Iterable[Union[str, os.PathLike[str]]]],
    outdir: Union[str, os.PathLike[str]],
    *,
    report: Union[str, os.PathLike[str], None] = ...,
    **options: _FileOptions,
) -> dict: ...
def report_file(
    inputs: Union[str, os.PathLike[str], Iterable[Union[str, os.PathLike[str]]]],
    output: Union[str, os.PathLike[str], None] = ...,
    **options: _FileOptions,
) -> dict: ...

class Index:
    path: str
    def __init__(
        self,
        path: Union[str, os.PathLike[str]],
        *,
        threshold: float = ...,
        num_perm: int = ...,
        shingle: str = ...,
        seed: int = ...,
        threads: int = ...,
        temp_dir: Union[str, os.PathLike[str], None] = ...,
    ) -> None: ...
    def query(self, texts: Iterable[Union[str, bytes]], ids: Optional[Iterable[Union[str, int]]] = ...) -> list[list[dict]]: ...
    def add(
        self,
        texts: Iterable[Union[str, bytes]],
        ids: Optional[Iterable[Union[str, int]]] = ...,
        sources: Optional[Iterable[Union[str, int]]] = ...,
        *,
        wait: bool = ...,
    ) -> None: ...
    def stats(self) -> str: ...
