"""Plain Python core: record types, enums, validation and reference data. No Qt, no SQL."""
