"""The one error publishing raises when a document cannot be produced."""

from __future__ import annotations


class PublishError(Exception):
    """A document that cannot be written: a missing tool (LibreOffice), a conversion
    that failed or timed out, an output path that cannot be written.

    ``message`` is Chinese and says what to do; ``str()`` gives it.
    """

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)
