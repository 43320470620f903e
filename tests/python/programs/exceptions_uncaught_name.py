def show():
    print("about to fail")
    return undefined_name

show()
