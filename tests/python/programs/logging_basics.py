# logging: the last-resort handler before configuration, basicConfig's default format, levels
# and loggers by dotted name.
import logging
log = logging.getLogger("src.db")
log.info("not shown: no configuration, INFO is below WARNING")
log.warning("shown bare by the last resort")
print(log.getEffectiveLevel(), logging.getLevelName(logging.ERROR), logging.getLevelName(20))
logging.basicConfig(level=logging.INFO)
log.info("created user %s", "John")
log.debug("not shown at INFO")
logging.getLogger("src").setLevel(logging.ERROR)
logging.getLogger("src.db.sessions").warning("below the parent's ERROR level? no: src.db.sessions has its own chain")
log.error("error from %s: %d rows", "src.db", 3)
logging.warning("module-level warning")
logging.getLogger().info("root at INFO")
print(log, logging.getLogger() is logging.getLogger("root"), logging.getLogger("src.db") is log)
try:
    log.setLevel("LOUD")
except ValueError as e:
    print("ValueError:", e)
