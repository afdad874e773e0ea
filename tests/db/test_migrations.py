"""Migrations reach head from empty on SQLite and PostgreSQL, and match the models exactly."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

import app.db.models  # noqa: F401  (registers the tables)
from app.db.migrate import upgrade
from app.db.session import dispose_engines, get_engine
from tests.conftest import service_url
from tests.support.processes import fresh_postgres_database

TABLES = {
    "alembic_version",
    "analysis",
    "calibrationaudit",
    "calibrationcell",
    "delivery",
    "feedback",
    "finding",
    "installation",
    "packagefact",
    "pullrequest",
    "repobaseline",
    "repository",
    "sharedlimit",
}


def assert_head_matches_models(url: str) -> None:
    upgrade(url)
    engine = get_engine(url)
    assert set(inspect(engine).get_table_names()) == TABLES
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []
    upgrade(url)  # a second upgrade is a no-op
    dispose_engines()


def test_sqlite_upgrades_from_empty_to_head(tmp_path: Path) -> None:
    assert_head_matches_models(f"sqlite:///{tmp_path / 'fresh.db'}")


def test_postgres_upgrades_from_empty_to_head() -> None:
    with fresh_postgres_database(service_url("BULWARK_TEST_POSTGRES_URL")) as url:
        assert_head_matches_models(url)


def test_postgres_compresses_delivery_bodies_with_lz4_where_the_server_can() -> None:
    with fresh_postgres_database(service_url("BULWARK_TEST_POSTGRES_URL")) as url:
        upgrade(url)
        with get_engine(url).connect() as connection:
            method = connection.execute(
                text(
                    "SELECT attcompression FROM pg_attribute "
                    "WHERE attrelid = 'delivery'::regclass AND attname = 'body'"
                )
            ).scalar()
            lz4_built_in = connection.execute(
                text(
                    "SELECT count(*) FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"
                )
            ).scalar()
        dispose_engines()
    assert method == ("l" if lz4_built_in else "")
