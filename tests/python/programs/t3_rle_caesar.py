# Run-length encoding/decoding and Caesar cipher encrypt/decrypt with wraparound
def rle_encode(s):
    if not s:
        return ""
    out, prev, count = [], s[0], 1
    for ch in s[1:]:
        if ch == prev:
            count += 1
        else:
            out.append(f"{count}{prev}")
            prev, count = ch, 1
    out.append(f"{count}{prev}")
    return "".join(out)

def rle_decode(s):
    out, num = [], ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num))
            num = ""
    return "".join(out)

def caesar(text, shift):
    result = []
    for ch in text:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            result.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            result.append(ch)
    return "".join(result)
for s in ["W" * 12 + "B" + "W" * 12 + "BBB" + "W" * 24 + "B" + "W" * 14, "aabcccd", "", "x"]:
    enc = rle_encode(s)
    print(repr(enc), rle_decode(enc) == s)
msg = "Hello, World! xyz"
for k in (3, 13, -1, 52):
    enc = caesar(msg, k)
    print(k, enc, caesar(enc, -k) == msg)
