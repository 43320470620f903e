# String palindromes and anagrams: normalization, slicing reversal, two pointers, sorted-letter keys
def normalize(s):
    return "".join(ch.lower() for ch in s if ch.isalnum())

def is_palindrome(s):
    t = normalize(s)
    return t == t[::-1]

def is_pal_two_pointer(s):
    t = normalize(s)
    i, j = 0, len(t) - 1
    while i < j:
        if t[i] != t[j]:
            return False
        i, j = i + 1, j - 1
    return True

def longest_pal_substring(s):
    best = ""
    for center in range(len(s)):
        for lo, hi in ((center, center), (center, center + 1)):
            while lo >= 0 and hi < len(s) and s[lo] == s[hi]:
                lo, hi = lo - 1, hi + 1
            if hi - lo - 1 > len(best):
                best = s[lo + 1:hi]
    return best

for p in ["A man, a plan, a canal: Panama", "racecar", "hello", "No 'x' in Nixon", "", "ab"]:
    print(repr(p), is_palindrome(p), is_pal_two_pointer(p))
print(longest_pal_substring("forgeeksskeegfor"), longest_pal_substring("abacdfgdcaba"))
groups = {}
for w in ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]:
    groups.setdefault("".join(sorted(w)), []).append(w)
for key in sorted(groups):
    print(key, groups[key])
print(sorted(normalize("Dormitory")) == sorted(normalize("Dirty room!")))
