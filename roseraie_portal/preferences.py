"""The reader's display preferences, kept in cookies so that no account is needed.

"Version facile à lire" (FALC) turns on a larger, calmer layout.

Pages with a dedicated FALC version pass ``falc_url`` to the layout, which then links to
it; on every other page the switch turns on the layout's larger, calmer presentation.
"""

FALC_COOKIE = "facile"
FALC_COOKIE_MAX_AGE = 60 * 60 * 24 * 365
