"""A test client of `penalties serve` that validates every API answer against its JSON Schema.

Every response under /api/ goes through `checked()`: a 200 against the schema of its endpoint
(`penalties/schema/<name>.json`), anything else against `error.json`, and the status must agree
with the error code's documented status. So no test of the API can see an answer the contract
does not describe.
"""

from __future__ import annotations

import functools

import pytest

pytest.importorskip("starlette")
jsonschema = pytest.importorskip("jsonschema")
referencing = pytest.importorskip("referencing")

from starlette.testclient import TestClient  # noqa: E402

from penalties.web import api, openapi, problems  # noqa: E402
from penalties.web.app import create_app  # noqa: E402


@functools.cache
def registry():
    from referencing.jsonschema import DRAFT202012

    resources = [(f"{name}.json", DRAFT202012.create_resource(openapi.schema(name))) for name in openapi.DOCUMENTS]
    return referencing.Registry().with_resources(resources)


@functools.cache
def validator(name: str):
    schema = openapi.schema(name)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, registry=registry(), format_checker=cls.FORMAT_CHECKER)


def validate(name: str, document) -> None:
    validator(name).validate(document)


def checked(response, path: str):
    """`response`, after validating its JSON body against the schema its status calls for."""
    assert response.headers["content-type"].startswith("application/json"), response.headers
    assert response.headers.get("penalties-contract-version") == openapi.CONTRACT_VERSION
    body = response.json()
    if response.status_code == 200:
        validate(api.BY_PATH[path].schema, body)
    else:
        validate("error", body)
        code = body["error"]["code"]
        documented = {c: s for _, s, c in problems.MAPPING} | problems.REQUEST_CODES
        assert documented[code] == response.status_code, (code, response.status_code)
    return response


class ApiClient:
    """The framework's test client, every /api/ answer validated (see `checked`)."""

    def __init__(self, app=None):
        self.client = TestClient(app or create_app(), raise_server_exceptions=False)

    def get(self, path: str, params=None, **kwargs):
        response = self.client.get(path, params=params, **kwargs)
        return checked(response, path) if path.startswith("/api/") and path != "/api/openapi.json" else response

    def post(self, path: str, json=None, **kwargs):
        response = self.client.post(path, json=json, **kwargs)
        return checked(response, path) if path.startswith("/api/") else response

    def request(self, method: str, path: str, **kwargs):
        response = self.client.request(method, path, **kwargs)
        return checked(response, path) if path.startswith("/api/") else response
