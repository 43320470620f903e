"""Records what real Alembic and SQLAlchemy print, as fixtures the lab's tests replay (development only).

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install sqlalchemy==2.1.9 alembic==1.20.1
    /tmp/venv/bin/python tests/oracle/record.py            # every scenario
    /tmp/venv/bin/python tests/oracle/record.py heads      # the scenarios whose name contains "heads"

Each scenario starts from the lab's starting project (seed/) in a fresh folder, writes its files,
then runs its steps: `alembic ...` as a new process (stdout and stderr in one unbuffered pipe, so
the lines keep the order a terminal shows), a Python line in one persistent interpreter (as the
lab's console keeps one namespace), or a file edit. After every step it records the exit status,
the terminal text, the database's schema (sqlite_master) and rows, and the files the step created
or removed. tests/oracle.rs replays every fixture through the Lab. Nothing at run time or in CI
needs Python.
"""
import json
import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import alembic
import sqlalchemy

from scenarios import SCENARIOS

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BIN = Path(sys.executable).parent
# The lab's own words for the files `alembic init` writes (see the README's fidelity notes): the
# recorder puts them in place of Alembic's after a real init, so later edits and rendered
# revision files compare byte for byte.
LAB_INIT = {
    "alembic.ini": ROOT / "templates/init/alembic.ini",
    "env.py": ROOT / "templates/init/env.py",
    "README": ROOT / "templates/init/README",
    "script.py.mako": ROOT / "migrations/script.py.mako",
}
SKIP_DIRS = {"__pycache__"}
REAL_PROJECTS = ROOT / "target/real-projects"

# Runs Python lines the way an interactive interpreter does, one JSON request per line, with
# stdout and stderr captured together in the order written.
REPL_DRIVER = r'''
import code, io, json, sys
real_out = sys.stdout
class Both(io.TextIOBase):
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s); return len(s)
    def take(self):
        text = "".join(self.parts); self.parts.clear(); return text
both = Both()
sys.stdout = sys.stderr = both
sys.path.insert(0, ".")
failed = [False]
class Console(code.InteractiveInterpreter):
    def showtraceback(self):
        failed[0] = True
        super().showtraceback()
    def showsyntaxerror(self, filename=None, **kw):
        failed[0] = True
        super().showsyntaxerror(filename)
console = Console({"__name__": "__main__"})
for line in sys.stdin:
    source = json.loads(line)
    failed[0] = False
    more = console.runsource(source, "<stdin>", "single")
    real_out.write(json.dumps({"output": both.take(), "failed": failed[0], "more": more}) + "\n")
    real_out.flush()
'''


def snapshot_files(root):
    out = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if path.is_dir() or SKIP_DIRS & set(rel.parts) or rel.suffix == ".db" or rel.name == ".gitkeep" \
                or rel.name.endswith(("-journal", "-wal", "-shm")):  # SQLite's, while a transaction is open
            continue
        out[rel.as_posix()] = path.read_text()
    return out


def unpacked_files(step):
    """(path in the lab's project, text) for an unpack step: a file, or a folder's .py files."""
    source = REAL_PROJECTS / step["unpack"] / step["from"]
    if not source.exists():
        raise SystemExit(f"{source} is missing: run `make real-projects` first")
    if source.is_file():
        return [(step["to"], source.read_text())]
    return [(f'{step["to"]}/{path.name}', path.read_text()) for path in sorted(source.glob("*.py"))]


def database_path(root):
    """The file `sqlalchemy.url` names in alembic.ini (sqlite.db before there is one)."""
    ini = root / "alembic.ini"
    if ini.exists():
        m = re.search(r"^sqlalchemy\.url\s*=\s*sqlite:///(\S+)\s*$", ini.read_text(), re.M)
        if m:
            return root / m.group(1)
    return root / "sqlite.db"


def cell(value):
    if isinstance(value, bytes):
        return {"blob": value.hex()}
    return value


def database_state(root):
    path = database_path(root)
    if not path.exists():
        return [], {}
    con = sqlite3.connect(path)
    try:
        schema = [list(r) for r in con.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name, type")]
        rows = {}
        for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
            if name.startswith("sqlite_"):
                continue
            found = [[cell(v) for v in r] for r in con.execute(f'SELECT * FROM "{name}"')]
            rows[name] = sorted(found, key=lambda r: json.dumps(r))
        return schema, rows
    finally:
        con.close()


def revision_bodies(text):
    """upgrade() and downgrade() as code: docstrings and comment lines left out (their words are
    the project's own), what Alembic rendered kept."""
    out = []
    keep = False
    for line in text.splitlines():
        if line.startswith("def "):
            keep = line.startswith(("def upgrade", "def downgrade"))
        elif line and not line.startswith((" ", "\t")):
            keep = False
        if not keep:
            continue
        stripped = line.strip()
        if stripped.startswith("#") or stripped.startswith('"""') or not stripped:
            continue
        out.append(line.rstrip())
    return "\n".join(out)


def alembic_frames(lines):
    """An alembic command's traceback as the lab shows it: the project's frames (env.py, the
    revision files, the models) and the exceptions; Alembic's and Python's own frames left out
    (site-packages, the `alembic` script, importlib's frozen frames, Alembic's generated proxy)."""
    return without_library_frames(lines, also=('  File ".venv/', '  File "<frozen', '  File "<string>"'))


def _sqlalchemy_recorder():
    """tests/sqlalchemy/record.py, whose rule for leaving library frames out both recorders share."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("sqlalchemy_record", ROOT / "tests/sqlalchemy/record.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


without_library_frames = _sqlalchemy_recorder().without_library_frames


class Recorder:
    def __init__(self, root):
        self.root = root
        self.repl = None

    def close(self):
        if self.repl:
            self.repl.stdin.close()
            self.repl.wait(timeout=30)

    def clean(self, text):
        """Paths as the lab shows them: the project's relative to its folder, the installed
        packages in the project's `.venv/`."""
        venv = str(BIN.parent) + "/"
        return text.replace(str(self.root) + "/", "").replace(str(self.root), ".").replace(venv, ".venv/")

    def alembic(self, words):
        env = dict(os.environ, PYTHONUNBUFFERED="1", PYTHONDONTWRITEBYTECODE="1", COLUMNS="80")
        proc = subprocess.run([str(BIN / "alembic"), *words], cwd=self.root, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
        return proc.returncode, proc.stdout.decode()

    def python(self, source):
        if self.repl is None:
            env = dict(os.environ, PYTHONUNBUFFERED="1", PYTHONDONTWRITEBYTECODE="1")
            self.repl = subprocess.Popen([sys.executable, "-c", REPL_DRIVER], cwd=self.root, env=env,
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.repl.stdin.write(json.dumps(source) + "\n")
        self.repl.stdin.flush()
        answer = json.loads(self.repl.stdout.readline())
        return (1 if answer["failed"] else 0), answer["output"]

    def run(self, line):
        words = shlex.split(line)
        if words and words[0] == "alembic":
            status, text = self.alembic(words[1:])
            if words[1:2] == ["init"] and status == 0:
                directory = self.root / words[-1]
                for name, source in LAB_INIT.items():
                    target = self.root / name if name == "alembic.ini" else directory / name
                    text_now = target.read_text() if target.exists() else None
                    if name == "alembic.ini" and text_now is not None and "A generic" not in text_now:
                        continue
                    lab = source.read_text()
                    if name == "alembic.ini":
                        lab = lab.replace("%(here)s/migrations", "%(here)s/" + words[-1].rstrip("/"))
                    target.write_text(lab)
            return status, text
        if words and words[0] in ("ls", "cat", "rm"):
            raise SystemExit(f"shell lines are not recorded: {line}")
        if line.strip() in ("exit()", "quit()"):
            # The interpreter ends; the next Python line starts a new one.
            self.close()
            self.repl = None
            return 0, ""
        return self.python(line)


def record(scenario):
    root = Path(tempfile.mkdtemp(prefix="oracle-"))
    try:
        shutil.copytree(ROOT / "seed", root, dirs_exist_ok=True)
        for path, text in scenario.get("files", {}).items():
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text)
        rec = Recorder(root)
        steps = []
        try:
            for step in scenario["steps"]:
                before = snapshot_files(root)
                if "write" in step:
                    (root / step["write"]).parent.mkdir(parents=True, exist_ok=True)
                    (root / step["write"]).write_text(step["text"])
                    steps.append({"write": step["write"], "text": step["text"]})
                    continue
                if "unpack" in step:
                    for path, text in unpacked_files(step):
                        (root / path).parent.mkdir(parents=True, exist_ok=True)
                        (root / path).write_text(text)
                    steps.append({k: step[k] for k in ("unpack", "from", "to")})
                    continue
                if "remove" in step:
                    (root / step["remove"]).unlink()
                    steps.append({"remove": step["remove"]})
                    continue
                if "edit" in step:
                    path, old, new = step["edit"]
                    text = (root / path).read_text()
                    if old not in text:
                        raise SystemExit(f"{scenario['name']}: {path} has no {old!r}")
                    text = text.replace(old, new, 1)
                    (root / path).write_text(text)
                    steps.append({"write": path, "text": text})
                    continue
                status, text = rec.run(step["run"])
                after = snapshot_files(root)
                schema, rows = database_state(root)
                raw = rec.clean(text).removesuffix("\n").split("\n") if text else []
                entry = {
                    "run": step["run"],
                    "exit": status,
                    # A traceback keeps the learner's frames (env.py, revisions, models), not the
                    # libraries'.
                    "terminal": alembic_frames(raw) if step["run"].startswith("alembic") else without_library_frames(raw),
                    "schema": schema,
                    "rows": rows,
                    "created": sorted(set(after) - set(before)),
                    "removed": sorted(set(before) - set(after)),
                    "revisions": {p: revision_bodies(t) for p, t in after.items()
                                  if "/versions/" in p and p.endswith(".py") and before.get(p) != t},
                }
                if scenario.get("whole_files"):
                    # The revision files in full, for scenarios about the template (its date is now).
                    entry["revision_texts"] = {
                        p: re.sub(r"(?m)^Create Date: .*$", "Create Date: <now>", t) for p, t in after.items()
                        if "/versions/" in p and p.endswith(".py") and before.get(p) != t}
                if entry["terminal"] != raw:
                    entry["raw"] = raw
                if "why" in step:
                    entry["why"] = step["why"]
                steps.append(entry)
        finally:
            rec.close()
        return {
            "name": scenario["name"],
            "about": scenario.get("about", ""),
            "recorded_with": f"alembic {alembic.__version__}, sqlalchemy {sqlalchemy.__version__}, "
                             f"Python {sys.version.split()[0]}",
            "files": scenario.get("files", {}),
            "steps": steps,
        }
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main():
    wanted = sys.argv[1:]
    FIXTURES.mkdir(parents=True, exist_ok=True)
    count = 0
    for scenario in SCENARIOS():
        if wanted and not any(w in scenario["name"] for w in wanted):
            continue
        fixture = record(scenario)
        (FIXTURES / f"{scenario['name']}.json").write_text(json.dumps(fixture, indent=1, ensure_ascii=False) + "\n")
        count += 1
        print(f"{scenario['name']}: {len(fixture['steps'])} steps")
    print(f"recorded {count} scenarios")


if __name__ == "__main__":
    main()
