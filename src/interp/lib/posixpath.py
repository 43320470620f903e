"""The lab's os.path, on the project's files (paths relative to the project folder)."""

sep = "/"


def join(a, *parts):
    result = a
    for part in parts:
        if part.startswith("/"):
            result = part
        elif not result or result.endswith("/"):
            result += part
        else:
            result += "/" + part
    return result


def split(p):
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def basename(p):
    return split(p)[1]


def dirname(p):
    return split(p)[0]


def splitext(p):
    base = basename(p)
    dot = base.rfind(".")
    if dot <= 0 or base[:dot] == "." * dot:
        return p, ""
    cut = len(p) - len(base) + dot
    return p[:cut], p[cut:]


def isabs(p):
    return p.startswith("/")


def normpath(p):
    if not p:
        return "."
    absolute = p.startswith("/")
    parts = []
    for part in p.split("/"):
        if part in ("", "."):
            continue
        if part == ".." and parts and parts[-1] != "..":
            parts.pop()
        elif part == ".." and absolute:
            continue
        else:
            parts.append(part)
    result = "/".join(parts)
    if absolute:
        return "/" + result
    return result or "."


def abspath(p):
    return normpath(join("/project", p))


def _relative(p):
    p = normpath(p)
    if p.startswith("/project/"):
        return p[len("/project/"):]
    return "." if p == "/project" else p


def _files():
    import _lab
    return _lab.files()


def isfile(p):
    return _relative(p) in _files()


def isdir(p):
    p = _relative(p)
    if p == ".":
        return True
    return any(f.startswith(p + "/") for f in _files())


def exists(p):
    return isfile(p) or isdir(p)
