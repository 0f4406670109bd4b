"""The one error ingest raises for bad input: a Chinese message naming the file."""

from __future__ import annotations


class IngestError(Exception):
    """A document that cannot be read into the model.

    ``message`` is Chinese and says what was expected; ``path`` names the file and
    ``line`` (1-based, when it applies) where the problem is. ``str()`` gives
    ``文件 PATH 第 N 行：MESSAGE``.
    """

    def __init__(self, message: str, *, path: str, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"文件 {self.path}"
        if self.line is not None:
            where += f" 第 {self.line} 行"
        return f"{where}：{self.message}"
