# small app: word frequency count with punctuation stripping, sorted output by count then word
text = """The quick brown fox jumps over the lazy dog. The dog sleeps;
the fox doesn't! A quick fox, a lazy dog... and THE end."""
words = []
for raw in text.split():
    w = raw.strip(".,;!?").lower()
    if w:
        words.append(w)
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(len(words), "words,", len(freq), "unique")
ranked = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
for word, count in ranked[:6]:
    print(f"{word:<8}{count:>3} {'#' * count}")
print([w for w, c in ranked if c == 1])
by_len = {}
for w in sorted(freq):
    by_len.setdefault(len(w), []).append(w)
for length in sorted(by_len):
    print(length, by_len[length])
letters = {}
for ch in text.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
top = sorted(letters, key=lambda c: (-letters[c], c))[:5]
print(top, [letters[c] for c in top], sorted(set("".join(words)) - set("abcdefghijklmnopqrstuvwxyz")))
longest = max(freq, key=lambda w: (len(w), w))
print(longest, min(freq, key=len), sum(freq.values()) == len(words))
