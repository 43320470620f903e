# string slicing with negative steps, ord/chr, comparisons, in, caesar cipher
s = "abcdefghij"
print(s[::-1], s[::2], s[1::3], s[-3:], s[:-3])
print(s[8:2:-2], s[-1:-5:-1], s[5:1], repr(s[100:]), s[-100:2])
print(s[::-3], s[2:8][::-1])
print(ord("A"), ord("z"), ord("0"), chr(97), chr(8364), chr(65 + 25))
print([ord(c) - ord("a") for c in "hello"])
def caesar(text, shift):
    out = []
    for ch in text:
        if ch.isalpha() and ch.islower():
            out.append(chr((ord(ch) - 97 + shift) % 26 + 97))
        elif ch.isalpha():
            out.append(chr((ord(ch) - 65 + shift) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)
enc = caesar("Hello, World!", 3)
print(enc, caesar(enc, -3))
print("apple" < "banana", "apple" < "Apple", "abc" < "abcd", "b" > "abc")
print("Zebra" < "apple", "" < "a", "abc" == "ab" + "c", "a" != "A")
print(sorted(["banana", "Apple", "cherry", "apple", "Banana"]))
print(sorted(["banana", "Apple", "cherry", "apple"], key=str.lower))
print(max("hello"), min("hello"), "ell" in "hello", "z" in "hello")
word = "racecar"
print(word == word[::-1], "python"[::-1] == "python")
print(len("héllo"), "héllo"[1], "x".join("abc"))
print([s[i:i + 3] for i in range(0, len(s), 3)])
