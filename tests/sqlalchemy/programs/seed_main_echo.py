# The seed's main() with the engine's echo turned on, as `create_engine(..., echo=True)` in
# src/db.py would: every statement, its parameters and the transaction markers are logged.
import logging

import main

logging.getLogger("sqlalchemy.engine.Engine").setLevel(logging.INFO)
main.main()
