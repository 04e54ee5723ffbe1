from datetime import time

import pytest

from services.enums import StructureKind
from tests.services.factories import (
    LieuFactory,
    OpeningHoursFactory,
    ServiceFactory,
    StructureFactory,
)
from tests.services.open_data import HYPERLINK


@pytest.fixture
def open_data_directory(db):
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
