"""Channel credentials are stored encrypted, never in plaintext (database, logs, exports).

Fernet (AES-128-CBC + HMAC, from the cryptography package) with one key per installation. The
key lives outside the database, so a copy of the database alone reveals no OTA password. Where
it lives, in this order:

1. ``CHANNELMGR_SECRET_KEY`` when set (servers, CI, several desks sharing one PostgreSQL
   database: give each desk the same key);
2. ``secret.key`` in the data folder, when it exists — a key made before the keyring was used,
   or on a computer without one. It is **not** moved into the keyring: the file is what an
   owner copies to a second desk or keeps with a backup, and a key that vanished from the file
   into a login keyring that is later reset would make every stored password unreadable. Moving
   it is a deliberate step (delete the file after putting the key in ``CHANNELMGR_SECRET_KEY``
   or the keyring), never a side effect of starting the program;
3. the operating system's keyring (Windows Credential Manager, macOS Keychain, Secret Service),
   when the ``keyring`` package finds a real one; the choice is written to ``secret.keyring``
   in the data folder (where, never the key), so the next start looks there again and never
   makes a second key;
4. otherwise a new ``secret.key``, created readable by the owner only (0600). A headless Linux
   without a keyring lands here quietly: the keyring's "no backend" is an answer, not an error.

A key file that others may read is narrowed to 0600 and a warning logged (not refused: a desk
that stops syncing over a permission bit nobody sees helps no one; the warning says to change
the channel passwords if others could have read it).
"""

from __future__ import annotations

import logging
import os
import stat
import warnings
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from ..config import data_dir
from ..errors import UserError

log = logging.getLogger(__name__)

ENV_KEY = "CHANNELMGR_SECRET_KEY"
KEY_FILE = "secret.key"
KEYRING_MARK = "secret.keyring"  # records that this data folder's key is in the OS keyring
KEYRING_SERVICE = "channelmgr"


class KeyDamaged(UserError):
    """The key itself is not a Fernet key (an edited or truncated key file, a mistyped variable)."""


class SecretUnreadable(UserError):
    """A token this key cannot open: the token was altered or another key encrypted it."""


def _key_path() -> Path:
    return data_dir() / KEY_FILE


def _mark_path() -> Path:
    return data_dir() / KEYRING_MARK


def _keyring_user() -> str:
    # One key per data folder: two installations (or a test's temporary folder) never share one.
    return f"secret-key:{data_dir().resolve()}"


def key_location() -> str:
    """Where this desk's key is, for the Settings page and the CLI: env, file, keyring or none yet."""
    if os.environ.get(ENV_KEY):
        return "env"
    if _key_path().exists():
        return "file"
    if _mark_path().exists():
        return "keyring"
    return "none"


def _usable_keyring():
    """The keyring backend, or None when there is no real one (the fail/null backends, no D-Bus…)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # keyring warns about backends it skipped; not our user's business
            import keyring
            from keyring.backends import fail, null

            backend = keyring.get_keyring()
    except Exception:  # keyring missing or a backend that broke while loading
        return None
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return None
    return backend


def _read_key_file(path: Path) -> bytes:
    if os.name == "posix":
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            os.chmod(path, 0o600)
            log.warning("%s was readable by others (mode %o); narrowed to 0600. If someone else could "
                        "read it, change the channel passwords.", path, mode)
    return path.read_bytes().strip()


def _from_keyring() -> bytes:
    backend = _usable_keyring()
    key = None
    if backend is not None:
        try:
            key = backend.get_password(KEYRING_SERVICE, _keyring_user())
        except Exception:
            key = None
    if not key:
        # Never make a new key here: every stored channel password would become unreadable.
        raise UserError(
            f"This desk's secret key is recorded as kept in the system keyring ({_mark_path()}), but the "
            f"keyring cannot give it now. Unlock or restore the keyring, or set {ENV_KEY} to the key",
            zh=f"此电脑的密钥记录在系统钥匙串中（{_mark_path()}），但现在无法从钥匙串读取。请解锁或恢复钥匙串，"
               f"或将密钥设置到 {ENV_KEY}")
    return key.encode()


def _create_key() -> bytes:
    key = Fernet.generate_key()
    backend = _usable_keyring()
    if backend is not None:
        try:
            backend.set_password(KEYRING_SERVICE, _keyring_user(), key.decode())
            if backend.get_password(KEYRING_SERVICE, _keyring_user()) == key.decode():
                _mark_path().write_text(f"{KEYRING_SERVICE}\n{_keyring_user()}\n", encoding="utf-8")
                return key
        except Exception as exc:  # a locked or broken keyring: the file below still protects the key
            log.info("system keyring not usable (%s); keeping the key in %s", type(exc).__name__, _key_path())
    path = _key_path()
    # O_EXCL: two processes starting at once cannot both write a different key.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_key_file(path)
    with os.fdopen(fd, "wb") as f:
        f.write(key)
    return key


def load_or_create_key() -> bytes:
    env = os.environ.get(ENV_KEY)
    if env:
        return env.encode()
    path = _key_path()
    if path.exists():
        return _read_key_file(path)
    if _mark_path().exists():
        return _from_keyring()
    return _create_key()


def _where() -> str:
    return {"env": f"${ENV_KEY}", "file": str(_key_path()), "keyring": f"the system keyring ({_mark_path()})"
            }.get(key_location(), str(_key_path()))


class Vault:
    def __init__(self, key: bytes | None = None):
        try:
            self._fernet = Fernet(key or load_or_create_key())
        except ValueError:
            where = _where()
            raise KeyDamaged(
                f"The secret key in {where} is damaged (not a valid key); nothing was changed. Restore it "
                "from a backup or from another desk; if it is lost, set each channel's password again",
                zh=f"{where} 中的密钥已损坏（不是有效的密钥），未做任何修改。请从备份或其他电脑恢复密钥；"
                   "如已丢失，请重新设置各渠道的密码") from None

    def encrypt(self, secret: str) -> bytes:
        return self._fernet.encrypt(secret.encode("utf-8"))

    def decrypt(self, token: bytes, channel: str = "") -> str:
        try:
            return self._fernet.decrypt(token).decode("utf-8")
        except InvalidToken:
            which = f"of channel {channel} " if channel else ""
            which_zh = f"渠道 {channel} 的" if channel else ""
            raise SecretUnreadable(
                f"The stored password {which}cannot be opened with this desk's secret key ({_where()}): the key "
                "or the stored password was altered. Nothing was sent or changed. Restore the key of the desk "
                f"that saved it (${ENV_KEY}), or set the password again (channelmgr channel set {channel or 'NAME'} "
                "--password-prompt)",
                zh=f"无法用此电脑的密钥（{_where()}）解开{which_zh}已存密码：密钥或已存密码被改动。未发送、未修改任何内容。"
                   f"请恢复保存该密码的电脑的密钥（${ENV_KEY}），或重新设置密码（channelmgr channel set "
                   f"{channel or '名称'} --password-prompt）") from None
