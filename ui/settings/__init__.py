"""The sections of the Settings page, one module each (the page only stacks them)."""
