"""Password hashing and the password policy.

scrypt from the standard library (hashlib, OpenSSL): memory-hard, so each guess costs an attacker
memory as well as time, which is what makes GPU and ASIC cracking of a stolen database expensive.
Parameters: N = 2**15, r = 8, p = 1 — 128 * r * N = 32 MiB of memory per guess and about 0.1 s on a
2020s laptop. That is twice the memory of RFC 7914's interactive-login example (N = 2**14) while
keeping sign-in, and every CLI command (each one signs in), well under a second. The stored text
carries its own parameters (``scrypt$N$r$p$salt$hash``), so they can be raised later without
invalidating the hashes already stored. The salt is 16 random bytes, the derived key 32 bytes.

Policy (seeds/004: 密碼強度較高, 包含字母、數字): at least 8 characters, with at least one letter
and one digit.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from ..errors import UserError

SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
_MAXMEM = 64 * 1024 * 1024  # OpenSSL refuses more than 32 MiB by default; N=2**15 needs just that
MIN_LENGTH = 8


class WeakPassword(UserError):
    pass


def check_policy(password: str) -> None:
    """Raise ``WeakPassword`` saying what is missing."""
    missing, missing_zh = [], []
    if len(password) < MIN_LENGTH:
        missing.append(f"at least {MIN_LENGTH} characters (this one has {len(password)})")
        missing_zh.append(f"至少 {MIN_LENGTH} 个字符（现有 {len(password)} 个）")
    if not any(c.isalpha() for c in password):
        missing.append("a letter")
        missing_zh.append("字母")
    if not any(c.isdigit() for c in password):
        missing.append("a digit")
        missing_zh.append("数字")
    if missing:
        raise WeakPassword("The password needs " + " and ".join(missing), "密码须包含" + "、".join(missing_zh))


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    key = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(key)}"


def verify_password(password: str, stored: str | None) -> bool:
    try:
        scheme, n, r, p, salt, key = (stored or "").split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(key, validate=True)
        actual = _scrypt(password, base64.b64decode(salt, validate=True), int(n), int(r), int(p))
    except (ValueError, TypeError):  # a damaged or empty hash never lets anyone in (binascii.Error too)
        return False
    return hmac.compare_digest(actual, expected)


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_MAXMEM, dklen=32)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
