"""Input no view should ever see: control characters, and bytes that are not UTF-8, in
the path, a query parameter or a form field (issue 11).

PostgreSQL refuses NUL in text, so a NUL that reaches a query is a 500 deep in a view;
nobody types the other control characters, and Django silently turns bytes that are not
UTF-8 into "�". They come from a broken copy-paste, a robot or an attack. They are refused
here, once for every view, with a 400: the house's error page, in the language of the URL,
with a sentence that says what is wrong.

Refused:

- in the path and the query string: the C0 control characters (U+0000–U+001F) and DEL
  (U+007F), percent-encoded or not (in the path, even percent-encoded twice: no URL of
  the portal holds a "%");
- in a form body (``application/x-www-form-urlencoded`` or ``multipart/form-data``,
  names and values): the same, except tab, line feed and carriage return, which a text
  area holds;
- everywhere: bytes that do not decode as UTF-8, percent-encoded or not; a lone
  surrogate (``%ED%A0%80``) is one of them, since UTF-8 cannot encode it.

The contents of uploaded files are not read (they may be binary); their field names and
file names are. A multipart body larger than ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (uploads:
the portal has none today) is checked after Django has decoded it, for control
characters only.

The middleware sits before LocaleMiddleware, so nothing below it ever sees such a
request: it answers by itself, in the language the URL prefix says (``/en/``, ``/ar/``;
none is French, as ``i18n_patterns(prefix_default_language=False)`` has it), and sends
its page through the middlewares that give every page its headers, cookies and visitor.
"""

import base64
import binascii
import re
from urllib.parse import unquote_to_bytes

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy

CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# In a form body: tab, line feed and carriage return are text.
CONTROL_IN_FORMS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

URLENCODED = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"

MESSAGE = gettext_lazy(
    "Elle contient un caractère que le site ne peut pas lire, souvent venu d’un copier-coller."
)


def readable(raw: bytes, control: re.Pattern = CONTROL) -> bool:
    """Whether ``raw`` is UTF-8 without any of the ``control`` characters."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return control.search(text) is None


def _wsgi_bytes(request, key: str) -> bytes:
    """A META string as the bytes the client sent: WSGI gives them decoded as Latin-1; a
    string that is not Latin-1 (ASGI) is already text, encoded back as it came."""
    value = request.META.get(key, "")
    try:
        return value.encode("iso-8859-1")
    except UnicodeEncodeError:
        return value.encode("utf-8", "surrogatepass")


def _query_readable(raw: bytes, control: re.Pattern = CONTROL) -> bool:
    """A query string, or a urlencoded body: "&" and "=" are ASCII, so the whole string
    decodes as each of its names and values do."""
    return readable(unquote_to_bytes(raw.replace(b"+", b" ")), control)


def _multipart_parts(body: bytes, boundary: bytes):
    """(headers, content) of each part of a multipart body; a malformed part is left to
    Django's parser, which refuses it with a 400."""
    for part in body.split(b"--" + boundary)[1:]:
        if part.startswith(b"--"):  # the closing delimiter
            return
        headers, separator, content = part.partition(b"\r\n\r\n")
        if separator:
            yield headers, content.removesuffix(b"\r\n")


def _part_readable(headers: bytes, content: bytes) -> bool:
    if not readable(headers, CONTROL_IN_FORMS):
        return False
    lowered = headers.lower()
    if b"filename" in lowered:
        return True  # a file: its name is in the headers, its content is data
    if b"content-transfer-encoding: base64" in lowered:
        try:
            content = base64.b64decode(content)
        except binascii.Error:
            return True  # Django's parser answers it
    return readable(content, CONTROL_IN_FORMS)


def _decoded_fields_readable(request) -> bool:
    """The fallback for a large multipart body: Django's decoded names and values."""
    texts = [text for key, values in request.POST.lists() for text in (key, *values)]
    texts += [name for key, upload in request.FILES.items() for name in (key, upload.name)]
    return not any(CONTROL_IN_FORMS.search(text or "") for text in texts)


def _body_readable(request) -> bool:
    content_type = request.content_type
    if content_type == URLENCODED:
        return _query_readable(request.body, CONTROL_IN_FORMS)
    if content_type != MULTIPART:
        return True  # no view of the portal reads another kind of body
    boundary = request.content_params.get("boundary", "")
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True  # Django refuses it
    if limit is not None and length > limit:
        return _decoded_fields_readable(request)
    try:
        boundary_bytes = boundary.encode("ascii")
    except UnicodeEncodeError:
        return False
    if not boundary_bytes:
        return True  # Django refuses a multipart body without a boundary
    return all(
        _part_readable(headers, content)
        for headers, content in _multipart_parts(request.body, boundary_bytes)
    )


def _path_readable(path_info: str) -> bool:
    """Django has already decoded the path, percent-encoding again the bytes that are not
    UTF-8 ("%FF"): decoding it once more judges those, and a percent-encoding sent twice
    ("%2500"), which no URL of the portal has either."""
    return readable(unquote_to_bytes(path_info))


def request_readable(request) -> bool:
    """Whether the path, the query string and the form body are all readable."""
    return (
        _path_readable(request.path_info)
        and _query_readable(_wsgi_bytes(request, "QUERY_STRING"))
        and _body_readable(request)
    )


def page_language(request) -> str:
    """The language the URL says: its prefix, or none for French (LocaleMiddleware has not
    run yet: it would say the same, since the portal's URLs are all i18n_patterns)."""
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def _refusal_page(request):
    language = page_language(request)
    with translation.override(language):
        request.LANGUAGE_CODE = language
        context = {"status": 400, "message": gettext(MESSAGE)}
        response = render(request, "errors/error.html", context, status=400)
    response.headers.setdefault("Content-Language", language)
    return response


class RefuseControlCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        # The page goes through what gives every page its visitor, its CSRF cookie (the
        # layout's FALC switch is a form) and its security headers, in MIDDLEWARE's order;
        # none of these reads a parameter.
        self.refuse = CSPMiddleware(
            SessionMiddleware(
                CsrfViewMiddleware(AuthenticationMiddleware(XFrameOptionsMiddleware(_refusal_page)))
            )
        )

    def __call__(self, request):
        if not request_readable(request):
            return self.refuse(request)
        return self.get_response(request)
