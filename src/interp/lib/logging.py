"""The lab's logging module, in Python: levels, loggers by dotted name, basicConfig and the
default `LEVEL:name:message` format. Records are written where the program's print goes (the
lab's terminal shows stdout and stderr as one stream, as a terminal does)."""

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
_state = {"format": None}


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


class Logger:
    def __init__(self, name, level=NOTSET):
        self.name = name
        self.level = _check_level(level)
        self.parent = None
        self.propagate = True
        self.disabled = False

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

    def log(self, level, msg, *args):
        if self.isEnabledFor(level):
            message = msg % args if args else str(msg)
            if _state["format"] is not None:
                print(_state["format"] % {"levelname": getLevelName(level), "name": self.name,
                                          "message": message, "levelno": level})
            elif level >= WARNING:
                # No handler configured: Python's last resort writes the bare message.
                print(message)

    def debug(self, msg, *args):
        self.log(DEBUG, msg, *args)

    def info(self, msg, *args):
        self.log(INFO, msg, *args)

    def warning(self, msg, *args):
        self.log(WARNING, msg, *args)

    def error(self, msg, *args):
        self.log(ERROR, msg, *args)

    def critical(self, msg, *args):
        self.log(CRITICAL, msg, *args)

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
    # The parent is the nearest existing ancestor by dotted name, else the root.
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


def basicConfig(level=None, format=None):
    if _state["format"] is not None:
        return
    _state["format"] = format if format is not None else BASIC_FORMAT
    if level is not None:
        root.setLevel(level)


def _module_level(level, msg, args):
    if _state["format"] is None:
        basicConfig()
    root.log(level, msg, *args)


def debug(msg, *args):
    _module_level(DEBUG, msg, args)


def info(msg, *args):
    _module_level(INFO, msg, args)


def warning(msg, *args):
    _module_level(WARNING, msg, args)


def error(msg, *args):
    _module_level(ERROR, msg, args)


def critical(msg, *args):
    _module_level(CRITICAL, msg, args)
