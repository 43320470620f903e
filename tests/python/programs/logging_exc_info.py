# logging with exc_info: exception(), error(exc_info=True), the module-level functions, extra= fields
import logging
logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(name)s: %(message)s")
log = logging.getLogger("app")
log.debug("debug %s", 1)
log.warning("warn %d%%", 50)
def parse(text):
    return int(text)
def load(text):
    try:
        return parse(text)
    except ValueError as error:
        raise RuntimeError("could not load") from error
try:
    load("x")
except RuntimeError:
    log.exception("failed to load %r", "x")
try:
    {}["k"]
except KeyError as e:
    log.error("no key", exc_info=True)
    log.warning("quiet", exc_info=False)
    logging.exception("module level")
log.error("outside", exc_info=True)
log.info("with extra %s", "arg", extra={"user": "ann"})
fmt = logging.Formatter("%(user)s did %(message)s")
handler = logging.StreamHandler()
handler.setFormatter(fmt)
audit = logging.getLogger("audit")
audit.addHandler(handler)
audit.propagate = False
audit.warning("login", extra={"user": "bob"})
logging.log(logging.WARNING, "via log()")
other = logging.getLogger("app.sub")
other.setLevel(logging.ERROR)
other.warning("hidden")
other.error("shown")
print(log.getEffectiveLevel(), logging.getLevelName(logging.WARNING), log.name, other.parent.name)
