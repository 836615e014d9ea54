"""The inspector's export (issue 5 §2): the stored events as JSON lines with their links, the signed
checkpoints, a manifest and a verifier that needs nothing but Python, so the log can be checked
without our software or a database.

The events exported are the contiguous run of the log from the first event recorded on the first day
to the last recorded on the last day (Vietnamese calendar days): a chain can only be checked without
holes. Each line holds the stored event exactly as the store keeps it (the state in base64), its
recording time and its link; the manifest names the link before the first line, so the verifier
re-hashes from there. A checkpoint is signed at the export's last event and at the log's head.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from application.audit.chain import (
    Link,
    StoredEvent,
    event_canonical,
    link_at,
    link_before,
    stored_events,
    stored_links,
)
from application.audit.checkpoints import AUDIT_EXPORT, WRITE, Checkpoint, sign, store_checkpoint, stored_checkpoints
from application.audit.standalone_verifier import line_of, recorded_at_of
from application.audit.tamper_evidence import TamperedLogError, TamperEvidenceCases
from application.audit.verify import MALFORMED, LogVerdict
from application.core.capability import CapabilityService
from application.core.errors import InvalidInputError
from application.core.ledger_core import LedgerCore

FORMAT = "giamngheo-audit-export/1"
VERIFIER = Path(__file__).with_name("standalone_verifier.py")


@dataclass(frozen=True)
class AuditBundle:
    directory: Path
    events: int
    first_position: int | None
    last: Link
    head: Link
    verdict: LogVerdict


class AuditExportCases(CapabilityService):
    def __init__(self, core: LedgerCore, tamper_evidence: TamperEvidenceCases) -> None:
        super().__init__(core)
        self.tamper_evidence = tamper_evidence

    def export_audit(
        self,
        directory: Path,
        recorded_from: date | None = None,
        recorded_to: date | None = None,
        commune: str | None = None,
    ) -> AuditBundle:
        self._require_commune(commune)
        if recorded_from and recorded_to and recorded_from > recorded_to:
            raise InvalidInputError({"recorded_to": "Ngày cuối phải từ ngày đầu trở đi."})
        verdict = self.tamper_evidence.verify_log()
        if unreadable := [problem for problem in verdict.problems if problem.kind == MALFORMED]:
            raise TamperedLogError(f"Không xuất được hồ sơ: {unreadable[0].detail}")  # no line can hold that row
        head = self.tamper_evidence.chain_up()
        first, last = self._span(head, recorded_from, recorded_to)
        with self.views.database.reading() as cursor:
            previous = link_before(cursor, first) if first is not None else head
            end = (link_at(cursor, last) if last is not None else None) or previous
        checkpoints = self._export_checkpoints(verdict, previous, end, head)
        directory.mkdir(parents=True, exist_ok=True)
        count = self._write_events(directory / "events.jsonl", previous.position, end.position)
        (directory / "checkpoints.jsonl").write_text("".join(line_of(c.as_record()) + "\n" for c in checkpoints))
        shutil.copyfile(VERIFIER, directory / "verify.py")
        (directory / "README.txt").write_text(readme(self.settings.commune), encoding="utf-8")
        manifest = self._manifest(directory, recorded_from, recorded_to, previous, end, head, count, verdict)
        (directory / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        return AuditBundle(directory, count, first, end, head, verdict)

    def _require_commune(self, commune: str | None) -> None:
        """A deployment holds one commune's log (settings.commune); there is nothing of another to export."""
        if commune and commune.strip().casefold() != self.settings.commune.casefold():
            raise InvalidInputError(
                {"commune": f"Sổ này là sổ của xã {self.settings.commune}, không có dữ liệu của xã {commune.strip()}."}
            )

    def _span(self, head: Link, recorded_from: date | None, recorded_to: date | None) -> tuple[int | None, int | None]:
        """The first and last positions recorded within the days, among the linked events."""
        start = self._utc(recorded_from) if recorded_from else None
        end = self._utc(recorded_to + timedelta(days=1)) if recorded_to else None
        first = last = None
        for event in stored_events(self.store.recorder, 0, head.position):
            at = recorded_at_of(bytes(event.state))
            moment = datetime.fromisoformat(at) if at else None
            if moment and ((start and moment < start) or (end and moment >= end)):
                continue
            first, last = first or event.id, event.id
        return first, last

    def _utc(self, day: date) -> datetime:
        return datetime(day.year, day.month, day.day, tzinfo=self.timezone).astimezone(UTC)

    def _export_checkpoints(self, verdict: LogVerdict, previous: Link, end: Link, head: Link) -> list[Checkpoint]:
        """Those signed within the run, one at its end and one at the head; none is signed over a bad log."""
        if verdict.ok:
            try:
                self.tamper_evidence.checkpoint(AUDIT_EXPORT)
                if end.position and end.position != head.position:
                    at_end = sign(self.tamper_evidence.audit_key(), end.position, end.hash, self.clock(), AUDIT_EXPORT)
                    with self.views.database.writing() as cursor:
                        store_checkpoint(cursor, at_end)
            except TamperedLogError:
                pass  # the verdict already names what is wrong
        with self.views.database.reading() as cursor:
            kept = stored_checkpoints(cursor)
        # The checkpoints after every write stay in the database and the witness: the bundle keeps those a
        # person or the sweep asked for, and the two the export signs (issue 10 §7).
        kept = [c for c in kept if c.reason != WRITE]
        return [c for c in kept if previous.position < c.position <= end.position or c.position == head.position]

    def _write_events(self, path: Path, after: int, last: int) -> int:
        count = 0
        with path.open("w", encoding="ascii", newline="\n") as out:
            for event, link_hash in self._linked(after, last):
                out.write(line_of(event_record(event, link_hash)) + "\n")
                count += 1
        return count

    def _linked(self, after: int, last: int) -> Iterator[tuple[StoredEvent, str]]:
        """Each event with its stored link ("" when it has none: the verifier names that line)."""
        links = stored_links(self.views.database.reading, after)
        link = next(links, None)
        for event in stored_events(self.store.recorder, after, last):
            while link is not None and link.position < event.id:
                link = next(links, None)
            yield event, link.hash if link is not None and link.position == event.id else ""

    def _manifest(
        self,
        directory: Path,
        recorded_from: date | None,
        recorded_to: date | None,
        previous: Link,
        end: Link,
        head: Link,
        count: int,
        verdict: LogVerdict,
    ) -> dict[str, object]:
        files = ("events.jsonl", "checkpoints.jsonl", "verify.py", "README.txt")
        problem = verdict.first_bad
        return {
            "format": FORMAT,
            "commune": self.settings.commune,
            "recorded_from": recorded_from.isoformat() if recorded_from else None,
            "recorded_to": recorded_to.isoformat() if recorded_to else None,
            "created_at": self.clock().astimezone(UTC).isoformat(),
            "prev_position": previous.position,
            "prev_hash": previous.hash,
            "head_position": end.position if count else previous.position,
            "head_hash": end.hash if count else previous.hash,
            "events": count,
            "ledger_head_position": head.position,
            "ledger_head_hash": head.hash,
            "ledger_verified": verdict.ok,
            "ledger_first_problem": f"{problem.position}: {problem.detail}" if problem else None,
            "files": {name: hashlib.sha256((directory / name).read_bytes()).hexdigest() for name in files},
        }


def event_record(event: StoredEvent, link_hash: str) -> dict[str, object]:
    state = bytes(event.state)
    return {
        **json.loads(event_canonical(event)),
        "recorded_at": recorded_at_of(state),
        "hash": link_hash,
    }


def readme(commune: str) -> str:
    return f"""HỒ SƠ KIỂM TRA SỔ GIẢM NGHÈO – XÃ {commune.upper()}

Thư mục này chứa bản sao các bản ghi của sổ, đúng như cơ sở dữ liệu lưu, để kiểm tra sổ có bị sửa,
xóa, chèn thêm hay đảo thứ tự hay không, mà không cần phần mềm của xã hay cơ sở dữ liệu.

Các tệp:
  events.jsonl       mỗi dòng một bản ghi: số thứ tự trong sổ (position), mã đối tượng, phiên bản,
                     loại sự kiện (topic), nội dung đã lưu (state, dạng base64), thời điểm ghi sổ
                     (recorded_at, giờ UTC) và mã băm nối chuỗi (hash)
  checkpoints.jsonl  các mốc đã ký: vị trí và mã băm đầu chuỗi tại một thời điểm, ký HMAC-SHA256
  manifest.json      phạm vi xuất, mã băm trước bản ghi đầu tiên, đầu chuỗi, số bản ghi, mã SHA-256
                     của từng tệp
  verify.py          chương trình kiểm tra, chỉ dùng thư viện chuẩn của Python

Cách kiểm tra (cần Python 3.8 trở lên, không cần cài thêm gì):
  python3 verify.py
  python3 verify.py --key KHÓA        (hoặc --key-file TỆP_KHÓA) để kiểm cả chữ ký các mốc;
                                      khóa do UBND xã giao riêng, không nằm trong thư mục này.

Chương trình tính lại mã băm của từng bản ghi, nối từ mã băm trước bản ghi đầu tiên ghi trong
manifest.json: hash = SHA-256(mã băm trước (32 byte) + JSON chuẩn của bản ghi), JSON chuẩn gồm
originator_id, originator_version, position, state, topic, khóa xếp theo thứ tự chữ cái, không
khoảng trắng. Một byte bị sửa ở bất kỳ bản ghi nào làm sai mã băm từ dòng đó trở đi; chương trình
báo dòng và số bản ghi đầu tiên sai, và kết thúc với mã 1. Kết quả “ĐẠT” nghĩa là các bản ghi
liền mạch, khớp manifest và khớp các mốc đã ký.
"""
