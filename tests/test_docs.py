"""The contributor documents stay inside the repository: every link in README.md and CONTRIBUTING.md
is a web address or a file of this repository."""

from __future__ import annotations

import re

import pytest

from tests.conftest import REPO

LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


@pytest.mark.parametrize("doc", ["README.md", "CONTRIBUTING.md"])
def test_links_are_web_addresses_or_files_in_the_repository(doc: str) -> None:
    text = (REPO / doc).read_text(encoding="utf-8")
    targets = LINK.findall(text)
    assert targets
    for target in targets:
        if target.startswith(("https://", "http://", "#")):
            continue
        path = (REPO / target.split("#")[0]).resolve()
        assert path.is_relative_to(REPO.resolve()) and path.exists(), f"{doc} links to {target}"
