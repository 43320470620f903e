"""Writes src/interp/type_attributes.txt (development only): for each built-in type whose values
the lab's Python has, what CPython 3.11's `dir()` lists for one of them (`str __add__ … zfill`),
so that `dir("abc")` is Python's list and an AttributeError's "Did you mean" looks among the names
CPython looks among.

    python3.11 tests/python/type_attributes.py
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def generator():
    yield 1


def main():
    assert sys.version_info[:2] == (3, 11), sys.version
    samples = [object(), BaseException(), None, True, 1, 1.5, "", b"", [], (), {}, set(), range(1), slice(1), {}.keys(), {}.values(), {}.items(),
               main, len, generator()]
    lines = [" ".join([type(value).__name__, *dir(value)]) for value in samples]
    (ROOT / "src/interp/type_attributes.txt").write_text("\n".join(lines) + "\n")
    print(f"{len(lines)} types")


if __name__ == "__main__":
    main()
