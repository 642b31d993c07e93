"""One error family: every user mistake is a `CompareError` with a sentence a user can act on.

The CLI catches `CompareError` alone, prints ``compare: <message>`` on stderr and exits with
the error's `exit_code`. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class CompareError(Exception):
    """Base of every error `compare` reports to a user."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(CompareError):
    """An input file is missing, unreadable, empty, binary or badly encoded."""

    exit_code = 3


class DateError(CompareError):
    """A document has no date, or an impossible one."""

    exit_code = 4


class OutputError(CompareError):
    """The output path cannot be written, or would overwrite an input."""

    exit_code = 5


class ModelError(CompareError):
    """A model cannot be loaded offline."""

    exit_code = 6


class TemplateError(CompareError):
    """A template or prompt is missing, or uses a variable the context does not have."""

    exit_code = 7


class UsageError(CompareError):
    """Options that do not fit together (too few documents, a bad option value)."""

    exit_code = 2
