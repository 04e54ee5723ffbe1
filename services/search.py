"""Full-text search of the directory, for the words residents really type.

- French stemming without accents (the ``french_unaccent`` configuration, created by a
  migration), weighted: name (A) > themes and structure (B) > description (C).
- Everyday words: ``Synonym`` rows add the directory's own words to the query
  ("sécu" → "assurance maladie").
- Typos: each query lexeme missing from the directory's vocabulary (the
  ``services_search_lexeme`` materialized view of every lexeme in use) is replaced by its
  nearest neighbour by trigram similarity, using the view's trigram index. Comparing the
  query with every service's name instead costs 80–130 ms on 10,000 services; correcting
  a handful of words against the vocabulary costs about a millisecond.
- Lexemes are OR-ed: "j'ai perdu mon travail" finds what matches "perdu" or "travail",
  ranked by ``ts_rank``, so a long sentence never ends on an empty page.
"""

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F

SEARCH_CONFIG = "french_unaccent"
MAX_QUERY_LENGTH = 200
LEXEME = re.compile(r"^[a-z0-9]+$")

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

_MATCHING_SYNONYMS = """
SELECT concat_ws(' ', synonym.expansion, string_agg(concat_ws(' ', theme.label, theme.alias), ' '))
FROM services_synonym AS synonym
LEFT JOIN services_synonym_thematiques AS link ON link.synonym_id = synonym.id
LEFT JOIN services_thematique AS theme ON theme.id = link.thematique_id
WHERE position(
    ' ' || regexp_replace(lower(unaccent(synonym.word)), '[^a-z0-9]+', ' ', 'g') || ' '
    IN ' ' || regexp_replace(lower(unaccent(%s)), '[^a-z0-9]+', ' ', 'g') || ' '
) > 0
GROUP BY synonym.id
"""

# For each lexeme of the text: itself when the directory uses it, else its nearest
# neighbour in the vocabulary (trigram similarity over the view's GIN index), else NULL.
_CORRECTED_LEXEMES = """
SELECT query.lexeme, coalesce(known.word, nearest.word)
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
    """What a query became: the lexemes searched and the corrections made on the way."""

    text: str
    lexemes: list[str] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)
    synonyms_used: bool = False

    @property
    def query(self) -> SearchQuery | None:
        if not self.lexemes:
            return None
        raw = " | ".join(f"'{lexeme}'" for lexeme in self.lexemes)
        return SearchQuery(raw, search_type="raw", config="simple")


def analyse(text: str) -> SearchTerms:
    """Turn what a resident typed into the lexemes to search (two queries, whatever q)."""
    text = text.strip()[:MAX_QUERY_LENGTH]
    terms = SearchTerms(text=text)
    if not text:
        return terms
    with connection.cursor() as cursor:
        cursor.execute(_MATCHING_SYNONYMS, [text])
        expansions = [row[0] for row in cursor.fetchall() if row[0]]
        terms.synonyms_used = bool(expansions)
        cursor.execute(_CORRECTED_LEXEMES, [" ".join([text, *expansions])])
        rows = cursor.fetchall()
    for typed, found in rows:
        if found and LEXEME.match(found) and found not in terms.lexemes:
            terms.lexemes.append(found)
            if found != typed:
                terms.corrections[typed] = found
    return terms


def search(queryset, terms: SearchTerms):
    """``queryset`` narrowed to the services matching ``terms``, best first."""
    query = terms.query
    if query is None:
        return queryset.none()
    return (
        queryset.filter(search_vector=query)
        .annotate(rank=SearchRank(F("search_vector"), query))
        .order_by("-rank", "name")
    )


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
