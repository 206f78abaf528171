"""scrypt hashing and the password policy."""

import pytest

from channelmgr.security.passwords import SCRYPT_N, WeakPassword, check_policy, hash_password, verify_password


def test_hash_verifies_only_the_right_password_and_is_salted():
    first, second = hash_password("demo-owner-1"), hash_password("demo-owner-1")
    assert first != second  # a random salt each time
    assert first.startswith(f"scrypt${SCRYPT_N}$8$1$") and "demo-owner-1" not in first
    assert verify_password("demo-owner-1", first) and verify_password("demo-owner-1", second)
    assert not verify_password("demo-owner-2", first)
    assert not verify_password("", first)


def test_damaged_or_missing_hash_lets_nobody_in():
    stored = hash_password("abc12345")
    assert not verify_password("abc12345", stored[:-6])
    assert not verify_password("abc12345", None)
    assert not verify_password("abc12345", "plain$abc12345")
    assert not verify_password("abc12345", "scrypt$x$8$1$AAAA$AAAA")


def test_parameters_are_read_from_the_stored_hash():
    # a hash made with other parameters (say, before they were raised) still verifies
    import base64, hashlib

    salt = b"0123456789abcdef"
    key = hashlib.scrypt(b"old-pass-9", salt=salt, n=2**12, r=8, p=1, dklen=32)
    stored = f"scrypt${2**12}$8$1${base64.b64encode(salt).decode()}${base64.b64encode(key).decode()}"
    assert verify_password("old-pass-9", stored) and not verify_password("old-pass-8", stored)


@pytest.mark.parametrize("password, missing", [
    ("abc1234", "at least 8 characters (this one has 7)"),
    ("abcdefgh", "a digit"),
    ("12345678", "a letter"),
    ("", "at least 8 characters"),
])
def test_policy_says_what_is_missing(password, missing):
    with pytest.raises(WeakPassword) as refused:
        check_policy(password)
    assert missing in str(refused.value)


def test_policy_accepts_letters_and_digits_of_eight():
    check_policy("demo-desk-1")
    check_policy("民宿老板2026")
