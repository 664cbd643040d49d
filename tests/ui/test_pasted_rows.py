"""Reading rows copied from Excel, Word or a web page for the participant grid."""

from __future__ import annotations

from desktop_app.domain.enums import Sex
from desktop_app.ui.forms.pasted_rows import PastedPerson, read_cells, read_rows, read_table
from desktop_app.ui.widgets.table_editing import is_table


def test_a_header_line_in_either_language_is_not_a_person() -> None:
    assert read_rows("ФИО\tОрганизация\tДолжность\tПол\nАсель Нурланова\tМВД\tЭксперт\tж\n") == [
        PastedPerson("Асель Нурланова", "МВД", "Эксперт", Sex.FEMALE)]
    assert read_rows("Name\tInstitution\nJane Doe\tEUDA") == [PastedPerson("Jane Doe", "EUDA")]


def test_rows_without_header_short_rows_and_blank_lines() -> None:
    assert read_rows("Jane  Doe\r\n\r\nJohn Smith\tDG HOME\t\tMale\n\tno name\n") == [
        PastedPerson("Jane Doe"), PastedPerson("John Smith", "DG HOME", "", Sex.MALE)]


def test_a_sex_not_understood_is_kept_to_be_said() -> None:
    (row,) = read_rows("Jane Doe\t\t\tn/a")
    assert row.sex is None and row.sex_text == "n/a"


def test_one_line_of_plain_text_is_not_a_table() -> None:
    assert not is_table("Jane Doe") and not is_table("Jane Doe\n")
    assert is_table("Jane Doe\tEUDA") and is_table("Jane Doe\nJohn Smith")


def test_a_header_places_the_columns_by_their_names_and_skips_a_numbering_column() -> None:
    table = read_table("№\tДолжность\tФИО\tОрганизация\tE-mail\n"
                       "1\tэксперт\tАсель Нурланова\tМВД\ta@mvd.kz\n2\t\tБакыт Асанов\t\t\n")
    assert table.people == [PastedPerson("Асель Нурланова", "МВД", "эксперт"), PastedPerson("Бакыт Асанов")]
    assert table.left_out == ("E-mail",)  # named, so the officer knows it was not taken


def test_row_numbers_without_a_header_are_not_names() -> None:
    assert read_table("1.\tJane Doe\tEUDA\n2.\tJohn Smith\n").people == [PastedPerson("Jane Doe", "EUDA"),
                                                                       PastedPerson("John Smith")]


def test_cells_past_the_grid_and_rows_without_a_name_are_counted_not_dropped_unseen() -> None:
    table = read_table("Jane Doe\t\t\t\t+32 2 000\tnote\n\t\t\t\n\tEUDA\n")
    assert table.people == [PastedPerson("Jane Doe")]
    assert (table.left_out, table.nameless) == (("5", "6"), 1)


def test_a_numbered_line_with_nothing_else_is_no_row() -> None:
    """A numbered list with an empty line (1 | | ) made a blank agenda item or action, which then
    stopped the save ("needs a title")."""
    assert read_cells("1.\t\t\n2.\tPrevention\tKZ\n", (0, 1, 2), {}).rows == [{0: "Prevention", 1: "KZ"}]


def test_a_name_copied_in_several_columns_is_one_name_in_the_order_copied() -> None:
    """Round 16: «Фамилия | Имя | Отчество» was no header: the line became a person «Фамилия», and
    each person was named by the surname alone with the first name as their institution."""
    table = read_table("№\tФамилия\tИмя\tОтчество\tОрганизация\n1\tНурланова\tАсель\tБолатовна\tМВД\n"
                       "2\tАсанов\tБакыт\t\t\n")
    assert table.people == [PastedPerson("Нурланова Асель Болатовна", "МВД"), PastedPerson("Асанов Бакыт")]
    assert table.left_out == ()
