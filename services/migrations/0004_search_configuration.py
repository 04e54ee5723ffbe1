from django.db import migrations


class Migration(migrations.Migration):
    """French stemming without accents, and the vocabulary that corrects typos.

    ``french_unaccent``: the French configuration with unaccent before stemming, so that
    "impots" and "impôts" meet. ``services_search_lexeme``: every lexeme the directory
    uses, with a trigram index, so that a misspelt word is corrected against it
    (services/search.py) instead of being compared with every service.
    """

    dependencies = [
        ("services", "0003_directory"),
        ("roseraie_portal", "0002_postgresql_extensions"),
    ]

    operations = [
        migrations.RunSQL(
            sql="""
            CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
            ALTER TEXT SEARCH CONFIGURATION french_unaccent
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
            -- Maintenance commands (REFRESH) run with a safe search_path since PostgreSQL 17:
            -- the query inside ts_stat names its schema.
            DO $$ BEGIN
                EXECUTE format(
                    'CREATE MATERIALIZED VIEW services_search_lexeme AS SELECT word FROM ts_stat(%L)',
                    format('SELECT search_vector FROM %I.services_service', current_schema())
                );
            END $$;
            CREATE UNIQUE INDEX services_search_lexeme_word ON services_search_lexeme (word);
            CREATE INDEX services_search_lexeme_trgm
                ON services_search_lexeme USING gin (word gin_trgm_ops);
            """,
            reverse_sql="""
            DROP MATERIALIZED VIEW services_search_lexeme;
            DROP TEXT SEARCH CONFIGURATION french_unaccent;
            """,
        ),
    ]
