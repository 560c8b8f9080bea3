"""One error tree. Messages name the input at fault and the fix, in one line.

The CLI catches ``CompareError`` only, prints ``str(error)`` and exits with ``error.exit_code``;
anything else is an internal error (exit 3), logged to a file without local variables, because
locals would print the text of unpublished drafts.
"""

from __future__ import annotations


class CompareError(Exception):
    """Base class of every error compare raises on purpose."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        # One line, always: a multi-line message would break the CLI's one-line contract.
        super().__init__(" ".join(str(message).split()))

    @property
    def message(self) -> str:
        return self.args[0]


class InputError(CompareError):
    """A source, draft or option the user gave cannot be used as it is."""


class ModelError(CompareError):
    """The embedding model cannot be found, loaded or verified."""


class OutputError(CompareError):
    """A report cannot be written where the user asked."""
