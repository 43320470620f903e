class Tag:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        return isinstance(other, Tag) and self.name == other.name

    def __repr__(self):
        return f"Tag({self.name!r})"


tags = [Tag("a"), Tag("b"), Tag("a")]
print(tags[0] == tags[2], tags[0] == tags[1], tags[0] != tags[2], Tag("a") in tags, tags.count(Tag("a")), tags.index(Tag("b")))
unique = []
for t in tags:
    if t not in unique:
        unique.append(t)
print(unique, tags[0] == "a")
