import csv
import io
import json
from datetime import time

import pytest
from data_inclusion.schema import v1 as schema
from django.core.management import CommandError, call_command
from django.urls import include, path

from roseraie_portal.csv_files import cell, neutralise, stream_csv, unneutralise
from services import exports
from services.enums import ModeMobilisation, StructureKind
from services.models import Lieu, OpeningHours, Service, Structure
from services.opendata.importing import import_rows
from services.opendata.rows import (
    SERVICE_FIELDS,
    STRUCTURE_FIELDS,
    service_row,
    services_for_export,
    structure_row,
    structures_for_export,
)
from services.opendata.validation import validate_service_row, validate_structure_row
from services.opening_hours import parse_osm
from tests.services.factories import (
    LieuFactory,
    OpeningHoursFactory,
    ServiceFactory,
    StructureFactory,
)

# Test-only URLs: the real ones are wired in roseraie_portal/urls.py by the app's owners.
urlpatterns = [
    path("donnees/structures.json", exports.structures_json),
    path("donnees/services.json", exports.services_json),
    path("donnees/structures.csv", exports.structures_csv),
    path("donnees/services.csv", exports.services_csv),
    path("", include("services.urls")),
]

HYPERLINK = '=HYPERLINK("https://exemple.org/piege","Cliquez ici")'
EXPORT_URLS = [
    "/donnees/structures.json",
    "/donnees/services.json",
    "/donnees/structures.csv",
    "/donnees/services.csv",
]


@pytest.fixture(autouse=True)
def _export_urls(settings):
    settings.ROOT_URLCONF = __name__


@pytest.fixture
def directory(db):
    """A small directory with the variety of real data: complete and sparse services,
    own hours and place hours, itinerant stop, no place, a category among the themes."""
    caf = StructureFactory(
        name="CAF de Maine-et-Loire",
        slug="caf-maine-et-loire",
        kind=StructureKind.CAF,
        description="Prestations familiales, aides au logement, RSA.",
        website="https://www.caf.fr",
        phone="3230",
        email="accueil@caf49.fr",
        siret="53409394400017",
    )
    association = StructureFactory(
        name="Association Roseraie Solidaire",
        slug="roseraie-solidaire",
        reseaux_porteurs=["secours-populaire"],
    )
    mairie = StructureFactory(name="Relais-Mairie", slug="relais-mairie", kind=StructureKind.MAIRIE)
    relais = LieuFactory(name="Relais-Mairie", address="3 rue Henri Dunant", accessible=True)
    OpeningHoursFactory(lieu=relais, weekday=0, opens=time(9), closes=time(12))
    OpeningHoursFactory(lieu=relais, weekday=3, opens=time(14), closes=time(17))
    bus = LieuFactory(bus_stop=True, equipped=True, address="Place Jean XXIII")
    OpeningHoursFactory(lieu=bus, weekday=2, opens=time(9, 30), closes=time(11, 30))

    complete = ServiceFactory(
        complete=True,
        structure=caf,
        name="Aide aux dossiers CAF",
        slug="aide-dossiers-caf",
        lieux=[relais],
        thematiques=[
            "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
            "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
            "difficultes-financieres",  # A category: ours only, not exchanged.
        ],
    )
    OpeningHoursFactory(service=complete, weekday=1, opens=time(14), closes=time(17))
    ServiceFactory(
        on_appointment=True,
        structure=association,
        name="Permanence juridique",
        slug="permanence-juridique",
        type="",
        publics=["tous-publics", "femmes"],
        thematiques=["famille--surmonter-conflits-separation-violence"],
    )
    ServiceFactory(
        structure=mairie,
        name="Bus Mairie : papiers d’identité",
        slug="bus-mairie-papiers",
        lieux=[bus, relais],
        documents=["Photo d’identité"],
        thematiques=[
            "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"
        ],
    )
    ServiceFactory(structure=association, name=HYPERLINK, slug="piege", lieux=[relais])
    ServiceFactory(unpublished=True, structure=association, name="Brouillon", slug="brouillon")


def _get(client, url) -> bytes:
    response = client.get(url)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def _json(client, url) -> list[dict]:
    return json.loads(_get(client, url))


def _csv(client, url) -> list[list[str]]:
    text = _get(client, url).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))


def _delete_directory():
    Service.objects.all().delete()
    Structure.objects.all().delete()
    Lieu.objects.all().delete()
    assert not OpeningHours.objects.exists()


# --- Export ----------------------------------------------------------------------------


def test_every_exported_row_validates_with_the_data_inclusion_models(directory):
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


def test_json_exports_are_valid_rows_with_every_field_of_the_schema(client, directory):
    structures = _json(client, "/donnees/structures.json")
    services = _json(client, "/donnees/services.json")

    assert [list(row) for row in structures] == [STRUCTURE_FIELDS] * len(structures)
    assert [list(row) for row in services] == [SERVICE_FIELDS] * len(services)
    assert all(validate_structure_row(row) == [] for row in structures)
    assert all(validate_service_row(row) == [] for row in services)


def test_service_row_carries_the_first_place_and_its_own_hours_first(client, directory):
    rows = {row["id"]: row for row in _json(client, "/donnees/services.json")}

    complete = rows["roseraie-portal--aide-dossiers-caf"]
    assert complete["source"] == "roseraie-portal"
    assert complete["structure_id"] == "roseraie-portal--caf-maine-et-loire"
    assert complete["lien_source"] == "http://testserver/services/aide-dossiers-caf/"
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


def test_service_without_place_exports_no_address_and_spells_modes_as_the_schema(client, directory):
    rows = {row["id"]: row for row in _json(client, "/donnees/services.json")}
    row = rows["roseraie-portal--permanence-juridique"]

    assert row["adresse"] is row["code_postal"] is row["horaires_accueil"] is None
    assert row["type"] is None
    assert row["publics"] == ["femmes"]  # "tous-publics" cannot stand beside another.
    assert row["modes_mobilisation"] == ["telephoner", "utiliser-lien-mobilisation"]
    assert row["mobilisation_precisions"] == "Sur rendez-vous uniquement."


def test_structure_row_adds_the_network_its_kind_belongs_to(client, directory):
    rows = {row["id"]: row for row in _json(client, "/donnees/structures.json")}

    assert rows["roseraie-portal--caf-maine-et-loire"]["reseaux_porteurs"] == ["caf"]
    assert rows["roseraie-portal--caf-maine-et-loire"]["siret"] == "53409394400017"
    assert rows["roseraie-portal--relais-mairie"]["reseaux_porteurs"] == ["communes"]
    assert rows["roseraie-portal--roseraie-solidaire"]["reseaux_porteurs"] == ["secours-populaire"]


def test_unpublished_services_are_not_exported(client, directory):
    ids = {row["id"] for row in _json(client, "/donnees/services.json")}
    csv_rows = _csv(client, "/donnees/services.csv")

    assert "roseraie-portal--brouillon" not in ids
    assert "Brouillon" not in {row[SERVICE_FIELDS.index("nom")] for row in csv_rows}


def test_csv_export_opens_in_french_excel(client, directory):
    response = client.get("/donnees/services.csv")
    body = b"".join(response.streaming_content)
    rows = _csv(client, "/donnees/services.csv")

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


def test_csv_export_neutralises_a_formula_in_a_service_name(client, directory):
    rows = _csv(client, "/donnees/services.csv")
    names = [row[SERVICE_FIELDS.index("nom")] for row in rows[1:]]

    assert "'" + HYPERLINK in names
    assert HYPERLINK not in names


def test_structures_csv_has_the_schema_columns(client, directory):
    rows = _csv(client, "/donnees/structures.csv")

    assert rows[0] == STRUCTURE_FIELDS
    assert len(rows) == 1 + 3


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/donnees/structures.json", 1),
        ("/donnees/structures.csv", 1),
        # Services, then their places, the places' hours, themes and own hours.
        ("/donnees/services.json", 5),
        ("/donnees/services.csv", 5),
    ],
)
def test_exports_run_the_same_queries_for_2_and_for_10_services(
    client, db, django_assert_num_queries, url, queries
):
    def add_services(count):
        for _ in range(count):
            lieu = LieuFactory()
            OpeningHoursFactory(lieu=lieu)
            service = ServiceFactory(
                complete=True, lieux=[lieu], thematiques=["sante--acces-aux-soins"]
            )
            OpeningHoursFactory(service=service, weekday=4)

    add_services(2)
    with django_assert_num_queries(queries):
        _get(client, url)
    add_services(8)
    with django_assert_num_queries(queries):
        body = _get(client, url)
    assert body.count(b"roseraie-portal--structure-") >= 10


@pytest.mark.parametrize("url", EXPORT_URLS)
def test_exports_are_public_and_read_only(client, db, url):
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 405


# --- CSV helpers ---------------------------------------------------------------------


@pytest.mark.parametrize("value", ["=1+1", "+33 2 41", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_cells_starting_like_a_formula_are_neutralised_and_restored(value):
    assert neutralise(value) == "'" + value
    assert unneutralise(neutralise(value)) == value


def test_plain_text_and_numbers_are_left_as_they_are():
    assert neutralise("Relais-Mairie") == "Relais-Mairie"
    assert unneutralise("'quoted") == "'quoted"
    assert cell(-0.55) == "-0.55"
    assert cell(["b", "a"]) == "b | a"
    assert cell({"b", "a"}) == "a | b"
    assert cell(None) == ""


def test_stream_csv_writes_bom_header_then_one_chunk_per_row():
    chunks = list(stream_csv([{"a": 1}, {"a": "=x"}], {"colonne": lambda row: row["a"]}))

    assert chunks == ["\ufeffcolonne\r\n", "1\r\n", "'=x\r\n"]


# --- Opening hours ---------------------------------------------------------------------


def test_simple_osm_hours_are_parsed_with_later_rules_winning():
    slots = parse_osm("Mo-We,Fr 09:00-12:00, 14:00-17:00; We 14:00-16:00; PH off")

    assert slots == [
        (0, time(9), time(12)),
        (0, time(14), time(17)),
        (1, time(9), time(12)),
        (1, time(14), time(17)),
        (2, time(14), time(16)),
        (4, time(9), time(12)),
        (4, time(14), time(17)),
    ]


@pytest.mark.parametrize(
    "text", ["24/7", "Mo-Fr 08:00-12:00 off", "Mo 12:00-09:00", "Jan Mo 09:00-12:00", "Mo"]
)
def test_other_osm_hours_are_not_understood(text):
    assert parse_osm(text) is None


# --- Import ----------------------------------------------------------------------------


def test_export_then_import_recreates_the_directory_in_an_empty_database(client, directory):
    structures = _json(client, "/donnees/structures.json")
    services = _json(client, "/donnees/services.json")
    _delete_directory()

    report = import_rows(structures, services)

    assert report.rejected == []
    assert len(report.structures_kept) == 3
    assert len(report.services_kept) == 4
    assert _json(client, "/donnees/structures.json") == structures
    assert _json(client, "/donnees/services.json") == services
    complete = Service.objects.get(slug="aide-dossiers-caf")
    assert complete.documents == ["Carte d’identité", "Justificatif de domicile"]
    assert complete.conditions_acces == "Habiter Angers."
    assert complete.languages == ["fr", "ar", "tr"]
    assert complete.interpreter is True
    assert Structure.objects.get(slug="caf-maine-et-loire").kind == StructureKind.CAF
    assert Service.objects.get(slug="permanence-juridique").modes_mobilisation == [
        ModeMobilisation.TELEPHONER,
        ModeMobilisation.UTILISER_LIEN_MOBILISATION,
    ]
    # Found again by the search: the vectors were refreshed.
    assert Service.objects.filter(search_vector__isnull=False).count() == 4


def test_csv_export_then_command_import_recreates_the_directory(client, directory, tmp_path):
    structures_csv = tmp_path / "structures.csv"
    services_csv = tmp_path / "services.csv"
    structures_csv.write_bytes(_get(client, "/donnees/structures.csv"))
    services_csv.write_bytes(_get(client, "/donnees/services.csv"))
    services = _json(client, "/donnees/services.json")
    _delete_directory()

    out = io.StringIO()
    call_command(
        "import_data_inclusion",
        structures=str(structures_csv),
        services=str(services_csv),
        stdout=out,
    )

    assert "Structures : 3 lignes gardées, aucune ligne invalide." in out.getvalue()
    assert "Services : 4 lignes gardées, aucune ligne invalide." in out.getvalue()
    assert _json(client, "/donnees/services.json") == services
    assert Service.objects.filter(name=HYPERLINK).exists()


def _structure(**fields):
    return {
        "source": "partenaire",
        "id": "partenaire--centre-social-roseraie",
        "nom": "Centre social de La Roseraie",
        "date_maj": "2025-03-01",
        **fields,
    }


def _service(number, **fields):
    return {
        "source": "partenaire",
        "id": f"partenaire--service-{number}",
        "structure_id": "partenaire--centre-social-roseraie",
        "nom": f"Service numéro {number}",
        "description": "Un atelier pour apprendre à utiliser un ordinateur.",
        "date_maj": "2025-03-01",
        "type": "atelier",
        "thematiques": ["numerique--maitriser-les-fondamentaux-du-numerique"],
        "adresse": "12 boulevard de la Roseraie",
        "code_postal": "49100",
        "commune": "Angers",
        "horaires_accueil": "Mo,Th 09:00-12:00; PH off",
        **fields,
    }


def test_import_reports_invalid_rows_with_their_line_and_keeps_the_valid_ones(db):
    missing_name = _service(2)
    del missing_name["nom"]
    services = [
        _service(1),
        missing_name,
        _service(3, thematiques=["numerique--jouer-aux-echecs"]),
        _service(4, code_postal="4910"),
        _service(5),
    ]

    report = import_rows([_structure()], services)

    assert report.structures_kept == ["centre-social-roseraie"]
    assert report.services_kept == ["service-1", "service-5"]
    assert [str(issue) for issue in report.rejected_in("services")] == [
        "ligne 2 : le champ « nom » est obligatoire",
        "ligne 3 : thématique inconnue : « numerique--jouer-aux-echecs »",
        "ligne 4 : code postal invalide : « 4910 » (5 chiffres attendus)",
    ]
    service = Service.objects.get(slug="service-1")
    assert service.structure.name == "Centre social de La Roseraie"
    assert [theme.code for theme in service.thematiques.all()] == [
        "numerique--maitriser-les-fondamentaux-du-numerique"
    ]
    assert [str(slot) for slot in service.opening_hours.all()] == [
        "lundi 09:00–12:00",
        "jeudi 09:00–12:00",
    ]
    # Both services share one place, created once from the address.
    assert Lieu.objects.get().services.count() == 2


def test_import_rejects_a_service_whose_structure_is_nowhere(db):
    report = import_rows([], [_service(1, structure_id="partenaire--inconnue")])

    assert report.services_kept == []
    assert "structure inconnue" in str(report.rejected_in("services")[0])


def test_import_keeps_a_service_with_hours_it_cannot_read_and_warns(db):
    report = import_rows([_structure()], [_service(1, horaires_accueil="Mo-Fr 09:00-12:00 off")])

    assert report.services_kept == ["service-1"]
    assert not Service.objects.get(slug="service-1").opening_hours.exists()
    assert str(report.warnings_in("services")[0]) == (
        "ligne 1 : horaires non repris, à saisir à la main : « Mo-Fr 09:00-12:00 off »"
    )


def test_schema_warnings_do_not_make_a_row_invalid(db):
    row = _service(1, nom="Atelier numérique.")

    assert validate_service_row(row) == []
    report = import_rows([_structure()], [row])
    assert report.services_kept == ["service-1"]
    assert "ne doit pas se terminer par un point" in str(report.warnings_in("services")[0])


def test_import_updates_by_slug_and_reuses_the_place_at_the_same_address(db):
    structure = StructureFactory(slug="centre-social-roseraie", name="Ancien nom")
    lieu = LieuFactory(address="12 boulevard de la Roseraie", postcode="49100")

    report = import_rows([_structure()], [_service(1)])

    assert report.rejected == []
    structure.refresh_from_db()
    assert structure.name == "Centre social de La Roseraie"
    assert list(Service.objects.get(slug="service-1").lieux.all()) == [lieu]
    assert Lieu.objects.count() == 1


def test_one_invalid_structure_row_does_not_lose_the_others(db):
    report = import_rows(
        [
            _structure(code_postal="Angers"),
            _structure(id="partenaire--caf", nom="CAF", reseaux_porteurs=["caf"]),
            "pas une ligne",
        ],
        [],
    )

    assert report.structures_kept == ["caf"]
    assert Structure.objects.get().kind == StructureKind.CAF
    assert [str(issue) for issue in report.rejected_in("structures")] == [
        "ligne 1 : code postal invalide : « Angers » (5 chiffres attendus)",
        "ligne 3 : la ligne n’est pas un objet (des champs et leurs valeurs)",
    ]


def test_import_command_lists_invalid_rows_by_spreadsheet_line(db, tmp_path):
    structures = tmp_path / "structures.json"
    structures.write_text(json.dumps([_structure()]), encoding="utf-8")
    services = tmp_path / "services.csv"
    header = ["id", "structure_id", "source", "nom", "description", "date_maj", "thematiques"]
    lines = [
        header,
        [
            "partenaire--a",
            "partenaire--centre-social-roseraie",
            "partenaire",
            "Atelier CV",
            "Écrire son CV avec un conseiller.",
            "2025-01-02",
            "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation | "
            "numerique--maitriser-les-fondamentaux-du-numerique",
        ],
        [
            "partenaire--b",
            "partenaire--centre-social-roseraie",
            "partenaire",
            "",
            "Une description.",
            "2025-01-02",
            "",
        ],
    ]
    with services.open("w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file, delimiter=";").writerows(lines)
    out = io.StringIO()

    call_command("import_data_inclusion", structures=structures, services=services, stdout=out)

    assert "Services : 1 ligne gardée, 1 ligne invalide." in out.getvalue()
    assert "ligne 3 : le champ « nom » est obligatoire" in out.getvalue()
    assert Service.objects.get(slug="a").thematiques.count() == 2


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("absent.json", None, "fichier introuvable"),
        ("services.txt", "rien", "seuls les fichiers .json et .csv"),
        ("services.json", "{pas du json", "JSON invalide"),
        ("services.json", '{"id": "x"}', "un tableau JSON de lignes est attendu"),
        ("services.csv", "id,nom\nx,y\n", "colonne « id »"),
    ],
)
def test_import_command_refuses_a_file_it_cannot_read(db, tmp_path, name, content, message):
    file = tmp_path / name
    if content is not None:
        file.write_text(content, encoding="utf-8")

    with pytest.raises(CommandError, match=message):
        call_command("import_data_inclusion", services=str(file))
