"""Why the calendar refused a change: a UserError with a stable code and its parameters.

The message is English for the CLI and the logs; the code and parameters let the desktop UI say
the same thing in the user's language without parsing text.
"""

from __future__ import annotations

from ..errors import UserError


class Refusal(UserError):
    def __init__(self, code: str, message: str, **params: object):
        super().__init__(message)
        self.code = code
        self.params = params
