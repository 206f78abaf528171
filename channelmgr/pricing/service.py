"""Prices from the database: ``Services.pricing``, for the CLI, the UI, the calendar and sync.

Reading: ``prices``, ``price_grid``, ``channel_prices``, ``explain``, and two seams with the
exact signatures of their callers: ``price_source`` for the sync engine
(``sync.price_source(session, channel, room_type, rate_plan, nights)``) and ``nightly_prices`` for
the calendar (``inventory.prices.NightlyPrices(session, rate_plan_ids, start, end)``).

Changing: every change is a list of edits (``edits``) that is first priced in memory — the
preview — then checked by the fat-finger guard over the property's guard horizon, and only then
written with its audit entries. ``force=False`` refuses suspicious moves with
``ConfirmationRequired`` (a UserError carrying the report); a rule that would drive any price to
≤ 0 is refused with ``PriceRefused`` naming it, whatever ``force`` says.

Caching: one engine and grid per property (``price_cache``), reused while a cheap re-read of the
price-relevant rows (``sources``) compares equal, so writes by the calendar's bulk edit or another
desk are picked up on the next call. Rule edits — here or elsewhere — are applied to the cached
engine in place, recomputing only the rows they reach; any other change rebuilds it.

Thread-safe: a lock serialises use of the cached engines (the UI's database thread and the sync
engine's workers may both ask).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from contextlib import ExitStack
from datetime import date, timedelta

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from ..actor import Actor
from ..db.engine import Database
from ..db.models import Property, RatePlan as RatePlanRow, RoomType
from ..errors import NotFound, UserError
from ..inventory.nights import Clock, local_today, utc_now
from .channel_settings import DIRECT_CHANNEL, SETTING_BY_ROUNDING
from .edits import (
    DeleteRule,
    PriceEdit,
    PutRule,
    SetBasePrice,
    SetDerivation,
    SetGuestPricing,
    SetOverrides,
    SetPricingSettings,
    reorder_rules,
)
from .engine import PriceGrid
from .engine_inputs import build_inputs
from .guard import ConfirmationRequired
from .price_cache import PropertyPrices, fresh_engine
from .preview import compare, confirmation_text, direct_rows
from .property_settings import PropertyPricingSettings
from .rate_plans import GuestPricing
from .rule_store import RuleInvalid, RuleSpec
from .sources import Sources, occupancy_digest, read_overrides, read_sources, sold_fractions
from .steps import PriceRefused
from .views import ChannelInfo, ExplainStep, PlanInfo, PriceExplanation, PricePreview, PriceRow, RuleInfo
from ..security.roles import Permission, requires

MAX_WINDOW_NIGHTS = 3 * 366  # one request; more is almost certainly a typo in the year
_CHECKED_KEY = "channelmgr.pricing.checked"  # in Session.info: engines checked in this session


class PriceRangeInvalid(UserError, ValueError):
    pass


def hold_prices(session: Session, property_id: int) -> None:
    """Keep other desks' price edits of the property out until this transaction ends, before the
    prices are read: the fat-finger guard and the audit's "before" are then what is committed.

    SQLite: nothing to do, the write session holds the one write lock. PostgreSQL: the write
    session locks nothing, and a price edit's inputs (rules, base prices, overrides, settings)
    span the whole property, so its row is the lock (FOR UPDATE). Without it a second desk planned
    from before the first one's commit, and its write then failed on the key the first one had
    just written. Calendar writes never lock the property row, so no lock order is at stake.
    """
    if session.connection().dialect.name != "sqlite":
        session.execute(select(Property.id).where(Property.id == property_id).with_for_update())


class PricingService:
    def __init__(self, db: Database, clock: Clock = utc_now):
        self.db = db
        self.clock = clock
        self._cache: dict[int, PropertyPrices] = {}
        self._lock = threading.RLock()

    # == reading ==================================================================================

    def prices(self, property_id: int, room_type: str, rate_plan: str | None, channel: str | None,
               start: date, end: date) -> list[PriceRow]:
        """One price per night of [start, end) for a room type's plan (None: each of its plans)."""
        nights = _window(start, end)
        channel = channel or DIRECT_CHANNEL
        with self._lock, self.db.session() as s:
            state = self._current(s, property_id)
            self._check_channel(state, channel)
            plans = [rate_plan] if rate_plan else self._plan_codes(state, room_type)
            for code in plans:
                state.inputs.plan(room_type, code)
            occupancy = self._occupancy(s, state, start, end)
            today = self._today(state)
            rows = []
            for code in plans:
                for night in nights:
                    quote = state.engine.evaluate(room_type, code, channel, night, today, occupancy)
                    rows.append(PriceRow(room_type, code, channel, night, quote.price,
                                         state.inputs.currency, quote.min_stay, quote.estimated_holidays))
            return rows

    def price_grid(self, property_id: int, start: date, end: date,
                   channel: str | None = None) -> dict[tuple[str, str, date], int]:
        """Every (room type, plan, night) price on ``channel`` (None: the desk's own price)."""
        nights = _window(start, end)
        channel = channel or DIRECT_CHANNEL
        with self._lock, self.db.session() as s:
            state = self._current(s, property_id)
            self._check_channel(state, channel)
            grid = self._grid(s, state, start, end)
            offset = (start - grid.nights[0]).days
            return {
                (room_type, code, night): row[offset + i]
                for (room_type, code, row_channel), row in grid.rows.items() if row_channel == channel
                for i, night in enumerate(nights)
            }

    def channel_prices(self, property_id: int, channel: str, room_type: str, rate_plan: str,
                       nights: Iterable[date]) -> dict[date, int]:
        """What ``channel`` is sent for these nights of one plan: ``{night: fen}``."""
        with self._lock, self.db.session() as s:
            return self._channel_prices(s, property_id, channel, room_type, rate_plan, nights)

    def price_source(self, session: Session, channel, room_type, rate_plan,
                     nights: Sequence[date]) -> dict[date, int]:
        """The sync engine's seam (``sync.price_source``), same signature: ``channel`` has
        ``property_id`` and ``name``, ``room_type`` and ``rate_plan`` a ``code``. Uses the
        caller's session; a pass over every mapped plan reuses one cached grid."""
        return self._channel_prices(session, channel.property_id, channel.name, room_type.code,
                                    rate_plan.code, nights)

    def _channel_prices(self, session: Session, property_id: int, channel: str, room_type: str,
                        rate_plan: str, nights: Iterable[date]) -> dict[date, int]:
        return self._channel_row(session, property_id, channel, room_type, rate_plan, nights,
                                 lambda state, grid: grid.rows[(room_type, rate_plan, channel)])

    def _channel_row(self, session: Session, property_id: int, channel: str, room_type: str,
                     rate_plan: str, nights: Iterable[date],
                     row_of: Callable[[PropertyPrices, PriceGrid], list | None]) -> dict[date, object]:
        """``{night: value}`` of one (room type, plan, channel) row that ``row_of`` picks from a
        grid covering ``nights``; nights whose value is None are left out."""
        nights = sorted(set(nights))
        if not nights:
            return {}
        start, end = nights[0], nights[-1] + timedelta(days=1)
        _window(start, end)
        with self._lock:
            state = self._current_in(session, property_id)
            self._check_channel(state, channel)
            state.inputs.plan(room_type, rate_plan)
            grid = self._grid(session, state, start, end)
            row = row_of(state, grid)
            if row is None:
                return {}
            first = grid.nights[0]
            found = ((night, row[(night - first).days]) for night in nights)
            return {night: value for night, value in found if value is not None}

    def nightly_prices(self, session: Session, rate_plan_ids: Sequence[int], start: date,
                       end: date) -> dict[int, list[int | None]]:
        """The calendar's seam (``inventory.prices.NightlyPrices``): the desk's own price of each
        plan for every night of [start, end); None for a plan that cannot be priced.

        Uses the caller's session, so prices follow what that transaction has written.
        """
        n = max(0, (end - start).days)
        result: dict[int, list[int | None]] = {plan_id: [None] * n for plan_id in rate_plan_ids}
        for plan_id, state, grid, key in self._desk_rows(session, rate_plan_ids, start, end):
            offset = (start - grid.nights[0]).days
            result[plan_id] = grid.rows[(*key, DIRECT_CHANNEL)][offset:offset + n]
        return result

    def nightly_min_stays(self, session: Session, rate_plan_ids: Sequence[int], start: date,
                          end: date) -> dict[int, list[int | None]]:
        """The calendar's seam for restrictions set by rules (``inventory.prices.RuleMinStays``):
        per plan, the rules' minimum stay of every night of [start, end) on the desk's own
        channel (None on a night no rule restricts); plans no such rule reaches are left out."""
        n = max(0, (end - start).days)
        result: dict[int, list[int | None]] = {}
        for plan_id, state, grid, key in self._desk_rows(session, rate_plan_ids, start, end):
            row = state.engine.rule_min_stays(grid, *key, DIRECT_CHANNEL)
            if row is not None:
                offset = (start - grid.nights[0]).days
                result[plan_id] = row[offset:offset + n]
        return result

    def rule_min_stay_source(self, session: Session, channel, room_type, rate_plan,
                             nights: Sequence[date]) -> dict[date, int]:
        """The sync engine's seam for restrictions set by rules, the signature of
        ``price_source``: ``{night: minimum stay}`` the rules ask of ``channel`` for one plan,
        only for nights a rule restricts."""
        return self._channel_row(
            session, channel.property_id, channel.name, room_type.code, rate_plan.code, nights,
            lambda state, grid: state.engine.rule_min_stays(grid, room_type.code, rate_plan.code, channel.name))

    def _desk_rows(self, session: Session, rate_plan_ids: Sequence[int], start: date, end: date):
        """(plan id, property state, grid covering [start, end), (room type, plan code)) for
        every priceable plan among ``rate_plan_ids``, under the lock; grouped by property."""
        if not rate_plan_ids or end <= start:
            return
        rows = session.execute(
            select(RatePlanRow.id, RoomType.property_id)
            .join(RoomType, RatePlanRow.room_type_id == RoomType.id)
            .where(RatePlanRow.id.in_(rate_plan_ids))).all()
        with self._lock:
            for property_id in {pid for _, pid in rows}:
                state = self._current_in(session, property_id)
                grid = self._grid(session, state, start, end)
                key_of = {plan_id: key for key, plan_id in state.inputs.plan_ids.items()}
                for plan_id, pid in rows:
                    if pid == property_id and plan_id in key_of:
                        yield plan_id, state, grid, key_of[plan_id]

    def explain(self, property_id: int, room_type: str, rate_plan: str, channel: str | None,
                night: date) -> PriceExplanation:
        """Every step from the base price to what ``channel`` is sent on ``night``."""
        channel = channel or DIRECT_CHANNEL
        with self._lock, self.db.session() as s:
            state = self._current(s, property_id)
            self._check_channel(state, channel)
            state.inputs.plan(room_type, rate_plan)
            occupancy = self._occupancy(s, state, night, night + timedelta(days=1))
            quote = state.engine.evaluate(room_type, rate_plan, channel, night, self._today(state), occupancy)
            steps = tuple(ExplainStep(step.label_zh, step.label_en, step.operation, step.amount,
                                      step.price_after) for step in quote.steps)
            return PriceExplanation(room_type, rate_plan, channel, night, state.inputs.currency, steps,
                                    quote.min_stay, quote.estimated_holidays)

    def rules(self, property_id: int) -> list[RuleInfo]:
        """The property's rules in the order they apply; rules that cannot be used come last."""
        with self._lock, self.db.session() as s:
            state = self._current(s, property_id)
            installed = {rule.code: rule for rule in state.engine.rules}
            infos = []
            for spec in state.inputs.rules:
                rule = installed.get(spec.name)
                problem = state.rule_problems.get(spec.name)
                infos.append(RuleInfo(spec, rule.stage.name.lower() if rule and not problem else None,
                                      rule.adjustment.operation() if rule and not problem else "", problem))
        order = {name: i for i, name in enumerate(installed)}
        return sorted(infos, key=lambda info: (info.problem is not None, order.get(info.name, 0), info.name))

    def rule(self, property_id: int, name_or_id: str | int) -> RuleInfo:
        for info in self.rules(property_id):
            if str(info.id) == str(name_or_id) or info.name == name_or_id:
                return info
        raise NotFound(f"No price rule {name_or_id!r}", f"没有价格规则 {name_or_id!r}")

    def rate_plans(self, property_id: int) -> list[PlanInfo]:
        with self._lock, self.db.session() as s:
            state = self._current(s, property_id)
            inputs = state.inputs
            names = {type_id: (code, zh, en) for type_id, code, zh, en, _ in inputs.sources.room_types}
            archived = {type_id for type_id, *_, is_archived in inputs.sources.room_types if is_archived}
            by_id = {row.id: row for row in inputs.sources.plans}
            infos = []
            for row in inputs.sources.plans:
                if row.room_type_id in archived:
                    continue
                room_type, type_zh, type_en = names[row.room_type_id]
                problem = inputs.plan_problems.get((room_type, row.code))
                guests = GuestPricing() if problem else inputs.plan(room_type, row.code).guest_pricing
                parent = by_id.get(row.parent_id)
                infos.append(PlanInfo(
                    room_type, type_zh, type_en, row.code, row.name_zh, row.name_en,
                    None if parent else row.base_price_minor, parent.code if parent else None,
                    row.derive_kind if parent else None, row.derive_value if parent else None,
                    guests.standard_guests, tuple(guests.by_guest_count), guests.extra_adult,
                    guests.extra_child, problem))
            return infos

    def channels(self, property_id: int) -> list[ChannelInfo]:
        """Every channel prices can be asked for, "direct" (the desk's own price) first."""
        with self._lock, self.db.session() as s:
            outputs = self._current(s, property_id).inputs.channels
        ordered = sorted(outputs, key=lambda output: output.code != DIRECT_CHANNEL)
        return [ChannelInfo(o.code, o.name_zh, o.name_en, format(o.markup_percent.normalize(), "f"),
                            o.markup_amount, SETTING_BY_ROUNDING[o.rounding], o.min_price, o.max_price)
                for o in ordered]

    def settings(self, property_id: int) -> PropertyPricingSettings:
        with self._lock, self.db.session() as s:
            return self._current(s, property_id).inputs.settings

    def today(self, property_id: int) -> date:
        """Tonight's date at the property (its time zone): where previews and lead times start."""
        with self._lock, self.db.session() as s:
            return self._today(self._current(s, property_id))

    def currency(self, property_id: int) -> str:
        with self._lock, self.db.session() as s:
            return self._current(s, property_id).inputs.currency

    # == changing =================================================================================

    def preview_change(self, property_id: int, edits: Sequence[PriceEdit], start: date | None = None,
                       end: date | None = None) -> PricePreview:
        """The desk's prices over [start, end) before and after ``edits``, nothing saved.

        Default window: the guard horizon (today + the property's ``guard_horizon_days``).
        """
        with self._lock, self.db.session() as s:
            state = self._current(s, property_id)
            start, end = self._preview_window(state, start, end)
            preview, undo = self._preview(s, state, edits, start, end)
            if undo is not None:
                undo()
            return preview

    @requires(Permission.PRICES)
    def apply_changes(self, actor: Actor, property_id: int, edits: Sequence[PriceEdit],
                      force: bool = False) -> PricePreview:
        """Preview ``edits`` over the guard horizon, refuse suspicious moves unless ``force``,
        then write them with their audit entries in one transaction."""
        if not edits:
            raise UserError("nothing to change", "没有要修改的内容")
        # The database's write lock first, the engine's lock second and held past the commit:
        # a calendar write (bulk edit, import, accept theirs) holds the write lock when its price
        # guard asks the engine for prices (nightly_prices takes the engine's lock), so the other
        # order here waited for it while holding what it waited for, and failed on SQLite's busy
        # timeout (tests/core/pricing/test_pricing_write_lock.py). The write session also keeps
        # another desk from writing between this preview and this write.
        with ExitStack() as engine_lock:
            undo = None
            try:
                with self.db.write_session() as s:
                    hold_prices(s, property_id)
                    engine_lock.enter_context(self._lock)
                    state = self._current(s, property_id)
                    start, end = self._preview_window(state, None, None)
                    preview, undo = self._preview(s, state, edits, start, end)
                    if preview.needs_confirmation and not force:
                        english, chinese = confirmation_text(preview)
                        raise ConfirmationRequired(english, preview.report, chinese)
                    for edit in edits:
                        edit.write(s, property_id, actor, state.inputs)
                    s.flush()
                    written = read_sources(s, property_id)
            except BaseException:
                if undo is not None:  # nothing was saved: the cached engine goes back too
                    undo()
                raise
            self._after_write(property_id, state, undo is not None, written)
            return preview

    # The usual changes, each one edit through apply_changes.

    @requires(Permission.PRICES)
    def create_rule(self, actor: Actor, property_id: int, spec: RuleSpec, force: bool = False) -> RuleInfo:
        if spec.id is not None:
            raise UserError(f"rule {spec.name!r} exists already (id {spec.id}); update it instead",
                            f"规则「{spec.name}」已存在（编号 {spec.id}），请改为修改它")
        self.apply_changes(actor, property_id, [PutRule(spec)], force)
        return self.rule(property_id, spec.name.strip())

    @requires(Permission.PRICES)
    def update_rule(self, actor: Actor, property_id: int, spec: RuleSpec, force: bool = False) -> RuleInfo:
        if spec.id is None:
            raise UserError(f"rule {spec.name!r} is not saved yet; create it instead",
                            f"规则「{spec.name}」尚未保存，请先新建")
        self.apply_changes(actor, property_id, [PutRule(spec)], force)
        return self.rule(property_id, spec.id)

    @requires(Permission.PRICES)
    def set_rule_enabled(self, actor: Actor, property_id: int, name_or_id: str | int, enabled: bool,
                         force: bool = False) -> RuleInfo:
        spec = self.rule(property_id, name_or_id).spec
        if spec.enabled != enabled:
            self.apply_changes(actor, property_id, [PutRule(spec.with_changes(enabled=enabled))], force)
        return self.rule(property_id, spec.id)

    @requires(Permission.PRICES)
    def delete_rule(self, actor: Actor, property_id: int, name_or_id: str | int, force: bool = False) -> None:
        self.apply_changes(actor, property_id, [DeleteRule(self.rule(property_id, name_or_id).id)], force)

    @requires(Permission.PRICES)
    def reorder_rules(self, actor: Actor, property_id: int, rule_ids: Sequence[int],
                      force: bool = False) -> list[RuleInfo]:
        """Priorities 10, 20, 30… in this order (a higher priority acts later within a stage)."""
        edits = reorder_rules([info.spec for info in self.rules(property_id)], rule_ids)
        if edits:
            self.apply_changes(actor, property_id, edits, force)
        return self.rules(property_id)

    @requires(Permission.PRICES)
    def set_base_price(self, actor: Actor, property_id: int, room_type: str, rate_plan: str,
                       price_minor: int, force: bool = False) -> PricePreview:
        return self.apply_changes(actor, property_id, [SetBasePrice(room_type, rate_plan, price_minor)], force)

    @requires(Permission.PRICES)
    def set_derivation(self, actor: Actor, property_id: int, room_type: str, rate_plan: str, kind: str,
                       value: int | str, force: bool = False) -> PricePreview:
        return self.apply_changes(actor, property_id, [SetDerivation(room_type, rate_plan, kind, value)], force)

    @requires(Permission.PRICES)
    def set_guest_pricing(self, actor: Actor, property_id: int, room_type: str, rate_plan: str,
                          pricing: GuestPricing) -> None:
        # Guest-count prices are not in the grid the guard compares; the plan refuses a
        # change that would take a price to ≤ 0 when the channels ask for it.
        self.apply_changes(actor, property_id, [SetGuestPricing(room_type, rate_plan, pricing)], force=True)

    @requires(Permission.PRICES)
    def set_overrides(self, actor: Actor, property_id: int, room_type: str, rate_plan: str,
                      nights: Iterable[date], price_minor: int | None, force: bool = False) -> PricePreview:
        """Type a manual price for these nights (None clears them)."""
        edit = SetOverrides(room_type, rate_plan, tuple(sorted(set(nights))), price_minor)
        return self.apply_changes(actor, property_id, [edit], force)

    @requires(Permission.SETTINGS)
    def update_settings(self, actor: Actor, property_id: int, settings: PropertyPricingSettings,
                        force: bool = False) -> PricePreview:
        return self.apply_changes(actor, property_id, [SetPricingSettings(settings)], force)

    def forget(self, property_id: int | None = None) -> None:
        """Drop cached engines (all, or one property's); the next call rebuilds from the database."""
        with self._lock:
            if property_id is None:
                self._cache.clear()
            else:
                self._cache.pop(property_id, None)

    # == the cache ================================================================================

    def _current(self, session: Session, property_id: int) -> PropertyPrices:
        """The property's engine, brought up to date with the database."""
        sources = read_sources(session, property_id)
        cached = self._cache.get(property_id)
        if cached is not None and not cached.needs_rebuild:
            if cached.inputs.sources == sources:
                return cached
            if cached.inputs.sources.same_apart_from_rules(sources):
                try:
                    cached.swap_rules(sources.rules)
                    cached.inputs = cached.inputs.with_changes(sources=sources)
                    return cached
                except (RuleInvalid, PriceRefused):
                    pass  # a rebuild below records the unusable rule as a problem
        state = PropertyPrices(build_inputs(sources, read_overrides(session, property_id)))
        self._cache[property_id] = state
        return state

    def _current_in(self, session: Session, property_id: int) -> PropertyPrices:
        """``_current``, checked once per caller session until that session writes or its
        transaction ends: a sync pass asks for every mapped plan in turn, and one check (≈ 5 ms
        on a large property) per pass is enough — the pass sees one consistent set of prices."""
        checked = session.info.get(_CHECKED_KEY)
        if checked is None:
            checked = session.info[_CHECKED_KEY] = {}
            forget = lambda *_: checked.clear()  # noqa: E731
            event.listen(session, "after_flush", forget)
            event.listen(session, "after_transaction_end", forget)
            event.listen(session, "do_orm_execute", lambda state: None if state.is_select else checked.clear())
        state = checked.get(property_id)
        if state is None or self._cache.get(property_id) is not state:
            state = checked[property_id] = self._current(session, property_id)
        return state

    def _after_write(self, property_id: int, state: PropertyPrices, rules_swapped: bool,
                     written: Sources) -> None:
        """Keep the cached engine if it already holds what was written, else drop it."""
        expected = state.inputs
        if rules_swapped and written.same_apart_from_rules(expected.sources) and \
                _by_name_without_ids(written.rules) == _by_name_without_ids(expected.rules):
            state.inputs = expected.with_changes(sources=written, rules=written.rules)
        else:
            self._cache.pop(property_id, None)

    def _grid(self, session: Session, state: PropertyPrices, start: date, end: date) -> PriceGrid:
        pid = state.inputs.sources.property_id
        digest = self._occupancy_digest(session, pid) if state.uses_occupancy else None
        codes = state.inputs.sources.room_type_codes()
        return state.grid_for(start, end, self._today(state), digest,
                              lambda first, last: sold_fractions(session, codes, first, last))

    @staticmethod
    def _occupancy_digest(session: Session, property_id: int) -> tuple:
        checked = session.info.get(_CHECKED_KEY)  # a caller's session: once, like the engine
        key = ("occupancy", property_id)
        if checked is not None and key in checked:
            return checked[key]
        digest = occupancy_digest(session, property_id)
        if checked is not None:
            checked[key] = digest
        return digest

    def _occupancy(self, session: Session, state: PropertyPrices, start: date, end: date):
        if not state.uses_occupancy:
            return None
        return sold_fractions(session, state.inputs.sources.room_type_codes(), start, end)

    def _today(self, state: PropertyPrices) -> date:
        return local_today(state.inputs.sources.timezone, self.clock())

    def _preview_window(self, state: PropertyPrices, start: date | None, end: date | None):
        today = self._today(state)
        start = start or today
        end = end or start + timedelta(days=state.inputs.settings.guard_horizon_days)
        _window(start, end)
        return start, end

    def _preview(self, session: Session, state: PropertyPrices, edits: Sequence[PriceEdit],
                 start: date, end: date) -> tuple[PricePreview, Callable[[], None] | None]:
        """Price ``edits`` over [start, end); returns the preview and, when the edits were only
        rule edits applied to the cached engine in place, the undo (None: nothing to undo)."""
        new_inputs = state.inputs
        for edit in edits:
            new_inputs = edit.apply_to(new_inputs)
        grid = self._grid(session, state, start, end)
        before = direct_rows(grid, start, end)
        occupancy_needed = _uses_occupancy(new_inputs.rules)
        # In place when only rules change — unless the first occupancy rule arrives: the cached
        # grid was computed without occupancy figures, which such a rule needs.
        if new_inputs.same_apart_from_rules(state.inputs) and (state.occupancy is not None or not occupancy_needed):
            undo = state.swap_rules(new_inputs.rules)
            after = direct_rows(state.grid, start, end)
        else:
            undo = None
            edited = [edit.spec.name.strip() for edit in edits if isinstance(edit, PutRule)]
            engine = fresh_engine(new_inputs, edited)
            nights = [start + timedelta(days=i) for i in range((end - start).days)]
            occupancy = (sold_fractions(session, new_inputs.sources.room_type_codes(), start, end)
                         if occupancy_needed else None)
            fresh = engine.compute(None, None, [DIRECT_CHANNEL], nights, self._today(state), occupancy)
            after = direct_rows(fresh, start, end)
        settings = new_inputs.settings
        return compare(before, after, start, end, settings, new_inputs.currency), undo

    # == small checks =============================================================================

    @staticmethod
    def _check_channel(state: PropertyPrices, channel: str) -> None:
        if channel not in state.engine.channels:
            raise NotFound(f"No channel {channel!r}; known: {', '.join(sorted(state.engine.channels))}",
                           f"没有渠道 {channel!r}；已有：{', '.join(sorted(state.engine.channels))}")

    @staticmethod
    def _plan_codes(state: PropertyPrices, room_type: str) -> list[str]:
        codes = [plan.code for plan in state.inputs.plans if plan.room_type == room_type]
        if not codes:
            raise NotFound(f"No room type {room_type!r} with a priced rate plan", f"没有带价格计划的房型 {room_type!r}")
        return codes


def _window(start: date, end: date) -> list[date]:
    if end <= start:
        raise PriceRangeInvalid(f"the last night must come after the first: {start} … {end}",
                                f"结束日期应晚于开始日期：{start} … {end}")
    count = (end - start).days
    if count > MAX_WINDOW_NIGHTS:
        raise PriceRangeInvalid(f"{count} nights asked for; at most {MAX_WINDOW_NIGHTS} at a time",
                                f"请求了 {count} 晚；一次最多 {MAX_WINDOW_NIGHTS} 晚")
    return [start + timedelta(days=i) for i in range(count)]


def _uses_occupancy(rules: Iterable[RuleSpec]) -> bool:
    return any(spec.enabled and spec.kind == "occupancy" for spec in rules)


def _by_name_without_ids(rules: Iterable[RuleSpec]) -> dict[str, RuleSpec]:
    return {spec.name: spec.with_changes(id=None) for spec in rules}

