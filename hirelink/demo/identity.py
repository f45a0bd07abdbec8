"""Fictional but well-formed Chinese identifiers for demo data: 18-digit resident ID numbers (GB 11643-1999,
ISO 7064 MOD 11-2 check digit) and mobile numbers. Nothing here belongs to a real person: the numbers are
generated from a seeded random source."""

from __future__ import annotations

import datetime as dt
import random

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def national_id_check_digit(first17: str) -> str:
    """The 18th character of a resident ID number for its first 17 digits."""
    if len(first17) != 17 or not first17.isdigit():
        raise ValueError("first17 must be exactly 17 digits")
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def national_id_is_valid(value: str) -> bool:
    """Shape, birth date and check digit of an 18-digit resident ID number."""
    if len(value) != 18 or not value[:17].isdigit():
        return False
    try:
        dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return False
    return national_id_check_digit(value[:17]) == value[17].upper()


def national_id_make(*, region: str, birth: dt.date, sequence: int, female: bool) -> str:
    """An ID number for a region code (6 digits), a birth date and a 3-digit sequence number whose last
    digit is odd for men and even for women."""
    if len(region) != 6 or not region.isdigit():
        raise ValueError("region must be 6 digits")
    seq = (sequence % 500) * 2 + (0 if female else 1)
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + national_id_check_digit(first17)


def mobile_make(rng: random.Random) -> str:
    """A mobile number with a 13x/15x/18x prefix."""
    prefix = rng.choice(
        [
            "130",
            "131",
            "132",
            "135",
            "136",
            "137",
            "138",
            "139",
            "150",
            "151",
            "152",
            "155",
            "157",
            "158",
            "159",
            "180",
            "181",
            "182",
            "185",
            "186",
            "187",
            "188",
            "189",
        ]
    )
    return prefix + "".join(str(rng.randrange(10)) for _ in range(8))
