def choice_labels(values, choices) -> list[str]:
    """Labels of the values of a multi-valued field (an ArrayField of choices), in the
    field's order; Django gives get_FOO_display() to single-valued fields only."""
    names = dict(choices)
    return [str(names.get(value, value)) for value in values]
