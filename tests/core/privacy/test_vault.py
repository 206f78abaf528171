"""Where the key lives (env, file, keyring), damaged keys and altered tokens.

The keyring path runs on keyring's own backends chosen with ``keyring.set_keyring`` (the library's
API): its ``fail`` backend (what a headless Linux has) and a small in-memory backend built on
``keyring.backend.KeyringBackend``, as keyring's documentation shows for a custom backend.
"""

from __future__ import annotations

import logging
import os
import stat
import warnings

import keyring
import pytest
from cryptography.fernet import Fernet
from jaraco.classes import properties
from keyring.backend import KeyringBackend
from keyring.backends import fail

from channelmgr.config import data_dir
from channelmgr.errors import UserError
from channelmgr.security import vault as vault_module
from channelmgr.security.vault import KeyDamaged, SecretUnreadable, Vault, key_location


class MemoryKeyring(KeyringBackend):
    # keyring registers every KeyringBackend subclass and picks the best *viable* one the first
    # time a process asks: with a plain priority this test backend became the default keyring of
    # every later test in the same pytest worker, whose CLI child processes (with no such keyring)
    # then could not find the key. A priority that raises makes it non-viable, so only
    # keyring.set_keyring in these tests ever selects it.
    @properties.classproperty
    def priority(cls):
        raise RuntimeError("a test backend: chosen only by keyring.set_keyring")

    def __init__(self):
        super().__init__()
        self.store = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


@pytest.fixture
def use_keyring(monkeypatch):
    monkeypatch.delenv("CHANNELMGR_SECRET_KEY", raising=False)
    previous = keyring.get_keyring()

    def use(backend):
        keyring.set_keyring(backend)
        return backend

    yield use
    keyring.set_keyring(previous)


def test_without_a_keyring_the_key_file_is_made_quietly(use_keyring, recwarn, caplog):
    use_keyring(fail.Keyring())
    with caplog.at_level(logging.INFO):
        token = Vault().encrypt("pw-1")
    path = data_dir() / "secret.key"
    assert key_location() == "file" and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not (data_dir() / "secret.keyring").exists()
    assert [w for w in recwarn if "keyring" in str(w.message).lower()] == []
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
    assert Vault().decrypt(token) == "pw-1"  # the same key found again


def test_with_a_keyring_the_key_goes_there_and_is_found_again(use_keyring):
    memory = use_keyring(MemoryKeyring())
    token = Vault().encrypt("pw-2")
    assert key_location() == "keyring"
    assert not (data_dir() / "secret.key").exists()
    mark = (data_dir() / "secret.keyring").read_text()
    [(service, user)] = memory.store
    assert service == "channelmgr" and user in mark and memory.store[(service, user)].encode() not in mark.encode()
    assert Vault().decrypt(token) == "pw-2"


def test_a_recorded_keyring_that_lost_the_key_is_refused_and_no_new_key_is_made(use_keyring):
    memory = use_keyring(MemoryKeyring())
    Vault().encrypt("pw")
    memory.store.clear()
    with pytest.raises(UserError, match="system keyring"):
        Vault()
    use_keyring(fail.Keyring())  # the keyring gone altogether: the same refusal, no key file
    with pytest.raises(UserError, match="system keyring"):
        Vault()
    assert not (data_dir() / "secret.key").exists()


def test_an_existing_key_file_stays_the_key_even_with_a_keyring(use_keyring):
    use_keyring(fail.Keyring())
    token = Vault().encrypt("pw-3")
    memory = use_keyring(MemoryKeyring())
    assert Vault().decrypt(token) == "pw-3"
    assert memory.store == {} and key_location() == "file"  # not migrated (see vault.py)


def test_a_key_file_others_can_read_is_narrowed_with_a_warning(use_keyring, caplog):
    use_keyring(fail.Keyring())
    token = Vault().encrypt("pw-4")
    path = data_dir() / "secret.key"
    os.chmod(path, 0o644)
    with caplog.at_level(logging.WARNING, logger=vault_module.__name__):
        assert Vault().decrypt(token) == "pw-4"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "readable by others" in caplog.text and path.read_text() not in caplog.text


def test_a_damaged_key_file_is_refused_clearly(use_keyring):
    use_keyring(fail.Keyring())
    (data_dir() / "secret.key").write_bytes(b"not-a-key")
    with pytest.raises(KeyDamaged, match="damaged") as refused:
        Vault()
    assert "secret.key" in str(refused.value) and "not-a-key" not in str(refused.value)


def test_an_altered_token_or_another_key_names_the_channel_and_what_to_do():
    token = Vault(Fernet.generate_key()).encrypt("pw-5")
    with pytest.raises(SecretUnreadable) as other_key:
        Vault(Fernet.generate_key()).decrypt(token, "ctrip")
    altered = token[:-6] + (b"AAAAAA" if token[-6:] != b"AAAAAA" else b"BBBBBB")
    with pytest.raises(SecretUnreadable) as tampered:
        Vault(Fernet.generate_key()).decrypt(altered, "ctrip")
    for refusal in (other_key.value, tampered.value):
        assert "ctrip" in str(refusal) and "channel set ctrip" in str(refusal) and "pw-5" not in str(refusal)
        assert "ctrip" in refusal.message("zh")
