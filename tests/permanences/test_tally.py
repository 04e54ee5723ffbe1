"""The monthly tally of the accompaniments, which PostgreSQL keeps by structure for the
bilans (migration 0006), stays exact whatever writes the log, for the territory and for
each structure.

Each test compares the tally with what a reader would count by hand from the entries
themselves (``counted_by_hand``)."""

from collections import Counter
from datetime import date

import pytest
from django.db import connection

from permanences.actions.log import purge_accompagnements, update_accompagnement
from permanences.enums import Canal, Resultat, ThemeNumerique, TrancheAge
from permanences.models import Accompagnement, AccompagnementTally, TallyDimension
from permanences.selectors.log import monthly_tally
from services.enums import NON_COMMUNIQUE, OrientationSource
from services.selectors import Scope
from tests.permanences.factories import AccompagnementFactory
from tests.services.factories import LieuFactory, QuartierFactory, StructureFactory

pytestmark = pytest.mark.django_db

FIRST, LAST = date(2020, 1, 1), date(2030, 12, 1)


def counted_by_hand(entries) -> Counter:
    """(month, dimension, key) → count, from the entries as a person reads them."""
    counts = Counter()
    for entry in entries:
        month = entry.date.replace(day=1)
        keys = [
            (TallyDimension.TOTAL, ""),
            (TallyDimension.TRANCHE_AGE, entry.tranche_age),
            (
                TallyDimension.RESIDENCE,
                f"quartier:{entry.quartier_id}"
                if entry.residence == "quartier"
                else entry.residence,
            ),
            (
                TallyDimension.LIEU,
                f"lieu:{entry.lieu_id}" if entry.lieu_id else f"canal:{entry.canal}",
            ),
            (TallyDimension.ORIENTATION_SOURCE, entry.orientation_source),
            (TallyDimension.AUTONOMIE, entry.autonomie),
            (TallyDimension.RESULTAT, entry.resultat),
            *((TallyDimension.THEME, theme) for theme in entry.themes),
        ]
        if entry.resultat == Resultat.REORIENTEE:
            keys.append((TallyDimension.REORIENTE_VERS, str(entry.reoriente_vers_id)))
        for dimension, key in keys:
            counts[(month, dimension, key)] += 1
    return counts


def tally() -> Counter:
    """The territory's tally, as the coordination's bilan reads it."""
    return Counter(
        {
            (month, dimension, key): count
            for month, dimension, key, count in monthly_tally(
                first_month=FIRST, last_month=LAST, scope=Scope(everything=True)
            )
        }
    )


def by_structure() -> Counter:
    """The tally's own rows: (structure id, month, dimension, key) → count."""
    return Counter(
        {
            row[:4]: row[4]
            for row in AccompagnementTally.objects.exclude(count=0).values_list(
                "structure_id", "month", "dimension", "key", "count"
            )
        }
    )


def counted_by_hand_by_structure(entries) -> Counter:
    counts = Counter()
    for entry in entries:
        for key, count in counted_by_hand([entry]).items():
            counts[(entry.structure_id, *key)] += count
    return counts


def of_structures(structures) -> Counter:
    rows = monthly_tally(
        first_month=FIRST,
        last_month=LAST,
        scope=Scope(structure_ids=frozenset(s.pk for s in structures)),
    )
    return Counter({(month, dimension, key): count for month, dimension, key, count in rows})


@pytest.fixture
def entries():
    """Entries of two structures over three months, varied in every dimension."""
    caf, ccas = StructureFactory(name="CAF"), StructureFactory(name="CCAS")
    relais = LieuFactory()
    justices = QuartierFactory(justices=True)
    made = [
        AccompagnementFactory(structure=caf, lieu=relais, date=date(2026, 3, 2)),
        AccompagnementFactory(
            structure=caf,
            lieu=relais,
            date=date(2026, 3, 17),
            themes=[ThemeNumerique.PAPIERS, ThemeNumerique.COURRIELS],
            tranche_age=TrancheAge.AGE_60_69,
            residence="quartier",
            quartier=justices,
            orientation_source=OrientationSource.FLYER,
        ),
        AccompagnementFactory(
            structure=caf,
            canal=Canal.A_DISTANCE,
            date=date(2026, 4, 30),
            resultat=Resultat.REORIENTEE,
            reoriente_vers=ccas,
        ),
        AccompagnementFactory(structure=ccas, canal=Canal.BUS_MAIRIE, date=date(2026, 5, 1)),
        AccompagnementFactory(structure=None, date=date(2026, 5, 9), residence="hors-quartier"),
    ]
    return {"caf": caf, "ccas": ccas, "made": made}


def test_the_tally_counts_every_new_entry_under_each_of_its_keys(entries):
    assert tally() == counted_by_hand(Accompagnement.objects.all())
    assert by_structure() == counted_by_hand_by_structure(Accompagnement.objects.all())
    # A few keys read by hand, so that the reference itself is checked.
    march = date(2026, 3, 1)
    assert tally()[(march, TallyDimension.TOTAL, "")] == 2
    assert tally()[(march, TallyDimension.THEME, ThemeNumerique.PAPIERS)] == 2
    assert tally()[(march, TallyDimension.THEME, ThemeNumerique.COURRIELS)] == 1
    assert tally()[(date(2026, 4, 1), TallyDimension.LIEU, "canal:a-distance")] == 1
    assert tally()[(date(2026, 4, 1), TallyDimension.REORIENTE_VERS, str(entries["ccas"].pk))] == 1
    assert tally()[(date(2026, 5, 1), TallyDimension.RESIDENCE, "hors-quartier")] == 1


def test_a_correction_moves_the_entry_from_its_old_keys_to_its_new_ones(entries):
    entry = entries["made"][0]

    update_accompagnement(
        accompagnement=entry,
        fields={
            "date": date(2026, 6, 3),
            "themes": [ThemeNumerique.LOGEMENT],
            "resultat": Resultat.REORIENTEE,
            "reoriente_vers": entries["ccas"],
        },
    )

    assert tally() == counted_by_hand(Accompagnement.objects.all())
    assert by_structure() == counted_by_hand_by_structure(Accompagnement.objects.all())
    assert tally()[(date(2026, 3, 1), TallyDimension.TOTAL, "")] == 1
    assert tally()[(date(2026, 6, 1), TallyDimension.THEME, ThemeNumerique.LOGEMENT)] == 1


def test_a_change_of_note_or_duration_leaves_the_tally_as_it_was(entries):
    before = tally()

    Accompagnement.objects.update(note="Rendez-vous pris", duration_minutes=45)

    assert tally() == before


def test_deleting_entries_one_by_one_or_by_the_purge_takes_them_off(entries):
    entries["made"][1].delete()
    assert tally() == counted_by_hand(Accompagnement.objects.all())

    purge_accompagnements(before=date(2026, 5, 1))

    assert tally() == counted_by_hand(Accompagnement.objects.all())
    assert set(month for month, _d, _k in tally()) == {date(2026, 5, 1)}


def test_a_bulk_load_and_a_truncate_keep_the_tally_exact(entries):
    template = entries["made"][0]
    Accompagnement.objects.bulk_create(
        Accompagnement(
            conseiller=template.conseiller,
            structure=entries["ccas"],
            date=date(2026, 7, day),
            duration_minutes=30,
            canal=Canal.DOMICILE,
            themes=[ThemeNumerique.BANQUE],
            autonomie=template.autonomie,
            resultat=Resultat.ABOUTIE,
        )
        for day in range(1, 11)
    )
    assert tally() == counted_by_hand(Accompagnement.objects.all())
    assert by_structure() == counted_by_hand_by_structure(Accompagnement.objects.all())
    assert tally()[(date(2026, 7, 1), TallyDimension.TOTAL, "")] == 10

    with connection.cursor() as cursor:
        # The test's transaction holds the foreign keys' deferred checks: run them first.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("TRUNCATE permanences_accompagnement")

    assert by_structure() == Counter()


def test_a_structures_tally_counts_its_own_entries_only(entries):
    caf, ccas = entries["caf"], entries["ccas"]

    assert of_structures([caf]) == counted_by_hand(Accompagnement.objects.filter(structure=caf))
    assert of_structures([caf, ccas]) == counted_by_hand(
        Accompagnement.objects.filter(structure__in=[caf, ccas])
    )
    # Entries counted for no structure are the territory's only.
    assert of_structures([caf, ccas]) != tally()
    assert of_structures([]) == Counter()


def test_an_entry_moved_to_another_structure_moves_its_counts(entries):
    entry = entries["made"][0]

    Accompagnement.objects.filter(pk=entry.pk).update(structure=entries["ccas"])

    assert by_structure() == counted_by_hand_by_structure(Accompagnement.objects.all())
    assert tally() == counted_by_hand(Accompagnement.objects.all())


def test_a_structures_tally_keeps_to_the_months_asked_for(entries):
    rows = monthly_tally(
        first_month=date(2026, 4, 1),
        last_month=date(2026, 4, 1),
        scope=Scope(structure_ids=frozenset({entries["caf"].pk})),
    )

    assert {month for month, *_rest in rows} == {date(2026, 4, 1)}
    assert (date(2026, 4, 1), TallyDimension.TOTAL, "", 1) in rows
    # Unanswered profile questions are counted as such.
    assert (date(2026, 4, 1), TallyDimension.TRANCHE_AGE, NON_COMMUNIQUE, 1) in rows
