"""The lab's json module, in Python: dumps/loads (and dump/load through a file-like object's
write/read) with CPython's output — separators, indent, sort_keys, ensure_ascii, default — and
its JSONDecodeError messages with line, column and character position."""


class JSONDecodeError(ValueError):
    __module__ = "json.decoder"  # where CPython defines it, as its tracebacks name it

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        super().__init__(f"{msg}: line {lineno} column {colno} (char {pos})")
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _quote(text, ensure_ascii):
    out = ['"']
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
            continue
        code = ord(ch)
        if code < 0x20 or (ensure_ascii and code > 0x7E):
            if code > 0xFFFF:
                code -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 | (code >> 10), 0xDC00 | (code & 0x3FF)))
            else:
                out.append("\\u%04x" % code)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _float(value, allow_nan):
    if value != value or value in (float("inf"), float("-inf")):
        if not allow_nan:
            raise ValueError("Out of range float values are not JSON compliant: " + repr(value))
        return "NaN" if value != value else ("Infinity" if value > 0 else "-Infinity")
    return repr(value)


def _scalar(value, allow_nan):
    """null, true, false or a number as JSON writes them; None for anything else."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, float):
        return _float(value, allow_nan)
    if isinstance(value, int):
        return str(value)
    return None


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False):
    if isinstance(indent, int) and not isinstance(indent, bool):
        indent = " " * indent
    if separators is None:
        separators = (", ", ": ") if indent is None else (",", ": ")
    item_sep, key_sep = separators

    def key_text(key):
        return key if isinstance(key, str) else _scalar(key, allow_nan)

    def encode(value, level):
        if isinstance(value, str):
            return _quote(value, ensure_ascii)
        text = _scalar(value, allow_nan)
        if text is not None:
            return text
        if isinstance(value, (list, tuple)):
            if not value:
                return "[]"
            parts = [encode(item, level + 1) for item in value]
            return _wrap("[", "]", parts, level)
        if isinstance(value, dict):
            if not value:
                return "{}"
            items = []
            for key, item in value.items():
                text = key_text(key)
                if text is None:
                    if skipkeys:
                        continue
                    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")
                items.append((text, item))
            if sort_keys:
                items.sort(key=lambda pair: pair[0])
            parts = [_quote(k, ensure_ascii) + key_sep + encode(v, level + 1) for k, v in items]
            return _wrap("{", "}", parts, level)
        if default is not None:
            return encode(default(value), level)
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")

    def _wrap(open_, close, parts, level):
        if indent is None:
            return open_ + item_sep.join(parts) + close
        inner = "\n" + indent * (level + 1)
        return open_ + inner + (item_sep + inner).join(parts) + "\n" + indent * level + close

    return encode(obj, 0)


def dump(obj, fp, **kwargs):
    fp.write(dumps(obj, **kwargs))


_WHITESPACE = " \t\n\r"
_NUMBER_START = "-0123456789"
_DIGITS = "0123456789"


def loads(s, **kwargs):
    if isinstance(s, (bytes, bytearray)):
        s = s.decode("utf-8")
    if not isinstance(s, str):
        raise TypeError(f"the JSON object must be str, bytes or bytearray, not {type(s).__name__}")
    end = len(s)

    def skip(pos):
        while pos < end and s[pos] in _WHITESPACE:
            pos += 1
        return pos

    def string(pos):
        # pos is just after the opening quote.
        start = pos - 1
        chunks = []
        while True:
            if pos >= end:
                raise JSONDecodeError("Unterminated string starting at", s, start)
            ch = s[pos]
            if ch == '"':
                return "".join(chunks), pos + 1
            if ch == "\\":
                if pos + 1 >= end:
                    raise JSONDecodeError("Unterminated string starting at", s, start)
                esc = s[pos + 1]
                if esc == "u":
                    hex_ = s[pos + 2:pos + 6]
                    if len(hex_) != 4 or any(c not in "0123456789abcdefABCDEF" for c in hex_):
                        raise JSONDecodeError("Invalid \\uXXXX escape", s, pos + 1)
                    code = int(hex_, 16)
                    pos += 6
                    if 0xD800 <= code <= 0xDBFF and s[pos:pos + 2] == "\\u":
                        low = s[pos + 2:pos + 6]
                        if len(low) == 4 and all(c in "0123456789abcdefABCDEF" for c in low) and 0xDC00 <= int(low, 16) <= 0xDFFF:
                            code = 0x10000 + ((code - 0xD800) << 10) + (int(low, 16) - 0xDC00)
                            pos += 6
                    chunks.append(chr(code))
                    continue
                table = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
                if esc not in table:
                    raise JSONDecodeError("Invalid \\escape", s, pos)
                chunks.append(table[esc])
                pos += 2
                continue
            if ord(ch) < 0x20:
                raise JSONDecodeError("Invalid control character at", s, pos)
            chunks.append(ch)
            pos += 1

    def number(pos):
        start = pos
        if s[pos] == "-":
            pos += 1
        if pos >= end or s[pos] not in _DIGITS:
            if s.startswith("Infinity", pos):
                return float("-inf"), pos + 8
            raise JSONDecodeError("Expecting value", s, start)
        if s[pos] == "0":
            pos += 1
        else:
            while pos < end and s[pos] in _DIGITS:
                pos += 1
        is_float = False
        if pos + 1 < end and s[pos] == "." and s[pos + 1] in _DIGITS:
            is_float = True
            pos += 1
            while pos < end and s[pos] in _DIGITS:
                pos += 1
        if pos < end and s[pos] in "eE":
            exp = pos + 1
            if exp < end and s[exp] in "+-":
                exp += 1
            if exp < end and s[exp] in _DIGITS:
                is_float = True
                pos = exp
                while pos < end and s[pos] in _DIGITS:
                    pos += 1
        text = s[start:pos]
        return (float(text) if is_float else int(text)), pos

    def value(pos):
        pos = skip(pos)
        if pos >= end:
            raise JSONDecodeError("Expecting value", s, pos)
        ch = s[pos]
        if ch == '"':
            return string(pos + 1)
        if ch == "{":
            return obj(pos + 1)
        if ch == "[":
            return array(pos + 1)
        if ch in _NUMBER_START:
            return number(pos)
        for word, result in (("null", None), ("true", True), ("false", False), ("NaN", float("nan")), ("Infinity", float("inf"))):
            if s.startswith(word, pos):
                return result, pos + len(word)
        raise JSONDecodeError("Expecting value", s, pos)

    def obj(pos):
        result = {}
        pos = skip(pos)
        if pos < end and s[pos] == "}":
            return result, pos + 1
        while True:
            if pos >= end or s[pos] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s, pos)
            key, pos = string(pos + 1)
            pos = skip(pos)
            if pos >= end or s[pos] != ":":
                raise JSONDecodeError("Expecting ':' delimiter", s, pos)
            result[key], pos = value(pos + 1)
            pos = skip(pos)
            if pos < end and s[pos] == "}":
                return result, pos + 1
            if pos >= end or s[pos] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, pos)
            pos = skip(pos + 1)

    def array(pos):
        result = []
        pos = skip(pos)
        if pos < end and s[pos] == "]":
            return result, pos + 1
        while True:
            item, pos = value(pos)
            result.append(item)
            pos = skip(pos)
            if pos < end and s[pos] == "]":
                return result, pos + 1
            if pos >= end or s[pos] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, pos)
            pos += 1

    result, pos = value(0)
    pos = skip(pos)
    if pos != end:
        raise JSONDecodeError("Extra data", s, pos)
    return result


def load(fp, **kwargs):
    return loads(fp.read(), **kwargs)
