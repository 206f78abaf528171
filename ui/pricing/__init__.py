"""The Prices page's parts: the draft of unsaved changes, the rule list and preview models, the
rule and plan forms, and the explain popup (which the calendar can use as well)."""
