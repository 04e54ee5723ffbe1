import factory
from django.contrib.auth import get_user_model

from services.models import Structure, StructureMembership

PASSWORD = "un mot de passe solide 2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"agent{n}")
    first_name = factory.Faker("first_name", locale="fr_FR")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save(update_fields=["password"])


class StructureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Structure

    name = factory.Sequence(lambda n: f"Structure {n}")
    slug = factory.Sequence(lambda n: f"structure-{n}")


class StructureMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StructureMembership

    user = factory.SubFactory(UserFactory)
    structure = factory.SubFactory(StructureFactory)
