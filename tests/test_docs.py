"""The README is the front door (at most 8 KB) and no link in it or in docs/ leads nowhere."""

import re
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parent.parent
PAGES = [TOP / "README.md", TOP / "CHANGELOG.md", *sorted((TOP / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def test_the_readme_is_a_front_door() -> None:
    text = (TOP / "README.md").read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) <= 8192
    assert "make run" in text and "make test" in text


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_relative_link_leads_to_a_file(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    missing = [target for target in LINK.findall(text)
               if not target.startswith(("http://", "https://", "mailto:"))
               and not (page.parent / target).exists()]
    assert missing == []
