from crispy_forms.helper import FormHelper
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "L'identifiant ou le mot de passe ne correspond pas. Vérifiez-les et réessayez."
        ),
        "inactive": _("Ce compte est désactivé. Contactez la coordination."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Identifiant")
        self.fields["password"].label = _("Mot de passe")
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template has its own {% csrf_token %}
