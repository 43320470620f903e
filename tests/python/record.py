"""Records what CPython prints for each program of tests/python/programs (development only):

    python3 tests/python/record.py

Each program runs as `python NAME.py` in a fresh copy of the lab's starting project (seed/), so it
can import the project's modules, with stdout and stderr in one unbuffered pipe (the order a
terminal shows). tests/python_corpus.rs replays the fixtures through the lab's interpreter.

Each console session of tests/python/sessions (lines as typed) is fed to `python -i` in the same
way; the transcript (prompts `>>> ` and `... `, output and tracebacks) is what the console shows.
tests/python_session.rs replays the lines through the lab's console.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROGRAMS = Path(__file__).resolve().parent / "programs"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SESSIONS = Path(__file__).resolve().parent / "sessions"
ENV = dict(os.environ, PYTHONUNBUFFERED="1", PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0")
ENV.pop("PYTHONSTARTUP", None)


def main():
    FIXTURES.mkdir(exist_ok=True)
    for program in sorted(PROGRAMS.glob("*.py")):
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copytree(ROOT / "seed", tmp, dirs_exist_ok=True)
            shutil.copy(program, Path(tmp) / program.name)
            run = subprocess.run([sys.executable, program.name], cwd=tmp, env=ENV, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, timeout=60)
            text = run.stdout.decode().replace(tmp + "/", "")
        lines = text.removesuffix("\n").split("\n") if text else []
        fixture = {
            "program": program.name,
            "recorded_with": f"Python {sys.version.split()[0]}",
            "exit": run.returncode,
            "output": lines,
        }
        (FIXTURES / f"{program.stem}.json").write_text(json.dumps(fixture, indent=1, ensure_ascii=False) + "\n")
        print(f"{program.stem}: exit {run.returncode}, {len(lines)} lines")
    for session in sorted(SESSIONS.glob("*.txt")):
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copytree(ROOT / "seed", tmp, dirs_exist_ok=True)
            run = subprocess.run([sys.executable, "-q", "-i"], cwd=tmp, env=ENV, input=session.read_bytes(),
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60)
        fixture = {
            "session": session.name,
            "recorded_with": f"Python {sys.version.split()[0]} -i",
            "transcript": run.stdout.decode(),
        }
        (SESSIONS / f"{session.stem}.json").write_text(json.dumps(fixture, indent=1, ensure_ascii=False) + "\n")
        print(f"session {session.stem}: exit {run.returncode}")


if __name__ == "__main__":
    main()
