"""The witness: every signed checkpoint appended as one JSON line to a file outside the database (issue 10 §7).

Whoever deletes the newest events together with their links and checkpoints leaves a database that
agrees with itself; the witness still names the position and head hash that were signed. Point
GIAMNGHEO_WITNESS_PATH at another disk, a mounted share or a write-once medium: a witness beside the
database can be cut by whoever can cut the database.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from application.audit.checkpoints import Checkpoint, checkpoint_of


class Witness:
    def __init__(self, path: Path, fsync: bool = True) -> None:
        self.path, self.fsync = path, fsync

    def append(self, checkpoint: Checkpoint) -> None:
        """One write() in append mode: lines of two processes never interleave (each holds the catch-up lock)."""
        line = json.dumps(checkpoint.as_record(), sort_keys=True, separators=(",", ":")) + "\n"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, line.encode("ascii"))
            if self.fsync:
                os.fsync(fd)  # the checkpoint outlives a power cut that the database's commit outlives
        finally:
            os.close(fd)


def read_witness(path: Path) -> tuple[list[Checkpoint], list[str]]:
    """The checkpoints of a witness file, and a Vietnamese line for each line that is not one."""
    checkpoints, unreadable = [], []
    with path.open(encoding="ascii", errors="replace") as lines:
        for number, line in enumerate(lines, 1):
            try:
                checkpoints.append(checkpoint_of(json.loads(line)))
            except (ValueError, KeyError, TypeError):
                unreadable.append(f"Dòng {number} của tệp nhân chứng {path} không đọc được.")
    return checkpoints, unreadable
