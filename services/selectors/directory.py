"""Reads of the directory that other views and apps share: theme options for a filter,
the scope of a professional (which structures' data an account may see), and what a
coordinator is warned of when saving a service."""

from dataclasses import dataclass

from babel.lists import format_list
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language, gettext, to_locale

from roseraie_portal import roles
from roseraie_portal.content_language import missing_languages
from services.enums import LANGUAGE_CHOICES
from services.falc import check_falc
from services.models import FRESHNESS_LIMIT, Service, StructureMembership, Thematique

# Sub-themes are indented under their category in a <select> (no <optgroup>: a category is
# a choice of its own, standing for all its sub-themes).
THEME_INDENT = "\u00a0\u00a0\u00a0"


def theme_choices() -> list[tuple[str, str]]:
    """Every theme as (code, label), from one light query rather than model instances:
    codes sort each category just before its sub-themes, which are indented."""
    themes = Thematique.objects.order_by("code").values_list("code", "label", "alias", "parent")
    return [
        (code, (THEME_INDENT if parent else "") + gettext(alias or label))
        for code, label, alias, parent in themes
    ]


@dataclass(frozen=True)
class Scope:
    """The structures whose data an account may see: every one (coordination), those it
    belongs to (a partner), or none. Every list, bilan and export filters through it."""

    everything: bool = False
    structure_ids: frozenset[int] = frozenset()

    def allows(self, structure_id: int | None) -> bool:
        return self.everything or structure_id in self.structure_ids

    def q(self, field: str = "structure") -> Q:
        """The condition on a queryset whose ``field`` is a structure."""
        if self.everything:
            return Q()
        return Q(**{f"{field}__in": self.structure_ids})

    def filter(self, queryset, field: str = "structure"):
        return queryset.filter(self.q(field))


def scope_of(user) -> Scope:
    """Coordination sees every structure; a partner the structures it is attached to;
    anyone else none. Read once per request, like the roles."""
    if roles.has_role(user, roles.COORDINATION):
        return Scope(everything=True)
    if not roles.has_role(user, roles.PARTENAIRE):
        return Scope()
    if not hasattr(user, "_scope_structure_ids"):
        user._scope_structure_ids = frozenset(
            StructureMembership.objects.filter(user=user).values_list("structure_id", flat=True)
        )
    return Scope(structure_ids=user._scope_structure_ids)


def language_list(codes: list[str]) -> str:
    """ "anglais, arabe et turc": languages named in a sentence of the page's language."""
    names = dict(LANGUAGE_CHOICES)
    return format_list(
        [str(names.get(code, code)) for code in codes], locale=to_locale(get_language() or "fr")
    )


def editorial_warnings(service: Service) -> list[str]:
    """What a coordinator should fix, never a block: the French FALC text against the
    rules a program can check, the languages it is not translated into yet, and a
    verification older than 12 months."""
    warnings = [warning.message for warning in check_falc(service.falc_text_fr or "")]
    if missing := missing_languages(service, "falc_text"):
        warnings.append(
            gettext("Le texte facile à lire n’est pas encore traduit en : %(languages)s.")
            % {"languages": language_list(missing)}
        )
    if service.verifie_le and timezone.localdate() - service.verifie_le > FRESHNESS_LIMIT:
        warnings.append(gettext("Ce service n’a pas été vérifié depuis plus de 12 mois."))
    return warnings
