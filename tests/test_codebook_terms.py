"""The bundled codebook's words for issues and parties, on phrases unseen articles use."""

from __future__ import annotations

import pytest

from store.codebook import default_codebook_path, load_codebook
from store.extract.issues import tag_issues


@pytest.fixture(scope="module")
def codebook():
    return load_codebook(default_codebook_path())


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("Any Western contingent on Ukrainian soil would be a target.", "security_guarantees"),
        ("Foreign troops would become a legitimate target for our forces.",
         "security_guarantees"),
        ("Nuclear safety must never be a bargaining chip.", "zaporizhzhia_npp"),
        ("Latvia welcomes the Paris Declaration and will do its part.", "security_guarantees"),
    ],
)
def test_phrases_of_unseen_articles_name_their_issue(codebook, text, issue):
    assert issue in tag_issues(text, codebook)


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("The force is about reassurance, not interposition.", "security_guarantees"),
        ("Both countries are members of NATO already.", "nato"),
        ("No German soldier on Ukrainian soil without a mandate.", "security_guarantees"),
        ("The country is divided over sending soldiers to help secure a ceasefire.",
         "security_guarantees"),
        ("No country had ever joined the bloc in a year or two.", "eu_membership"),
        ("Hungary is still blocking the formal opening of negotiating clusters.",
         "eu_membership"),
    ],
)
def test_more_phrases_name_their_issue(codebook, text, issue):
    assert issue in tag_issues(text, codebook)


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("We said we would secure Ukraine's financing for the next two years.", "frozen_assets"),
        ("Everybody wanted the assets. Nobody wanted to be left holding them.", "frozen_assets"),
        ("What I don't want to see is a guarantee that looks strong on paper.",
         "security_guarantees"),
    ],
)
def test_the_loan_and_a_single_guarantee_name_their_issue(codebook, text, issue):
    assert issue in tag_issues(text, codebook)


@pytest.mark.parametrize("text", [
    "The conversation was substantive and constructive.",
    "The round was detailed and productive.",
    "We're getting close, but the last points are the hardest.",
    "The delegations sat in separate rooms all day.",
    "The second round ended in a frank but positive atmosphere.",
    "Maintaining dialogue between militaries is important.",
])
def test_the_words_that_describe_talks_name_the_talks(codebook, text):
    """How a round went ("constructive", "productive") is talk about the talks."""
    assert tag_issues(text, codebook) == ("process",)


def test_the_plant_is_the_nuclear_plant(codebook):
    assert "zaporizhzhia_npp" in tag_issues("The plant has lost its last power line again.",
                                            codebook)


def test_the_prisoner_exchange_coordination_headquarters_is_ukrainian(codebook):
    from store.extract.quotes import extract_quotes
    from store.extract.sentences import split_sentences

    text = ("Petro Yatsenko, spokesperson for the Coordination Headquarters, told reporters "
            'that the lists were "almost agreed with Moscow".')
    assert [q.party for q in extract_quotes(text, split_sentences(text), codebook)] == [
        "ukraine"]


def test_investment_alone_is_no_reconstruction_and_the_shadow_fleet_is_sanctions(codebook):
    """"Investment" names reconstruction only in a story about it (codebook context terms):
    the Russian Direct Investment Fund's head speaks of sanctions, not of rebuilding."""
    assert "reconstruction" not in tag_issues(
        "Kirill Dmitriev, who heads the Russian Direct Investment Fund, said firms lose money.",
        codebook)
    assert "sanctions_economy" in tag_issues("Every tanker of the shadow fleet we stop counts.",
                                             codebook)


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("The G7 agreed a cap on the price of Russian crude.", "armed_forces"),
        ("Russian armed forces struck Kharkiv overnight.", "armed_forces"),
        ("IAEA monitoring at the station continued through the night.", "ceasefire"),
        ("Bessent told the Senate Banking Committee the sanctions would stay.",
         "security_guarantees"),
    ],
)
def test_words_that_name_other_things_name_no_issue(codebook, text, issue):
    assert issue not in tag_issues(text, codebook)
