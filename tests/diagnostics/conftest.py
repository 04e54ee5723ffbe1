from datetime import date

import pytest

from ateliers.enums import Attendance
from permanences.enums import Autonomie, Resultat, ThemeNumerique, TrancheAge
from services.enums import OrientationSource
from tests.ateliers.factories import AtelierFactory, InscriptionFactory
from tests.factories import UserFactory
from tests.permanences.factories import AccompagnementFactory, PermanenceFactory
from tests.services.factories import (
    LieuFactory,
    QuartierFactory,
    ServiceFactory,
    StructureFactory,
    StructureMembershipFactory,
)


@pytest.fixture(autouse=True)
def _fast_passwords(fast_passwords):
    """Entries each come with their conseiller's account: Argon2 would take minutes."""


@pytest.fixture
def caf_year(db):
    """Two years of the CAF, counted by hand, and another structure's entries.

    The CAF in 2026: 18 accompaniments, none under 5 in any table:
    - March: 6 at the Relais-Mairie, on papers, 25 to 39 years old, living in La Roseraie,
      heard of it by a flyer, fully accompanied, done;
    - April: 5 at the Centre Jean Vilar, on papers and e-mail, 60 to 69, living outside
      the quartiers, heard by word of mouth, partly autonomous, re-oriented to the CCAS;
    - April: 7 at the Relais-Mairie, on housing, 25 to 39, La Roseraie, flyer, autonomous,
      done.
    In 2025: 9 in March at the Relais-Mairie, on papers (else as March 2026).
    Ateliers of the CAF in 2026: two held in May (6 registered, of whom 5 came, and 2
    walk-ins; 4 registered, 3 came) and one cancelled; in 2025, one held in May (5 came
    of 5). Permanences of the CAF in 2026: 3 held in June, 1 cancelled in June.
    The CCAS in 2026: 10 accompaniments in May at the Centre Jean Vilar.
    """
    conseiller = UserFactory(conseiller=True)

    def entries(count, **fields):
        return AccompagnementFactory.create_batch(count, conseiller=conseiller, **fields)

    caf = StructureFactory(name="CAF de Maine-et-Loire", slug="caf")
    ccas = StructureFactory(name="CCAS d’Angers", slug="ccas")
    relais = LieuFactory(name="Relais-Mairie")
    centre = LieuFactory(name="Centre Jean Vilar")
    roseraie = QuartierFactory()
    march = dict(
        structure=caf,
        lieu=relais,
        themes=[ThemeNumerique.PAPIERS],
        tranche_age=TrancheAge.AGE_25_39,
        residence="quartier",
        quartier=roseraie,
        orientation_source=OrientationSource.FLYER,
        autonomie=Autonomie.ACCOMPAGNE,
        resultat=Resultat.ABOUTIE,
    )
    entries(6, date=date(2026, 3, 10), **march)
    entries(
        5,
        date=date(2026, 4, 14),
        structure=caf,
        lieu=centre,
        themes=[ThemeNumerique.PAPIERS, ThemeNumerique.COURRIELS],
        tranche_age=TrancheAge.AGE_60_69,
        residence="hors-quartier",
        orientation_source=OrientationSource.BOUCHE_A_OREILLE,
        autonomie=Autonomie.PARTIEL,
        resultat=Resultat.REORIENTEE,
        reoriente_vers=ccas,
    )
    entries(
        7,
        date=date(2026, 4, 21),
        **{**march, "themes": [ThemeNumerique.LOGEMENT], "autonomie": Autonomie.AUTONOME},
    )
    entries(9, date=date(2025, 3, 11), **march)
    entries(10, date=date(2026, 5, 5), structure=ccas, lieu=centre)

    held = AtelierFactory(structure=caf, date=date(2026, 5, 12), walk_ins=2)
    for attendance in [Attendance.PRESENT] * 5 + [Attendance.ABSENT]:
        InscriptionFactory(atelier=held, attendance=attendance)
    second = AtelierFactory(structure=caf, date=date(2026, 5, 19))
    for attendance in [Attendance.PRESENT] * 3 + [Attendance.EXCUSED]:
        InscriptionFactory(atelier=second, attendance=attendance)
    InscriptionFactory(atelier=second, waiting=True)
    AtelierFactory(structure=caf, date=date(2026, 5, 26), cancelled=True, registered=3)
    last_year = AtelierFactory(structure=caf, date=date(2025, 5, 13))
    InscriptionFactory.create_batch(5, atelier=last_year, attendance=Attendance.PRESENT)

    service = ServiceFactory(structure=caf)
    for day in (2, 9, 16):
        PermanenceFactory(service=service, lieu=relais, date=date(2026, 6, day))
    PermanenceFactory(
        service=service, lieu=relais, date=date(2026, 6, 23), cancelled_for_illness=True
    )
    return {
        "caf": caf,
        "ccas": ccas,
        "relais": relais,
        "centre": centre,
        "roseraie": roseraie,
        "partner": StructureMembershipFactory(structure=caf).user,
        "conseiller": conseiller,
    }
