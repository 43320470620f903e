# A NameError's traceback suggests the closest name (CPython 3.11): str() of the error does not.
user = "ann"
users = ["ann", "bo"]


def show(count):
    total = count * 2
    try:
        return totl
    except NameError as error:
        print("caught:", error)
    return totl + cont


try:
    print(usr)
except NameError as error:
    print(error, error.args)

show(3)
