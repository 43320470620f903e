# octal escapes in str and bytes literals
print(repr("\0\12\101\1012\7\08\x41\u00e9"), "\101\102\103", len("\0001"), b"\101\0\7", repr(b"\12"))
