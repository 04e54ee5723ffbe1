import os

import pytest
from django.conf import settings
from django.test import Client

# The page and the ORM share one thread in these tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-first-run",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Drive the system Chromium (Playwright cannot download its own browser here)."""
    launch = {**browser_type_launch_args, "args": CHROMIUM_ARGS}
    if os.path.exists(CHROMIUM):
        launch["executable_path"] = CHROMIUM
    return launch


@pytest.fixture
def site(live_server):
    """The live server's base URL, shared by every browser test."""
    return live_server.url


@pytest.fixture
def log_in(site):
    """Gives a browser context the session of a user: ``log_in(context, user)``."""

    def give_session(context, user):
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": site}])

    return give_session
