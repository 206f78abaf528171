"""Guest personal data: masked in exports, purged a set time after check-out (see service.py)."""
