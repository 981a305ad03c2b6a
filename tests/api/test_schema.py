"""What the served OpenAPI schema says about auth, uploads and blank strings matches the server."""

from __future__ import annotations

from typing import Any

from .schema_helpers import generated_schema


def component(ref: dict[str, Any]) -> dict[str, Any]:
    name = ref["$ref"].rsplit("/", 1)[1]
    schema: dict[str, Any] = generated_schema()["components"]["schemas"][name]
    return schema


def test_reads_are_open_to_anyone_and_writes_need_credentials() -> None:
    for path, operations in generated_schema()["paths"].items():
        for method, operation in operations.items():
            if method in ("get", "head", "options"):
                assert {} in operation["security"], (method, path)
            elif path.startswith("/api/v1/"):
                assert {} not in operation["security"], (method, path)
                assert {"tokenAuth": []} in operation["security"], (method, path)


def test_a_submitted_file_is_a_binary_multipart_upload() -> None:
    content = generated_schema()["paths"]["/api/v1/documents/"]["post"]["requestBody"]["content"]
    multipart = component(content["multipart/form-data"]["schema"])
    assert multipart["properties"]["file"]["format"] == "binary"
    assert "file" not in component(content["application/json"]["schema"])["properties"]


def test_strings_that_may_not_be_blank_say_so() -> None:
    body = generated_schema()["paths"]["/api/v1/events/"]["post"]["requestBody"]["content"]
    event = component(body["application/json"]["schema"])
    assert event["properties"]["title"]["minLength"] == 1
    entity = component(
        generated_schema()["paths"]["/api/v1/entities/"]["post"]["requestBody"]["content"][
            "application/json"
        ]["schema"]
    )
    assert entity["properties"]["name"]["minLength"] == 1
