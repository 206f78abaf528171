"""Each role × each service entry point that changes data: allowed, or refused with nothing changed.

The entry points are found, not listed by hand: every public method of the services that takes an
``actor`` must carry a permission (so a service added later without a check fails here).
"""

from __future__ import annotations

import inspect

import pytest
from sqlalchemy import inspect as sa_inspect, select, text

from channelmgr.db.models import AuditEntry
from channelmgr.security.roles import GRANTS, Permission, PermissionDenied, Role, check, may


def _service_objects(services):
    seen, todo = [], [services]
    while todo:
        obj = todo.pop()
        for name, value in vars(obj).items():
            if name.startswith("_") or value is None or isinstance(value, (int, str, float, bool)):
                continue
            module = type(value).__module__
            if module.startswith("channelmgr.") and value not in seen and not inspect.isfunction(value):
                seen.append(value)
                todo.append(value)
    return seen


def entry_points(services):
    """(label, bound method) of every public method whose signature has an ``actor``."""
    found = {}
    for obj in _service_objects(services):
        for name, member in inspect.getmembers(type(obj), inspect.isfunction):
            if not name.startswith("_") and "actor" in inspect.signature(member).parameters:
                found[f"{type(obj).__name__}.{name}"] = getattr(obj, name)
    return found


def _call_with_placeholders(method, actor):
    """Call with ``actor`` and None for everything else: the check runs before the body, so a
    refused call never looks at the placeholders."""
    params = [p for p in inspect.signature(method).parameters.values()]
    args, kwargs = [], {}
    for p in params:
        value = actor if p.name == "actor" else None
        if p.kind == p.KEYWORD_ONLY:
            if p.name == "actor" or p.default is p.empty:
                kwargs[p.name] = value
        elif p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
            if p.name == "actor" or p.default is p.empty:
                args.append(value)
            else:
                break
    return method(*args, **kwargs)


def _snapshot(db):
    """Every row of every table but the audit trail."""
    with db.session() as s:
        names = [t for t in sa_inspect(s.get_bind()).get_table_names() if t not in ("audit_entry", "alembic_version")]
        return {t: sorted(map(repr, s.execute(text(f"SELECT * FROM {t}")).all())) for t in names}


def test_every_entry_point_that_takes_an_actor_is_guarded(accounts):
    points = entry_points(accounts)
    assert len(points) > 40  # calendar, prices, reservations, room types, channels, users, imports, sync…
    unguarded = [label for label, method in points.items() if not hasattr(method, "permission")]
    assert unguarded == []


def test_the_grants_are_the_policy():
    assert GRANTS[Role.ADMINISTRATOR] == set(Permission)
    assert GRANTS[Role.OPERATOR] == {Permission.CALENDAR, Permission.PRICES, Permission.RESERVATIONS,
                                     Permission.ROOM_TYPES, Permission.IMPORT, Permission.EXPORT, Permission.SYNC,
                                     Permission.BACKUP}
    assert GRANTS[Role.VIEWER] == {Permission.EXPORT}


@pytest.mark.parametrize("role_name", ["owner", "desk", "viewer"])
def test_role_matrix_over_every_entry_point(accounts, as_user, role_name):
    actor = as_user(role_name)
    before = _snapshot(accounts.db)
    refused = allowed = 0
    for label, method in entry_points(accounts).items():
        if may(actor.role, method.permission):
            check(accounts.db, actor, method.permission)  # no refusal for what the role may do
            allowed += 1
            continue
        with pytest.raises(PermissionDenied) as denied:
            _call_with_placeholders(method, actor)
        assert f"'{role_name}' is a {actor.role} and may not {method.permission.description}" in str(denied.value), label
        refused += 1
    assert _snapshot(accounts.db) == before  # nothing changed by any refused call
    with accounts.db.session() as s:
        refusals = s.scalars(select(AuditEntry).where(AuditEntry.action == "refused")).all()
    assert len(refusals) == refused
    assert all(e.actor == role_name and e.after["role"] == actor.role for e in refusals)
    if role_name == "owner":
        assert refused == 0
    if role_name == "viewer":
        assert allowed == 0  # a viewer can change nothing


def test_refusal_is_worded_in_chinese_too(accounts, as_user):
    with pytest.raises(PermissionDenied) as denied:
        accounts.reservations.cancel(1, as_user("viewer"))
    assert denied.value.message("zh") == "viewer（只读）不能修改预订（仅限管理员或操作员）"


def test_operator_really_changes_what_it_may_and_the_audit_names_it(accounts, as_user):
    desk = as_user("desk")
    pid = accounts.inventory.property_id(None)
    [booking] = [b for b in accounts.reservations.list(pid) if b.status == "confirmed"][:1]
    accounts.reservations.cancel(booking.id, desk.because("test"))
    with accounts.db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity == "reservation")
                          .order_by(AuditEntry.id.desc())).first()
    assert (entry.actor, entry.cause) == ("desk", "test")


def test_a_desk_not_signed_in_is_refused_once_accounts_exist(accounts):
    from channelmgr.roomtypes.desk_user import desk_actor

    with pytest.raises(PermissionDenied, match="Sign in first"):
        accounts.reservations.cancel(1, desk_actor("test"))


def test_a_database_without_accounts_works_as_before(demo_services):
    from channelmgr.roomtypes.desk_user import desk_actor

    pid = demo_services.inventory.property_id(None)
    booking = [b for b in demo_services.reservations.list(pid) if b.status == "confirmed"][0]
    assert demo_services.reservations.cancel(booking.id, desk_actor("test")).status == "cancelled"
