"""Open data downloads in the data·inclusion v1 format: /donnees/structures.json,
/donnees/services.json and their .csv twins. Public, streamed, a fixed number of queries
whatever the size of the directory."""

import json
from collections.abc import Callable, Iterable, Iterator

from django.contrib.auth.decorators import login_not_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import StreamingHttpResponse
from django.views.decorators.http import require_safe

from roseraie_portal.csv_files import csv_response
from roseraie_portal.notifications import absolute_url
from services.opendata.rows import (
    SERVICE_COLUMNS,
    STRUCTURE_COLUMNS,
    service_row,
    services_for_export,
    structure_row,
    structures_for_export,
)

# Rows read from the database at a time while streaming: memory stays flat.
EXPORT_CHUNK_SIZE = 1000


def _rows(queryset, to_row: Callable) -> Iterator[dict]:
    # Other portals keep these links: the configured site's, never the request's host.
    base_url = absolute_url("")
    for obj in queryset.iterator(chunk_size=EXPORT_CHUNK_SIZE):
        yield to_row(obj, base_url=base_url)


def _json_array(rows: Iterable[dict]) -> Iterator[str]:
    yield "["
    separator = "\n"
    for row in rows:
        yield separator + json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"


def _json_response(rows: Iterable[dict]) -> StreamingHttpResponse:
    return StreamingHttpResponse(_json_array(rows), content_type="application/json")


@login_not_required
@require_safe
def structures_json(request):
    return _json_response(_rows(structures_for_export(), structure_row))


@login_not_required
@require_safe
def services_json(request):
    return _json_response(_rows(services_for_export(), service_row))


@login_not_required
@require_safe
def structures_csv(request):
    rows = _rows(structures_for_export(), structure_row)
    return csv_response("structures.csv", rows, STRUCTURE_COLUMNS)


@login_not_required
@require_safe
def services_csv(request):
    rows = _rows(services_for_export(), service_row)
    return csv_response("services.csv", rows, SERVICE_COLUMNS)
