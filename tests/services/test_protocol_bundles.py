"""Version 1 bundles keep their meaning under issue 18: every participant attended, funded as the delegation."""

from __future__ import annotations

import json

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain.enums import ParticipationStatus
from desktop_app.resources import resource_path
from desktop_app.services.samples import load_samples


def test_a_version_1_bundle_imports_with_everyone_attended_and_funding_from_the_delegation(database) -> None:
    bundle = json.loads(resource_path("samples", "demo-bundle.json").read_text(encoding="utf-8"))
    assert bundle["version"] == 1
    load_samples(database)
    repository = DialogueRepository(database)
    seen = 0
    for data in bundle["dialogues"]:
        stored = repository.get(data["id"])
        for delegation_data, delegation in zip(data["delegations"], stored.delegations, strict=True):
            assert delegation.programme_supported is delegation_data["programme_supported"]  # a stored fact
            for participant in delegation.participants:
                seen += 1
                assert participant.status is ParticipationStatus.ATTENDED
                assert participant.programme_funded is delegation.programme_supported
    assert seen > 0
    assert any(d.programme_supported and not d.participants for d in repository.get(
        "eb49bc6d-96eb-5d2e-a3a9-c915cf2a9cf0").delegations)  # supported with nobody recorded: kept as it is
