import pytest
from django.contrib.auth.models import Group
from django.db import connection, connections

from roseraie_portal import roles
from tests.factories import UserFactory


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    # No persistent connections in tests: the live server's thread would otherwise keep
    # one open and the test database could not be dropped at the end of the run.
    for each in connections.all():
        each.settings_dict["CONN_MAX_AGE"] = 0


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
