"""The mistakes people make typing YAML in Notepad, explained in plain English (issue 15, item 3).

The parser says where it noticed something ("expected <block end>, but found '<block sequence
start>'"), which is rarely where the mistake is or what to do. ``explain`` looks at the text for the
usual mistakes and names the line where the mistake is and what to type instead:

* the Tab key used to indent;
* ``family: []`` left above the entries that follow it;
* a colon and a space inside a text (``title: Head of Service: Safeguarding``);
* a line indented more or less than the lines it belongs with;
* a quotation mark never closed;
* the same field written twice in one entry.
"""

from __future__ import annotations

import re

_EMPTY_ABOVE_ITEMS = re.compile(r"^(\s*)(- )?([^\s#:][^:#]*):\s*(\[\]|\{\})\s*(#.*)?$")
_FIELD = re.compile(r"^(\s*)(- )?([^\s#:'\"][^:#]*?):\s+(.*)$")
_DUPLICATE = re.compile(r'duplicate key "([^"]*)"')


def explain(text: str, line: int | None, reason: str, opened_on: int | None = None) -> tuple[int | None, str]:
    """The line of the mistake and what to do about it; the parser's own words as a last resort."""
    lines = text.splitlines()
    found = (
        _tab(lines, reason)
        or _empty_list_above_items(lines)
        or _duplicate(reason, lines, line)
        or _unclosed_quote(reason, lines, line, opened_on)
        or _colon_in_text(lines, line)
        or _indentation(lines, line)
    )
    if found is not None:
        return found
    return line, f"{reason}; check the indentation and punctuation on this line"


def _tab(lines: list[str], reason: str) -> tuple[int, str] | None:
    tab_named = "\\t" in reason or "\t" in reason
    for number, text in enumerate(lines, start=1):
        indentation = text[: len(text) - len(text.lstrip(" \t"))]
        if "\t" in indentation or (tab_named and "\t" in _unquoted(text)):
            return number, (
                "this line has a Tab (the Tab key); YAML lines up its fields with spaces only: replace the Tab "
                "with spaces, two for each level"
            )
    return None


def _empty_list_above_items(lines: list[str]) -> tuple[int, str] | None:
    for number, text in enumerate(lines, start=1):
        match = _EMPTY_ABOVE_ITEMS.match(text)
        if not match:
            continue
        following = next((later for later in lines[number:] if later.strip() and not later.lstrip().startswith("#")),
                         None)  # fmt: skip
        if following is None:
            continue
        indent = len(match.group(1)) + (2 if match.group(2) else 0)
        deeper = len(following) - len(following.lstrip(" "))
        if deeper > indent or (deeper == indent and following.lstrip().startswith("- ")):
            key, empty = match.group(3).strip(), match.group(4)
            return number, (
                f"'{key}: {empty}' says there is nothing here, but entries follow on the next lines; delete the "
                f"'{empty}' so that the line reads '{key}:'"
            )
    return None


def _duplicate(reason: str, lines: list[str], line: int | None) -> tuple[int | None, str] | None:
    match = _DUPLICATE.search(reason)
    if not match:
        return None
    key = match.group(1)
    first = None
    if line and line <= len(lines):
        text = lines[line - 1]
        indent = len(text) - len(text.lstrip(" -"))
        for number in range(line - 1, 0, -1):
            above = lines[number - 1]
            if not above.strip():
                continue
            level = len(above) - len(above.lstrip(" -"))
            if level < indent:
                break
            if level == indent and above.lstrip(" -").startswith(f"{key}:"):
                first = number
                break
    where = f" (first on line {first})" if first else ""
    return line, f"'{key}' is written twice in the same entry{where}; keep the one that is right"


def _unclosed_quote(
    reason: str, lines: list[str], line: int | None, opened_on: int | None
) -> tuple[int | None, str] | None:
    if "quoted scalar" not in reason and "end of stream" not in reason:
        return None
    start = opened_on or line or 1
    for number in range(start, 0, -1):  # the last line before the end with an odd number of quotes
        text = lines[number - 1] if number - 1 < len(lines) else ""
        for mark in ('"', "'"):
            value = text.split(":", 1)[1] if ":" in text else text
            if value.count(mark) % 2 == 1 and value.strip().startswith(mark):
                return number, (
                    f"a quotation mark ({mark}) opens the text on this line and is never closed; add the closing "
                    f"{mark} at the end of the text"
                )
    return None


def _colon_in_text(lines: list[str], line: int | None) -> tuple[int, str] | None:
    for number in [line, (line or 0) - 1]:
        if not number or number > len(lines):
            continue
        match = _FIELD.match(lines[number - 1])
        if not match:
            continue
        key, value = match.group(3).strip(), match.group(4)
        if value[:1] in "\"'|>[{" or ": " not in value:
            continue
        plain = value.split(" #", 1)[0].rstrip()
        return number, (
            f"the text after '{key}:' has a colon and a space in it, which YAML reads as the start of another "
            f'field; put the text in double quotes: {key}: "{plain}"'
        )
    return None


def _indentation(lines: list[str], line: int | None) -> tuple[int, str] | None:
    if not line or line > len(lines):
        return None
    for number in (line, line - 1):
        if number < 2 or number > len(lines):
            continue
        text = lines[number - 1]
        if not text.strip():
            continue
        indent = len(text) - len(text.lstrip(" "))
        previous = next(
            (lines[n] for n in range(number - 2, -1, -1) if lines[n].strip() and not lines[n].lstrip().startswith("#")),
            None,
        )
        if previous is None:
            continue
        above = len(previous) - len(previous.lstrip(" "))
        if previous.lstrip().startswith("- "):
            above += 2  # the fields of an entry line up after its "- "
        if indent != above and not previous.rstrip().endswith(":"):
            return number, (
                f"this line is indented {indent} spaces, but the line above it is indented {above}; fields of one "
                "entry must start in the same column: line it up with the line above"
            )
    return None


def _unquoted(text: str) -> str:
    return re.sub(r"\"[^\"]*\"|'[^']*'", "", text)
