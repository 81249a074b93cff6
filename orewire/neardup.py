"""Near-duplicate detection for syndicated copies: 64-bit SimHash of word 3-gram shingles.

Two texts are near-duplicates when their signatures differ in at most ``MAX_BITS`` bits.
Candidates are found by banding: the 64 bits are cut into ``MAX_BITS + 1`` bands, and by
the pigeonhole principle two signatures within ``MAX_BITS`` bits agree on a whole band,
so only texts sharing a band are compared.
"""
from __future__ import annotations

import re

from simhash import Simhash

MAX_BITS = 3
MIN_WORDS = 50   # shorter texts give unstable signatures: no signature, never a duplicate
_TOKEN = re.compile(r"\w+", re.UNICODE)
_BAND_BITS = 64 // (MAX_BITS + 1)


def signature(text: str) -> str | None:
    """The text's SimHash as 16 hex digits, or None for a text under MIN_WORDS words."""
    words = _TOKEN.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    shingles = [" ".join(words[i:i + 3]) for i in range(len(words) - 2)]
    return f"{Simhash(shingles).value:016x}"


def distance(a: str, b: str) -> int:
    return bin(int(a, 16) ^ int(b, 16)).count("1")


def bands(sig: str) -> list[str]:
    value = int(sig, 16)
    mask = (1 << _BAND_BITS) - 1
    return [f"{i}:{(value >> (i * _BAND_BITS)) & mask:x}" for i in range(MAX_BITS + 1)]


def is_near(a: str, b: str) -> bool:
    return distance(a, b) <= MAX_BITS
