from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe


class PlainSelect(forms.Select):
    """A <select> rendered in Python rather than with one template per option: the
    directory's theme list (85 options) rendered through Django's widget templates cost
    more than the whole search (benchmarks/directory_search.py), and the log's lists of
    places and structures run into thousands of options at the benchmarks' scale."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        selected = str(value) if value not in (None, "") else None
        # html.escape on plain strings: format_html's lazy-aware escaping of three
        # arguments per option cost a millisecond for the 85 themes.
        options = "".join(
            f'<option value="{escape(str(option_value))}"'
            f"{' selected' if str(option_value) == selected else ''}>{escape(str(label))}</option>"
            for option_value, label in self.choices
        )
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(attrs), mark_safe(options)
        )


class PlainCheckbox(forms.CheckboxInput):
    """A tick box rendered in Python, for the same reason as ``PlainSelect``: the
    directory's five filters through three widget templates each cost a millisecond of
    every directory page."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        if self.check_test(value):
            attrs["checked"] = True
        return format_html('<input type="checkbox" name="{}"{}>', name, flatatt(attrs))
