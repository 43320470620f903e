name = "lab"
    print(name)
