"""The OpenAPI description of the HTTP API, built from the endpoints' parameters and the schemas.

The JSON Schemas of the documents (`penalties/schema/*.json`, draft 2020-12, each with the
`contract_version` it describes) are the contract's one written form: the OpenAPI 3.1 document
served at /api/openapi.json embeds them under `components/schemas`, their references rewritten to
point there. Nothing here imports the web framework.
"""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path

from .. import __version__
from . import api, problems

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
CONTRACT_VERSION = "1.0"
#: the documents, by schema file name (without .json)
DOCUMENTS = (
    "common",
    "assessment",
    "aggregate",
    "provisions",
    "history",
    "diff",
    "convert",
    "explain_amount",
    "search",
    "error",
)


@functools.cache
def schema(name: str) -> dict:
    """The JSON Schema `penalties/schema/<name>.json` (common.json holds the shared definitions)."""
    return json.loads((SCHEMA_DIR / f"{name}.json").read_text(encoding="utf-8"))


def _components_refs(node, name: str):
    """`node` with its $refs pointing into components/schemas: `common.json#/$defs/x` and a file's
    own `#/$defs/x` become `#/components/schemas/x` (prefixed by the file's name for its own)."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref":
                target, _, pointer = value.partition("#")
                owner = target.removesuffix(".json") or name
                definition = pointer.removeprefix("/$defs/")
                if not definition:  # a whole document ("assessment.json"): its own component
                    out[key] = f"#/components/schemas/{owner}"
                    continue
                out[key] = f"#/components/schemas/{definition if owner == 'common' else owner + '.' + definition}"
            elif key not in ("$schema", "$id", "$defs", "contract_version"):
                out[key] = _components_refs(value, name)
        return out
    if isinstance(node, list):
        return [_components_refs(v, name) for v in node]
    return node


@functools.cache
def _components() -> dict:
    out: dict = {}
    for name in DOCUMENTS:
        document = schema(name)
        for key, definition in document.get("$defs", {}).items():
            out[key if name == "common" else f"{name}.{key}"] = _components_refs(definition, name)
        if name != "common":
            out[name] = _components_refs(document, name)
    return out


def _parameter(p: api.Parameter) -> dict:
    if isinstance(p.type, tuple):
        kind: dict = {"type": "string", "enum": list(p.type)}
    elif p.type == "date":
        kind = {"type": "string", "format": "date"}
    elif p.type == "boolean":
        kind = {"type": "boolean"}
    elif p.type == "integer":
        kind = {"type": "integer", "minimum": 1}
    elif p.type in ("text_list", "date_list"):
        kind = {
            "type": "string",
            "maxLength": api.MAX_TEXT,
            "description": f"items separated by {api.LIST_SEPARATOR!r}",
        }
    else:
        kind = {"type": "string", "maxLength": api.MAX_TEXT}
    if p.default is not None:
        kind["default"] = p.default
    return {"name": p.name, "in": "query", "required": p.required, "description": p.description, "schema": kind}


def _body_schema(p: api.Parameter) -> dict:
    """A parameter in a JSON body: as in the query, and a list also as a JSON array of strings."""
    kind = _parameter(p)["schema"]
    if p.type not in ("text_list", "date_list"):
        return kind
    item = (
        {"type": "string", "format": "date"} if p.type == "date_list" else {"type": "string", "maxLength": api.MAX_TEXT}
    )
    return {"anyOf": [{"type": "array", "minItems": 1, "maxItems": api.MAX_ITEMS, "items": item}, kind]}


def _refusals() -> dict:
    error = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/error"}}}}
    statuses = sorted({status for _, status, _ in problems.MAPPING} | set(problems.REQUEST_CODES.values()))
    return {str(s): dict(error, description=_STATUS_TEXT.get(s, "refused")) for s in statuses}


_STATUS_TEXT = {
    400: "malformed question (a parameter, a reference, an amount, a unit)",
    404: "no provision (or no endpoint) under that name",
    405: "method not allowed",
    413: "request body too large",
    415: "body not JSON",
    422: "well formed, but the data cannot answer "
    "(outside the coverage, an unread wording, no MCI or rate, an offender the provision does not name)",
    500: "a bug: please report the request",
    501: "not available in this version",
    503: "no answer within the time limit",
}


@functools.cache
def document() -> dict:
    """The OpenAPI 3.1 document of the API."""
    paths: dict = {}
    for e in api.ENDPOINTS:
        ok = {
            "200": {
                "description": e.summary,
                "headers": {"Penalties-Contract-Version": {"schema": {"type": "string", "const": CONTRACT_VERSION}}},
                "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{e.schema}"}}},
            }
        }
        body = {
            "type": "object",
            "additionalProperties": False,
            "required": [p.name for p in e.parameters if p.required],
            "properties": {p.name: _body_schema(p) for p in e.parameters},
        }
        common = {"summary": e.summary, "responses": dict(ok, **_refusals())}
        paths[e.path] = {
            "get": dict(common, operationId=f"get_{e.schema}", parameters=[_parameter(p) for p in e.parameters]),
            "post": dict(
                common,
                operationId=f"post_{e.schema}",
                requestBody={"required": False, "content": {"application/json": {"schema": body}}},
            ),
        }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "penalties",
            "version": CONTRACT_VERSION,
            "summary": "What penalty does Kazakh law provide for this offence, on this date?",
            "description": f"The JSON contract of penalties {__version__} (docs/json-contract.md): each "
            "endpoint answers with the document `penalties … --json` prints. Parameters in the query string "
            "(GET) or as a JSON object (POST).",
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "paths": paths,
        "components": {"schemas": copy.deepcopy(_components())},
    }
