name = "ada"
print(name.upper().title().nosuch())
