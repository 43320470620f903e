import os
import os.path
import sys
import time
from os.path import join, splitext

print(sys.argv, sys.version_info >= (3, 8), sys.version_info[:2] >= (3, 0), sys.version_info.major)
print(type(sys.version).__name__, sys.maxsize == 9223372036854775807)
sys.stdout.write("written to stdout\n")
print("to stderr", file=sys.stderr)
sys.stderr.write("written to stderr\n")
print(os.sep, os.path.sep, os.name, os.getenv("LAB_SURELY_UNSET"), os.getenv("LAB_SURELY_UNSET", "fallback"))
print(join("src", "models", "user.py"), join("a/", "b"), join("a", "/abs"), os.path.join("x"))
print(splitext("migrations/env.py"), splitext(".bashrc"), splitext("archive.tar.gz"), splitext("noext"))
print(os.path.basename("src/db.py"), os.path.dirname("src/db.py"), os.path.split("src/models/"), os.path.split("file"))
print(os.path.normpath("src/./models/../db.py"), os.path.normpath("./a//b/"), os.path.isabs("/x"), os.path.isabs("x"))
print(os.path.exists("main.py"), os.path.exists("src"), os.path.exists("nope.py"), os.path.isfile("src/db.py"))
print(os.path.isdir("src/models"), os.path.isdir("main.py"), os.path.isfile("src"))
print(sorted(os.listdir("src/models")), "main.py" in os.listdir("."), sorted(os.listdir("src"))[:2])
try:
    os.listdir("missing")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
start = time.time()
print(type(start).__name__, start > 1.7e9, time.perf_counter() >= 0, time.time() >= start)
try:
    sys.exit(3)
except SystemExit as e:
    print("SystemExit", e.code if hasattr(e, "code") else e.args)
print(f"{os.path.abspath('main.py').endswith('/main.py')}")
sys.exit("bye")
