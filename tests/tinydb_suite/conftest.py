"""TinyDB 4.9.0's own test fixtures, adapted so every JSON-file test runs on DurableJSONStorage.

Upstream's `db` fixture uses JSONStorage; here its 'json' variant uses DurableJSONStorage. The
upstream test modules name `JSONStorage` and rely on TinyDB's default storage class, so an
autouse fixture swaps both for this folder's tests only (monkeypatch undoes it afterwards:
nothing outside this folder sees the swap).
"""

from pathlib import Path

import pytest  # type: ignore
import tinydb
import tinydb.storages
from tinydb import TinyDB
from tinydb.middlewares import CachingMiddleware
from tinydb.storages import MemoryStorage

from store.storage import DurableJSONStorage


@pytest.fixture(autouse=True)
def _durable_storage_everywhere(request, monkeypatch):
    monkeypatch.setattr(tinydb.storages, "JSONStorage", DurableJSONStorage)
    monkeypatch.setattr(tinydb, "JSONStorage", DurableJSONStorage)
    monkeypatch.setattr(TinyDB, "default_storage_class", DurableJSONStorage)
    if hasattr(request.module, "JSONStorage"):
        monkeypatch.setattr(request.module, "JSONStorage", DurableJSONStorage)


@pytest.fixture(params=['memory', 'json'])
def db(request, tmp_path: Path):
    if request.param == 'json':
        db_ = TinyDB(tmp_path / 'test.db', storage=DurableJSONStorage)
    else:
        db_ = TinyDB(storage=MemoryStorage)

    db_.drop_tables()
    db_.insert_multiple({'int': 1, 'char': c} for c in 'abc')

    yield db_


@pytest.fixture
def storage():
    return CachingMiddleware(MemoryStorage)()


# Upstream tests that look at JSONStorage's private internals or its class name, not at
# behaviour; each is listed with its reason in README.md in this folder.
DESELECTED = {
    "test_middlewares.py::test_caching_json_write": "reads JSONStorage's private `_handle`",
    "test_tables.py::test_table_repr[json]": "expects the class name JSONStorage in repr()",
}


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    keep, drop = [], []
    for item in items:
        try:
            local = Path(item.path).relative_to(here).as_posix() + "::" + item.name
        except ValueError:
            local = None
        (drop if local in DESELECTED else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
