"""Channel credentials are stored encrypted, never in plaintext (database, logs, exports).

Fernet (AES-128-CBC + HMAC, from the cryptography package) with one key per installation. The
key lives outside the database — in ``CHANNELMGR_SECRET_KEY`` when set (servers, CI, several desks
sharing one PostgreSQL database: give each desk the same key), else in ``secret.key`` in the data
folder, created on first use and readable by the owner only. A copy of the database alone
therefore reveals no OTA password.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from ..config import data_dir
from ..errors import UserError

ENV_KEY = "CHANNELMGR_SECRET_KEY"
KEY_FILE = "secret.key"


def _key_path() -> Path:
    return data_dir() / KEY_FILE


def load_or_create_key() -> bytes:
    env = os.environ.get(ENV_KEY)
    if env:
        return env.encode()
    path = _key_path()
    if path.exists():
        return path.read_bytes().strip()
    key = Fernet.generate_key()
    # O_EXCL: two processes starting at once cannot both write a different key.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_bytes().strip()
    with os.fdopen(fd, "wb") as f:
        f.write(key)
    return key


class Vault:
    def __init__(self, key: bytes | None = None):
        try:
            self._fernet = Fernet(key or load_or_create_key())
        except ValueError:
            raise UserError(f"The secret key (${ENV_KEY} or {_key_path()}) is not a valid Fernet key") from None

    def encrypt(self, secret: str) -> bytes:
        return self._fernet.encrypt(secret.encode("utf-8"))

    def decrypt(self, token: bytes) -> str:
        try:
            return self._fernet.decrypt(token).decode("utf-8")
        except InvalidToken:
            raise UserError(
                "A stored channel password cannot be decrypted with this desk's secret key; "
                f"copy the key of the desk that saved it (${ENV_KEY}) or set the password again"
            ) from None
