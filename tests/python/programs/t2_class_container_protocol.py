# __len__/__bool__ truthiness, __getitem__/__setitem__/__delitem__/__contains__, __iter__ returning iter(list)
class Playlist:
    def __init__(self, name, songs=None):
        self.name = name
        self.songs = list(songs or [])
    def __len__(self):
        return len(self.songs)
    def __getitem__(self, i):
        return self.songs[i]
    def __setitem__(self, i, v):
        self.songs[i] = v
    def __delitem__(self, i): del self.songs[i]
    def __contains__(self, song):
        return song.lower() in (s.lower() for s in self.songs)
    def __iter__(self):
        return iter(self.songs)
class Flag:
    def __init__(self, on): self.on = on
    def __bool__(self): return self.on
p = Playlist("mix", ["Intro", "Song A", "Song B", "Outro"])
print(len(p), p[0], p[-1], p[1:3], "song a" in p, "Song Z" in p)
p[1] = "Remix"
del p[0]
print(list(p), [s.upper() for s in p], sorted(p), ", ".join(p))
print([f"{i}:{s}" for i, s in enumerate(p, 1)])
empty = Playlist("none")
print(bool(p), bool(empty), "empty" if not empty else "full", len(empty))
print(bool(Flag(True)), bool(Flag(False)), [f.on for f in [Flag(True), Flag(False)] if f])
try:
    p[10]
except IndexError as e:
    print("IndexError:", e)
a, b, c = p
print(a, b, c, max(p), list(reversed(p.songs)), "Outro" in list(p))
class Countdown:
    def __init__(self, n): self.n = n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError(i)
        return self.n - i
print(list(Countdown(4)), 2 in Countdown(3), sum(Countdown(5)))
