"""The apps build as one distribution an existing Wagtail site can install."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_carries_apps_with_migrations_templates_and_data(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    wheel = next(tmp_path.glob("kumppanuus_cms-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for app in ("home", "regions", "news", "search"):
        assert f"{app}/__init__.py" in names
        assert f"{app}/migrations/__init__.py" in names
    assert "regions/migrations/0002_load_regions.py" in names
    assert "news/templates/news/event_page.html" in names
    assert "kumppanuus/templatetags/kumppanuus.py" in names
    for app in ("kumppanuus", "editorial", "api"):
        assert f"{app}/__init__.py" in names
    # The reference site, the tests and the demo content are not shipped.
    assert not any(n.startswith(("config/", "tests/", "demo/")) for n in names)
