"""Writes src/interp/stdlib_names.txt (development only): the modules of CPython 3.11's standard
library (`sys.stdlib_module_names`), one per line, so that importing one the lab does not have
says "not available in this lab" instead of a ModuleNotFoundError the learner's machine would not
print.

    python3.11 tests/python/stdlib_names.py
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main():
    assert sys.version_info[:2] == (3, 11), sys.version
    names = sorted(n for n in sys.stdlib_module_names if not n.startswith("_") and n != "antigravity")
    (ROOT / "src/interp/stdlib_names.txt").write_text("\n".join(names) + "\n")
    print(f"{len(names)} modules")


if __name__ == "__main__":
    main()
