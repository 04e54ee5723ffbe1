from data_inclusion.schema import v1 as schema
from django.db import migrations

# The home page's tiles: category code → (plain-French alias, pictogram, position).
HOME_TILES = {
    "difficultes-administratives-ou-juridiques": ("Papiers et démarches", "papiers", 1),
    "difficultes-financieres": ("Argent, aides et impôts", "argent", 2),
    "sante": ("Santé", "sante", 3),
    "logement-hebergement": ("Logement", "logement", 4),
    "trouver-un-emploi": ("Emploi", "emploi", 5),
    "numerique": ("Internet et ordinateur", "numerique", 6),
    "famille": ("Famille", "famille", 7),
    "equipement-et-alimentation": ("Alimentation et équipement", "panier", 8),
    "mobilite": ("Se déplacer", "mobilite", 9),
    "lecture-ecriture-calcul": ("Apprendre le français", "lecture", 10),
    "se-former": ("Se former", "formation", 11),
}


def load_thematiques(apps, schema_editor):
    """The data·inclusion v1 vocabulary, from the schema package's enums (not retyped)."""
    Thematique = apps.get_model("services", "Thematique")
    categories = {}
    for categorie in schema.Categorie:
        alias, pictogram, position = HOME_TILES.get(categorie.value, ("", "", None))
        categories[categorie.value], _ = Thematique.objects.update_or_create(
            code=categorie.value,
            defaults={
                "label": categorie.label,
                "parent": None,
                "alias": alias,
                "pictogram": pictogram,
                "home_position": position,
            },
        )
    for thematique in schema.Thematique:
        category_code = thematique.value.split("--", 1)[0]
        Thematique.objects.update_or_create(
            code=thematique.value,
            defaults={"label": thematique.label, "parent": categories[category_code]},
        )


def unload_thematiques(apps, schema_editor):
    apps.get_model("services", "Thematique").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("services", "0004_search_configuration")]

    operations = [migrations.RunPython(load_thematiques, unload_thematiques)]
