"""GB 11643 resident ID numbers and mobile numbers for fictional people."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from hirelink.demo.identity import mobile_make, national_id_check_digit, national_id_is_valid, national_id_make


def test_check_digit_matches_the_standard_example():
    # given: the worked example of GB 11643-1999
    first17 = "11010519491231002"
    # when / then
    assert national_id_check_digit(first17) == "X"


def test_made_id_encodes_birth_and_gender_and_validates():
    # when
    female = national_id_make(region="440304", birth=dt.date(2002, 3, 9), sequence=17, female=True)
    male = national_id_make(region="440304", birth=dt.date(2002, 3, 9), sequence=17, female=False)
    # then
    assert female[:14] == "44030420020309"
    assert int(female[16]) % 2 == 0
    assert int(male[16]) % 2 == 1
    assert national_id_is_valid(female) is True
    assert national_id_is_valid(male) is True


@pytest.mark.parametrize(
    "value",
    ["440304200203090341", "4403042002030903", "44030420021309034X", "ABCDEF200203090341"],
)
def test_invalid_ids_are_rejected(value):
    # when / then
    assert national_id_is_valid(value) is False


def test_bad_region_is_refused():
    # when / then
    with pytest.raises(ValueError, match="region must be 6 digits"):
        national_id_make(region="4403", birth=dt.date(2000, 1, 1), sequence=1, female=True)


def test_mobile_numbers_have_the_requested_prefixes():
    # given
    rng = random.Random(1)
    # when
    phones = [mobile_make(rng) for _ in range(50)]
    # then
    assert all(len(p) == 11 and p[:2] in {"13", "15", "18"} for p in phones)
