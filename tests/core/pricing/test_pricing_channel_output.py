"""Channel output: markup, rounding, guards, refusals."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

from channelmgr.pricing import ChannelOutput, PriceRefused, Rounding, round_up
from channelmgr.pricing.money import scale


@pytest.mark.parametrize("price, rounding, expected", [
    (80730, Rounding.NONE, 80730),
    (80730, Rounding.WHOLE, 80800),
    (80700, Rounding.WHOLE, 80700),
    (80730, Rounding.END_IN_8, 80800),
    (80800, Rounding.END_IN_8, 80800),
    (80801, Rounding.END_IN_8, 81800),
    (80900, Rounding.END_IN_8, 81800),
    (80100, Rounding.END_IN_9, 80900),
    (80901, Rounding.END_IN_9, 81900),
    (1, Rounding.END_IN_8, 800),
])
def test_rounding_is_always_up(price, rounding, expected):
    assert round_up(price, rounding) == expected


def test_rounding_respects_minor_units():
    assert round_up(1234, Rounding.END_IN_8, minor_units=0) == 1238  # e.g. JPY
    assert round_up(1234, Rounding.WHOLE, minor_units=0) == 1234


def test_markup_percent_then_amount_then_rounding():
    channel = ChannelOutput("ctrip", markup_percent=Decimal(15), markup_amount=500,
                            rounding=Rounding.END_IN_8)
    # 70200 × 1.15 = 80730; + 500 = 81230; up to …8 → 81800
    assert [s.price_after for s in channel.steps(70200)] == [80730, 81230, 81800]
    assert channel.apply(70200) == 81800


def test_guards_clamp_after_rounding():
    channel = ChannelOutput("meituan", rounding=Rounding.END_IN_8, min_price=19800, max_price=98800)
    assert channel.apply(15000) == 19800
    assert channel.apply(120000) == 98800
    assert channel.apply(40000) == 40800
    assert channel.steps(15000)[-1].label_en.endswith("min price guard")


def test_min_above_max_guard_is_refused_naming_the_channel():
    with pytest.raises(ValueError, match="'fliggy'.*min price guard 50000 is above max"):
        ChannelOutput("fliggy", min_price=50000, max_price=40000)


def test_markup_that_makes_prices_non_positive_is_refused_naming_the_channel():
    with pytest.raises(ValueError, match="'tujia'"):
        ChannelOutput("tujia", markup_percent=Decimal(-100))
    channel = ChannelOutput("tujia", markup_amount=-50000, min_price=100)
    with pytest.raises(PriceRefused, match="'tujia'"):
        channel.apply(38800)


def test_no_change_means_no_steps():
    assert ChannelOutput("direct").steps(38800) == []
    assert ChannelOutput("direct").apply(38800) == 38800


def test_float_markup_is_refused():
    with pytest.raises(TypeError):
        ChannelOutput("x", markup_percent=15.0)


@pytest.mark.parametrize("price", [1, 5, 38800, 80731, 99999, 123457])
@pytest.mark.parametrize("factor", ["1.15", "0.9", "1.5", "0.333", "1.005", "2"])
def test_integer_scaling_equals_decimal_half_up(price, factor):
    factor = Decimal(factor)
    expected = int((Decimal(price) * factor).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    assert scale(price, factor) == expected
    assert scale(-price, factor) == -expected
