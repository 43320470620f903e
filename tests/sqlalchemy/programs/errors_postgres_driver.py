# create_engine("postgresql://...") with no PostgreSQL driver installed: nothing connects, but
# importing the default DBAPI (psycopg in 2.1) fails inside create_engine; bad URLs too.
from sqlalchemy import create_engine
from sqlalchemy.exc import NoSuchModuleError

try:
    engine = create_engine("postgresql://scott:tiger@localhost/test")
    print("created", engine)
except ModuleNotFoundError as e:
    print(type(e).__name__ + ":", e)
try:
    create_engine("nosuchdb://localhost/test")
except NoSuchModuleError as e:
    print(type(e).__name__ + ":", e)
try:
    create_engine("not a url")
except Exception as e:
    print(type(e).__name__ + ":", e)
