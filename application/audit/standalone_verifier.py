#!/usr/bin/env python3
"""Kiểm tra một bộ hồ sơ xuất từ Sổ giảm nghèo, không cần phần mềm của xã hay cơ sở dữ liệu.

    python3 verify.py [THƯ_MỤC] [--key KHÓA | --key-file TỆP_KHÓA]

Checks, with the Python standard library alone (3.8 or later), an export of `giamngheo audit export`:
the SHA-256 of each file named in manifest.json, every line of events.jsonl (its exact form, the
hash chain from the manifest's previous hash, the recorded time against the stored event), the head
named by the manifest, and the checkpoints: their hash at their position and, given the commune's
key, their HMAC-SHA256 signature. Prints the first bad line and position; exit code 1 when anything
is wrong. This file is copied into every export as verify.py; it must import nothing of the project.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import hashlib
import hmac
import json
import sys
from pathlib import Path
from typing import Any

GENESIS = "0" * 64
EVENT_FIELDS = {"position", "originator_id", "originator_version", "topic", "state", "recorded_at", "hash"}
CHECKPOINT_FIELDS = {"position", "head_hash", "signed_at", "reason", "signature"}


def canonical(position: int, originator_id: str, originator_version: int, topic: str, state: bytes) -> bytes:
    """The same encoding as application/audit/chain.py: what each link of the chain hashes."""
    record = {
        "position": position,
        "originator_id": originator_id,
        "originator_version": originator_version,
        "topic": topic,
        "state": base64.b64encode(state).decode("ascii"),
    }
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def link_hash(previous: str, encoded: bytes) -> str:
    return hashlib.sha256(bytes.fromhex(previous) + encoded).hexdigest()


def line_of(record: dict[str, Any]) -> str:
    """Each line of the export is written in exactly this form, so a changed byte cannot hide in spacing."""
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def recorded_at_of(state: bytes) -> str:
    """The recording time the event store keeps inside each stored event."""
    try:
        stamp = json.loads(state.decode("utf-8"))["timestamp"]["_data_"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return ""
    return stamp if isinstance(stamp, str) else ""


def signed_message(checkpoint: dict[str, Any]) -> bytes:
    parts = (checkpoint["position"], checkpoint["head_hash"], checkpoint["signed_at"], checkpoint["reason"])
    return "|".join(str(part) for part in parts).encode("utf-8")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(65536), b""):
            digest.update(block)
    return digest.hexdigest()


class Findings:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.notes: list[str] = []

    def error(self, text: str) -> None:
        self.errors.append(text)

    def note(self, text: str) -> None:
        self.notes.append(text)


def check_files(folder: Path, manifest: dict[str, Any], findings: Findings) -> None:
    for name, expected in sorted(manifest.get("files", {}).items()):
        path = folder / name
        if not path.is_file():
            findings.error("Thiếu tệp " + name + " mà manifest.json liệt kê.")
        elif sha256_of(path) != expected:
            findings.error("Tệp " + name + " không khớp mã SHA-256 ghi trong manifest.json: tệp đã bị sửa.")


def parse_line(text: str, fields: set[str], where: str) -> dict[str, Any]:
    try:
        record = json.loads(text)
    except ValueError:
        raise ValueError(where + ": không đọc được (JSON hỏng).") from None
    if not isinstance(record, dict) or set(record) != fields:
        raise ValueError(where + ": thiếu hoặc thừa trường.")
    if line_of(record) != text:
        raise ValueError(where + ": dòng không đúng dạng đã xuất (có ký tự bị sửa).")
    return record


def check_event(record: dict[str, Any], previous: str, previous_position: int, where: str) -> str:
    """Returns the link's hash; raises ValueError naming what is wrong with the line."""
    position = record["position"]
    if not isinstance(position, int) or position <= previous_position:
        raise ValueError(where + ": số thứ tự không tăng dần (bản ghi bị chèn, xóa hoặc đảo).")
    if not isinstance(record["originator_version"], int):
        raise ValueError(where + ": phiên bản không phải số.")
    try:
        state = base64.b64decode(record["state"], validate=True)
    except (binascii.Error, ValueError, TypeError):
        raise ValueError(where + ": nội dung (state) không phải base64 hợp lệ.") from None
    encoded = canonical(position, record["originator_id"], record["originator_version"], record["topic"], state)
    computed = link_hash(previous, encoded)
    if computed != record["hash"]:
        raise ValueError(where + ": mã băm không khớp chuỗi, bản ghi đã bị sửa.")
    if record["recorded_at"] != recorded_at_of(state):
        raise ValueError(where + ": thời điểm ghi sổ (recorded_at) không khớp bản ghi.")
    return computed


def check_events(folder: Path, manifest: dict[str, Any], findings: Findings) -> dict[int, str]:
    """Returns {position: hash} of the chain as recomputed from the export."""
    previous, previous_position = manifest["prev_hash"], manifest["prev_position"]
    chain: dict[int, str] = {}
    count = 0
    path = folder / "events.jsonl"
    if not path.is_file():
        findings.error("Thiếu tệp events.jsonl.")
        return chain
    with open(path, encoding="ascii", errors="replace", newline="\n") as file:
        for number, raw in enumerate(file, start=1):
            text = raw[:-1] if raw.endswith("\n") else raw
            where = "Dòng " + str(number) + " của events.jsonl"
            try:
                record = parse_line(text, EVENT_FIELDS, where)
                where += " (bản ghi số " + str(record["position"]) + ")"
                computed = check_event(record, previous, previous_position, where)
            except ValueError as problem:
                findings.error(str(problem))
                return chain
            chain[record["position"]] = computed
            previous, previous_position, count = computed, record["position"], count + 1
    if count != manifest["events"]:
        findings.error(
            "events.jsonl có " + str(count) + " bản ghi, manifest.json ghi " + str(manifest["events"]) + "."
        )
    elif (previous_position, previous) != (manifest["head_position"], manifest["head_hash"]):
        findings.error("Bản ghi cuối của events.jsonl không khớp đầu chuỗi ghi trong manifest.json.")
    return chain


def check_checkpoints(
    folder: Path, manifest: dict[str, Any], chain: dict[int, str], key: bytes | None, findings: Findings
) -> None:
    path = folder / "checkpoints.jsonl"
    if not path.is_file():
        findings.error("Thiếu tệp checkpoints.jsonl.")
        return
    covered = 0
    with open(path, encoding="ascii", errors="replace", newline="\n") as file:
        for number, raw in enumerate(file, start=1):
            text = raw[:-1] if raw.endswith("\n") else raw
            where = "Dòng " + str(number) + " của checkpoints.jsonl"
            try:
                checkpoint = parse_line(text, CHECKPOINT_FIELDS, where)
            except ValueError as problem:
                findings.error(str(problem))
                continue
            position = checkpoint["position"]
            where += " (mốc ký ở bản ghi số " + str(position) + ")"
            if key is not None:
                expected = hmac.new(key, signed_message(checkpoint), hashlib.sha256).hexdigest()
                if not hmac.compare_digest(expected, str(checkpoint["signature"])):
                    findings.error(where + ": chữ ký không hợp lệ (mốc bị sửa, giả, hoặc sai khóa).")
                    continue
            if position in chain:
                if chain[position] != checkpoint["head_hash"]:
                    findings.error(where + ": mã băm của sổ tại vị trí này không khớp mốc đã ký.")
                    continue
                covered += 1
            else:
                findings.note(where + ": ngoài phạm vi các bản ghi xuất, chỉ kiểm chữ ký.")
    findings.note("Số mốc ký khớp với các bản ghi xuất: " + str(covered) + ".")
    if key is None:
        findings.note("Chưa kiểm chữ ký của các mốc: hãy chạy lại với --key hoặc --key-file (khóa do xã cấp).")


def verify(folder: Path, key: bytes | None) -> Findings:
    findings = Findings()
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        for field in ("prev_hash", "prev_position", "head_position", "head_hash", "events"):
            manifest[field]  # noqa: B018 (a missing field is an error of the manifest)
    except (OSError, ValueError, KeyError, TypeError):
        findings.error("Không đọc được manifest.json, hoặc manifest.json thiếu trường.")
        return findings
    chain = check_events(folder, manifest, findings)  # first, so that the first error names the line
    check_files(folder, manifest, findings)
    check_checkpoints(folder, manifest, chain, key, findings)
    return findings


def main(argv: list[str] | None = None) -> int:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8", errors="replace")
    parser = argparse.ArgumentParser(description="Kiểm tra bộ hồ sơ xuất từ Sổ giảm nghèo.")
    parser.add_argument("folder", nargs="?", default=str(Path(__file__).resolve().parent))
    parser.add_argument("--key", help="khóa ký các mốc (do xã cấp)")
    parser.add_argument("--key-file", help="tệp chứa khóa ký các mốc")
    args = parser.parse_args(argv)
    key = args.key.encode("utf-8") if args.key else None
    if args.key_file:
        key = Path(args.key_file).read_text(encoding="utf-8").strip().encode("utf-8")
    folder = Path(args.folder)
    findings = verify(folder, key)
    for text in findings.notes:
        print("Ghi chú: " + text)
    if findings.errors:
        print("KHÔNG ĐẠT. Lỗi đầu tiên: " + findings.errors[0])
        for text in findings.errors[1:]:
            print("  Lỗi khác: " + text)
        return 1
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    print(
        "ĐẠT: " + str(manifest["events"]) + " bản ghi, chuỗi băm liền mạch đến bản ghi số "
        + str(manifest["head_position"]) + ", mã băm " + manifest["head_hash"] + "."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
