"""The open data: /donnees/structures.json, /donnees/services.json and their CSV, in the
data·inclusion v1 format that other portals read."""

import json

import pytest
from django.conf import settings

from services.models import Service
from services.opendata.rows import SERVICE_FIELDS, STRUCTURE_FIELDS
from tests.services.open_data import HYPERLINK, download_csv, download_json

pytestmark = pytest.mark.django_db

EXPORT_URLS = [
    "/donnees/structures.json",
    "/donnees/services.json",
    "/donnees/structures.csv",
    "/donnees/services.csv",
]


def test_service_row_carries_the_first_place_and_its_own_hours_first(client, open_data_directory):
    rows = {row["id"]: row for row in download_json(client, "/donnees/services.json")}

    complete = rows["roseraie-portal--aide-dossiers-caf"]
    assert complete["source"] == "roseraie-portal"
    assert complete["structure_id"] == "roseraie-portal--caf-maine-et-loire"
    assert complete["lien_source"] == f"{settings.SITE_URL}/services/aide-dossiers-caf/"
    assert complete["adresse"] == "3 rue Henri Dunant"
    assert complete["code_postal"] == "49100"
    assert complete["code_insee"] == "49007"
    assert complete["horaires_accueil"] == "Tu 14:00-17:00; PH off"
    assert complete["thematiques"] == [
        "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
        "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
    ]
    assert complete["modes_accueil"] == ["en-presentiel"]
    assert complete["frais"] == "payant"
    assert complete["conditions_acces"] == (
        "Habiter Angers.\n\nDocuments à apporter :\n- Carte d’identité\n- Justificatif de domicile"
    )
    assert complete["mobilisation_precisions"] == (
        "Langues parlées sur place : français, arabe, turc.\nInterprète possible."
    )
    # The contact for professionals never leaves the portal.
    assert "Martin" not in json.dumps(complete, ensure_ascii=False)

    # Its place is the Bus stop (first by name), whose hours it takes.
    bus = rows["roseraie-portal--bus-mairie-papiers"]
    assert bus["adresse"] == "Place Jean XXIII"
    assert bus["horaires_accueil"] == "We 09:30-11:30; PH off"


def test_service_without_place_exports_no_address_and_spells_modes_as_the_schema(
    client, open_data_directory
):
    rows = {row["id"]: row for row in download_json(client, "/donnees/services.json")}
    row = rows["roseraie-portal--permanence-juridique"]

    assert row["adresse"] is row["code_postal"] is row["horaires_accueil"] is None
    assert row["type"] is None
    assert row["publics"] == ["femmes"]  # "tous-publics" cannot stand beside another.
    assert row["modes_mobilisation"] == ["telephoner", "utiliser-lien-mobilisation"]
    assert row["mobilisation_precisions"] == "Sur rendez-vous uniquement."


def test_structure_row_adds_the_network_its_kind_belongs_to(client, open_data_directory):
    rows = {row["id"]: row for row in download_json(client, "/donnees/structures.json")}

    assert rows["roseraie-portal--caf-maine-et-loire"]["reseaux_porteurs"] == ["caf"]
    assert rows["roseraie-portal--caf-maine-et-loire"]["siret"] == "53409394400017"
    assert rows["roseraie-portal--relais-mairie"]["reseaux_porteurs"] == ["communes"]
    assert rows["roseraie-portal--roseraie-solidaire"]["reseaux_porteurs"] == ["secours-populaire"]


def test_unpublished_services_are_not_exported(client, open_data_directory):
    ids = {row["id"] for row in download_json(client, "/donnees/services.json")}
    csv_rows = download_csv(client, "/donnees/services.csv")

    assert "roseraie-portal--brouillon" not in ids
    assert "Brouillon" not in {row[SERVICE_FIELDS.index("nom")] for row in csv_rows}


def test_csv_export_opens_in_french_excel(client, open_data_directory):
    response = client.get("/donnees/services.csv")
    body = b"".join(response.streaming_content)
    rows = download_csv(client, "/donnees/services.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="services.csv"'
    assert body.startswith(b"\xef\xbb\xbf")
    assert body.splitlines()[0].decode("utf-8-sig") == ";".join(SERVICE_FIELDS)
    assert rows[0] == SERVICE_FIELDS
    assert len(rows) == 1 + 4
    by_id = {row[SERVICE_FIELDS.index("id")]: row for row in rows[1:]}
    complete = by_id["roseraie-portal--aide-dossiers-caf"]
    assert complete[SERVICE_FIELDS.index("date_maj")] == Service.objects.get(
        slug="aide-dossiers-caf"
    ).date_maj.strftime("%Y-%m-%d")
    assert complete[SERVICE_FIELDS.index("publics")] == "familles | femmes"
    assert complete[SERVICE_FIELDS.index("mobilisable_par")] == "professionnels | usagers"
    # A negative longitude is a number, not a formula.
    assert complete[SERVICE_FIELDS.index("longitude")] == "-0.5478"


def test_csv_export_neutralises_a_formula_in_a_service_name(client, open_data_directory):
    rows = download_csv(client, "/donnees/services.csv")
    names = [row[SERVICE_FIELDS.index("nom")] for row in rows[1:]]

    assert "'" + HYPERLINK in names
    assert HYPERLINK not in names


def test_structures_csv_has_the_schema_columns(client, open_data_directory):
    rows = download_csv(client, "/donnees/structures.csv")

    assert rows[0] == STRUCTURE_FIELDS
    assert len(rows) == 1 + 3


@pytest.mark.parametrize("url", EXPORT_URLS)
def test_exports_are_public_and_read_only(client, db, url):
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 405
