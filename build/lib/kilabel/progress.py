"""Progress as a protocol: the CLI plugs in a terminal bar, the GUI a progress widget."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    def start(self, total: int) -> None: ...

    def file_started(self, name: str) -> None: ...

    def file_done(self, name: str, ok: bool, message: str) -> None: ...

    def finish(self) -> None: ...


class NullProgress:
    def start(self, total: int) -> None:
        pass

    def file_started(self, name: str) -> None:
        pass

    def file_done(self, name: str, ok: bool, message: str) -> None:
        pass

    def finish(self) -> None:
        pass
