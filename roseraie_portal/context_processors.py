from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from roseraie_portal.notifications import absolute_url
from roseraie_portal.preferences import FALC_COOKIE


def layout(request):
    """What the shared layout needs on every page: language links and the FALC switch."""
    current = get_language()
    path = request.get_full_path()
    languages = []
    for code, name in settings.LANGUAGES:
        url = translate_url(path, code)
        if url == path and code != current:
            # A page that does not resolve (an error page): offer that language's home.
            url = "/" if code == settings.LANGUAGE_CODE else f"/{code}/"
        languages.append(
            {
                "code": code,
                "name": name,
                "url": url,
                # hreflang alternates are absolute, on the portal's public address.
                "absolute_url": absolute_url(url),
                "current": code == current,
                "default": code == settings.LANGUAGE_CODE,
            }
        )
    return {
        "layout_languages": languages,
        "falc_mode": request.COOKIES.get(FALC_COOKIE) == "1",
        # A page with its own FALC version sets this to that version's URL.
        "falc_url": None,
        "contact_email": settings.CONTACT_EMAIL,
    }
