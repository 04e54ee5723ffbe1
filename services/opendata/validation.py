"""Rows checked against data·inclusion v1, each problem said in plain French."""

from typing import Any

import pydantic
from data_inclusion.schema import v1 as schema
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

FIELD_LABELS = {
    "source": gettext_lazy("source"),
    "id": gettext_lazy("identifiant"),
    "structure_id": gettext_lazy("identifiant de la structure"),
    "nom": gettext_lazy("nom"),
    "description": gettext_lazy("description"),
    "date_maj": gettext_lazy("date de mise à jour"),
    "code_postal": gettext_lazy("code postal"),
    "code_insee": gettext_lazy("code INSEE"),
    "siret": gettext_lazy("numéro SIRET"),
    "telephone": gettext_lazy("téléphone"),
    "courriel": gettext_lazy("e-mail"),
    "site_web": gettext_lazy("site internet"),
    "thematiques": gettext_lazy("thématiques"),
    "publics": gettext_lazy("publics"),
    "horaires_accueil": gettext_lazy("horaires d’accueil"),
}


def _describe(error: dict) -> str:
    """One pydantic error in plain French."""
    name = str(error["loc"][0]) if error["loc"] else ""
    label = str(FIELD_LABELS.get(name, name))
    value = error.get("input")
    kind = error["type"]
    context = error.get("ctx") or {}
    if not name:
        return _("la ligne n’est pas un objet (des champs et leurs valeurs)")
    if kind == "missing" or (value is None and kind.endswith("_type")):
        return _("le champ « %(field)s » est obligatoire") % {"field": label}
    if kind == "enum" and name == "thematiques":
        return _("thématique inconnue : « %(value)s »") % {"value": value}
    if kind == "enum":
        return _("valeur inconnue pour « %(field)s » : « %(value)s »") % {
            "field": label,
            "value": value,
        }
    if name in ("code_postal", "code_insee", "siret") and kind.startswith("string_"):
        digits = 14 if name == "siret" else 5
        return _("%(field)s invalide : « %(value)s » (%(digits)s chiffres attendus)") % {
            "field": label,
            "value": value,
            "digits": digits,
        }
    if kind == "string_too_short":
        return _("« %(field)s » est trop court (au moins %(min)s caractères)") % {
            "field": label,
            "min": context.get("min_length"),
        }
    if kind == "string_too_long":
        return _("« %(field)s » est trop long (au plus %(max)s caractères)") % {
            "field": label,
            "max": context.get("max_length"),
        }
    if kind == "too_short":
        return _("« %(field)s » doit contenir au moins une valeur") % {"field": label}
    if kind.startswith("date"):
        return _("« %(field)s » doit être une date au format AAAA-MM-JJ") % {"field": label}
    if kind.startswith("url"):
        return _("« %(field)s » doit être une adresse web complète (https://…)") % {"field": label}
    if kind.startswith(("float", "int")):
        return _("« %(field)s » doit être un nombre") % {"field": label}
    if name == "courriel":
        return _("« %(value)s » n’est pas une adresse e-mail valide") % {"value": value}
    if kind in ("value_error", "avertissement"):
        # The schema's own validators already speak French.
        return str(error["msg"]).removeprefix("Value error, ")
    return _("« %(field)s » est invalide : %(detail)s") % {"field": label, "detail": error["msg"]}


def check_row(model: type[pydantic.BaseModel], row: Any):
    """``(instance or None, errors, warnings)``: the schema's "avertissement" checks (a
    name ending with a full stop) are warnings, everything else is an error."""
    try:
        return model.model_validate(row, context={"ignore_warnings": False}), [], []
    except pydantic.ValidationError as exc:
        problems = exc.errors()
    errors = [_describe(error) for error in problems if error["type"] != "avertissement"]
    warnings = [_describe(error) for error in problems if error["type"] == "avertissement"]
    if errors:
        return None, errors, warnings
    return model.model_validate(row), [], warnings


def validate_structure_row(row: Any) -> list[str]:
    """The errors that make ``row`` invalid for data·inclusion v1 (empty when valid)."""
    return check_row(schema.Structure, row)[1]


def validate_service_row(row: Any) -> list[str]:
    return check_row(schema.Service, row)[1]
