def is_palindrome(text):
    letters = [c.lower() for c in text if c.isalnum()]
    return letters == letters[::-1]

def caesar(text, shift):
    out = []
    for c in text:
        if c.isalpha():
            base = ord("A") if c.isupper() else ord("a")
            out.append(chr((ord(c) - base + shift) % 26 + base))
        else:
            out.append(c)
    return "".join(out)

print(is_palindrome("A man, a plan, a canal: Panama"), is_palindrome("hello"))
secret = caesar("Hello, World!", 3)
print(secret, caesar(secret, -3))
vowels = sum(1 for c in "education" if c in "aeiou")
print(vowels, "".join(sorted(set("mississippi"))), "mississippi".count("ss"))
