"""The architecture's one-way flow: store never knows the interface, tui never knows TinyDB."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent


def _imports(package: str) -> dict[str, set[str]]:
    """Top-level module names imported anywhere in a package, per file."""
    found: dict[str, set[str]] = {}
    for path in (ROOT / package).rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
        found[str(path.relative_to(ROOT))] = names
    return found


def test_store_never_imports_the_interface():
    offenders = {f: n & {"textual", "tui"} for f, n in _imports("store").items()}
    assert not {f: n for f, n in offenders.items() if n}


def test_tui_never_imports_tinydb():
    offenders = {f: n & {"tinydb"} for f, n in _imports("tui").items()}
    assert not {f: n for f, n in offenders.items() if n}


def test_store_api_loads_without_textual():
    code = (
        "import sys, store.api, store.pipeline, store.export, store.notes; "
        "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_cli_import_is_light():
    """`parley build` and `parley export` must not pay for Textual or trafilatura."""
    code = "import sys, tui.cli; print(sorted({'textual', 'trafilatura'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_the_dashboard_starts_without_the_build_libraries():
    """Opening the dashboard reads the view file: TinyDB, rapidfuzz and trafilatura serve
    builds and exports, and importing them would slow every start."""
    heavy = {"tinydb", "rapidfuzz", "trafilatura"}
    code = f"import sys, store.api, tui.app; print(sorted({heavy!r} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_every_source_folder_is_a_package():
    """setuptools installs only packages: a folder without __init__.py would be left out."""
    for package in ("store", "tui", "seeds"):
        for folder in [ROOT / package, *(ROOT / package).rglob("*")]:
            if folder.is_dir() and folder.name != "__pycache__" and any(folder.glob("*.py")):
                assert (folder / "__init__.py").is_file(), folder


def test_every_store_module_imports_first_of_all():
    """No import cycle that only one import order gets through: each module of store can
    be the first one a program imports (the speed benchmark imports the countries first)."""
    code = (
        "import importlib, pathlib, sys\n"
        "names = sorted('.'.join(p.with_suffix('').parts) for p in pathlib.Path('store')"
        ".rglob('*.py') if p.name != '__init__.py')\n"
        "bad = []\n"
        "for name in names:\n"
        "    for loaded in [m for m in sys.modules if m == 'store' or m.startswith('store.')]:\n"
        "        del sys.modules[loaded]\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except ImportError as e:\n"
        "        bad.append(f'{name}: {e}')\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
