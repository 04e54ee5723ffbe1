"""Every French string of the project has an English, an Arabic and a Turkish translation.

Strings are extracted the way `makemessages` sees them (Django's templatize for templates),
with Babel instead of GNU xgettext so that the check runs wherever Python does.
"""

import io
from pathlib import Path

import pytest
from babel.messages.extract import extract_python
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation
from django.utils.translation.template import templatize

BASE_DIR = Path(settings.BASE_DIR)
APPS = ["roseraie_portal", "services", "permanences", "ateliers", "diagnostics"]
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}


def _messages(source: str):
    """``(context, msgid)`` of each string of ``source``; context None without one."""
    for _lineno, function, message, _comments in extract_python(
        io.BytesIO(source.encode()), KEYWORDS, [], {"encoding": "utf-8"}
    ):
        if not isinstance(message, tuple):
            yield None, message
        elif function.startswith(("pgettext", "npgettext")):
            yield message[0], message[1]
        else:
            yield None, message[0]


def project_messages() -> dict[tuple[str | None, str], Path]:
    """Each ``(context, msgid)`` (a plural pair counts by its singular) with a file that
    uses it."""
    found = {}
    templates = [*BASE_DIR.glob("templates/**/*.html")]
    templates += [path for app in APPS for path in BASE_DIR.glob(f"{app}/templates/**/*.html")]
    # templatize blanks a template's text out around gettext() calls; its indentation means
    # nothing to Python's tokenizer, which Babel uses, so it goes.
    sources = [
        (path, "\n".join(line.lstrip() for line in templatize(path.read_text()).splitlines()))
        for path in templates
    ]
    sources += [
        (path, path.read_text())
        for app in APPS
        for path in BASE_DIR.glob(f"{app}/**/*.py")
        if "migrations" not in path.parts
    ]
    for path, source in sources:
        for context, msgid in _messages(source):
            if msgid:
                found.setdefault((context, msgid), path)
    return found


def test_the_project_has_strings_to_translate():
    messages = project_messages()

    assert (None, "Aller au contenu") in messages
    assert ("a person's surname", "Nom") in messages


@pytest.mark.parametrize("language", ["en", "ar", "tr"])
def test_every_french_string_is_translated(language):
    with open(BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po", "rb") as po:
        catalog = read_po(po)
    translated = {
        (message.context, message.id[0] if isinstance(message.id, tuple) else message.id)
        for message in catalog
        if message.id
        and not message.fuzzy
        and all(message.string if isinstance(message.string, tuple) else [message.string])
    }

    missing = {
        msgid if context is None else f"{msgid} ({context})": str(path)
        for (context, msgid), path in project_messages().items()
        if (context, msgid) not in translated
    }

    assert not missing, f"{len(missing)} string(s) without a {language} translation: {missing}"


@pytest.mark.parametrize("language", ["en", "ar", "tr"])
def test_catalogs_are_compiled_by_the_set_up(language):
    with translation.override(language):
        assert translation.gettext("Aller au contenu") != "Aller au contenu"
