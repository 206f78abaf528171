"""Today as the test properties see it.

Every property in the tests (the demo's included) keeps the default time zone, Asia/Shanghai, and
the product names nights by the property's date. A test that takes the machine's date (UTC on
CI) is a day behind between 16:00 and 24:00 UTC and fails only then.
"""

from datetime import date

from channelmgr.inventory.nights import local_today, utc_now

PROPERTY_TIMEZONE = "Asia/Shanghai"  # the Property.timezone default


def property_today() -> date:
    return local_today(PROPERTY_TIMEZONE, utc_now())
