"""Valid data is validated once (macros/reading/validate.py): with the text formats only. That is
exact while data the text validator passes cannot fail the plain one, which these schemas ensure:
a text format is a stricter check on a string, so it could only turn a failure into a pass under
`not`, or in a oneOf whose alternatives one string could match more than once."""
from __future__ import annotations

from typing import Any

from macros.model.catalog import DATA_FILES
from macros.reading.text_rules import FORMATS
from macros.reading.validate import Schemas
from tests.conftest import ROOT

SCHEMAS = Schemas.load(ROOT / "schemas")


def _has_text_format(node: Any) -> bool:
    if isinstance(node, dict):
        return node.get("format") in FORMATS or any(_has_text_format(v) for v in node.values())
    return isinstance(node, list) and any(_has_text_format(v) for v in node)


def _may_be_a_string(schema: Any) -> bool:
    """Whether a (subschema) could accept a string: false only where its type says so."""
    if not isinstance(schema, dict):
        return True
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if "string" not in types:
            return False
    return all(_may_be_a_string(part) for part in schema.get("allOf", []))


def _unsafe_places(node: Any, path: str = "") -> list[str]:
    """Where a text format sits under `not` or in a oneOf with more than one alternative that takes strings."""
    places = []
    if isinstance(node, dict):
        if _has_text_format(node.get("not")):
            places.append(f"{path}/not")
        alternatives = node.get("oneOf", [])
        if _has_text_format(alternatives) and sum(map(_may_be_a_string, alternatives)) > 1:
            places.append(f"{path}/oneOf")
        for key, value in node.items():
            places += _unsafe_places(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            places += _unsafe_places(value, f"{path}/{index}")
    return places


def test_no_schema_lets_a_text_format_turn_a_failure_into_a_pass():
    assert {stem: _unsafe_places(SCHEMAS.text_validators[stem].schema) for stem in DATA_FILES} == \
        {stem: [] for stem in DATA_FILES}


def test_a_text_format_in_a_oneof_of_two_strings_is_found():  # negative control
    schema = {"oneOf": [{"type": "string", "format": next(iter(FORMATS))}, {"type": "string", "maxLength": 9}]}
    assert _unsafe_places(schema) == ["/oneOf"]


def test_a_text_format_under_not_is_found():  # negative control
    assert _unsafe_places({"not": {"type": "string", "format": next(iter(FORMATS))}}) == ["/not"]
