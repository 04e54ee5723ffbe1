"""The bilans' CSV files, as a partner opens them in French Excel: the conventions of
PRODUCT.md ("CSV exports"), the figures of the page, and the raw rows streamed."""

import csv
import io
from datetime import date

import pytest

from diagnostics import exports
from permanences.enums import Canal, Resultat, ThemeNumerique, TrancheAge
from tests.permanences.factories import AccompagnementFactory
from tests.services.factories import LieuFactory, QuartierFactory, StructureFactory

pytestmark = pytest.mark.django_db

RAW_HEADER = (
    "date;structure;lieu;canal;duree_minutes;thematiques;tranche_age;quartier;statut;"
    "orientation_source;resultat;reoriente_vers;autonomie"
)


@pytest.fixture(autouse=True)
def _on_1_december_2026(clock):
    clock("2026-12-01 10:00")


def download(client, url) -> bytes:
    response = client.get(url)
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return b"".join(response.streaming_content)


def rows_of(body: bytes) -> list[list[str]]:
    text = body.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))


def test_the_bilans_csv_has_a_section_per_table_with_months_and_totals(client, caf_year):
    client.force_login(caf_year["partner"])

    response = client.get("/espace/bilans/2026.csv")
    rows = rows_of(b"".join(response.streaming_content))

    assert response["Content-Disposition"] == ('attachment; filename="bilan-2026-caf.csv"')
    assert rows[0] == ["Bilan 2026 : CAF de Maine-et-Loire"]
    header = rows[rows.index(["Accompagnements par mois"]) + 1]
    assert header == [
        "",
        *"janvier février mars avril mai juin juillet août septembre octobre novembre "
        "décembre".split(),
        "Total 2026",
        "Total 2025",
        "Évolution",
    ]
    assert ["Accompagnements", "0", "0", "6", "12", *["0"] * 8, "18", "9", "9"] in rows
    places = rows[rows.index(["Accompagnements par lieu"]) + 2 :]
    assert places[0] == ["Relais-Mairie", "0", "0", "6", "7", *["0"] * 8, "13", "9", "4"]
    assert places[2] == ["Total", "0", "0", "6", "12", *["0"] * 8, "18", "9", "9"]
    titles = {row[0] for row in rows if len(row) == 1}
    for title in ("Thèmes des accompagnements", "Ateliers", "Permanences", "Autonomie atteinte"):
        assert title in titles


def test_the_bilans_csv_hides_what_the_page_hides_and_writes_rates_as_percentages(client, caf_year):
    client.force_login(caf_year["partner"])

    rows = rows_of(download(client, "/espace/bilans/2026.csv"))

    walk_ins = next(row for row in rows if row[:1] == ["Venues sans inscription"])
    assert walk_ins[5] == "< 5" and walk_ins[13] == "< 5"
    rate = next(row for row in rows if row and row[0].startswith("Taux de participation"))
    assert rate[5] == "80 %" and rate[13] == "80 %" and rate[14] == "100 %"
    assert all(len(row) in (0, 1, 16) for row in rows)


def test_the_raw_csv_has_one_anonymous_row_per_accompaniment_in_productmds_columns(
    client, caf_year
):
    client.force_login(caf_year["partner"])

    body = download(client, "/espace/bilans/2026/accompagnements.csv")

    assert body.startswith(("\ufeff" + RAW_HEADER + "\r\n").encode())
    rows = rows_of(body)
    assert len(rows) == 1 + 18  # the CAF's 2026 entries: not 2025's, not the CCAS's
    assert [row[0] for row in rows[1:]] == sorted(row[0] for row in rows[1:])
    first, reoriented = rows[1], next(row for row in rows if row[10] == Resultat.REORIENTEE)
    assert first[:8] == [
        "2026-03-10",
        "CAF de Maine-et-Loire",
        "Relais-Mairie",
        Canal.LIEU_ACTIVITE,
        "30",
        ThemeNumerique.PAPIERS,
        TrancheAge.AGE_25_39,
        "La Roseraie",
    ]
    assert reoriented[5] == f"{ThemeNumerique.PAPIERS} | {ThemeNumerique.COURRIELS}"
    assert reoriented[7] == "hors-quartier" and reoriented[11] == "CCAS d’Angers"
    assert b"\r\n" in body and b"\n" not in body.replace(b"\r\n", b"")


def test_the_raw_csv_neutralises_names_that_would_be_read_as_formulas(client, coordinator):
    client.force_login(coordinator)
    evil = StructureFactory(name='=HYPERLINK("http://example.org";"clic")')
    quartier = QuartierFactory(name="+33 quartier", slug="plus")
    AccompagnementFactory(
        structure=evil,
        lieu=LieuFactory(name="@lieu; avec un point-virgule"),
        residence="quartier",
        quartier=quartier,
        resultat=Resultat.REORIENTEE,
        reoriente_vers=StructureFactory(name="-1 structure"),
        date=date(2026, 2, 1),
    )

    (_header, row) = rows_of(download(client, "/espace/bilans/2026/accompagnements.csv"))

    assert row[1] == '\'=HYPERLINK("http://example.org";"clic")'
    assert row[2] == "'@lieu; avec un point-virgule"
    assert row[7] == "'+33 quartier"
    assert row[11] == "'-1 structure"
    assert row[4] == "30"  # numbers stay numbers


def test_the_raw_csv_streams_rows_as_postgresql_sends_them(client, caf_year, monkeypatch):
    """No list of every row: the body leaves in chunks of about CHUNK_BYTES, each made of
    whole lines, as they come from COPY."""
    monkeypatch.setattr(exports, "CHUNK_BYTES", 300)
    client.force_login(caf_year["partner"])

    response = client.get("/espace/bilans/2026/accompagnements.csv")
    chunks = list(response.streaming_content)

    assert len(chunks) >= 1 + 18 * 100 // 300
    assert all(chunk.endswith(b"\r\n") for chunk in chunks)
    assert all(len(chunk) < 300 + 200 for chunk in chunks)
    assert len(rows_of(b"".join(chunks))) == 19


def test_the_raw_csv_of_the_territory_or_of_a_structure_chosen(client, caf_year, coordinator):
    client.force_login(coordinator)

    everything = rows_of(download(client, "/espace/bilans/2026/accompagnements.csv"))
    ccas = rows_of(download(client, "/espace/bilans/2026/accompagnements.csv?structure=ccas"))

    assert len(everything) == 1 + 28
    assert len(ccas) == 1 + 10
    assert {row[1] for row in ccas[1:]} == {"CCAS d’Angers"}
