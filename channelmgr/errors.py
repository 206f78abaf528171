"""Errors a user can fix: the CLI prints them as one line, the UI as a message box."""


class UserError(Exception):
    """Bad input or a state the user must change; the message says where and what."""


class NotFound(UserError):
    pass
