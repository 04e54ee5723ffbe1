from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language, override

from roseraie_portal.notifications import absolute_url
from roseraie_portal.preferences import FALC_COOKIE


def _in_language(request, code: str) -> str | None:
    """The current page's URL in language ``code``, from the URL the handler already
    resolved (``translate_url`` would resolve the path again for each language); None for
    a path that resolves to no page."""
    match = request.resolver_match
    if match is None or match.url_name is None:
        return None
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    try:
        with override(code):
            url = reverse(name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:
        return None
    query = request.get_full_path().partition("?")[2]
    return f"{url}?{query}" if query else url


def layout(request):
    """What the shared layout needs on every page: language links and the FALC switch."""
    current = get_language()
    languages = []
    for code, name in settings.LANGUAGES:
        url = _in_language(request, code)
        if url is None:
            # A page that does not resolve (an error page): offer that language's home,
            # and keep the address asked for in the current language.
            if code == current:
                url = request.get_full_path()
            else:
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
