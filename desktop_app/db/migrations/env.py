"""Alembic environment: runs on the connection the program hands it (see `db.migrate`).

`render_as_batch` lets later migrations alter tables on SQLite by copy-and-move.
"""

from __future__ import annotations

from alembic import context

from desktop_app.db.models import Base, include_in_autogenerate

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # `alembic` command line during development: a scratch URL from -x url=...
    from sqlalchemy import create_engine

    url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///dev.sqlite3")
    connection = create_engine(url).connect()

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                  include_name=include_in_autogenerate)
with context.begin_transaction():
    context.run_migrations()
