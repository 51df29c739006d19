"""A cache for answers that cannot change.

Only answers the caller marks as immutable are stored: a geometry by its identification, a
regeling asked with a time-travel moment (``beschikbaarOp``) in the past, a BAG voorkomen by
version. The key is the method, the full URL and the body; never the API key. Entries live in
memory (least recently used first out) and, if a folder is given, also on disk as one JSON file
per entry, written atomically, so a second run needs no network for them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

__all__ = ["ResponseCache"]

log = logging.getLogger("regels.dso")


class ResponseCache:
    """In-memory LRU of decoded JSON answers, optionally backed by a folder on disk."""

    def __init__(self, directory: Path | str | None = None, max_entries: int = 512) -> None:
        self.directory = Path(directory).expanduser() if directory is not None else None
        self.max_entries = max_entries
        self._memory: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def __repr__(self) -> str:
        return f"ResponseCache(directory={self.directory!r}, entries={len(self._memory)})"

    @staticmethod
    def key(method: str, url: str, body: Any = None) -> str:
        blob = json.dumps([method.upper(), url, body], sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def get(self, key: str) -> Any | None:
        with self._lock:
            if key in self._memory:
                self._memory.move_to_end(key)
                self.hits += 1
                return self._memory[key]
        value = self._read_disk(key)
        with self._lock:
            if value is None:
                self.misses += 1
                return None
            self.hits += 1
            self._store_memory(key, value)
        return value

    def put(self, key: str, value: Any) -> None:
        with self._lock:
            self._store_memory(key, value)
        self._write_disk(key, value)

    def clear(self) -> None:
        with self._lock:
            self._memory.clear()

    def _store_memory(self, key: str, value: Any) -> None:
        self._memory[key] = value
        self._memory.move_to_end(key)
        while len(self._memory) > self.max_entries:
            self._memory.popitem(last=False)

    def _path(self, key: str) -> Path | None:
        return None if self.directory is None else self.directory / f"{key}.json"

    def _read_disk(self, key: str) -> Any | None:
        path = self._path(key)
        if path is None:
            return None
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            log.warning("cachebestand %s is onleesbaar; het wordt opnieuw opgehaald", path.name)
            return None

    def _write_disk(self, key: str, value: Any) -> None:
        path = self._path(key)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(value, fh, ensure_ascii=False)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:  # a full or read-only disk must not break a lookup
            log.warning("cache niet geschreven naar %s: %s", path.parent, exc.strerror)
