#!/usr/bin/python3
"""Turns Debian's documentation into the negative-control corpus of the quality benchmark.

Usage: control_text.py ROOT OUT.jsonl TRUTH.json

ROOT holds the packages unpacked by scripts/fetch_control_text.sh (debian-reference-en,
debian-faq, debian-policy, manpages, base-files). Each document is one section of a manual, one
manual page or one licence, written as news-like text: its title on the first line, then one
paragraph per line (wrapped lines joined with spaces; list items each on a line). Tables, code
blocks, admonition labels ("Note", "Warning") and manual-page section headings are left out:
they are markup, and the headings would recur in every document as boilerplate does. Nothing
else is changed or filtered: what repeats inside a section, repeats in its document.

Output: {"id", "source", "text"} per line, sources named after the collection, in a fixed order,
so that the same package versions give the same bytes; and a truth file in the format of
`neardup synth` in which every document is kept and nothing is duplicate, so that `neardup eval`
counts every byte a run removes as collateral damage.
"""
import gzip
import json
import os
import re
import subprocess
import sys

ADMONITIONS = {"note", "warning", "tip", "caution", "important"}
LIST_ITEM = re.compile(r"^([*+o-]|\d+\.)\s+\S")
TOC_ENTRY = re.compile(r"^(\d+|[A-Z])(\.\d+)*\.\s+\S|^[a-z]")


def read(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as f:
        return f.read()


def blocks(lines):
    """Blank-line separated blocks of (indent, text) pairs."""
    block = []
    for line in lines:
        if line.strip():
            block.append((len(line) - len(line.lstrip(" ")), line.strip()))
        elif block:
            yield block
            block = []
    if block:
        yield block


def prose_lines(lines, base):
    """Paragraphs and list items of an indented body as single lines; code and tables dropped."""
    out = []
    for block in blocks(lines):
        indent, first = block[0]
        if first.startswith(("+-", "|", "+=")) or first.lower() in ADMONITIONS:
            continue
        if all(TOC_ENTRY.match(text) for _, text in block):
            continue  # a table of contents
        is_item = LIST_ITEM.match(first) is not None
        if not is_item and indent != base:
            continue  # code, examples, verbatim text
        if first.startswith(("$ ", "# ", "% ")):
            continue
        current = []
        for ind, text in block:
            if LIST_ITEM.match(text) and current and ind <= indent + 4 and is_item:
                out.append(" ".join(current))
                current = []
            current.append(text)
        out.append(" ".join(current))
    return out


def split_numbered(text, heading, depth):
    """Sections of a text whose headings start at column 0; a document per heading of `depth`
    numbers or fewer, deeper headings kept as lines of it."""
    docs, title, body = [], None, []

    def flush():
        if title is not None:
            docs.append((title, body))

    for line in text.split("\n"):
        m = heading.match(line)
        if m:
            numbers = m.group(1).strip(".").split(".") if m.group(1) else []
            if len(numbers) <= depth:
                flush()
                title, body = line.strip(), []
                continue
            body.append("")
            body.append("    " + line.strip())
            body.append("")
            continue
        body.append(line)
    flush()
    return docs


def indented_manual(path, depth):
    """debian-reference and debian-faq: headings at column 0, bodies indented by 4 spaces."""
    heading = re.compile(r"^(?:Chapter |Appendix )?((?:\d+|[A-Z])(?:\.\d+)*\.)\s+\S")
    out = []
    for title, body in split_numbered(read(path), heading, depth):
        lines = prose_lines(body, 4)
        if lines:
            out.append((title, lines))
    return out


def policy(path):
    """debian-policy's text rendering: headings underlined, bodies at column 0."""
    raw = read(path).split("\n")
    marked = []
    for i, line in enumerate(raw):
        under = raw[i + 1] if i + 1 < len(raw) else ""
        if re.match(r"^\d+(\.\d+)*\. \S", line) and re.fullmatch(r"[=\-~*^]{3,}", under.strip() or "x"):
            marked.append("@@" + line)
        elif re.fullmatch(r"[=\-~*^]{3,}", line.strip() or "x") and marked and marked[-1].startswith("@@"):
            continue
        else:
            marked.append(line)
    heading = re.compile(r"^@@((?:\d+)(?:\.\d+)*\.)\s+\S")
    out = []
    for title, body in split_numbered("\n".join(marked), heading, 2):
        lines = prose_lines(body, 0)
        title = title[2:] if title.startswith("@@") else title
        if lines:
            out.append((title, lines))
    return out


# Sections that hold code, references or standards text that recurs from page to page.
SKIPPED_SECTIONS = {"SYNOPSIS", "EXAMPLES", "EXAMPLE", "SEE ALSO", "STANDARDS", "CONFORMING TO",
                    "VERSIONS", "HISTORY", "COLOPHON", "AUTHORS", "AUTHOR", "COPYRIGHT", "FILES"}
CHARSET_PAGE = re.compile(r"^(iso[-_]8859|latin\d|koi8|cp\d|armscii|tis-620|ascii)")
CODE_LINE = re.compile(r"(;|\{|\}|\\|\*/)$|/\*|^#|^\$ |^[a-z_]+\(.*\)$|^[\d ]+$")


def manual_page(path):
    """One manual page rendered wide (a paragraph per line); headings, header, footer, code and
    the sections listed above dropped."""
    env = dict(os.environ, MANWIDTH="10000", LC_ALL="C.UTF-8", MAN_KEEP_FORMATTING="")
    rendered = subprocess.run(["man", "-l", path], env=env, capture_output=True, check=False).stdout
    text = subprocess.run(["col", "-bx"], input=rendered, capture_output=True, check=True).stdout.decode(
        "utf-8", errors="replace")
    lines = [l.rstrip() for l in text.split("\n")]
    lines = [l for l in lines if l.strip()]
    if len(lines) < 4:
        return None
    lines = lines[1:-1]  # "signal(7)  ...  signal(7)" and the footer
    name = os.path.basename(path).rsplit(".", 2)[0]
    out = []
    section = ""
    for line in lines:
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" "))
        if indent == 0:
            section = stripped  # NAME, DESCRIPTION, SEE ALSO ...
            continue
        if section in SKIPPED_SECTIONS or indent < 7 or CODE_LINE.search(stripped):
            continue  # subsection headings (indent 3), code
        out.append(" ".join(stripped.split()))
    return (name, out)


def licence(path):
    paragraphs = []
    for block in blocks(read(path).split("\n")):
        paragraphs.append(" ".join(text for _, text in block))
    return paragraphs


def main():
    root, out_path, truth_path = sys.argv[1], sys.argv[2], sys.argv[3]
    docs = []  # (source, id, title, lines)
    ref = os.path.join(root, "debian-reference-en/usr/share/debian-reference/debian-reference.en.txt.gz")
    for i, (title, lines) in enumerate(indented_manual(ref, 2)):
        docs.append(("debian-reference", "reference-%03d" % i, title, lines))
    faq = os.path.join(root, "debian-faq/usr/share/doc/debian/FAQ/debian-faq.en.txt.gz")
    for i, (title, lines) in enumerate(indented_manual(faq, 2)):
        docs.append(("debian-faq", "faq-%03d" % i, title, lines))
    pol = os.path.join(root, "debian-policy/usr/share/doc/debian-policy/policy.txt.gz")
    for i, (title, lines) in enumerate(policy(pol)):
        docs.append(("debian-policy", "policy-%03d" % i, title, lines))
    for section in ("man5", "man7"):
        directory = os.path.join(root, "manpages/usr/share/man", section)
        for name in sorted(os.listdir(directory)):
            if CHARSET_PAGE.match(name):
                continue  # tables of characters, not prose
            page = manual_page(os.path.join(directory, name))
            if page is None:
                continue
            title, lines = page
            # Pages that are mostly tables (character sets) or a redirect have little prose.
            if sum(len(l) for l in lines if len(l.split()) >= 8) < 1000:
                continue
            docs.append(("manpages", "man-" + name.replace(".gz", ""), lines[0], lines[1:]))
    licences = os.path.join(root, "base-files/usr/share/common-licenses")
    # One version of each licence family: versions of one licence are near duplicates.
    for name in ("Apache-2.0", "Artistic", "BSD", "CC0-1.0", "GFDL-1.3", "GPL-3", "LGPL-2.1", "MPL-2.0"):
        paragraphs = licence(os.path.join(licences, name))
        docs.append(("licenses", "license-" + name, paragraphs[0], paragraphs[1:]))
    seen = set()
    truth = []
    with open(out_path, "w", encoding="utf-8") as f:
        for source, doc_id, title, lines in docs:
            lines = [l for l in lines if l.strip()]
            if not lines or tuple(lines) in seen:
                continue  # manual pages under two names
            seen.add(tuple(lines))
            text = title + "\n" + "\n".join(lines) + "\n"
            f.write(json.dumps({"id": doc_id, "source": source, "text": text}, ensure_ascii=False) + "\n")
            truth.append({"id": doc_id, "source": source, "bytes": len(text.encode("utf-8")), "status": "kept",
                          "made_by": "base", "glued": False, "spans": [], "natural": []})
    with open(truth_path, "w", encoding="utf-8") as f:
        json.dump({"neardup_truth": {"version": "control", "schema": 1}, "seed": 0, "ambiguous_low": 0.75,
                   "ambiguous_high": 0.85, "params": {}, "stats": {"documents": len(truth)},
                   "documents": truth}, f)
        f.write("\n")


if __name__ == "__main__":
    main()
