"""Full-text search of the directory, for the words residents really type.

- French stemming without accents (the ``french_unaccent`` configuration, created by a
  migration), weighted: name (A) > themes and structure (B) > description (C).
- Everyday words: ``Synonym`` rows add the directory's own words and themes to the query
  ("sécu" → "assurance maladie"), in the page's language and in French ("family
  allowance" on /en/, "إعانة" on /ar/, "CAF" everywhere).
- Typos: each query lexeme missing from the directory's vocabulary (the
  ``services_search_lexeme`` materialized view of every lexeme in use) is replaced by its
  nearest neighbour by trigram similarity, using the view's trigram index. Comparing the
  query with every service's name instead costs 80–130 ms on 10,000 services; correcting
  a handful of words against the vocabulary costs about a millisecond.
- Strong and partial matches: each meaningful word the resident typed (the French
  configuration drops "pour", "la", "j'ai"…) becomes a group of alternatives, the word
  itself (or its correction), the expansions of the synonyms it belongs to, and the
  synonyms' themes as phrases ("accès aux droits" only where the theme is). A service
  that matches every group is a strong match; one that matches any group is a partial
  match, so that a long sentence or an unknown word never ends on an empty page. Strong
  matches come first, then ``ts_rank`` over all the alternatives.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F

SEARCH_CONFIG = "french_unaccent"
# The words of asking, which say nothing of the need: "je cherche", "j'ai besoin",
# "looking for". The French configuration drops "pour", "la", "mon", not these, nor the
# little words of the other languages of the portal. Not required of a strong match.
WORDS_OF_ASKING = {
    "fr": "trouver cherche besoin faire fais veux voudrais vouloir peux pouvoir comment "
    "quelqu'un arrive plus rien avoir",
    "en": "i my me a an the for to of with in on need want looking find help please how can",
    "ar": "أبحث ابحث عن في من على أريد اريد أحتاج احتاج",
    "tr": "arıyorum istiyorum lazım için bir ve ile nasıl benim",
}
MAX_QUERY_LENGTH = 200
LEXEME = re.compile(r"^[a-z0-9]{2,}$")
# phraseto_tsquery's text for a theme label: 'acce' <2> 'droit'. Anything else (a
# hyphenated word gives 'e-mail' <-> 'e') is left out rather than pasted into a query.
PHRASE = re.compile(r"^'[a-z0-9]+'(?: <(?:-|\d+)> '[a-z0-9]+')*$")

_REFRESH_VECTORS = """
UPDATE services_service AS service
SET search_vector =
    setweight(to_tsvector('french_unaccent', service.name), 'A')
    || setweight(to_tsvector('french_unaccent', concat_ws(' ', structure.name, (
        SELECT string_agg(
            concat_ws(' ', theme.label, theme.alias, category.label, category.alias), ' '
        )
        FROM services_service_thematiques AS link
        JOIN services_thematique AS theme ON theme.id = link.thematique_id
        LEFT JOIN services_thematique AS category ON category.id = theme.parent_id
        WHERE link.service_id = service.id
    ))), 'B')
    || setweight(
        to_tsvector('french_unaccent', service.description || ' ' || service.falc_text), 'C'
    )
FROM services_structure AS structure
WHERE structure.id = service.structure_id
"""

# The synonyms whose words all appear in the text, or whose lexemes are all among the
# corrected ones ("alocation familliale"), in the page's language or in French:
# the lexemes of their words (to know which typed words they stand for), the lexemes of
# their expansion that the directory uses, and their themes as phrases.
_MATCHING_SYNONYMS = """
SELECT
    tsvector_to_array(to_tsvector('french_unaccent', synonym.word)),
    ARRAY(
        SELECT word FROM services_search_lexeme
        WHERE word = ANY(tsvector_to_array(to_tsvector('french_unaccent', synonym.expansion)))
    ),
    array_remove(array_agg(phraseto_tsquery('french_unaccent', theme.label)::text), NULL)
    || array_remove(array_agg(
        phraseto_tsquery('french_unaccent', nullif(theme.alias, ''))::text), NULL)
FROM services_synonym AS synonym
LEFT JOIN services_synonym_thematiques AS link ON link.synonym_id = synonym.id
LEFT JOIN services_thematique AS theme ON theme.id = link.thematique_id
WHERE synonym.language IN (%s, %s) AND (
    position(
        ' ' || regexp_replace(lower(unaccent(synonym.word)), '[^[:alnum:]]+', ' ', 'g') || ' '
        IN ' ' || regexp_replace(lower(unaccent(%s)), '[^[:alnum:]]+', ' ', 'g') || ' '
    ) > 0
    OR (
        tsvector_to_array(to_tsvector('french_unaccent', synonym.word)) <@ %s::text[]
        AND length(to_tsvector('french_unaccent', synonym.word)) > 0
    )
)
GROUP BY synonym.id
"""

# For each lexeme of the text: whether it is a word of asking, and itself when the
# directory uses it, else its nearest neighbour in the vocabulary (trigram similarity over
# the view's GIN index), else NULL.
_CORRECTED_LEXEMES = """
SELECT
    query.lexeme,
    query.lexeme = ANY(tsvector_to_array(to_tsvector('french_unaccent', %s))),
    coalesce(known.word, nearest.word)
FROM unnest(tsvector_to_array(to_tsvector('french_unaccent', %s))) AS query(lexeme)
LEFT JOIN services_search_lexeme AS known ON known.word = query.lexeme
LEFT JOIN LATERAL (
    SELECT candidate.word
    FROM services_search_lexeme AS candidate
    WHERE known.word IS NULL AND candidate.word %% query.lexeme
    ORDER BY similarity(candidate.word, query.lexeme) DESC, candidate.word
    LIMIT 1
) AS nearest ON true
"""


@dataclass
class SearchTerms:
    """What a query became: one group of alternatives per meaningful word typed (a service
    matching every group is a strong match), the synonyms' themes as phrases (they rank
    and widen the partial matches, but a theme is no word typed), and the corrections."""

    text: str
    groups: list[list[str]] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)
    synonyms_used: bool = False

    @property
    def lexemes(self) -> list[str]:
        """Every single word searched."""
        return list(dict.fromkeys(alt.strip("'") for group in self.groups for alt in group))

    @property
    def query(self) -> SearchQuery | None:
        """Any alternative of any group, or a theme: the partial matches, and their rank."""
        alternatives = list(dict.fromkeys([*(alt for group in self.groups for alt in group)]))
        if not alternatives:
            return None
        return _raw_query(" | ".join([*alternatives, *self.themes]))

    @property
    def every_match_is_strong(self) -> bool:
        """One word and no theme: the partial matches are the strong ones."""
        return len(self.groups) == 1 and bool(self.groups[0]) and not self.themes

    @property
    def strong_query(self) -> SearchQuery | None:
        """One alternative of every group; None when a word matches nothing at all."""
        if not self.groups or not all(self.groups):
            return None
        return _raw_query(" & ".join(f"( {' | '.join(group)} )" for group in self.groups))


def _raw_query(raw: str) -> SearchQuery:
    # The lexemes are already stemmed: 'simple' keeps them as they are.
    return SearchQuery(raw, search_type="raw", config="simple")


def analyse(text: str, language: str | None = None) -> SearchTerms:
    """Turn what a resident typed on a page in ``language`` into groups of alternatives to
    search (two queries, whatever the text)."""
    language = language or settings.LANGUAGE_CODE
    text = text.strip()[:MAX_QUERY_LENGTH]
    terms = SearchTerms(text=text)
    if not text:
        return terms
    with connection.cursor() as cursor:
        asking = " ".join({WORDS_OF_ASKING.get(language, ""), WORDS_OF_ASKING["fr"]})
        cursor.execute(_CORRECTED_LEXEMES, [asking, text])
        typed = cursor.fetchall()
        corrected = [found for _lexeme, _is_asking, found in typed if found]
        cursor.execute(_MATCHING_SYNONYMS, [language, settings.LANGUAGE_CODE, text, corrected])
        synonyms = cursor.fetchall()
    terms.synonyms_used = bool(synonyms)
    # Words of asking count only when nothing else was typed ("comment faire").
    if not all(is_asking for _lexeme, is_asking, _found in typed):
        typed = [row for row in typed if not row[1]]
    for lexeme, _is_asking, found in typed:
        group = []
        if found and LEXEME.match(found):
            group.append(f"'{found}'")
            if found != lexeme:
                terms.corrections[lexeme] = found
        for words, expansion, phrases in synonyms:
            if lexeme in words or found in words:
                group += [f"'{word}'" for word in expansion if LEXEME.match(word)]
                terms.themes += [f"( {phrase} )" for phrase in phrases if PHRASE.match(phrase)]
        group = list(dict.fromkeys(group))
        # A one-letter word ("à", "y") is no word to require; an unknown one, without
        # synonym or neighbour, is kept empty: no service matches all the words then.
        if (group or (len(lexeme) > 1 and not lexeme.isdigit())) and group not in terms.groups:
            terms.groups.append(group)
    terms.themes = list(dict.fromkeys(terms.themes))
    if not any(terms.groups):
        terms.groups, terms.themes = [], []
    return terms


@dataclass
class RankedPage:
    """A page of search results: ``rows`` of ``(pk, strong)``, strong matches first, and
    the counts of all the matches and of the strong ones."""

    rows: list[tuple[int, bool]]
    total: int
    strong_total: int


# Ranked matches, materialized once with their rank (each vector is read once, in the
# scan), then counted and paged; the one row of ``one`` keeps the counts when the page is
# past the end. ``{count}`` may add a count of other rows to the same statement.
_RANKED = """
WITH ranked AS MATERIALIZED ({ranked})
SELECT {count}(SELECT count(*) FROM ranked), page.pk
FROM (SELECT 1) AS one LEFT JOIN LATERAL (
    SELECT pk FROM ranked ORDER BY rank DESC, name, pk LIMIT %s OFFSET %s
) AS page ON true
"""


def _ranked(matches, query, offset: int, limit: int, count=None) -> tuple[list, list[int]]:
    """The counts (that of ``count``'s rows first, when given, then that of ``matches``)
    and the ids of ``matches`` from ``offset``, by rank for ``query``, then by name."""
    ranked, params = (
        matches.order_by()
        .annotate(rank=SearchRank(F("search_vector"), query))
        .values("pk", "name", "rank")
        .query.sql_with_params()
    )
    count_sql, count_params = "", ()
    if count is not None:
        sql, count_params = count.order_by().values("pk").query.sql_with_params()
        count_sql = f"(SELECT count(*) FROM ({sql}) AS counted), "
    with connection.cursor() as cursor:
        cursor.execute(
            _RANKED.format(ranked=ranked, count=count_sql),
            [*params, *count_params, limit, offset],
        )
        rows = cursor.fetchall()
    return list(rows[0][:-1]), [row[-1] for row in rows if row[-1] is not None]


def ranked_page(queryset, terms: SearchTerms, offset: int, limit: int) -> RankedPage:
    """The services of ``queryset`` matching any word of ``terms``, from ``offset``: those
    matching every word (strong) first, then the others, each best first.

    The strong matches are few and found through the vectors' GIN index; only their rank
    is computed, in the same statement as the count of all the matches. The partial ones,
    often most of the directory for an everyday word, are ranked only for a page that
    reaches them (a second query): a broad query's first pages never rank them all."""
    query, strong_query = terms.query, terms.strong_query
    if query is None or queryset.query.is_empty():  # no word; no service (a holiday's "open")
        return RankedPage([], 0, 0)
    matches = queryset.filter(search_vector=query)
    if strong_query is None or terms.every_match_is_strong:
        (total,), ids = _ranked(matches, query, offset, limit)
        strong = strong_query is not None
        return RankedPage([(pk, strong) for pk in ids], total, total if strong else 0)
    strong = queryset.filter(search_vector=strong_query)
    (total, strong_total), ids = _ranked(strong, query, offset, limit, count=matches)
    rows = [(pk, True) for pk in ids]
    if len(rows) < limit and total > strong_total and offset + limit > strong_total:
        partial = matches.exclude(search_vector=strong_query)
        _count, ids = _ranked(partial, query, max(0, offset - strong_total), limit - len(rows))
        rows += [(pk, False) for pk in ids]
    return RankedPage(rows, total, strong_total)


def refresh_search_vectors(service_ids=None) -> None:
    """Recompute the weighted vectors (all services, or those given), then the vocabulary.

    Themes are a many-to-many relation, so no generated column can hold the vector: every
    write to a service, its themes or its structure calls this.
    """
    sql, params = _REFRESH_VECTORS, []
    if service_ids is not None:
        sql += " AND service.id = ANY(%s)"
        params.append(list(service_ids))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        # CONCURRENTLY: searches keep reading the old vocabulary meanwhile.
        cursor.execute("REFRESH MATERIALIZED VIEW CONCURRENTLY services_search_lexeme")
