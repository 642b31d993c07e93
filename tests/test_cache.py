"""The embedding cache: hits are exact, a model change is a miss, --no-cache writes nothing,
concurrent writers and damaged files never break a run."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from compare.cache import DB_NAME, CachedEmbedder, default_folder
from fakes import FakeEmbedder

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def weights(tmp_path: Path) -> Path:
    p = tmp_path / "model" / "weights.bin"
    p.parent.mkdir()
    p.write_bytes(b"weights-one")
    return p


TEXTS = [
    "The Committee decided to raise the target range.",
    "Inflation remains elevated.",
    "Hello.",
]


def test_hit_returns_identical_vectors(tmp_path: Path, weights: Path) -> None:
    first = CachedEmbedder(FakeEmbedder(weights=weights), tmp_path / "cache")
    a = first.embed(TEXTS)
    assert first.misses == 3 and first.hits == 0
    inner = FakeEmbedder(weights=weights)
    second = CachedEmbedder(inner, tmp_path / "cache")
    b = second.embed(TEXTS + TEXTS[:1])
    assert inner.computed == []
    assert second.hits == 3
    assert np.array_equal(a, b[:3]) and np.array_equal(a[0], b[3])
    assert b.dtype == np.float32 and b.shape == (4, 8)


def test_only_missing_texts_are_computed_once_each(tmp_path: Path, weights: Path) -> None:
    CachedEmbedder(FakeEmbedder(weights=weights), tmp_path).embed(TEXTS[:1])
    inner = FakeEmbedder(weights=weights)
    out = CachedEmbedder(inner, tmp_path).embed([TEXTS[1], TEXTS[0], TEXTS[1], TEXTS[2]])
    assert inner.computed == [TEXTS[1], TEXTS[2]]
    assert np.array_equal(out[0], out[2])


def test_different_model_id_is_a_miss(tmp_path: Path, weights: Path) -> None:
    CachedEmbedder(FakeEmbedder("model-a", weights), tmp_path).embed(TEXTS)
    inner = FakeEmbedder("model-b", weights)
    CachedEmbedder(inner, tmp_path).embed(TEXTS)
    assert inner.computed == TEXTS


def test_changed_weights_under_the_same_id_are_a_miss(tmp_path: Path, weights: Path) -> None:
    old = CachedEmbedder(FakeEmbedder(weights=weights), tmp_path).embed(TEXTS)
    weights.write_bytes(b"weights-two, retrained")
    inner = FakeEmbedder(weights=weights)
    new = CachedEmbedder(inner, tmp_path).embed(TEXTS)
    assert inner.computed == TEXTS
    assert not np.allclose(old, new)


def test_same_size_and_mtime_but_new_inode_is_rehashed(tmp_path: Path, weights: Path) -> None:
    CachedEmbedder(FakeEmbedder(weights=weights), tmp_path).embed(TEXTS)
    st = weights.stat()
    replacement = weights.with_name("new.bin")
    replacement.write_bytes(b"weights-One")  # same size
    os.utime(replacement, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.replace(replacement, weights)
    inner = FakeEmbedder(weights=weights)
    CachedEmbedder(inner, tmp_path).embed(TEXTS)
    assert inner.computed == TEXTS


def test_embedder_without_model_files_is_never_cached(tmp_path: Path) -> None:
    CachedEmbedder(FakeEmbedder(weights=None), tmp_path).embed(TEXTS)
    inner = FakeEmbedder(weights=None)
    CachedEmbedder(inner, tmp_path).embed(TEXTS)
    assert inner.computed == TEXTS


def test_empty_input(tmp_path: Path, weights: Path) -> None:
    assert CachedEmbedder(FakeEmbedder(weights=weights), tmp_path).embed([]).shape == (0, 8)


def test_default_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("COMPARE_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_folder() == tmp_path / "xdg" / "compare" / "embeddings"
    monkeypatch.setenv("COMPARE_CACHE_DIR", str(tmp_path / "mine"))
    assert default_folder() == tmp_path / "mine"


def test_corrupted_database_is_replaced_not_fatal(tmp_path: Path, weights: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"this is not a database" * 100)
    inner = FakeEmbedder(weights=weights)
    cached = CachedEmbedder(inner, tmp_path)
    out = cached.embed(TEXTS)
    assert out.shape == (3, 8) and inner.computed == TEXTS
    assert (tmp_path / (DB_NAME + ".corrupt")).exists()
    cached.close()
    again = FakeEmbedder(weights=weights)
    assert np.array_equal(CachedEmbedder(again, tmp_path).embed(TEXTS), out)
    assert again.computed == []


def test_damaged_row_is_a_miss(tmp_path: Path, weights: Path) -> None:
    cached = CachedEmbedder(FakeEmbedder(weights=weights), tmp_path)
    good = cached.embed(TEXTS)
    cached.close()
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        db.execute("UPDATE vectors SET vec = zeroblob(32)")  # zero vectors: not unit length
        db.execute("UPDATE vectors SET vec = x'00ff' WHERE text = (SELECT min(text) FROM vectors)")
    inner = FakeEmbedder(weights=weights)
    assert np.array_equal(CachedEmbedder(inner, tmp_path).embed(TEXTS), good)
    assert inner.computed == TEXTS


def test_unwritable_folder_is_not_fatal(tmp_path: Path, weights: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    inner = FakeEmbedder(weights=weights)
    cached = CachedEmbedder(inner, blocker / "cache")  # a folder under a file cannot exist
    assert cached.embed(TEXTS).shape == (3, 8)
    assert cached.problems


def _writer(folder: str, weights: str, start: int) -> None:
    texts = [f"sentence number {k}" for k in range(start, start + 400)]
    for chunk in range(0, 400, 40):
        CachedEmbedder(FakeEmbedder(weights=Path(weights)), Path(folder)).embed(texts[chunk : chunk + 40])


def test_concurrent_writers_do_not_corrupt(tmp_path: Path, weights: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(tmp_path), str(weights), s)) for s in (0, 200, 100)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    texts = [f"sentence number {k}" for k in range(600)]
    inner = FakeEmbedder(weights=weights)
    out = CachedEmbedder(inner, tmp_path).embed(texts)
    assert inner.computed == []
    assert np.array_equal(out, FakeEmbedder(weights=weights).embed(texts))
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_bad_input_error_does_not_import_torch(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom compare import cli\nsys.argv = ['compare', sys.argv[1], sys.argv[1]]\n"
        "try:\n    cli.main()\nexcept SystemExit as e:\n    print(e.code, 'torch' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert out.stdout.split() == ["3", "False"], out.stderr
    assert "no such file" in out.stderr


def test_least_recently_used_vectors_are_dropped_past_the_bound(
    tmp_path: Path, weights: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from compare import cache

    clock = iter(range(1, 1000))
    monkeypatch.setattr(cache, "_now", lambda: next(clock))
    c = CachedEmbedder(FakeEmbedder(weights=weights), tmp_path, limit=4)
    c.embed(["a", "b", "c"])
    c.embed(["a"])  # read again: now the most recently used of the three
    c.embed(["d", "e"])  # 5 rows > 4: the oldest go, down to 90% of the bound (3 rows)
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        assert db.execute("SELECT count(*) FROM vectors").fetchone() == (3,)
    again = FakeEmbedder(weights=weights)
    CachedEmbedder(again, tmp_path, limit=4).embed(["a", "d", "e", "b", "c"])
    assert again.computed == ["b", "c"]


def test_bound_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from compare import cache

    monkeypatch.setenv("COMPARE_CACHE_MAX_VECTORS", "1000")
    assert cache.max_vectors() == 1000
    for bad in ("", "lots", "0", "-5"):
        monkeypatch.setenv("COMPARE_CACHE_MAX_VECTORS", bad)
        assert cache.max_vectors() == cache.MAX_VECTORS


def test_cache_made_before_eviction_and_checksums_is_upgraded(tmp_path: Path, weights: Path) -> None:
    """An old database (no `used`, no `sum` column) still opens; its rows carry no checksum, so
    they are recomputed once, rewritten with one, and served from then on."""
    first = FakeEmbedder(weights=weights)
    want = CachedEmbedder(first, tmp_path).embed(TEXTS)
    with sqlite3.connect(tmp_path / DB_NAME) as db:  # back to the old layout
        db.executescript(
            "DROP INDEX vectors_used; CREATE TABLE old AS SELECT model, text, dim, vec FROM vectors;"
            "DROP TABLE vectors; ALTER TABLE old RENAME TO vectors;"
        )
    again = FakeEmbedder(weights=weights)
    got = CachedEmbedder(again, tmp_path).embed(TEXTS)
    assert again.computed == TEXTS and np.array_equal(got, want)
    third = FakeEmbedder(weights=weights)
    assert np.array_equal(CachedEmbedder(third, tmp_path).embed(TEXTS), want)
    assert third.computed == []


# ---- round two: checksums, damage found late, a held lock ----


def _stored(tmp_path: Path, weights: Path) -> np.ndarray:
    cached = CachedEmbedder(FakeEmbedder(weights=weights), tmp_path)
    good = cached.embed(TEXTS)
    cached.close()
    return good


def _swap(db: sqlite3.Connection) -> None:
    """Two rows' vectors and checksums exchanged: each is still a finite unit vector."""
    (m1, t1, v1, s1), (m2, t2, v2, s2) = db.execute("SELECT model, text, vec, sum FROM vectors LIMIT 2")
    db.execute("UPDATE vectors SET vec=?, sum=? WHERE model=? AND text=?", (v2, s2, m1, t1))
    db.execute("UPDATE vectors SET vec=?, sum=? WHERE model=? AND text=?", (v1, s1, m2, t2))


def _flip_sign(db: sqlite3.Connection) -> None:
    """The sign bit of one value flipped: still a unit vector."""
    for model, text, vec in db.execute("SELECT model, text, vec FROM vectors").fetchall():
        flipped = bytearray(vec)
        flipped[3] ^= 0x80
        db.execute("UPDATE vectors SET vec=? WHERE model=? AND text=?", (bytes(flipped), model, text))


def _other_dimension(db: sqlite3.Connection) -> None:
    """One row holds the first 4 values of its vector, renormalized, and says dim 4."""
    model, text, vec = db.execute("SELECT model, text, vec FROM vectors LIMIT 1").fetchone()
    short = np.frombuffer(vec, dtype="<f4")[:4]
    short = (short / np.linalg.norm(short)).astype("<f4")
    db.execute("UPDATE vectors SET vec=?, dim=4 WHERE model=? AND text=?", (short.tobytes(), model, text))


@pytest.mark.parametrize("tamper", [_swap, _flip_sign, _other_dimension], ids=["swapped", "sign-bit", "dimension"])
def test_tampered_rows_are_misses(tmp_path: Path, weights: Path, tamper) -> None:  # type: ignore[no-untyped-def]
    good = _stored(tmp_path, weights)
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        tamper(db)
    inner = FakeEmbedder(weights=weights)
    out = CachedEmbedder(inner, tmp_path).embed(TEXTS)
    assert out.shape == (3, 8) and np.array_equal(out, good)
    assert inner.computed  # the tampered rows were recomputed


def test_database_damaged_after_opening_is_moved_aside_and_rebuilt(tmp_path: Path, weights: Path) -> None:
    good = _stored(tmp_path, weights)
    inner = FakeEmbedder(weights=weights)
    cached = CachedEmbedder(inner, tmp_path)
    cached._connect()  # opened while still sound
    path = tmp_path / DB_NAME
    with open(path, "r+b") as fh:  # then its pages are overwritten (a bad disk, a stray writer)
        size = path.stat().st_size
        fh.seek(1024)
        fh.write(b"\xa5" * (size - 1024))
    out = cached.embed(TEXTS)
    assert np.array_equal(out, good) and inner.computed == TEXTS
    assert (tmp_path / (DB_NAME + ".corrupt")).exists()
    assert any("was damaged" in p for p in cached.problems)
    cached.close()
    again = FakeEmbedder(weights=weights)
    assert np.array_equal(CachedEmbedder(again, tmp_path).embed(TEXTS), good)
    assert again.computed == []  # the rebuilt cache serves


def test_held_lock_gives_up_quickly_and_says_so(tmp_path: Path, weights: Path) -> None:
    good = _stored(tmp_path, weights)
    holder = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")  # another process writing, or stuck
    try:
        said: list[str] = []
        start = time.monotonic()
        out = CachedEmbedder(FakeEmbedder(weights=weights), tmp_path, report=said.append).embed(TEXTS)
        elapsed = time.monotonic() - start
    finally:
        holder.rollback()
        holder.close()
    assert np.array_equal(out, good)
    assert elapsed < 5, elapsed  # not the 30 s busy timeout
    assert any("holds the lock" in s and "without the cache" in s for s in said), said
