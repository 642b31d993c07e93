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
rows in one transaction, and readers never see half a write. A damaged database is moved
aside and started afresh; a row that does not hold a unit vector of the stated size is a
miss. Any other cache failure (read-only folder, full disk, locked too long) makes the run
compute its vectors as if there were no cache: the cache can make a run faster, never wrong
and never fail.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Sequence
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
_SCHEMA = """
CREATE TABLE IF NOT EXISTS vectors (
    model BLOB NOT NULL, text BLOB NOT NULL, dim INTEGER NOT NULL, vec BLOB NOT NULL,
    used INTEGER NOT NULL DEFAULT 0,
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


class CachedEmbedder:
    """`inner`'s vectors, read from the cache in `folder` when present, computed by `inner`
    (all missing sentences in one call, each distinct text once) and stored otherwise."""

    def __init__(self, inner: Embedder, folder: Path | None = None, limit: int | None = None) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.folder = folder or default_folder()
        self.limit = limit or max_vectors()
        self.hits = 0
        self.misses = 0
        self.problems: list[str] = []
        self._db: sqlite3.Connection | None = None
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
                self._problem(str(e))
        h = hashlib.blake2b(digest_size=32)
        with open(real, "rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
        digest = h.hexdigest()
        if db is not None:
            try:
                with db:
                    db.execute(
                        "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
                        (real, st.st_size, st.st_mtime_ns, st.st_ino, digest),
                    )
            except sqlite3.Error as e:
                self._problem(str(e))
        return digest

    # -- storage ---------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None:
            return self._db
        path = self.folder / DB_NAME
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._db = _open(path)
        except sqlite3.DatabaseError as e:
            if isinstance(e, sqlite3.OperationalError):  # locked, read-only, ...: no cache
                self._problem(str(e))
                return None
            # not a database / malformed: move it aside and start afresh
            try:
                os.replace(path, path.with_name(path.name + ".corrupt"))
                for extra in ("-wal", "-shm"):
                    Path(str(path) + extra).unlink(missing_ok=True)
                self._db = _open(path)
                self._problem(f"{path} was damaged; moved it aside to {path.name}.corrupt")
            except (OSError, sqlite3.Error) as e2:
                self._problem(f"damaged cache {path} could not be replaced ({e2})")
                return None
        except OSError as e:
            self._problem(str(e))
            return None
        return self._db

    def _read(self, model: bytes, texts: list[str]) -> dict[str, np.ndarray]:
        db = self._connect()
        if db is None:
            return {}
        keys = {text_key(t): t for t in texts}
        out: dict[str, np.ndarray] = {}
        try:
            items = list(keys)
            for b in range(0, len(items), _CHUNK):
                chunk = items[b : b + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(
                    f"SELECT text, dim, vec FROM vectors WHERE model=? AND text IN ({marks})",
                    (model, *chunk),
                )
                for key, dim, blob in rows:
                    vec = _valid(dim, blob)
                    if vec is not None and bytes(key) in keys:
                        out[keys[bytes(key)]] = vec
        except sqlite3.DatabaseError as e:
            self._problem(str(e))
            return {}
        self._touch(db, model, [text_key(t) for t in out])
        return out

    def _touch(self, db: sqlite3.Connection, model: bytes, keys: list[bytes]) -> None:
        """Mark rows as used now, so that eviction drops the least recently used first. Best
        effort: a cache that cannot be written (read-only) still serves its vectors."""
        now = _now()
        try:
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
        rows = [
            (model, text_key(t), int(v.shape[0]), np.ascontiguousarray(v, dtype="<f4").tobytes(), now)
            for t, v in vectors.items()
        ]
        try:
            with db:
                db.executemany(
                    "INSERT OR REPLACE INTO vectors (model, text, dim, vec, used) VALUES (?, ?, ?, ?, ?)", rows
                )
                (count,) = db.execute("SELECT count(*) FROM vectors").fetchone()
                if count > self.limit:
                    db.execute(
                        "DELETE FROM vectors WHERE (model, text) IN "
                        "(SELECT model, text FROM vectors ORDER BY used LIMIT ?)",
                        (count - int(self.limit * _KEEP),),
                    )
        except sqlite3.DatabaseError as e:
            self._problem(str(e))

    def _problem(self, message: str) -> None:
        self.problems.append(message)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _open(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=30.0, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(_SCHEMA)
        if "used" not in {row[1] for row in db.execute("PRAGMA table_info(vectors)")}:  # made before eviction
            db.execute("ALTER TABLE vectors ADD COLUMN used INTEGER NOT NULL DEFAULT 0")
        db.execute("CREATE INDEX IF NOT EXISTS vectors_used ON vectors (used)")
        db.execute("SELECT count(*) FROM files").fetchone()
    except BaseException:
        db.close()
        raise
    db.isolation_level = "DEFERRED"  # `with db:` opens and commits one transaction
    return db


def _valid(dim: int, blob: bytes) -> np.ndarray | None:
    """The stored vector when it is `dim` finite float32 values of unit length, else None."""
    if not isinstance(blob, bytes) or dim <= 0 or len(blob) != 4 * dim:
        return None
    vec = np.frombuffer(blob, dtype="<f4").astype(np.float32)
    if not np.isfinite(vec).all() or abs(float(vec @ vec) - 1.0) > 1e-3:
        return None
    return vec
