"""Undo for label and placement changes: each change is a snapshot pair (before, after) of the
working preset, the per-image placement overrides and the label language."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from PySide6.QtGui import QUndoCommand

from kilabel.presets import LabelPreset

_MERGE_IDS: dict[str, int] = {}


@dataclass
class LabelState:
    preset: LabelPreset
    placements: dict[str, dict]  # image path -> override
    language: str

    def copy(self) -> LabelState:
        return LabelState(copy.deepcopy(self.preset), copy.deepcopy(self.placements), self.language)


class LabelChange(QUndoCommand):
    """One label or placement change; repeated edits of the same field merge into one step."""

    def __init__(self, target, before: LabelState, after: LabelState, text: str, field: str = "") -> None:
        super().__init__(text)
        self.target, self.before, self.after, self.field = target, before, after, field

    def id(self) -> int:
        if not self.field:
            return -1
        return _MERGE_IDS.setdefault(self.field, 1000 + len(_MERGE_IDS))

    def mergeWith(self, other) -> bool:
        if isinstance(other, LabelChange) and other.field == self.field and self.field:
            self.after = other.after
            return True
        return False

    def redo(self) -> None:
        self.target.apply_label_state(self.after.copy())

    def undo(self) -> None:
        self.target.apply_label_state(self.before.copy())
