"""Repositories: the only code that opens sessions. Each public call is one unit of work and
returns plain records from `domain.records`."""
