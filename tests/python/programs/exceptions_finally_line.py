def close():
    print("closing")


def upgrade():
    try:
        rows = [1, 2]
        total = sum(rows)
        rows.missing_method()
    except KeyError:
        print("not this one")
    finally:
        close()


def outer():
    try:
        upgrade()
    finally:
        print("outer finally")


try:
    outer()
except AttributeError as e:
    print("caught:", e)
outer()
