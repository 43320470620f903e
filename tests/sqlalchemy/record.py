"""Records what CPython with SQLAlchemy 2.1.9 prints for each program of tests/sqlalchemy/programs
(development only; the tests replay the fixtures):

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install sqlalchemy==2.1.9 alembic==1.20.1
    /tmp/venv/bin/python tests/sqlalchemy/record.py [NAME ...]

Each program runs as `python NAME.py` in a fresh copy of the lab's starting project (seed/), with
stdout and stderr in one unbuffered pipe (the order a terminal shows). A traceback keeps the
learner's own frames: SQLAlchemy's frames (site-packages) are left out, as the lab's tracebacks
have no library frames. tests/sqlalchemy_corpus.rs replays the fixtures through the lab.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import sqlalchemy

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PROGRAMS = HERE / "programs"
FIXTURES = HERE / "fixtures"
SESSIONS = HERE / "sessions"
ENV = dict(os.environ, PYTHONUNBUFFERED="1", PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0", TZ="UTC")
ENV.pop("PYTHONSTARTUP", None)


def without_library_frames(lines, also=()):
    """Drops each `File ".../site-packages/..."` frame of a traceback with its source and `^^^^`
    lines (and frames starting with any of `also`)."""
    out = []
    skipping = False
    for line in lines:
        if line.startswith("  File "):
            skipping = ("site-packages" in line or "/lib/python3" in line or line.startswith('  File "<sqlalchemy generated')
                        or line.startswith(tuple(also)))
            if skipping:
                continue
        elif skipping and line.startswith("    "):
            continue
        else:
            skipping = False
        out.append(line)
    return out


def main():
    assert sqlalchemy.__version__ == "2.1.9", sqlalchemy.__version__
    FIXTURES.mkdir(exist_ok=True)
    wanted = set(sys.argv[1:])
    for program in sorted(PROGRAMS.glob("*.py")):
        if wanted and program.stem not in wanted:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copytree(ROOT / "seed", tmp, dirs_exist_ok=True)
            shutil.copy(program, Path(tmp) / program.name)
            run = subprocess.run([sys.executable, program.name], cwd=tmp, env=ENV, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, timeout=120)
            text = run.stdout.decode().replace(tmp + "/", "")
        lines = text.removesuffix("\n").split("\n") if text else []
        fixture = {
            "program": program.name,
            "recorded_with": f"Python {sys.version.split()[0]}, SQLAlchemy {sqlalchemy.__version__}",
            "exit": run.returncode,
            "output": without_library_frames(lines),
        }
        (FIXTURES / f"{program.stem}.json").write_text(json.dumps(fixture, indent=1, ensure_ascii=False) + "\n")
        print(f"{program.stem}: exit {run.returncode}, {len(lines)} lines")
    # Console sessions: the lines typed into `python -i` in the project folder.
    for session in sorted(SESSIONS.glob("*.txt")):
        if wanted and session.stem not in wanted:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copytree(ROOT / "seed", tmp, dirs_exist_ok=True)
            run = subprocess.run([sys.executable, "-q", "-i"], cwd=tmp, env=ENV, input=session.read_bytes(),
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
            text = run.stdout.decode().replace(tmp + "/", "")
        fixture = {
            "session": session.name,
            "recorded_with": f"Python {sys.version.split()[0]} -i, SQLAlchemy {sqlalchemy.__version__}",
            "transcript": "\n".join(without_library_frames(text.split("\n"))),
        }
        (SESSIONS / f"{session.stem}.json").write_text(json.dumps(fixture, indent=1, ensure_ascii=False) + "\n")
        print(f"session {session.stem}: exit {run.returncode}")


if __name__ == "__main__":
    main()
