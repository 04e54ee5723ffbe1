"""The import of data·inclusion files: what the export gives back comes back the same, and
invalid rows are reported by their line, never lost silently with the valid ones."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from services.enums import ModeMobilisation, StructureKind
from services.models import Lieu, Service, Structure
from services.opendata.importing import import_rows
from services.opendata.validation import validate_service_row
from tests.services.factories import LieuFactory, StructureFactory
from tests.services.open_data import HYPERLINK, delete_directory, download, download_json

pytestmark = pytest.mark.django_db


def test_export_then_import_recreates_the_directory_in_an_empty_database(
    client, open_data_directory
):
    structures = download_json(client, "/donnees/structures.json")
    services = download_json(client, "/donnees/services.json")
    delete_directory()

    report = import_rows(structures, services)

    assert report.rejected == []
    assert len(report.structures_kept) == 3
    assert len(report.services_kept) == 4
    assert download_json(client, "/donnees/structures.json") == structures
    assert download_json(client, "/donnees/services.json") == services
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


def test_csv_export_then_command_import_recreates_the_directory(
    client, open_data_directory, tmp_path
):
    structures_csv = tmp_path / "structures.csv"
    services_csv = tmp_path / "services.csv"
    structures_csv.write_bytes(download(client, "/donnees/structures.csv"))
    services_csv.write_bytes(download(client, "/donnees/services.csv"))
    services = download_json(client, "/donnees/services.json")
    delete_directory()

    out = io.StringIO()
    call_command(
        "import_data_inclusion",
        structures=str(structures_csv),
        services=str(services_csv),
        stdout=out,
    )

    assert "Structures : 3 lignes gardées, aucune ligne invalide." in out.getvalue()
    assert "Services : 4 lignes gardées, aucune ligne invalide." in out.getvalue()
    assert download_json(client, "/donnees/services.json") == services
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
