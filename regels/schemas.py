"""JSON Schemas generated from the pydantic models; the files in ``schemas/`` must equal these."""

from __future__ import annotations

import json
from typing import Any

from regels.model.uitkomst import Uitkomst
from regels.model.voorstel import Voorstel

SCHEMAS: dict[str, Any] = {
    "voorstel.schema.json": Voorstel,
    "uitkomst.schema.json": Uitkomst,
}


def schema(naam: str) -> dict[str, Any]:
    model = SCHEMAS[naam]
    s = model.model_json_schema(mode="validation" if model is Voorstel else "serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"https://regels.example/schemas/{naam}", **s}


def schema_tekst(naam: str) -> str:
    return json.dumps(schema(naam), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
