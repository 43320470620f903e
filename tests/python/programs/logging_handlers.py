# logging: handlers and formatters, propagation to the root's basicConfig handler, a logger
# that stops propagating, and the time a Formatter writes.
import logging
import sys

engine_log = logging.getLogger("sqlalchemy.engine.Engine")
engine_log.setLevel(logging.INFO)
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
engine_log.addHandler(handler)
engine_log.info("BEGIN (implicit)")
logging.basicConfig(level=logging.INFO)
engine_log.info("SELECT %d", 1)
logging.getLogger("src.db").info("after basicConfig")
engine_log.propagate = False
engine_log.info("only once now")
print(engine_log.handlers == [handler], engine_log.hasHandlers(), logging.getLogger("x").hasHandlers())
stamped = logging.Formatter("%(asctime)s|%(message)s")
record = logging.LogRecord("n", logging.INFO, "f.py", 1, "hello %s", ("you",), None)
text = stamped.format(record)
print(len(text.split("|")[0]), text.split("|")[1], text[4], text[10], text[19])
quiet = logging.getLogger("quiet")
quiet.addHandler(logging.NullHandler())
quiet.warning("swallowed by the null handler and the root? no: it propagates")
