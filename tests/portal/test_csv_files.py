"""The CSV files partners open in French Excel: formulas neutralised, a BOM, one chunk a row."""

import pytest

from roseraie_portal.csv_files import cell, neutralise, stream_csv, unneutralise


@pytest.mark.parametrize("value", ["=1+1", "+33 2 41", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_cells_starting_like_a_formula_are_neutralised_and_restored(value):
    assert neutralise(value) == "'" + value
    assert unneutralise(neutralise(value)) == value


def test_plain_text_and_numbers_are_left_as_they_are():
    assert neutralise("Relais-Mairie") == "Relais-Mairie"
    assert unneutralise("'quoted") == "'quoted"
    assert cell(-0.55) == "-0.55"
    assert cell(["b", "a"]) == "b | a"
    assert cell({"b", "a"}) == "a | b"
    assert cell(None) == ""


def test_stream_csv_writes_bom_header_then_one_chunk_per_row():
    chunks = list(stream_csv([{"a": 1}, {"a": "=x"}], {"colonne": lambda row: row["a"]}))

    assert chunks == ["\ufeffcolonne\r\n", "1\r\n", "'=x\r\n"]
