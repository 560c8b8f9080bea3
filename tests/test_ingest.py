import datetime as dt

import pytest

from compare import Article, InputError
from compare.decode import decode
from compare.ingest import load_sources, parse_assignments

from .conftest import CBS, TP


def test_seeds_take_ids_names_and_dates_from_sources_toml():
    cbs, tp = load_sources([str(CBS), str(TP)])
    assert (cbs.id, cbs.name, cbs.published) == ("cbs", "CBS News (AP)", dt.date(2012, 7, 12))
    assert (tp.id, tp.name, tp.published) == ("thinkprogress", "ThinkProgress", dt.date(2012, 7, 18))
    assert cbs.path == str(CBS)


def test_command_line_metadata_wins_over_sources_toml():
    cbs, _ = load_sources([str(CBS), str(TP)], names={"cbs": "CBS"}, published={"cbs": "2012-07-13"})
    assert cbs.name == "CBS" and cbs.published == dt.date(2012, 7, 13)


def test_unknown_id_in_options_is_named():
    with pytest.raises(InputError, match="unknown source id 'cnn'; known ids: cbs, thinkprogress"):
        load_sources([str(CBS), str(TP)], names={"cnn": "CNN"})


def test_id_defaults_to_file_stem_and_is_made_unique(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "story.txt").write_text("One sentence here.", encoding="utf-8")
    (tmp_path / "b" / "story.txt").write_text("Another sentence.", encoding="utf-8")
    a, b = load_sources([tmp_path / "a" / "story.txt", tmp_path / "b" / "story.txt"])
    assert (a.id, b.id) == ("story", "story-2")
    assert a.name == "story" and a.published is None


def test_strings_are_text_and_articles_keep_their_fields():
    a, b = load_sources(
        [
            "The mayor said on Monday that the bridge will close.",
            Article(text="The bridge closes.", id="gazette", published="2020-01-02"),
        ]
    )
    assert a.id == "text1" and a.text.startswith("The mayor")
    assert b.id == "gazette" and b.published == dt.date(2020, 1, 2)


def test_strings_with_a_slash_or_too_long_for_a_file_name_are_text():
    long = "The film holds a 28 % rating on Rotten Tomatoes based on 116 reviews " * 4
    a, b, c = load_sources(
        ["The 9/11 attacks killed nearly 3,000 people in New York.", long, "9/11 anniversary marked"]
    )
    assert a.text.startswith("The 9/11 attacks") and b.text.startswith("The film holds")
    assert c.text == "9/11 anniversary marked"


def test_bad_article_date_is_a_one_line_error():
    with pytest.raises(InputError, match=r"published date of x: '12/07/2012' is not a date; use YYYY-MM-DD"):
        Article(text="t", id="x", published="12/07/2012")


@pytest.mark.parametrize(
    "data,expected",
    [
        (
            "Fares said \u201conly force\u201d \u2014 again.".encode("utf-8"),
            "Fares said \u201conly force\u201d \u2014 again.",
        ),
        ("Caf\u00e9 \u201cquoted\u201d".encode("cp1252"), "Caf\u00e9 \u201cquoted\u201d"),
        ("na\u00efve r\u00e9sum\u00e9".encode("latin-1"), "na\u00efve r\u00e9sum\u00e9"),
        ("UTF-16 text \u2019".encode("utf-16"), "UTF-16 text \u2019"),
        (b"\xef\xbb\xbfBOM text", "BOM text"),
    ],
)
def test_decode_handles_the_encodings_users_have(data, expected):
    assert decode(data, "f.txt") == expected


@pytest.mark.parametrize(
    "data,what",
    [
        (b"%PDF-1.7\n...", "looks like a PDF, not text"),
        (b"\x89PNG\r\n\x1a\n....", "looks like a PNG image, not text"),
        (b"text\x00with\x00nuls", "contains NUL bytes, so it is binary"),
    ],
)
def test_binary_input_is_refused_by_name(data, what):
    with pytest.raises(InputError, match=f"f.bin: {what}"):
        decode(data, "f.bin")


def test_file_errors_name_the_path_and_the_fix(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\t ", encoding="utf-8")
    with pytest.raises(InputError, match=r"empty.txt: is empty; give it the article's text$"):
        load_sources([empty, CBS])
    with pytest.raises(InputError, match=r"nope.txt: no such file; check the path$"):
        load_sources([tmp_path / "nope.txt", CBS])
    with pytest.raises(InputError, match=r": is a directory; pass the article files inside it$"):
        load_sources([tmp_path, CBS])
    with pytest.raises(InputError, match=r"is given twice .*; pass each source once$"):
        load_sources([CBS, str(CBS)])


def test_size_limit_names_the_option(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000, encoding="utf-8")
    with pytest.raises(
        InputError, match=r"big.txt: is 5,000 bytes, over the 100-byte limit; pass --max-bytes 5000"
    ):
        load_sources([big, CBS], max_bytes=100)


def test_parse_assignments():
    assert parse_assignments(["cbs=CBS News", " tp = ThinkProgress "], "--name") == {
        "cbs": "CBS News",
        "tp": "ThinkProgress",
    }
    with pytest.raises(InputError, match=r"--published 'cbs': expected ID=VALUE"):
        parse_assignments(["cbs"], "--published")
