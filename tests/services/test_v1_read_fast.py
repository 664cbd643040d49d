"""Round 7 of issue 19: a version 1 dialogue's agenda items get their derived ids with the
dialogue's UUID read once and each item built directly; the record read and its version 2 JSON
stay those the `dataclasses.replace` per item gave."""

from __future__ import annotations

import dataclasses
import json
import uuid
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain import record_fields as rf
from desktop_app.domain import records as r
from desktop_app.services.exchange import codec, importer
from tests.domain.test_replication_encode import _BUNDLE, v1_items

_V1_DIALOGUES = [("dialogue", item) for item in _BUNDLE["dialogues"]]


def _read_before(item: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    """`importer._v1_read` of a dialogue before round 7."""
    dialogue = codec.dialogue_from_json(item)
    if all(a.id for a in dialogue.agenda):
        read = dialogue
    else:
        read = dataclasses.replace(dialogue, agenda=tuple(
            dataclasses.replace(a, id=a.id or str(uuid.uuid5(uuid.UUID(dialogue.id), f"agenda/{i}")))
            for i, a in enumerate(dialogue.agenda)))
    data = rf.dialogue_json(read)
    data.pop("trashed")
    data["updated_at"] = item.get("updated_at")
    return read, data


def test_an_agenda_item_has_the_fields_the_direct_build_copies() -> None:
    """A new field of an agenda item must be copied by `_v1_read`'s direct build too."""
    assert [f.name for f in dataclasses.fields(r.AgendaItem)] == ["title", "presenter", "notes", "id"]


def test_a_dialogue_is_its_init_fields() -> None:
    """Round 9: `_v1_read` builds the dialogue with its agenda's ids from the read one's fields
    (`vars`) and `__init__`, not `dataclasses.replace`; a field set otherwise would be lost."""
    dialogue = codec.dialogue_from_json(next(item for kind, item in _V1_DIALOGUES))
    assert [f.name for f in dataclasses.fields(r.Dialogue) if f.init] == list(vars(dialogue))


@settings(max_examples=200, deadline=None)
@given(v1_items())
def test_a_version_1_dialogue_reads_as_before(kind_item: tuple[str, dict[str, Any]]) -> None:
    kind, item = kind_item
    if kind != "dialogue":
        return
    before_read, before = _read_before(json.loads(json.dumps(item)))
    after_read, after = importer._v1_read(kind, item)
    assert after_read == before_read
    assert [a.id for a in after_read.agenda] == [a.id for a in before_read.agenda]
    assert [dataclasses.asdict(a) for a in after_read.agenda] == [dataclasses.asdict(a) for a in before_read.agenda]
    assert json.dumps(after) == json.dumps(before)


@settings(max_examples=300, deadline=None)
@given(st.uuids(), st.text(max_size=12) | st.sampled_from(["agenda/0", "agenda/17", "action/3"]))
def test_a_derived_id_is_the_standard_librarys_uuid5(dialogue_id: uuid.UUID, name: str) -> None:
    """Round 8: the agenda item's id from the dialogue's UUID bytes and one SHA-1, as `uuid.uuid5` gives it."""
    assert importer._derived_id(dialogue_id.bytes, name) == str(uuid.uuid5(dialogue_id, name))
