"""The lab's pathlib, in Python: PurePath / PosixPath / Path over the project's files (the
project folder, /project, is the current directory). Paths join with `/`, take apart (name, stem,
suffix, parent, parts) and read the project's files; nothing here writes a file (the editor and
`rm` do), and `mkdir` only notes a folder for this run."""

import os
import os.path as _path

_made_folders = set()


def _normalize(text):
    """Python's path text: no doubled or trailing slashes, no `.` parts (`..` is kept)."""
    if not text:
        return "."
    absolute = text.startswith("/")
    parts = [p for p in text.split("/") if p not in ("", ".")]
    joined = "/".join(parts)
    if absolute:
        return "/" + joined
    return joined or "."


class PurePath:
    """A path as text, taken apart and joined; no file is touched."""

    def __init__(self, *segments):
        text = ""
        for segment in segments:
            if isinstance(segment, PurePath):
                segment = segment._text
            elif hasattr(segment, "__fspath__"):
                segment = segment.__fspath__()
            if not isinstance(segment, str):
                raise TypeError(f"argument should be a str or an os.PathLike object where __fspath__ returns a str, not {type(segment).__name__!r}")
            if segment.startswith("/") or not text:
                text = segment
            elif segment:
                text = text + "/" + segment
        self._text = _normalize(text)

    def _make(self, text):
        return type(self)(text)

    def __str__(self):
        return self._text

    def __fspath__(self):
        return self._text

    def __repr__(self):
        return f"{type(self).__name__}({self._text!r})"

    def __truediv__(self, other):
        try:
            return type(self)(self, other)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, other):
        try:
            return type(self)(other, self)
        except TypeError:
            return NotImplemented

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._text == other._text

    def __hash__(self):
        return hash(self._text)

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self.parts < other.parts

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self.parts <= other.parts

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self.parts > other.parts

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self.parts >= other.parts

    @property
    def parts(self):
        if self._text == ".":
            return ()
        if self._text.startswith("/"):
            return ("/",) + tuple(p for p in self._text[1:].split("/") if p)
        return tuple(self._text.split("/"))

    @property
    def name(self):
        if self._text in (".", "/"):
            return ""
        return self._text.rsplit("/", 1)[-1]

    @property
    def suffix(self):
        name = self.name
        dot = name.rfind(".")
        if 0 < dot < len(name) - 1:
            return name[dot:]
        return ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + s for s in name.split(".")[1:]]

    @property
    def stem(self):
        name, suffix = self.name, self.suffix
        return name[: len(name) - len(suffix)] if suffix else name

    @property
    def parent(self):
        if self._text in (".", "/"):
            return self
        head = self._text.rsplit("/", 1)[0] if "/" in self._text else "."
        if self._text.startswith("/") and head == "":
            head = "/"
        return self._make(head)

    @property
    def parents(self):
        found = []
        current = self
        while current.parent != current:
            current = current.parent
            found.append(current)
        return tuple(found)

    @property
    def anchor(self):
        return "/" if self._text.startswith("/") else ""

    def is_absolute(self):
        return self._text.startswith("/")

    def as_posix(self):
        return self._text

    def joinpath(self, *segments):
        return type(self)(self, *segments)

    def with_name(self, name):
        if not self.name:
            raise ValueError(f"{self!r} has an empty name")
        if not name or "/" in name or name == ".":
            raise ValueError(f"Invalid name {name!r}")
        return self._make(str(self.parent / name) if self.parent._text != "." else name)

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if suffix and (not suffix.startswith(".") or suffix == "."):
            raise ValueError(f"Invalid suffix {suffix!r}")
        return self.with_name(self.stem + suffix)

    def relative_to(self, other):
        other = PurePath(other)
        if other._text == ".":
            return self._make(self._text)
        if self._text == other._text:
            return self._make(".")
        prefix = other._text.rstrip("/") + "/"
        if not self._text.startswith(prefix):
            raise ValueError(f"{str(self)!r} is not in the subpath of {str(other)!r} OR one path is relative and the other is absolute.")
        return self._make(self._text[len(prefix):])

    def is_relative_to(self, other):
        try:
            self.relative_to(other)
            return True
        except ValueError:
            return False

    def match(self, pattern):
        return _matches(self.name, pattern.rsplit("/", 1)[-1])


class PurePosixPath(PurePath):
    pass


def _matches(name, pattern):
    """Whether a file name matches a glob pattern of `*`, `?` and literal characters."""
    if not pattern:
        return not name
    if pattern[0] == "*":
        return any(_matches(name[i:], pattern[1:]) for i in range(len(name) + 1))
    if not name:
        return False
    if pattern[0] == "?" or pattern[0] == name[0]:
        return _matches(name[1:], pattern[1:])
    return False


class Path(PurePath):
    """A path to the project's files: it can say what exists there and read a file."""

    def __new__(cls, *segments):
        if cls is Path:
            cls = PosixPath
        return object.__new__(cls)

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return _unavailable("Path.home() (the lab has no home folder)")

    def absolute(self):
        return self._make(_path.join(os.getcwd(), self._text)) if not self.is_absolute() else self

    def resolve(self, strict=False):
        return self._make(_path.abspath(self._text))

    def _relative(self):
        return _path._relative(self._text)

    def exists(self):
        return _path.exists(self._text) or self._relative() in _made_folders

    def is_file(self):
        return _path.isfile(self._text)

    def is_dir(self):
        return _path.isdir(self._text) or self._relative() in _made_folders

    def iterdir(self):
        if not self.is_dir():
            raise FileNotFoundError(2, "No such file or directory", self._text)
        folder = self._relative()
        for name in os.listdir(folder):
            yield self / name

    def glob(self, pattern):
        if "/" in pattern or "**" in pattern:
            _unavailable("Path.glob() of a pattern across folders")
        for child in self.iterdir():
            if _matches(child.name, pattern):
                yield child

    def read_text(self, encoding=None, errors=None):
        import _lab
        text = _lab.read(self._relative())
        if text is None:
            if self.is_dir():
                raise IsADirectoryError(21, "Is a directory", self._text)
            raise FileNotFoundError(2, "No such file or directory", self._text)
        return text

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        if self.exists():
            if exist_ok:
                return
            raise FileExistsError(17, "File exists", self._text)
        if not parents and not self.parent.exists():
            raise FileNotFoundError(2, "No such file or directory", self._text)
        _made_folders.add(self._relative())

    def write_text(self, data, encoding=None, errors=None, newline=None):
        return _unavailable("Path.write_text() (the lab's programs write no files: edit them in the Files tab)")

    def open(self, *args, **kwargs):
        return _unavailable("Path.open() (the lab's programs have no disk)")

    def unlink(self, missing_ok=False):
        return _unavailable("Path.unlink() (delete a file with rm in the terminal)")


class PosixPath(Path, PurePosixPath):
    pass


def _unavailable(what):
    import _lab
    return _lab.unavailable(what)
