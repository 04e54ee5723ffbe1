from django.db import migrations, models

# The keys an accompaniment is counted under, one row per (dimension, key): see
# permanences.models.log.TallyDimension. A plain SQL function with no SET clause, so that
# PostgreSQL inlines it into the triggers' queries.
TALLY_KEYS = """
CREATE FUNCTION permanences_tally_keys(
    tranche_age varchar,
    residence varchar,
    quartier_id bigint,
    lieu_id bigint,
    canal varchar,
    orientation_source varchar,
    autonomie varchar,
    resultat varchar,
    reoriente_vers_id bigint,
    themes varchar[]
) RETURNS TABLE (dimension text, key text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT keys.dimension, keys.key FROM (VALUES
        ('total', ''),
        ('tranche_age', tranche_age),
        ('residence', CASE WHEN residence = 'quartier' THEN 'quartier:' || quartier_id
                           ELSE residence END),
        ('lieu', CASE WHEN lieu_id IS NOT NULL THEN 'lieu:' || lieu_id
                      ELSE 'canal:' || canal END),
        ('orientation_source', orientation_source),
        ('autonomie', autonomie),
        ('resultat', resultat),
        ('reoriente_vers', CASE WHEN resultat = 'reorientee' THEN reoriente_vers_id::text END)
    ) AS keys (dimension, key)
    WHERE keys.key IS NOT NULL
    UNION ALL
    SELECT 'theme', theme FROM unnest(themes) AS theme
$$;
"""

# What a set of rows adds to the tally (``sign`` 1) or takes from it (-1), by month and
# structure.
CHANGES = """
    SELECT date_trunc('month', r.date::timestamp)::date AS month, r.structure_id,
           k.dimension, k.key, {sign} AS delta
    FROM {rows} AS r
    CROSS JOIN LATERAL permanences_tally_keys(
        r.tranche_age, r.residence, r.quartier_id, r.lieu_id, r.canal,
        r.orientation_source, r.autonomie, r.resultat, r.reoriente_vers_id, r.themes
    ) AS k
"""

# Rows are written in key order, so that two transactions never wait on each other's
# rows in opposite orders (no deadlock); keys whose count does not change are not
# touched at all (an update of a note, of the duration).
APPLY = """
    INSERT INTO permanences_accompagnementtally (month, structure_id, dimension, key, count)
    SELECT month, structure_id, dimension, key, sum(delta) FROM ({changes}) AS changes
    GROUP BY month, structure_id, dimension, key
    HAVING sum(delta) <> 0
    ORDER BY month, structure_id, dimension, key
    ON CONFLICT (month, structure_id, dimension, key)
    DO UPDATE SET count = permanences_accompagnementtally.count + EXCLUDED.count;
"""

ON_INSERT = APPLY.format(changes=CHANGES.format(sign=1, rows="new_rows"))
ON_DELETE = APPLY.format(changes=CHANGES.format(sign=-1, rows="old_rows"))
ON_UPDATE = APPLY.format(
    changes=CHANGES.format(sign=-1, rows="old_rows")
    + " UNION ALL "
    + CHANGES.format(sign=1, rows="new_rows")
)

TRIGGERS = f"""
CREATE FUNCTION permanences_tally_change() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN {ON_INSERT}
    ELSIF TG_OP = 'DELETE' THEN {ON_DELETE}
    ELSE {ON_UPDATE}
    END IF;
    RETURN NULL;
END $$;

-- DELETE rather than TRUNCATE: a TRUNCATE naming both tables (Django's flush) already
-- holds the tally, and PostgreSQL refuses to truncate it again inside the statement.
CREATE FUNCTION permanences_tally_truncate() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    DELETE FROM permanences_accompagnementtally;
    RETURN NULL;
END $$;

CREATE TRIGGER permanences_tally_insert AFTER INSERT ON permanences_accompagnement
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION permanences_tally_change();
CREATE TRIGGER permanences_tally_update AFTER UPDATE ON permanences_accompagnement
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION permanences_tally_change();
CREATE TRIGGER permanences_tally_delete AFTER DELETE ON permanences_accompagnement
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION permanences_tally_change();
CREATE TRIGGER permanences_tally_truncate AFTER TRUNCATE ON permanences_accompagnement
    FOR EACH STATEMENT EXECUTE FUNCTION permanences_tally_truncate();
"""

# The entries already logged, into the empty tally: every key once, so no conflict (the
# unique constraint is only created at the end of the migration, after this).
BACKFILL = (
    APPLY.split("ON CONFLICT")[0].format(
        changes=CHANGES.format(sign=1, rows="permanences_accompagnement")
    )
    + ";"
)

DROP = """
DROP TRIGGER permanences_tally_truncate ON permanences_accompagnement;
DROP TRIGGER permanences_tally_delete ON permanences_accompagnement;
DROP TRIGGER permanences_tally_update ON permanences_accompagnement;
DROP TRIGGER permanences_tally_insert ON permanences_accompagnement;
DROP FUNCTION permanences_tally_truncate();
DROP FUNCTION permanences_tally_change();
DROP FUNCTION permanences_tally_keys(
    varchar, varchar, bigint, bigint, varchar, varchar, varchar, varchar, bigint, varchar[]
);
"""


class Migration(migrations.Migration):
    """The monthly tally of accompaniments by structure, kept by PostgreSQL (see
    permanences.models.log.AccompagnementTally), filled with the entries already there."""

    dependencies = [
        ("permanences", "0005_school_holidays_move_to_the_base"),
    ]

    operations = [
        migrations.CreateModel(
            name="AccompagnementTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("month", models.DateField(verbose_name="mois")),
                (
                    "structure_id",
                    models.BigIntegerField(null=True, verbose_name="structure"),
                ),
                ("dimension", models.CharField(max_length=20, verbose_name="dimension")),
                ("key", models.CharField(blank=True, max_length=60, verbose_name="valeur")),
                ("count", models.IntegerField(verbose_name="nombre")),
            ],
            options={
                "verbose_name": "décompte mensuel des accompagnements",
                "verbose_name_plural": "décomptes mensuels des accompagnements",
                "default_permissions": (),
                "constraints": [
                    models.UniqueConstraint(
                        fields=("month", "structure_id", "dimension", "key"),
                        name="accompagnement_tally_key",
                        nulls_distinct=False,
                    )
                ],
            },
        ),
        migrations.RunSQL(sql=TALLY_KEYS + TRIGGERS + BACKFILL, reverse_sql=DROP),
    ]
