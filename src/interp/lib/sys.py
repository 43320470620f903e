"""The lab's sys: what a tutorial program reads of it. The lab's Python is not CPython: its
version says so, and what it cannot have (sys.modules, stdin) is absent rather than faked."""

import _lab


class _VersionInfo:
    """sys.version_info: the language level the lab's Python follows (3.11)."""

    def __init__(self):
        self.major, self.minor, self.micro, self.releaselevel, self.serial = 3, 11, 0, "final", 0

    def _tuple(self):
        return (self.major, self.minor, self.micro, self.releaselevel, self.serial)

    def __iter__(self):
        return iter(self._tuple())

    def __getitem__(self, index):
        return self._tuple()[index]

    def __len__(self):
        return 5

    def __eq__(self, other):
        return self._tuple()[:len(other)] == tuple(other) if isinstance(other, tuple) else NotImplemented

    def __lt__(self, other):
        return self._tuple()[:len(other)] < tuple(other)

    def __le__(self, other):
        return self._tuple()[:len(other)] <= tuple(other)

    def __gt__(self, other):
        return self._tuple()[:len(other)] > tuple(other)

    def __ge__(self, other):
        return self._tuple()[:len(other)] >= tuple(other)

    def __repr__(self):
        return "sys.version_info(major=3, minor=11, micro=0, releaselevel='final', serial=0)"


class _Stream:
    """sys.stdout / sys.stderr: the terminal, which shows both as one stream."""

    def __init__(self, name):
        self.name = name

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        print(text, end="")
        return len(text)

    def flush(self):
        pass

    def __repr__(self):
        return f"<_io.TextIOWrapper name='<{self.name}>' mode='w' encoding='utf-8'>"


version_info = _VersionInfo()
version = _lab.version()
implementation_name = "alembic-lab"
platform = "alembic-lab"
argv = _lab.argv()
path = [""]
maxsize = 9223372036854775807
byteorder = "little"
stdout = _Stream("stdout")
stderr = _Stream("stderr")


def exit(status=None):
    raise SystemExit(status)


def getrecursionlimit():
    return 180
