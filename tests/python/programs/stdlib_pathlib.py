from pathlib import Path, PurePath
import os

here = Path(__file__).resolve()
base = here.parent
db = base / "data" / "app.db"
print(db.name, db.stem, db.suffix, db.parent.name, db.parts[-2:], db.is_absolute(), type(db).__name__)
print(os.fspath(db.relative_to(base)), db.with_suffix(".sqlite3").name, db.with_name("x.db").relative_to(base), db.relative_to(base))
print(Path("a/b") / "c.txt", "root" / Path("x"), Path("a", "b", "c"), Path("a/b/../c"), Path("./a//b/"), Path(), Path("."))
print(Path("archive.tar.gz").suffixes, Path("archive.tar.gz").stem, Path("/").parent, Path("a/b").parent.parent, repr(Path("a").parent))
print(Path("x.py") == Path("x.py"), Path("a") < Path("b"), len({Path("a"), Path("a")}), Path("a/b").joinpath("c", "d"), Path("a").as_posix())
print(here.name, here.exists(), here.is_file(), base.is_dir(), (base / "nope.txt").exists(), Path.cwd() == base)
print(sorted(p.name for p in base.iterdir() if p.suffix == ".py"), sorted(p.name for p in base.glob("*.py")))
print(sorted(p.relative_to(base).as_posix() for p in (base / "src" / "models").glob("*.py")))
data = base / "data"
data.mkdir(parents=True, exist_ok=True)
print(data.exists(), data.is_dir())
try:
    data.mkdir()
except FileExistsError as exc:
    print("FileExistsError", exc.args[0])
print(here.read_text().splitlines()[0], (base / "src" / "models" / "user.py").read_text().count("class"))
try:
    (base / "missing.txt").read_text()
except FileNotFoundError as exc:
    print(type(exc).__name__, isinstance(exc, OSError), exc.errno, exc.strerror)
print(str(FileNotFoundError(2, "No such file or directory", "x.txt")), OSError(13, "Permission denied").strerror, OSError("plain").errno)
print(isinstance(db, PurePath), Path("a") / Path("/abs"), list(Path("a/b/c").parents), repr(Path("x/y.txt")))
print(Path("a.txt").with_suffix(""), Path("a").with_suffix(".py"), Path("dir/a.b.c").stem, Path(".hidden").suffix, Path("x/").name)
try:
    Path("a").with_suffix("py")
except ValueError as exc:
    print("ValueError", exc)
try:
    Path("a/b").relative_to("c")
except ValueError as exc:
    print("ValueError", exc)
print(f"sqlite:///{db.relative_to(base)}", str(Path("data") / "app.db"))
