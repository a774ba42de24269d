"""The HTTP JSON API of `penalties serve`, through Starlette's test client.

Every answer is validated against its JSON Schema by `tests/web_client.py`. The API must answer
exactly what `penalties … --json` prints (one serialisation), refuse bad input with a 4xx JSON
error naming the problem, and never answer a 500 (a fuzz test over every endpoint).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from web_client import ApiClient, validate  # isort: skip

import penalties
from penalties.cli import main
from penalties.law.provenance import VERIFICATION_LEVELS
from penalties.law.rates import BASES
from penalties.web import api, app, openapi, problems


@pytest.fixture(scope="module")
def client():
    return ApiClient()


def cli_json(capsys, *argv) -> object:
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


# --- the same documents as the command line ----------------------------------------------------


def test_assess_is_show_json(client, capsys):
    # CC 403(1) on 2016-06-01: fine up to 300 MCI (statutes/kz/cc/403.toml, the 2014 wording), the
    # MCI of 2016 is 2121 KZT (statutes/kz/indices/mci.toml): 300 x 2121 = 636300
    answer = client.get("/api/assess", {"reference": "CC 403(1)", "on": "2016-06-01"})
    assert answer.status_code == 200
    body = answer.json()
    assert body == cli_json(capsys, "show", "CC 403(1)", "--on", "2016-06-01")
    assert body["mci_kzt"] == "2121" and body["main"][0]["max"] == {
        "mci": "300",
        "kzt": "636300",
        "usd": body["main"][0]["max"]["usd"],
    }


def test_assess_with_case_dates_and_offender_by_post(client, capsys):
    params = {
        "reference": "AC 488(7)",
        "committed": "2021-03-01",
        "initiated": "2021-03-02",
        "offender": "legal_entity",
    }
    answer = client.post("/api/assess", json=params)
    assert answer.status_code == 200
    assert answer.json() == cli_json(
        capsys,
        "show",
        "AC 488(7)",
        "--committed",
        "2021-03-01",
        "--initiated",
        "2021-03-02",
        "--offender",
        "legal_entity",
    )
    assert answer.json()["offender"] == "legal_entity" and answer.json()["dates"]["initiated"] == "2021-03-02"


def test_a_base_amount_is_read_as_people_write_it(client, capsys):
    answer = client.get("/api/assess", {"reference": "CC 366(1)", "on": "2016-06-01", "base_amount": "1 000 000"})
    assert answer.status_code == 200
    assert answer.json() == cli_json(capsys, "show", "CC 366(1)", "--on", "2016-06-01", "--base-amount", "1 000 000")


def test_history_diff_provisions_are_the_cli_documents(client, capsys):
    assert client.get("/api/history", {"reference": "CC 403(1)"}).json() == cli_json(capsys, "history", "CC 403(1)")
    changes = client.get("/api/diff", {"reference": "CC 403(1)", "first": "2016-01-01", "second": "2019-01-01"}).json()
    assert changes == cli_json(capsys, "diff", "CC 403(1)", "2016-01-01", "2019-01-01")
    # the law of 12.07.2018 No. 180-VI lowered the fine's maximum from 300 to 160 MCI (statutes/kz/cc/403.toml)
    assert {
        "offender": "individual",
        "group": "main",
        "kind": "fine",
        "what": "max",
        "before": "300 MCI",
        "after": "160 MCI",
    } in changes
    listing = client.get("/api/provisions", {"code": "cc"}).json()
    assert listing == cli_json(capsys, "list", "--code", "cc")
    assert {p["code"] for p in listing} == {"cc"}


def test_convert_and_explain_amount_are_the_cli_documents(client, capsys):
    # the MCI of 2019 is 2525 KZT: 5000 MCI = 12 625 000 KZT (README)
    answer = client.get("/api/convert", {"amount": "5000", "unit": "MCI", "to": "KZT", "on": "2019-06-01"})
    assert answer.json() == cli_json(capsys, "convert", "5000", "MCI", "--to", "KZT", "--on", "2019-06-01")
    assert answer.json()["amount"] == "12625000"
    # 41 670 KZT on 2020-04-30 at 2778 KZT per MCI is 15 MCI (README)
    explained = client.post("/api/explain-amount", json={"amount": 41670, "on": "2020-04-30"})
    assert explained.json() == cli_json(capsys, "explain-amount", "41670", "KZT", "--on", "2020-04-30")
    assert explained.json()["mci_count"] == "15"


def test_aggregate_is_the_cli_document(client, capsys):
    # a list parameter: one string separated by ";" in a query, a JSON array in a body
    answer = client.get("/api/aggregate", {"references": "CC 146(3);CC 256(2)", "on": "2020-06-01"})
    assert answer.status_code == 200
    assert answer.json() == cli_json(capsys, "aggregate", "CC 146(3)", "CC 256(2)", "--on", "2020-06-01")
    assert answer.json()["aggregate"] == "offences" and answer.json()["rule"]["article"].startswith("58")
    body = {"references": ["CC 188(2)", "CC 190(1)"], "on": "2020-06-01", "categories": ["medium", "-"]}
    answer = client.post("/api/aggregate", json=body)
    assert answer.status_code == 200
    assert answer.json() == cli_json(
        capsys, "aggregate", "CC 188(2)", "CC 190(1)", "--on", "2020-06-01", "--category", "medium", "-"
    )
    assert answer.json()["categories"][0] == "medium"


def test_aggregate_of_sentences_and_dates_per_reference(client, capsys):
    answer = client.post(
        "/api/aggregate", json={"references": ["CC 99(2)", "CC 174(3)"], "on": "2020-06-01", "aggregate": "sentences"}
    )
    assert answer.status_code == 200
    assert answer.json() == cli_json(capsys, "aggregate", "CC 99(2)", "CC 174(3)", "--on", "2020-06-01", "--sentences")
    assert answer.json()["rule"]["rule"] == "aggregate_sentences"
    query = {"references": "CC 99(2);CC 174(3)", "committed": "2020-06-01;2020-07-01", "decided": "2020-09-01"}
    assert client.get("/api/aggregate", query).json() == cli_json(
        capsys,
        "aggregate",
        "CC 99(2)",
        "CC 174(3)",
        "--committed",
        "2020-06-01",
        "2020-07-01",
        "--decided",
        "2020-09-01",
    )


@pytest.mark.parametrize(
    "params, code",
    [
        ({"references": "CC 188(2)", "on": "2020-06-01"}, "bad_input"),  # one provision is no aggregate
        ({"references": "CC 188(2);CC 190(1)"}, "missing_parameter"),  # no date
        ({"references": "CC 188(2);;CC 190(1)", "on": "2020-06-01"}, "bad_parameter"),
        ({"references": ";".join(["CC 188(2)"] * 21), "on": "2020-06-01"}, "bad_parameter"),
        ({"references": "CC 188(2);CC 190(1)", "committed": "2020-06-01;1 June"}, "bad_parameter"),
        ({"references": "CC 188(2);CC 190(1)", "on": "2020-06-01", "aggregate": "both"}, "bad_parameter"),
    ],
)
def test_aggregate_refusals(client, params, code):
    answer = client.get("/api/aggregate", params)
    assert answer.status_code == 400 and answer.json()["error"]["code"] == code


def test_aggregate_body_list_must_hold_strings(client):
    answer = client.post("/api/aggregate", json={"references": ["CC 188(2)", 190], "on": "2020-06-01"})
    assert answer.status_code == 400 and answer.json()["error"]["parameter"] == "references"
    body = openapi.document()["paths"]["/api/aggregate"]["post"]["requestBody"]["content"]["application/json"]
    references = body["schema"]["properties"]["references"]
    assert {
        "type": "array",
        "minItems": 1,
        "maxItems": api.MAX_ITEMS,
        "items": {"type": "string", "maxLength": api.MAX_TEXT},
    } in references["anyOf"]


def test_search_refuses_a_query_without_words(client):
    answer = client.get("/api/search", {"q": "!!!"})
    assert (answer.status_code, answer.json()["error"]["code"]) == (400, "bad_input")


def test_search_is_the_cli_document(client, capsys):
    # "Хулиганство" is the title of CC 293 and "Мелкое хулиганство" of AC 434 (statutes/kz/cc/293.toml,
    # statutes/kz/ac/434.toml); the Russian word form of the query differs from both
    answer = client.get("/api/search", {"q": "хулиганства"})
    assert answer.status_code == 200
    assert answer.json() == cli_json(capsys, "search", "хулиганства")
    assert {"kz.cc.293", "kz.ac.434"} <= {hit["article"] for hit in answer.json()}
    only_ac = client.post("/api/search", json={"q": "хулиганство", "code": "ac", "arrest": True, "limit": 5}).json()
    assert only_ac == cli_json(capsys, "search", "хулиганство", "--code", "ac", "--arrest", "--limit", "5")
    assert only_ac and {hit["code"] for hit in only_ac} == {"ac"} and len(only_ac) <= 5


def test_a_json_number_with_decimals_is_read_exactly(client):
    exact = client.client.post(
        "/api/convert",
        content=b'{"amount": 2525.5, "unit": "KZT", "to": "MCI", "on": "2019-06-01"}',
        headers={"content-type": "application/json"},
    )
    # 2525.5 KZT at 2525 KZT per MCI: 1.0001980198... MCI, computed from the decimal, not a float
    assert exact.status_code == 200 and exact.json()["from"]["amount"] == "2525.5"
    assert exact.json()["amount"].startswith("1.000198019801980198")


# --- refusals: 4xx with a JSON error naming the problem ------------------------------------------

REFUSALS = [
    ("/api/assess", {"reference": "xx", "on": "2016-06-01"}, 400, "reference_syntax"),
    ("/api/assess", {"reference": "CC 999(1)", "on": "2016-06-01"}, 404, "unknown_provision"),
    ("/api/assess", {"reference": "CC 403(1)", "on": "1990-06-01"}, 422, "out_of_coverage"),
    # the MCI is encoded through 2026-12-31 and CC 403(1) has a fine (tests/test_inputs.py)
    ("/api/assess", {"reference": "CC 403(1)", "on": "2027-01-01"}, 422, "missing_mci"),
    ("/api/assess", {"reference": "CC 366(1)", "on": "2016-06-01"}, 422, "missing_base_amount"),
    ("/api/assess", {"reference": "AC 488(7)", "on": "2021-03-01", "offender": "dog"}, 422, "unknown_offender"),
    ("/api/assess", {"reference": "CC 366(1)", "on": "2016-06-01", "base_amount": "-5"}, 400, "bad_amount"),
    ("/api/assess", {"reference": "CC 403(1)"}, 400, "missing_parameter"),
    ("/api/assess", {"reference": "CC 403(1)", "on": "2016-06-01", "comitted": "2016-06-01"}, 400, "unknown_parameter"),
    ("/api/assess", {"reference": "CC 403(1)", "on": "01.06.2016"}, 400, "bad_parameter"),
    ("/api/convert", {"amount": "5", "unit": "EUR", "to": "KZT", "on": "2019-06-01"}, 400, "bad_unit"),
    # no USD rate is shipped for 2025-06-01 (tests/test_rates.py)
    ("/api/convert", {"amount": "5", "unit": "USD", "to": "KZT", "on": "2025-06-01"}, 422, "missing_rate"),
    (
        "/api/convert",
        {"amount": "5", "unit": "MCI", "to": "KZT", "on": "2019-06-01", "purpose": "x"},
        400,
        "bad_parameter",
    ),
    ("/api/provisions", {"code": "zz"}, 400, "bad_parameter"),
    ("/api/history", {}, 400, "missing_parameter"),
    ("/api/explain-amount", {"amount": "0", "on": "2020-04-30"}, 400, "bad_amount"),
    ("/api/search", {"q": "хулиганство", "arrest": "maybe"}, 400, "bad_parameter"),
    ("/api/search", {"q": "хулиганство", "limit": "many"}, 400, "bad_parameter"),
]


@pytest.mark.parametrize("path, params, status, code", REFUSALS, ids=[f"{r[0]}-{r[3]}" for r in REFUSALS])
def test_bad_input_is_a_4xx_json_error(client, path, params, status, code):
    for answer in (client.get(path, params), client.post(path, json=params)):
        assert (answer.status_code, answer.json()["error"]["code"]) == (status, code), answer.json()
        assert answer.json()["error"]["message"]


def test_an_unknown_provision_names_the_closest(client):
    error = client.get("/api/assess", {"reference": "CC 403(9)", "on": "2016-06-01"}).json()["error"]
    assert error["reference"] == "CC 403(9)" and "CC 403(1)" in error["suggestions"]


def test_a_day_in_a_gap_is_unread_wording_with_the_gap(client):
    # the first CC provision whose data still has a wording not read (readings close gaps over time)
    p = next(p for p in penalties.provisions("cc") if p.gaps)
    gap = p.gaps[0]
    error = client.get("/api/assess", {"reference": p.label, "on": gap.valid_from.isoformat()}).json()["error"]
    assert error["code"] == "unread_wording"
    assert (error["unread_from"], error["unread_to"]) == (gap.valid_from.isoformat(), gap.valid_to.isoformat())


def test_an_unknown_offender_lists_the_categories(client):
    error = client.get("/api/assess", {"reference": "AC 488(7)", "on": "2021-03-01", "offender": "dog"}).json()["error"]
    assert error["offender"] == "dog" and set(error["available"]) == {"individual", "legal_entity"}


def test_repeated_parameter_is_refused(client):
    answer = client.get("/api/history?reference=CC%20403(1)&reference=CC%20403(2)")
    assert answer.status_code == 400 and answer.json()["error"]["parameter"] == "reference"


@pytest.mark.parametrize(
    "body, headers, status, code",
    [
        (b"{not json", {"content-type": "application/json"}, 400, "bad_json"),
        (b"[1, 2]", {"content-type": "application/json"}, 400, "bad_json"),
        (b'{"amount": NaN}', {"content-type": "application/json"}, 400, "bad_json"),
        (b"\xff\xfe", {"content-type": "application/json"}, 400, "bad_json"),
        (b"reference=CC", {"content-type": "application/x-www-form-urlencoded"}, 415, "unsupported_media_type"),
        (b'{"reference": ' + b'"x' * 40_000 + b'"}', {"content-type": "application/json"}, 413, "body_too_large"),
        (b'{"reference": ["CC 403(1)"]}', {"content-type": "application/json"}, 400, "bad_parameter"),
        (b'{"reference": "' + b"1" * 300 + b'"}', {"content-type": "application/json"}, 400, "bad_parameter"),
    ],
)
def test_bad_bodies_are_refused(client, body, headers, status, code):
    answer = client.request("POST", "/api/history", content=body, headers=headers)
    assert (answer.status_code, answer.json()["error"]["code"]) == (status, code)


def test_a_streamed_body_is_cut_at_the_limit(client):
    def chunks():  # no Content-Length: the limit is counted while reading
        for _ in range(app.MAX_BODY_BYTES // 1024 + 2):
            yield b" " * 1024

    answer = client.request("POST", "/api/history", content=chunks(), headers={"content-type": "application/json"})
    assert answer.status_code == 413


def test_unknown_endpoint_and_method(client):
    assert client.get("/api/nothing").json()["error"]["code"] == "not_found"
    answer = client.request("DELETE", "/api/assess")
    assert (answer.status_code, answer.json()["error"]["code"]) == (405, "method_not_allowed")


def test_a_slow_answer_is_abandoned(monkeypatch):
    monkeypatch.setattr(app, "MAX_SECONDS", 0.2)
    slow = api.Endpoint("/api/history", "slow", (api.REFERENCE,), "history", lambda reference: time.sleep(2))
    monkeypatch.setitem(api.BY_PATH, "/api/history", slow)
    monkeypatch.setattr(api, "ENDPOINTS", (slow,))
    started = time.monotonic()
    answer = ApiClient().get("/api/history", {"reference": "CC 403(1)"})
    assert (answer.status_code, answer.json()["error"]["code"]) == (503, "timeout")
    assert time.monotonic() - started < 1.5  # not kept waiting for the worker


def test_a_bug_is_a_500_json_body_not_a_traceback(monkeypatch):
    def broken(reference):
        raise RuntimeError("a bug")

    ep = api.Endpoint("/api/history", "broken", (api.REFERENCE,), "history", broken)
    monkeypatch.setattr(api, "ENDPOINTS", (ep,))
    monkeypatch.setitem(api.BY_PATH, "/api/history", ep)
    answer = ApiClient().get("/api/history", {"reference": "CC 403(1)"})
    assert (answer.status_code, answer.json()["error"]["code"]) == (500, "internal_error")
    assert "a bug" not in answer.text and "Traceback" not in answer.text


# --- no 500 for any input ------------------------------------------------------------------------

VALUES = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.sampled_from(
        [
            "CC 403(1)",
            "AC 434(3)",
            "ч.1 ст.403 УК РК",
            "kz.ac.489.10",
            "2016-06-01",
            "2027-01-01",
            "1990-01-01",
            "0",
            "-1",
            "1e9999",
            "500,000",
            "1 000,50",
            "MCI",
            "KZT",
            "USD",
            "individual",
            "legal_entity",
            "cc",
            "ac",
            "fine",
            "NaN",
            "9" * 60,
        ]
    ),
)
PARAMS = st.dictionaries(
    st.sampled_from(sorted({p.name for e in api.ENDPOINTS for p in e.parameters} | {"x"})), VALUES, max_size=6
)
JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20), VALUES),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


@settings(
    max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow], deadline=None
)
@given(
    path=st.sampled_from([e.path for e in api.ENDPOINTS]),
    params=PARAMS,
    post=st.booleans(),
    body=st.dictionaries(
        st.sampled_from(["reference", "on", "amount", "unit", "to", "offender", "code"]), JSON_VALUES, max_size=5
    ),
)
def test_fuzz_no_answer_is_a_500(client, path, params, post, body):
    if post:
        answer = client.post(path, json=dict(params) | body)
    else:
        answer = client.get(path, {k: v for k, v in params.items() if v is not None})
    assert answer.status_code != 500, answer.json()
    assert answer.status_code in (200, 400, 404, 413, 422, 501)


# --- the contract: OpenAPI and the schemas -------------------------------------------------------


def test_openapi_describes_every_endpoint_and_every_reference_resolves(client):
    document = client.get("/api/openapi.json").json()
    assert document["openapi"] == "3.1.0" and document["info"]["version"] == openapi.CONTRACT_VERSION
    assert set(document["paths"]) == {e.path for e in api.ENDPOINTS}
    schemas = document["components"]["schemas"]

    def refs(node):
        if isinstance(node, dict):
            if "$ref" in node:
                yield node["$ref"]
            for value in node.values():
                yield from refs(value)
        elif isinstance(node, list):
            for value in node:
                yield from refs(value)

    found = set(refs(document))
    assert found and all(r.startswith("#/components/schemas/") and r.rsplit("/", 1)[1] in schemas for r in found)
    for e in api.ENDPOINTS:  # the query parameters are the endpoint's, required ones marked
        params = {p["name"]: p["required"] for p in document["paths"][e.path]["get"]["parameters"]}
        assert params == {p.name: p.required for p in e.parameters}


def test_openapi_document_is_valid_openapi_3_1():
    validator = pytest.importorskip("openapi_spec_validator")
    validator.validate(openapi.document())


def test_the_embedded_schemas_validate_what_the_files_do(capsys):
    # the OpenAPI copy of a schema, its $refs rewritten, accepts and refuses what the file does
    jsonschema = pytest.importorskip("jsonschema")
    document = openapi.document()
    root = {"$defs": document["components"]["schemas"]}
    text = json.dumps(root).replace("#/components/schemas/", "#/$defs/")
    embedded = json.loads(text)
    good = cli_json(capsys, "show", "CC 403(1)", "--on", "2016-06-01")
    jsonschema.Draft202012Validator(dict(embedded, **{"$ref": "#/$defs/assessment"})).validate(good)
    bad = dict(good, mci_kzt=2121)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(dict(embedded, **{"$ref": "#/$defs/assessment"})).validate(bad)
    with pytest.raises(jsonschema.ValidationError):
        validate("assessment", bad)


def test_every_schema_names_the_contract_version():
    for name in openapi.DOCUMENTS:
        assert openapi.schema(name)["contract_version"] == openapi.CONTRACT_VERSION, name


def test_the_schemas_enumerate_what_the_library_has():
    common = openapi.schema("common")["$defs"]
    assert tuple(common["verification"]["enum"]) == VERIFICATION_LEVELS
    assert tuple(common["usd_basis"]["enum"]) == BASES
    assert tuple(openapi.schema("error")["properties"]["error"]["properties"]["code"]["enum"]) == problems.CODES


def test_the_schemas_refuse_what_the_contract_forbids(capsys):
    good = cli_json(capsys, "show", "AC 434(3)", "--on", "2019-06-01")
    validate("assessment", good)
    jsonschema = pytest.importorskip("jsonschema")
    for broken in (
        dict(good, provision="cc 403"),
        dict(good, main=[{"kind": "fine"}]),
        dict(good, dates=dict(good["dates"], committed="01.06.2019")),
        dict(good, version=dict(good["version"], verification="sure")),
    ):
        with pytest.raises(jsonschema.ValidationError):
            validate("assessment", broken)


def test_cli_documents_of_many_provisions_fit_the_schemas(capsys):
    # one day, every provision of both Codes in force then: assess and history fit the schemas
    from penalties.output.render import history_dict

    on, assessed = date(2019, 6, 1), 0
    for p in penalties.provisions():
        validate("history", json.loads(json.dumps(history_dict(p))))
        try:
            offenders = p.version_on(on).offenders or ("individual",)
            a = penalties.assess(p, on, base_amount="1000000", offender=offenders[0])
        except penalties.UserInputError:
            continue
        validate("assessment", json.loads(json.dumps(a.to_dict())))
        assessed += 1
    assert assessed > 500  # most of both Codes is in force and read on that day (docs/coverage.md)


# --- the extra: optional, not imported by `import penalties` -------------------------------------


def test_import_penalties_does_not_import_the_web_stack():
    code = (
        "import sys, penalties; from datetime import date; penalties.assess('CC 403(1)', date(2016, 6, 1)); "
        "print(sorted(m for m in ('starlette', 'uvicorn', 'anyio', 'penalties.web') if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert run.stdout.strip() == "[]"


def test_serve_without_the_extra_says_how_to_install_it(monkeypatch, capsys):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "uvicorn" else real(name, *a))
    assert main(["serve"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and 'pip install "penalties[web]"' in err and "uvicorn" in err


def test_serve_refuses_a_bad_port(capsys):
    assert main(["serve", "--port", "70000"]) == 2
    assert "--port" in capsys.readouterr().err


def test_serve_on_a_port_in_use_is_one_line_and_exit_2(capsys):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"cannot listen on 127.0.0.1:{port}" in err


def test_serve_on_a_host_that_is_not_an_address_is_one_line_and_exit_2(capsys):
    assert main(["serve", "--host", "999.1.1.1", "--port", "8000"]) == 2
    assert "cannot listen on 999.1.1.1:8000" in capsys.readouterr().err
