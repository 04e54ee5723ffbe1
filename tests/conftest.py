import os
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection, connections
from django.utils import timezone, translation
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from roseraie_portal import sms
from services.enums import Frais, StructureKind
from services.models import Lieu
from services.search import refresh_search_vectors
from tests.factories import UserFactory
from tests.services.factories import (
    LieuFactory,
    OpeningHoursFactory,
    QuartierFactory,
    ServiceFactory,
    StructureFactory,
    SynonymFactory,
)


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
def _empty_cache():
    # The cache outlives a test's transaction: a page that keeps figures in it (a
    # diagnostic) must not show another test's.
    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # Tests render pages without running collectstatic first.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def sms_outbox(settings):
    """Text messages are kept in memory, as Django keeps e-mails in mail.outbox."""
    settings.SMS_BACKEND = "roseraie_portal.sms.LocmemBackend"
    sms.outbox.clear()
    return sms.outbox


@pytest.fixture
def clock(monkeypatch):
    """Sets the portal's clock to a moment in Angers: ``clock("2026-11-24 09:30")``."""

    def set_to(moment: str):
        local = datetime.fromisoformat(moment).replace(tzinfo=ZoneInfo(settings.TIME_ZONE))
        monkeypatch.setattr(timezone, "now", lambda: local)

    return set_to


@pytest.fixture
def fast_passwords(settings):
    """For tests that make many accounts: Argon2 would make them take minutes."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def make_user(db):
    """A user in the given role (``None`` for an account with no role yet)."""

    def make(role=None, **fields):
        return UserFactory(role=role, **fields)

    return make


@pytest.fixture
def conseiller(db):
    return UserFactory(conseiller=True)


@pytest.fixture
def coordinator(db):
    return UserFactory(coordination=True)


ADMINISTRATIVE = (
    "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"
)


@pytest.fixture
def directory(db):
    """A small directory of La Roseraie whose services each stand for one search case:
    the services by slug. Places: the Relais-Mairie (``relais-mairie``, La Roseraie, open
    Tuesday 14–17 h and Thursday 9–12 h) and a stop of the Mairie Bus (``bus-justices``,
    Justices, Friday 9–12 h)."""
    relais = LieuFactory(
        name="Relais-Mairie de La Roseraie",
        slug="relais-mairie",
        address="3 rue André Maurois",
        quartier=QuartierFactory(),
        latitude=47.4475,
        longitude=-0.5528,
        step_free=True,
        public_wifi=True,
    )
    bus = LieuFactory(
        bus_stop=True,
        name="Bus Mairie, place des Justices",
        slug="bus-justices",
        address="Place des Justices",
        postcode="49000",
        quartier=QuartierFactory(justices=True),
        latitude=None,
        longitude=None,
    )
    for lieu, weekday, opens, closes in [(relais, 1, 14, 17), (relais, 3, 9, 12), (bus, 4, 9, 12)]:
        OpeningHoursFactory(lieu=lieu, weekday=weekday, opens=time(opens), closes=time(closes))
    caf = StructureFactory(
        name="CAF de Maine-et-Loire", slug="caf", kind=StructureKind.CAF, phone="02 41 00 00 01"
    )
    mairie = StructureFactory(name="Ville d'Angers", slug="ville-angers", kind=StructureKind.MAIRIE)
    cpam = StructureFactory(name="CPAM de Maine-et-Loire", slug="cpam", kind=StructureKind.CPAM)
    travail = StructureFactory(
        name="France Travail Angers", slug="france-travail", kind=StructureKind.FRANCE_TRAVAIL
    )
    services = [
        ServiceFactory(
            slug="allocations",
            structure=caf,
            lieux=[relais],
            thematiques=[
                "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere"
            ],
            name="Demander les allocations familiales",
            description="La CAF vous aide à demander le RSA et les aides au logement.",
            languages=["fr", "ar"],
            documents=["Numéro allocataire", "Relevé d'identité bancaire"],
            phone="02 41 00 00 02",
            pro_contact="Mme Référente, ligne directe 02 41 00 00 99",
            verifie_le=date(2026, 9, 1),
        ),
        ServiceFactory(
            slug="impots",
            structure=mairie,
            lieux=[bus],
            thematiques=[ADMINISTRATIVE],
            name="Aide à la déclaration d'impôts",
            description="Un agent vous aide à remplir la déclaration de revenus en ligne.",
            appointment_required=True,
            frais=Frais.PAYANT,
            languages=["fr"],
            verifie_le=date(2024, 1, 15),
        ),
        ServiceFactory(
            slug="ameli",
            structure=cpam,
            lieux=[relais],
            thematiques=["sante--acces-aux-soins"],
            name="Ouvrir ses droits à l'assurance maladie",
            description="Carte Vitale, complémentaire santé solidaire, remboursements.",
            languages=["fr", "tr"],
        ),
        ServiceFactory(
            slug="emploi",
            structure=travail,
            lieux=[bus],
            thematiques=["trouver-un-emploi--repondre-a-des-offres-demploi"],
            name="S'inscrire à France Travail",
            description="Vous avez perdu votre travail : inscrivez-vous comme demandeur d'emploi.",
        ),
        ServiceFactory(
            slug="accueil",
            structure=mairie,
            lieux=[relais],
            thematiques=[ADMINISTRATIVE],
            name="Accueil du Relais-Mairie",
            description="Premier accueil : on vous écoute et on vous oriente.",
        ),
    ]
    SynonymFactory(word="sécu", expansion="assurance maladie")
    SynonymFactory(word="chômage", expansion="France Travail demandeur d'emploi")
    refresh_search_vectors()
    return {service.slug: service for service in services}


@pytest.fixture
def relais(directory):
    """The directory's Relais-Mairie, in La Roseraie."""
    return Lieu.objects.get(slug="relais-mairie")


@pytest.fixture
def bus(directory):
    """The directory's stop of the Mairie Bus, place des Justices."""
    return Lieu.objects.get(slug="bus-justices")


@pytest.fixture
def run_tasks():
    """Runs the background tasks that are due, one by one, as the worker does (manage.py
    db_worker), in the test's transaction: the command itself closes the connection
    between tasks, which would end the test's transaction."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )

    def run() -> int:
        done = 0
        while (task := DBTaskResult.objects.ready().order_by("enqueued_at").first()) is not None:
            task.claim(worker.worker_id)
            worker.run_task(task)
            done += 1
        return done

    return run


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what the actions do once their transaction commits (enqueuing messages):
    ``with committed(): client.post(...)``."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
