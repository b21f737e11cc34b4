"""`manage.py search_eval` through the real command, in a subprocess: it builds
its own throwaway database, so the real one (and this test's) stay untouched."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent

PASSAGES = [
    ("a1", "Järjestöavustukset jaetaan keväällä hyvinvointialueen järjestöille."),
    ("a2", "Tilaisuus pidettiin Joensuussa, ja paikalla oli sata osallistujaa."),
    ("a3", "Hanke rahoitetaan sote-keskusohjelmalla kolmen vuoden ajan."),
    ("a4", "Sosiaali- ja terveysministeriö julkaisi uuden linjauksen."),
    ("a5", "Kirjasto on avoinna arkisin kello yhdeksästä neljään."),
    ("a6", "Pyöräily ja kävely lisääntyivät kaupungissa kesällä."),
]
QUERIES = [
    ("q1", "avustus", "a1"),
    ("q2", "Joensuu", "a2"),
    ("q3", "sote-keskus", "a3"),
    ("q4", "sosiaaliministeriö", "a4"),
]


def write_set(tmp_path):
    passages = tmp_path / "passages.jsonl"
    passages.write_text(
        "".join(
            json.dumps({"id": pid, "title": f"Kappale {pid}", "text": text}, ensure_ascii=False)
            + "\n"
            for pid, text in PASSAGES
        ),
        encoding="utf-8",
    )
    queries = tmp_path / "queries.tsv"
    queries.write_text(
        "id\tquery\trelevant\n" + "".join(f"{q}\t{text}\t{rel}\n" for q, text, rel in QUERIES),
        encoding="utf-8",
    )
    return passages, queries


def run_eval(tmp_path, database_url, *extra):
    passages, queries = write_set(tmp_path)
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
    }
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "search_eval",
            "--skip-checks",
            "--passages",
            passages,
            "--queries",
            queries,
            *extra,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip().splitlines()


def scores(line):
    words = line.split()
    return {name: float(words[words.index(name) + 1]) for name in ("recall@10", "MRR", "nDCG@10")}


@pytest.mark.django_db
def test_search_eval_on_postgresql_beside_stock_wagtail(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the stock Finnish configuration needs PostgreSQL")
    # The same server as this test run; the command makes its own database there.
    lines = run_eval(tmp_path, os.environ["DATABASE_URL"])
    ours = scores(next(line for line in lines if line.startswith("Kumppanuus search ")))
    stock = scores(next(line for line in lines if "default config" in line))
    finnish = scores(next(line for line in lines if 'SEARCH_CONFIG="finnish"' in line))
    # Every query here needs Finnish analysis (compound parts, inflection,
    # hyphen coordination); the site search answers all of them first.
    assert ours == {"recall@10": 1.0, "MRR": 1.0, "nDCG@10": 1.0}
    assert stock["nDCG@10"] < ours["nDCG@10"]
    assert finnish["nDCG@10"] < ours["nDCG@10"]
    assert "queries without a relevant answer in the top 10: 0" in lines[-2]
    assert lines[-1] == "nDCG@10 1.000"
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_database WHERE datname LIKE '%%search_eval%%'")
        assert cursor.fetchone()[0] == 0  # the throwaway database is gone


def test_search_eval_on_sqlite_uses_the_same_analysis(tmp_path):
    database = tmp_path / "real.sqlite3"
    lines = run_eval(tmp_path, f"sqlite:///{database}", "--no-stock")
    assert "database: sqlite" in lines[0]
    assert scores(next(line for line in lines if line.startswith("Kumppanuus search "))) == {
        "recall@10": 1.0,
        "MRR": 1.0,
        "nDCG@10": 1.0,
    }
    assert lines[-1] == "nDCG@10 1.000"
    assert not database.exists()  # an in-memory database was used, never the real file
