# The seed's main() with echo=True patched into create_engine: the echo handler prints
# each SQL line to stdout, and the root handler (basicConfig in src/db.py) prints it again.
import src.db
from sqlalchemy import create_engine as real

src.db.create_engine = lambda url: real(url, echo=True)

import main

main.main()
