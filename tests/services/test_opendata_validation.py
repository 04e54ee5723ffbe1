"""Every exported row is valid for the data·inclusion v1 models, warnings aside."""

import pytest
from data_inclusion.schema import v1 as schema

from services.opendata.rows import (
    SERVICE_FIELDS,
    STRUCTURE_FIELDS,
    service_row,
    services_for_export,
    structure_row,
    structures_for_export,
)
from services.opendata.validation import validate_service_row, validate_structure_row
from tests.services.open_data import download_json

pytestmark = pytest.mark.django_db


def test_every_exported_row_validates_with_the_data_inclusion_models(open_data_directory):
    structures = [
        structure_row(s, base_url="https://roseraie.angers.fr") for s in structures_for_export()
    ]
    services = [
        service_row(s, base_url="https://roseraie.angers.fr") for s in services_for_export()
    ]

    assert len(structures) == 3
    assert len(services) == 4
    for row in structures:
        assert validate_structure_row(row) == []
        schema.Structure.model_validate(row, context={"ignore_warnings": False})
    for row in services:
        assert validate_service_row(row) == []
        schema.Service.model_validate(row, context={"ignore_warnings": False})


def test_json_exports_are_valid_rows_with_every_field_of_the_schema(client, open_data_directory):
    structures = download_json(client, "/donnees/structures.json")
    services = download_json(client, "/donnees/services.json")

    assert [list(row) for row in structures] == [STRUCTURE_FIELDS] * len(structures)
    assert [list(row) for row in services] == [SERVICE_FIELDS] * len(services)
    assert all(validate_structure_row(row) == [] for row in structures)
    assert all(validate_service_row(row) == [] for row in services)
