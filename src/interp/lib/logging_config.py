"""The lab's logging.config: fileConfig as Python's reads an INI file's [loggers], [handlers]
and [formatters] (alembic.ini's logging sections). A missing section fails as it does for real
(`KeyError: 'formatters'`). Handler arguments are read, not evaluated: `()`, `(sys.stderr,)`
and `(sys.stdout,)`; anything else is said to be beyond the lab."""

import sys
import logging
import configparser
import _lab


def _strip_spaces(alist):
    return [item.strip() for item in alist]


def fileConfig(fname, defaults=None, disable_existing_loggers=True, encoding=None):
    if isinstance(fname, configparser.RawConfigParser):
        cp = fname
    else:
        cp = configparser.ConfigParser(defaults)
        cp.read(fname, encoding=encoding)
    formatters = _create_formatters(cp)
    handlers = _install_handlers(cp, formatters)
    _install_loggers(cp, handlers, disable_existing_loggers)


def _create_formatters(cp):
    flist = cp["formatters"]["keys"]
    if not len(flist):
        return {}
    formatters = {}
    for form in _strip_spaces(flist.split(",")):
        sectname = "formatter_%s" % form
        fs = cp.get(sectname, "format", raw=True, fallback=None)
        dfs = cp.get(sectname, "datefmt", raw=True, fallback=None)
        stl = cp.get(sectname, "style", raw=True, fallback="%")
        if stl != "%" or cp[sectname].get("class"):
            _lab.unavailable("formatter styles and classes other than logging.Formatter with %-style")
        formatters[form] = logging.Formatter(fs, dfs)
    return formatters


def _handler_class(name):
    name = name.strip()
    if name.startswith("logging."):
        name = name[len("logging."):]
    if name in ("StreamHandler", "NullHandler"):
        return getattr(logging, name)
    _lab.unavailable(f"the logging handler class {name!r} (the lab has StreamHandler and NullHandler)")


def _handler_args(text):
    spelled = text.replace(" ", "")
    if spelled in ("", "()"):
        return ()
    if spelled in ("(sys.stderr,)", "(sys.stderr)"):
        return (sys.stderr,)
    if spelled in ("(sys.stdout,)", "(sys.stdout)"):
        return (sys.stdout,)
    _lab.unavailable(f"handler args {text!r} (the lab reads (sys.stderr,) and (sys.stdout,))")


def _install_handlers(cp, formatters):
    hlist = cp["handlers"]["keys"]
    if not len(hlist):
        return {}
    handlers = {}
    for hand in _strip_spaces(hlist.split(",")):
        section = cp["handler_%s" % hand]
        klass = _handler_class(section["class"])
        fmt = section.get("formatter", "")
        args = _handler_args(section.get("args", "()"))
        if section.get("kwargs", "{}").replace(" ", "") != "{}":
            _lab.unavailable("handler kwargs")
        h = klass(*args)
        h.name = hand
        if "level" in section:
            h.setLevel(section["level"])
        if len(fmt):
            h.setFormatter(formatters[fmt])
        handlers[hand] = h
    return handlers


def _handle_existing_loggers(existing, child_loggers, disable_existing):
    for log in existing:
        logger = logging.getLogger(log)
        if log in child_loggers:
            logger.setLevel(logging.NOTSET)
            logger.handlers = []
            logger.propagate = True
        else:
            logger.disabled = disable_existing


def _install_loggers(cp, handlers, disable_existing):
    llist = _strip_spaces(cp["loggers"]["keys"].split(","))
    llist.remove("root")
    section = cp["logger_root"]
    root = logging.root
    if "level" in section:
        root.setLevel(section["level"])
    for h in root.handlers[:]:
        root.removeHandler(h)
    hlist = section["handlers"]
    if len(hlist):
        for hand in _strip_spaces(hlist.split(",")):
            root.addHandler(handlers[hand])
    existing = sorted(logging._loggers)
    child_loggers = []
    for log in llist:
        section = cp["logger_%s" % log]
        qn = section["qualname"]
        propagate = int(section.get("propagate", "1"))
        logger = logging.getLogger(qn)
        if qn in existing:
            i = existing.index(qn) + 1
            prefixed = qn + "."
            while i < len(existing):
                if existing[i][:len(prefixed)] == prefixed:
                    child_loggers.append(existing[i])
                i += 1
            existing.remove(qn)
        if "level" in section:
            logger.setLevel(section["level"])
        for h in logger.handlers[:]:
            logger.removeHandler(h)
        logger.propagate = propagate
        logger.disabled = False
        hlist = section["handlers"]
        if len(hlist):
            for hand in _strip_spaces(hlist.split(",")):
                logger.addHandler(handlers[hand])
    _handle_existing_loggers(existing, child_loggers, disable_existing)
