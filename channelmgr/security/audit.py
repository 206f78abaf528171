"""The audit trail: one row per change, written in the same transaction as the change itself."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..actor import Actor
from ..db.models import AuditEntry


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: object = "",
    before: dict | None = None,
    after: dict | None = None,
) -> None:
    session.add(
        AuditEntry(
            actor=actor.user,
            cause=actor.cause,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            before=before,
            after=after,
        )
    )
