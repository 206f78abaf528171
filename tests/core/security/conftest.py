"""A demo database with its three accounts, and helpers to act as each of them."""

from __future__ import annotations

import pytest

from channelmgr.demo import load_demo
from channelmgr.security.demo_accounts import DEMO_ACCOUNTS
from channelmgr.services import Services

PASSWORDS = {name: password for name, _role, password, _display in DEMO_ACCOUNTS}


@pytest.fixture
def accounts(db) -> Services:
    load_demo(db, accounts=True)
    services = Services(db)
    yield services
    services.close()


@pytest.fixture
def as_user(accounts):
    """``as_user("viewer")`` → the signed-in Actor of that demo account."""
    return lambda name: accounts.users.authenticate(name, PASSWORDS[name])
