"""Rewrites tests/oracle/pending.txt from a dump of the differences (development only):

    ORACLE_DUMP=/tmp/oracle-diff.txt cargo test --test oracle; python3 tests/oracle/pending.py /tmp/oracle-diff.txt

Keeps the reason already written for a step; a new step gets "not yet fixed: …" until one is.
"""
import re
import sys
from pathlib import Path

PENDING = Path(__file__).resolve().parent / "pending.txt"
HEADER = """# Steps of the oracle corpus (tests/oracle/fixtures) where the lab still differs from real Alembic.
# One line each: scenario#step-index, then why. tests/oracle.rs fails when a step differs and is not
# listed here, and when a listed step matches again, so this list only shrinks.
"""

old = {}
for line in PENDING.read_text().splitlines() if PENDING.exists() else []:
    if line and not line.startswith("#"):
        key, _, why = line.partition("  ")
        old[key] = why.strip()
text = Path(sys.argv[1]).read_text()
lines = [HEADER]
for block in re.split(r"\n\n(?=[a-z_]+#\d+\n\$ )", text):
    rows = block.split("\n")
    if len(rows) < 2 or not rows[1].startswith("$ "):
        continue
    key, command = rows[0], rows[1][2:]
    kinds = [r.split(":")[0] for r in rows[2:] if re.match(r"^(exit|terminal|schema|rows|files):", r)]
    kinds += ["revision file"] if any(r.endswith(".py:") for r in rows[2:]) else []
    why = old.get(key) or f"not yet fixed: `{command}` differs in {', '.join(dict.fromkeys(kinds))}"
    lines.append(f"{key}  {why}")
PENDING.write_text("\n".join(lines) + "\n")
print(f"{len(lines) - 1} pending steps")
