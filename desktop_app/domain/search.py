"""How text is folded for searching, so that "brussels", "BRUSSELS" and "Ёлка"/"елка" match.

SQLite's own LIKE folds ASCII only; we fold in Python, store the folded text, and fold the query
the same way.
"""

from __future__ import annotations

from collections.abc import Iterable


def fold(text: str) -> str:
    return text.casefold().replace("ё", "е")


def fold_all(parts: Iterable[str | None]) -> str:
    return "\n".join(fold(part) for part in parts if part)


def query_words(query: str | None) -> list[str]:
    return [word for word in fold(query or "").split() if word]
