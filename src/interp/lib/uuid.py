"""The lab's uuid, in Python: the UUID value (parsed from its text, printed, compared, hashed)
and uuid4(), random. The lab's integers are 64-bit, so a UUID keeps its 128 bits as hex text
(`.int` of a large one is an OverflowError, never a wrong number); the name-based and time-based
UUIDs say "not available"."""

import random as _random

_source = _random.Random()
_HEX = "0123456789abcdef"


class UUID:
    def __init__(self, hex=None, bytes=None, bytes_le=None, fields=None, int=None, version=None, *, is_safe=None):
        if [hex, bytes, bytes_le, fields, int].count(None) != 4:
            raise TypeError("one of the hex, bytes, bytes_le, fields, or int arguments must be given")
        if hex is not None:
            text = hex.replace("urn:", "").replace("uuid:", "").strip("{}").replace("-", "")
            if len(text) != 32:
                raise ValueError("badly formed hexadecimal UUID string")
            if any(ch not in _HEX for ch in text.lower()):
                raise ValueError(f"invalid literal for int() with base 16: {text!r}")
            text = text.lower()
        elif int is not None:
            if int < 0:
                raise ValueError("int is out of range (need a 128-bit value)")
            text = "%032x" % int
        else:
            import _lab
            _lab.unavailable("UUID(bytes=…) / UUID(fields=…) (the lab reads a UUID from its text or its number)")
        if version is not None:
            if not 1 <= version <= 5:
                raise ValueError("illegal version number")
            variant = _HEX[(_HEX.index(text[16]) & 0x3) | 0x8]
            text = text[:12] + _HEX[version] + text[13:16] + variant + text[17:]
        object.__setattr__(self, "_hex", text)

    @property
    def hex(self):
        return self._hex

    @property
    def int(self):
        value = 0
        for ch in self._hex:
            value = value * 16 + _HEX.index(ch)
        return value

    @property
    def version(self):
        if self._hex[16] not in "89ab":
            return None
        return _HEX.index(self._hex[12])

    @property
    def urn(self):
        return "urn:uuid:" + str(self)

    def __str__(self):
        h = self._hex
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def __repr__(self):
        return f"{type(self).__name__}({str(self)!r})"

    def __eq__(self, other):
        if isinstance(other, UUID):
            return self._hex == other._hex
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, UUID):
            return self._hex < other._hex
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, UUID):
            return self._hex > other._hex
        return NotImplemented

    def __hash__(self):
        return hash(self._hex)

    def __setattr__(self, name, value):
        raise TypeError("UUID objects are immutable")


def uuid4():
    """A random UUID (version 4)."""
    text = "".join("%08x" % _source.getrandbits(32) for _ in range(4))
    return UUID(hex=text, version=4)


def uuid1(node=None, clock_seq=None):
    import _lab
    _lab.unavailable("uuid.uuid1() (the lab makes random UUIDs: uuid4())")


def uuid3(namespace, name):
    import _lab
    _lab.unavailable("uuid.uuid3() (the lab has no MD5)")


def uuid5(namespace, name):
    import _lab
    _lab.unavailable("uuid.uuid5() (the lab has no SHA-1)")
