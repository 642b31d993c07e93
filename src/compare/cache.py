"""cache: an on-disk embedding cache, as a wrapper around any `Embedder`.

Vectors live in one SQLite database (WAL mode) in the user cache folder:
``$COMPARE_CACHE_DIR``, else ``$XDG_CACHE_HOME/compare/embeddings``, else
``~/.cache/compare/embeddings``. A row is keyed by

- the *model key*: a hash of the embedder's `model_id`, its `recipe` (pooling, truncation)
  and the content hash of every file of the model folder (weights, config, tokenizer), so a
  changed or replaced model can never return an old vector; a file's content hash is
  computed once and remembered against its size, mtime and inode;
- the sentence's text hash (BLAKE2b, 128 bits).

The cache holds at most `max_vectors()` vectors (500,000 by default); each write that goes
past the bound drops the least recently used rows, down to 90% of it. Several runs may share
the database: SQLite serializes writers, each run inserts its new
rows in one transaction, and readers never see half a write. Each row carries a checksum
over its key, its dimension and its bytes: a row that fails it (a flipped bit, vectors
swapped between rows, a vector of another size) is a miss. A database that SQLite finds
damaged (not a database, malformed), when opened or later, is moved aside and started
afresh. A writer holding the lock is waited for briefly (`BUSY_SECONDS`), then the run goes
on without the cache and says so. Any other cache failure (read-only folder, full disk)
makes the run compute its vectors as if there were no cache: the cache can make a run
faster, never wrong and never fail.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from .embed import Embedder

DB_NAME = "embeddings.sqlite3"
MAX_VECTORS = 500_000
"""Vectors kept by default (about 0.8 GB for MiniLM's 384 dimensions); past that, the least
recently used are dropped. `$COMPARE_CACHE_MAX_VECTORS` sets another bound."""
_KEEP = 0.9  # an eviction brings the cache down to this share of the bound
_CHUNK = 500  # sqlite variables per IN (...) query
BUSY_SECONDS = 1.0
"""How long a read waits for another run's write lock before going on without the cache."""
WRITE_BUSY_SECONDS = 2.0
"""How long storing new vectors waits for another run's write (one transaction, quick)."""
_DAMAGED = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB
_SCHEMA = """
CREATE TABLE IF NOT EXISTS vectors (
    model BLOB NOT NULL, text BLOB NOT NULL, dim INTEGER NOT NULL, vec BLOB NOT NULL,
    used INTEGER NOT NULL DEFAULT 0, sum BLOB,
    PRIMARY KEY (model, text)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    inode INTEGER NOT NULL, digest TEXT NOT NULL);
"""


@runtime_checkable
class Fingerprinted(Protocol):
    """An embedder that can name what its vectors depend on without loading the model."""

    model_id: str
    recipe: str

    def model_files(self) -> Sequence[Path] | None:
        """Every file the model's vectors depend on, or None when they cannot be found (the
        cache is then bypassed)."""
        ...


def default_folder() -> Path:
    if folder := os.environ.get("COMPARE_CACHE_DIR"):
        return Path(folder)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "compare" / "embeddings"


def max_vectors() -> int:
    """The bound on stored vectors: `$COMPARE_CACHE_MAX_VECTORS` when it is a positive
    integer, else MAX_VECTORS."""
    try:
        value = int(os.environ.get("COMPARE_CACHE_MAX_VECTORS", ""))
    except ValueError:
        return MAX_VECTORS
    return value if value > 0 else MAX_VECTORS


def _now() -> int:
    return time.time_ns()


def text_key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def checksum(model: bytes, key: bytes, dim: int, blob: bytes) -> bytes:
    """What a row must carry: a hash of its model key, text key, dimension and vector bytes."""
    h = hashlib.blake2b(digest_size=16)
    for part in (model, key, dim.to_bytes(8, "little", signed=True), blob):
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.digest()


class CachedEmbedder:
    """`inner`'s vectors, read from the cache in `folder` when present, computed by `inner`
    (all missing sentences in one call, each distinct text once) and stored otherwise."""

    def __init__(
        self,
        inner: Embedder,
        folder: Path | None = None,
        limit: int | None = None,
        report: Callable[[str], None] | None = None,
    ) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.folder = folder or default_folder()
        self.limit = limit or max_vectors()
        self.hits = 0
        self.misses = 0
        self.problems: list[str] = []
        self.report = report  # told each new problem at once (the CLI's progress)
        self._db: sqlite3.Connection | None = None
        self._off = False  # given up for this run (locked by another run)
        self._model_key: bytes | None = None

    # -- the Embedder protocol -------------------------------------------------------------
    def embed(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        unique = list(dict.fromkeys(texts))
        found: dict[str, np.ndarray] = {}
        model = self._key() if unique else None
        if model is not None:
            found = self._read(model, unique)
        missing = [t for t in unique if t not in found]
        self.hits, self.misses = len(unique) - len(missing), len(missing)
        if missing:
            computed = np.asarray(self.inner.embed(missing), dtype=np.float32)
            new = dict(zip(missing, computed, strict=True))
            if model is not None:
                self._write(model, new)
            found.update(new)
        if not texts:
            return np.asarray(self.inner.embed([]), dtype=np.float32)
        if len({v.shape for v in found.values()}) > 1:  # cannot pass the checksum; never stack
            self._problem("stored vectors of another size were ignored")
            return np.asarray(self.inner.embed(texts), dtype=np.float32)
        return np.stack([found[t] for t in texts]).astype(np.float32, copy=False)

    # -- model key -------------------------------------------------------------------------
    def _key(self) -> bytes | None:
        if self._model_key is None:
            try:
                self._model_key = self._compute_key()
            except (OSError, sqlite3.Error) as e:
                self._problem(f"model files cannot be fingerprinted ({e})")
                return None
        return self._model_key or None

    def _compute_key(self) -> bytes:
        inner = self.inner
        if not isinstance(inner, Fingerprinted):
            return b""  # unknown weights: never cache
        files = inner.model_files()
        if not files:
            return b""
        digests = sorted((p.name, self._digest(p)) for p in files)
        material = {"model_id": inner.model_id, "recipe": inner.recipe, "files": digests}
        return hashlib.sha256(json.dumps(material, sort_keys=True).encode()).digest()

    def _digest(self, path: Path) -> str:
        """Content hash of `path`, remembered against (size, mtime, inode)."""
        real = str(path.resolve())
        st = os.stat(real)
        db = self._connect()
        if db is not None:
            try:
                row = db.execute(
                    "SELECT digest FROM files WHERE path=? AND size=? AND mtime_ns=? AND inode=?",
                    (real, st.st_size, st.st_mtime_ns, st.st_ino),
                ).fetchone()
                if row:
                    return str(row[0])
            except sqlite3.Error as e:
                self._failed(e)
        h = hashlib.blake2b(digest_size=32)
        with open(real, "rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
        digest = h.hexdigest()
        db = self._connect()
        if db is not None:
            try:  # best effort, like `_touch`: never wait for another run's lock
                db.execute("PRAGMA busy_timeout=0")
                with db:
                    db.execute(
                        "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
                        (real, st.st_size, st.st_mtime_ns, st.st_ino, digest),
                    )
            except sqlite3.Error as e:
                if not _locked(e):
                    self._failed(e)
        return digest

    # -- storage ---------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None or self._off:
            return self._db
        path = self.folder / DB_NAME
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._db = _open(path)
        except sqlite3.DatabaseError as e:
            if not _damaged(e):  # locked, read-only, ...: no cache
                self._problem(_explain(e))
                self._off = True
                return None
            return self._rebuild()
        except OSError as e:
            self._problem(str(e))
            return None
        return self._db

    def _rebuild(self) -> sqlite3.Connection | None:
        """Move a damaged database aside (kept as ``.corrupt`` for a post-mortem) and start a
        new one."""
        path = self.folder / DB_NAME
        self.close()
        try:
            os.replace(path, path.with_name(path.name + ".corrupt"))
            for extra in ("-wal", "-shm"):
                Path(str(path) + extra).unlink(missing_ok=True)
            self._db = _open(path)
        except (OSError, sqlite3.Error) as e:
            self._problem(f"damaged cache {path} could not be replaced ({e})")
            return None
        self._problem(f"{path} was damaged; moved it aside to {path.name}.corrupt and started a new one")
        return self._db

    def _failed(self, e: sqlite3.Error) -> None:
        """A database error after opening: damage rebuilds the cache, anything else is reported."""
        if isinstance(e, sqlite3.DatabaseError) and _damaged(e):
            self._rebuild()
        else:
            self._problem(_explain(e))
            if _locked(e):  # waiting again at each step would add up: no cache for this run
                self.close()
                self._off = True

    def _read(self, model: bytes, texts: list[str]) -> dict[str, np.ndarray]:
        db = self._connect()
        if db is None:
            return {}
        keys = {text_key(t): t for t in texts}
        out: dict[str, np.ndarray] = {}
        try:
            db.execute(f"PRAGMA busy_timeout={int(BUSY_SECONDS * 1000)}")
            items = list(keys)
            for b in range(0, len(items), _CHUNK):
                chunk = items[b : b + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(
                    f"SELECT text, dim, vec, sum FROM vectors WHERE model=? AND text IN ({marks})",
                    (model, *chunk),
                )
                for key, dim, blob, stored in rows:
                    vec = _valid(model, key, dim, blob, stored)
                    if vec is not None and bytes(key) in keys:
                        out[keys[bytes(key)]] = vec
        except sqlite3.DatabaseError as e:
            self._failed(e)
            return {}
        self._touch(db, model, [text_key(t) for t in out])
        return out

    def _touch(self, db: sqlite3.Connection, model: bytes, keys: list[bytes]) -> None:
        """Mark rows as used now, so that eviction drops the least recently used first. Best
        effort: a cache that cannot be written (read-only) still serves its vectors."""
        now = _now()
        try:
            db.execute("PRAGMA busy_timeout=0")
            with db:
                for b in range(0, len(keys), _CHUNK):
                    chunk = keys[b : b + _CHUNK]
                    marks = ",".join("?" * len(chunk))
                    db.execute(f"UPDATE vectors SET used=? WHERE model=? AND text IN ({marks})", (now, model, *chunk))
        except sqlite3.Error:
            pass

    def _write(self, model: bytes, vectors: dict[str, np.ndarray]) -> None:
        db = self._connect()
        if db is None:
            return
        now = _now()
        rows = []
        for t, v in vectors.items():
            key, blob = text_key(t), np.ascontiguousarray(v, dtype="<f4").tobytes()
            rows.append((model, key, int(v.shape[0]), blob, now, checksum(model, key, int(v.shape[0]), blob)))
        try:
            db.execute(f"PRAGMA busy_timeout={int(WRITE_BUSY_SECONDS * 1000)}")
            with db:
                db.executemany(
                    "INSERT OR REPLACE INTO vectors (model, text, dim, vec, used, sum) VALUES (?, ?, ?, ?, ?, ?)",
                    rows,
                )
                (count,) = db.execute("SELECT count(*) FROM vectors").fetchone()
                if count > self.limit:
                    db.execute(
                        "DELETE FROM vectors WHERE (model, text) IN "
                        "(SELECT model, text FROM vectors ORDER BY used LIMIT ?)",
                        (count - int(self.limit * _KEEP),),
                    )
        except sqlite3.DatabaseError as e:
            if _locked(e):
                self._problem(f"another run holds the lock ({e}); {len(rows)} new vectors were not stored")
                self.close()
                self._off = True
            else:
                self._failed(e)

    def _problem(self, message: str) -> None:
        if message not in self.problems and self.report is not None:
            self.report(f"embedding cache: {message}")
        self.problems.append(message)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _open(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(_SCHEMA)
        columns = {row[1] for row in db.execute("PRAGMA table_info(vectors)")}
        if "used" not in columns:  # made before eviction
            db.execute("ALTER TABLE vectors ADD COLUMN used INTEGER NOT NULL DEFAULT 0")
        if "sum" not in columns:  # made before checksums: its rows are misses, rewritten when met
            db.execute("ALTER TABLE vectors ADD COLUMN sum BLOB")
        db.execute("CREATE INDEX IF NOT EXISTS vectors_used ON vectors (used)")
        db.execute("SELECT count(*) FROM files").fetchone()
    except BaseException:
        db.close()
        raise
    db.isolation_level = "DEFERRED"  # `with db:` opens and commits one transaction
    return db


def _damaged(e: sqlite3.DatabaseError) -> bool:
    """SQLite says the file is not a database or is malformed (not: locked, read-only, full)."""
    code = getattr(e, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _DAMAGED
    return not isinstance(e, sqlite3.OperationalError)


def _locked(e: sqlite3.Error) -> bool:
    return "locked" in str(e) or "busy" in str(e)


def _explain(e: sqlite3.Error) -> str:
    if _locked(e):
        return f"another run holds the lock ({e}); going on without the cache"
    return str(e)


def _valid(model: bytes, key: bytes, dim: int, blob: bytes, stored: bytes | None) -> np.ndarray | None:
    """The stored vector when its checksum holds and it is `dim` finite float32 values of unit
    length, else None."""
    if not isinstance(blob, bytes) or not isinstance(stored, bytes) or not isinstance(dim, int) or dim <= 0:
        return None
    if len(blob) != 4 * dim or stored != checksum(model, bytes(key), dim, blob):
        return None
    vec = np.frombuffer(blob, dtype="<f4").astype(np.float32)
    if not np.isfinite(vec).all() or abs(float(vec @ vec) - 1.0) > 1e-3:
        return None
    return vec
