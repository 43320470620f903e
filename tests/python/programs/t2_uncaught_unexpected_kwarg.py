# ends with an uncaught TypeError: got an unexpected keyword argument, raised from a method call
class Logger:
    def __init__(self, prefix):
        self.prefix = prefix
        self.lines = []
    def log(self, message, *, level="INFO"):
        line = f"{self.prefix} [{level}] {message}"
        self.lines.append(line)
        print(line)
def run(logger, **options):
    logger.log("starting")
    logger.log("configured", **options)
log = Logger("app")
run(log, level="DEBUG")
print(len(log.lines))
run(log, severity="HIGH")
print("unreachable")
