"""The lab's logging module, in Python: levels, loggers by dotted name with handlers and
propagation, Formatter (`%(asctime)s`, `%(levelname)s`, `%(name)s`, `%(message)s` …),
StreamHandler and basicConfig, and the last-resort handler for an unconfigured program.
The terminal shows stdout and stderr as one stream, in the order they are written."""

import sys
import _lab

CRITICAL = 50
FATAL = CRITICAL
ERROR = 40
WARNING = 30
WARN = WARNING
INFO = 20
DEBUG = 10
NOTSET = 0
BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"

_level_names = {CRITICAL: "CRITICAL", ERROR: "ERROR", WARNING: "WARNING", INFO: "INFO", DEBUG: "DEBUG", NOTSET: "NOTSET"}
_by_name = {"CRITICAL": CRITICAL, "FATAL": FATAL, "ERROR": ERROR, "WARN": WARNING, "WARNING": WARNING,
            "INFO": INFO, "DEBUG": DEBUG, "NOTSET": NOTSET}


def getLevelName(level):
    if level in _level_names:
        return _level_names[level]
    if level in _by_name:
        return _by_name[level]
    return f"Level {level}"


def _check_level(level):
    if isinstance(level, int):
        return level
    if isinstance(level, str):
        if level not in _by_name:
            raise ValueError(f"Unknown level: {level!r}")
        return _by_name[level]
    raise TypeError(f"Level not an integer or a valid string: {level!r}")


class LogRecord:
    def __init__(self, name, level, pathname, lineno, msg, args, exc_info, func=None):
        # The traceback is written when the record is made, while its exception is handled.
        self.exc_text = None
        if exc_info:
            self.exc_text = _lab.traceback(exc_info if isinstance(exc_info, BaseException) else None)
        self.name = name
        self.pathname = pathname
        self.lineno = lineno
        self.exc_info = exc_info
        self.levelno = level
        self.levelname = getLevelName(level)
        self.msg = msg
        self.args = args
        self.created = _lab.time()
        self.msecs = int(self.created * 1000) % 1000

    def getMessage(self):
        message = str(self.msg)
        if self.args:
            message = message % self.args
        return message

    def __repr__(self):
        return f'<LogRecord: {self.name}, {self.levelno}, "{self.msg}">'


class Formatter:
    default_time_format = "%Y-%m-%d %H:%M:%S"
    default_msec_format = "%s,%03d"

    def __init__(self, fmt=None, datefmt=None):
        self._fmt = fmt if fmt is not None else "%(message)s"
        self.datefmt = datefmt

    def usesTime(self):
        return "%(asctime)" in self._fmt

    def formatTime(self, record, datefmt=None):
        import datetime
        moment = datetime.datetime.fromtimestamp(record.created)
        if datefmt:
            return moment.strftime(datefmt)
        return self.default_msec_format % (moment.strftime(self.default_time_format), record.msecs)

    def format(self, record):
        record.message = record.getMessage()
        values = {"name": record.name, "levelno": record.levelno, "levelname": record.levelname,
                  "message": record.message, "msg": record.msg, "created": record.created,
                  "msecs": record.msecs}
        values.update(record.__dict__)
        if self.usesTime():
            values["asctime"] = self.formatTime(record, self.datefmt)
        text = self._fmt % values
        if record.exc_text:
            if text[-1:] != "\n":
                text = text + "\n"
            text = text + record.exc_text
        return text


_default_formatter = Formatter()


class Handler:
    def __init__(self, level=NOTSET):
        self.level = _check_level(level)
        self.formatter = None

    def setLevel(self, level):
        self.level = _check_level(level)

    def setFormatter(self, fmt):
        self.formatter = fmt

    def format(self, record):
        return (self.formatter or _default_formatter).format(record)

    def handle(self, record):
        self.emit(record)

    def emit(self, record):
        raise NotImplementedError("emit must be implemented by Handler subclasses")

    def flush(self):
        pass


class StreamHandler(Handler):
    terminator = "\n"

    def __init__(self, stream=None):
        Handler.__init__(self)
        self.stream = stream if stream is not None else sys.stderr

    def emit(self, record):
        self.stream.write(self.format(record) + self.terminator)

    def __repr__(self):
        name = getattr(self.stream, "name", "")
        return f"<StreamHandler <{name}> ({getLevelName(self.level)})>"


class NullHandler(Handler):
    def emit(self, record):
        pass


class _StderrHandler(StreamHandler):
    """Python's last resort: WARNING and above, the bare message, to whatever stderr is now."""

    def __init__(self):
        Handler.__init__(self, WARNING)

    def emit(self, record):
        sys.stderr.write(self.format(record) + self.terminator)


lastResort = _StderrHandler()


class Logger:
    def __init__(self, name, level=NOTSET):
        self.name = name
        self.level = _check_level(level)
        self.parent = None
        self.propagate = True
        self.disabled = False
        self.handlers = []

    def setLevel(self, level):
        self.level = _check_level(level)

    def getEffectiveLevel(self):
        logger = self
        while logger is not None:
            if logger.level:
                return logger.level
            logger = logger.parent
        return NOTSET

    def isEnabledFor(self, level):
        return not self.disabled and level >= self.getEffectiveLevel()

    def addHandler(self, handler):
        if handler not in self.handlers:
            self.handlers.append(handler)

    def removeHandler(self, handler):
        if handler in self.handlers:
            self.handlers.remove(handler)

    def hasHandlers(self):
        logger = self
        while logger is not None:
            if logger.handlers:
                return True
            if not logger.propagate:
                return False
            logger = logger.parent
        return False

    def handle(self, record):
        found = 0
        logger = self
        while logger is not None:
            for handler in logger.handlers:
                found += 1
                if record.levelno >= handler.level:
                    handler.handle(record)
            logger = logger.parent if logger.propagate else None
        if not found and record.levelno >= lastResort.level:
            lastResort.handle(record)

    def _log(self, level, msg, args, exc_info=None, extra=None, stack_info=False, stacklevel=1):
        record = LogRecord(self.name, level, "", 0, msg, args, exc_info)
        if extra:
            for key in extra:
                if key in ("message", "asctime") or key in record.__dict__:
                    raise KeyError(f"Attempt to overwrite {key!r} in LogRecord")
                record.__dict__[key] = extra[key]
        self.handle(record)

    def log(self, level, msg, *args, **kwargs):
        if not isinstance(level, int):
            raise TypeError("level must be an integer")
        if self.isEnabledFor(level):
            self._log(level, msg, args, **kwargs)

    def debug(self, msg, *args, **kwargs):
        self.log(DEBUG, msg, *args, **kwargs)

    def info(self, msg, *args, **kwargs):
        self.log(INFO, msg, *args, **kwargs)

    def warning(self, msg, *args, **kwargs):
        self.log(WARNING, msg, *args, **kwargs)

    def error(self, msg, *args, **kwargs):
        self.log(ERROR, msg, *args, **kwargs)

    def exception(self, msg, *args, exc_info=True, **kwargs):
        self.log(ERROR, msg, *args, exc_info=exc_info, **kwargs)

    def critical(self, msg, *args, **kwargs):
        self.log(CRITICAL, msg, *args, **kwargs)

    def getChild(self, suffix):
        return getLogger(f"{self.name}.{suffix}" if self is not root else suffix)

    def __repr__(self):
        return f"<{type(self).__name__} {self.name} ({getLevelName(self.getEffectiveLevel())})>"


class RootLogger(Logger):
    def __init__(self):
        Logger.__init__(self, "root", WARNING)


root = RootLogger()
_loggers = {}


def getLogger(name=None):
    if not name or name == "root":
        return root
    if name not in _loggers:
        logger = Logger(name)
        _loggers[name] = logger
        # The parent is the nearest existing ancestor by dotted name, else the root; loggers
        # made earlier below this one now hang from it.
        for other in _loggers.values():
            parent = root
            prefix = other.name
            while "." in prefix:
                prefix = prefix.rsplit(".", 1)[0]
                if prefix in _loggers:
                    parent = _loggers[prefix]
                    break
            other.parent = parent
    return _loggers[name]


def basicConfig(level=None, format=None, stream=None, datefmt=None, force=False):
    if force:
        root.handlers = []
    if root.handlers:
        return
    handler = StreamHandler(stream)
    handler.setFormatter(Formatter(format if format is not None else BASIC_FORMAT, datefmt))
    root.addHandler(handler)
    if level is not None:
        root.setLevel(level)


def _module_level(level, msg, args, kwargs):
    if not root.handlers:
        basicConfig()
    root.log(level, msg, *args, **kwargs)


def debug(msg, *args, **kwargs):
    _module_level(DEBUG, msg, args, kwargs)


def info(msg, *args, **kwargs):
    _module_level(INFO, msg, args, kwargs)


def warning(msg, *args, **kwargs):
    _module_level(WARNING, msg, args, kwargs)


def error(msg, *args, **kwargs):
    _module_level(ERROR, msg, args, kwargs)


def exception(msg, *args, exc_info=True, **kwargs):
    _module_level(ERROR, msg, args, dict(kwargs, exc_info=exc_info))


def critical(msg, *args, **kwargs):
    _module_level(CRITICAL, msg, args, kwargs)


def log(level, msg, *args, **kwargs):
    _module_level(level, msg, args, kwargs)


def disable(level=CRITICAL):
    _lab.unavailable("logging.disable()")
