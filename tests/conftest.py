import os
from datetime import date, time

import pytest
from django.contrib.auth.models import Group
from django.db import connection, connections
from django.utils import translation

from roseraie_portal import roles
from services.enums import StructureKind
from services.models import Lieu, OpeningHours, Quartier, Service, Structure, Synonym, Thematique
from services.search import refresh_search_vectors
from tests.factories import UserFactory


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    # No persistent connections in tests: the live server's thread would otherwise keep
    # one open and the test database could not be dropped at the end of the run.
    for each in connections.all():
        each.settings_dict["CONN_MAX_AGE"] = 0
        # One test database per process: several test runs (xdist workers, or two people
        # on one server) never drop each other's database.
        each.settings_dict.setdefault("TEST", {})["NAME"] = (
            f"test_{each.settings_dict['NAME']}_{os.getpid()}"
        )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    yield
    # Playwright's sync API runs an event loop in the test's thread, so Django keys some
    # connections by async context; one opened there is never closed by the test's own
    # teardown, and PostgreSQL refuses to drop a database in use. End them first.
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture(autouse=True)
def _french_by_default():
    # A request to /ar/… leaves Arabic active in the thread: start each test in French.
    with translation.override("fr"):
        yield


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # Tests render pages without running collectstatic first.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def make_user(db):
    """A user in the given role (``None`` for an account with no role yet)."""

    def make(role=None, **fields):
        user = UserFactory(**fields)
        if role:
            user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.fixture
def conseiller(make_user):
    return make_user(roles.CONSEILLER)


@pytest.fixture
def coordinator(make_user):
    return make_user(roles.COORDINATION, is_staff=True)


@pytest.fixture
def directory(db):
    """A small directory of La Roseraie whose services each stand for one search case."""
    roseraie = Quartier.objects.create(name="La Roseraie", slug="la-roseraie")
    justices = Quartier.objects.create(name="Justices", slug="justices")
    relais = Lieu.objects.create(
        name="Relais-Mairie de La Roseraie",
        slug="relais-mairie",
        address="3 rue André Maurois",
        postcode="49100",
        quartier=roseraie,
        latitude=47.4475,
        longitude=-0.5528,
        step_free=True,
        public_wifi=True,
    )
    bus = Lieu.objects.create(
        name="Bus Mairie, place des Justices",
        slug="bus-justices",
        address="Place des Justices",
        postcode="49000",
        quartier=justices,
        itinerant=True,
    )
    OpeningHours.objects.create(lieu=relais, weekday=1, opens=time(14), closes=time(17))
    OpeningHours.objects.create(lieu=relais, weekday=3, opens=time(9), closes=time(12))
    OpeningHours.objects.create(lieu=bus, weekday=4, opens=time(9), closes=time(12))
    caf = Structure.objects.create(
        name="CAF de Maine-et-Loire", slug="caf", kind=StructureKind.CAF, phone="02 41 00 00 01"
    )
    mairie = Structure.objects.create(
        name="Ville d'Angers", slug="ville-angers", kind=StructureKind.MAIRIE
    )
    cpam = Structure.objects.create(
        name="CPAM de Maine-et-Loire", slug="cpam", kind=StructureKind.CPAM
    )
    travail = Structure.objects.create(
        name="France Travail Angers", slug="france-travail", kind=StructureKind.FRANCE_TRAVAIL
    )

    def service(slug, structure, lieux, themes, **fields):
        fields.setdefault("description", "Un service du quartier.")
        fields.setdefault("type", "accompagnement")
        created = Service.objects.create(slug=slug, structure=structure, **fields)
        created.lieux.set(lieux)
        created.thematiques.set([Thematique.objects.get(code=code) for code in themes])
        return created

    services = {
        "allocations": service(
            "allocations",
            caf,
            [relais],
            ["difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere"],
            name="Demander les allocations familiales",
            description="La CAF vous aide à demander le RSA et les aides au logement.",
            languages=["fr", "ar"],
            documents=["Numéro allocataire", "Relevé d'identité bancaire"],
            phone="02 41 00 00 02",
            pro_contact="Mme Référente, ligne directe 02 41 00 00 99",
            verifie_le=date(2026, 9, 1),
        ),
        "impots": service(
            "impots",
            mairie,
            [bus],
            [
                "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"
            ],
            name="Aide à la déclaration d'impôts",
            description="Un agent vous aide à remplir la déclaration de revenus en ligne.",
            appointment_required=True,
            frais="payant",
            languages=["fr"],
            verifie_le=date(2024, 1, 15),
        ),
        "ameli": service(
            "ameli",
            cpam,
            [relais],
            ["sante--acces-aux-soins"],
            name="Ouvrir ses droits à l'assurance maladie",
            description="Carte Vitale, complémentaire santé solidaire, remboursements.",
            languages=["fr", "tr"],
        ),
        "emploi": service(
            "emploi",
            travail,
            [bus],
            ["trouver-un-emploi--repondre-a-des-offres-demploi"],
            name="S'inscrire à France Travail",
            description="Vous avez perdu votre travail : inscrivez-vous comme demandeur d'emploi.",
        ),
        "accueil": service(
            "accueil",
            mairie,
            [relais],
            [
                "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"
            ],
            name="Accueil du Relais-Mairie",
            description="Premier accueil : on vous écoute et on vous oriente.",
        ),
    }
    Synonym.objects.create(word="sécu", expansion="assurance maladie")
    Synonym.objects.create(word="chômage", expansion="France Travail demandeur d'emploi")
    refresh_search_vectors()
    return services
