# ascii() and !a escape what is not ASCII; a bare object() takes no attributes.
name = "Zoë ☃"
print(ascii(name), ascii([name, 1]), f"{name!a}", f"{name!r}")
print(ascii("plain"), ascii(None), ascii({"ü": "😀"}))
marker = object()
print(marker is marker, type(marker).__name__)
try:
    marker.label = "x"
except AttributeError as error:
    print("AttributeError:", error)
