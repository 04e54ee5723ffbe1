"""What the directory and the agenda share around their filters: the list of applied
filters, each removable by a link, and error messages tied to their fields."""

from datetime import date

from django.utils.formats import date_format


def query_with(request, **changes) -> str:
    """The current query string with ``changes`` applied (None removes a parameter)."""
    query = request.GET.copy()
    for name, value in changes.items():
        query.pop(name, None)
        if value is not None:
            query[name] = value
    return f"?{query.urlencode()}" if query else "?"


def applied_filters(request, form) -> list[dict]:
    """Each applied filter of a valid ``form``: its label, its value as a person reads it
    (None for a tick box: the label says it all) and the URL of the same list without it."""
    applied = []
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if value in (None, False, ""):
            continue
        if value is True:
            shown = None
        elif isinstance(value, date):
            shown = date_format(value, "j F Y")
        elif isinstance(value, str) and hasattr(field, "choices"):
            shown = str(dict(field.choices).get(value, value))  # a code: its label
        else:
            shown = str(value)  # a model instance names itself (no query for choices)
        applied.append(
            {
                "label": field.label,
                "value": shown,
                "url": query_with(request, **{name: None, "page": None}),
            }
        )
    return applied


def describe_errors(form) -> None:
    """Tie each field's error message to the field with aria-describedby (Django ties only
    its help text); the templates give the message the id ``<field id>_error``."""
    for name in form.errors:
        if name in form.fields:
            bound = form[name]
            described = [f"{bound.auto_id}_error"]
            if form.fields[name].help_text:
                described.append(f"{bound.auto_id}_helptext")
            form.fields[name].widget.attrs["aria-describedby"] = " ".join(described)
