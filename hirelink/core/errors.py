"""Base error for domain rule violations: carries a message fit to show to the user (translated)."""

from __future__ import annotations

from django.utils.functional import Promise


class DomainError(Exception):
    """A business rule said no. `message` is already translated (or a lazy translation)."""

    def __init__(self, message: str | Promise, *, code: str = "invalid") -> None:
        super().__init__(str(message))
        self.message = message
        self.code = code
