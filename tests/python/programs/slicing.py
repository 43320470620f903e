s = "Hello, World"
xs = list(range(10))
print(s[0:5], s[7:], s[:-1], s[::-1], s[::2], s[-5:-1], s[100:], s[3:1])
print(xs[2:5], xs[:3], xs[-3:], xs[::3], xs[::-2], xs[8:2:-2], (1, 2, 3)[1:], xs[5:100])
words = "the quick brown fox".split()
print(words[1:3], " ".join(words[::-1]), [w[0].upper() + w[1:] for w in words])
