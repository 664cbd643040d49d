"""Storage: SQLAlchemy models, the engine with SQLite's pragmas, units of work, repositories and
Alembic migrations. Never imports Qt."""
