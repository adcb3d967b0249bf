"""Stances, positions per (issue, party) and issue statuses, from evidence."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.codebook import default_codebook_path, load_codebook
from store.extract.issues import tag_issues
from store.extract.parties import sentence_party
from store.extract.positions import (
    EvidenceItem,
    classify_stance,
    derive_positions,
    derive_statuses,
    sentence_clauses,
    status_cue,
)
from store.extract.sentences import split_sentences
from store.ids import stable_id
from store.model import STANCES, STATUSES
from tests.goldlib import SEEDS_DIR


@pytest.fixture(scope="module")
def codebook():
    return load_codebook(default_codebook_path())


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Moscow rejected the proposal.", "rejects"),
        ("Ukraine continues to reject pressure to transfer land.", "rejects"),
        ("Ukraine has resisted any territorial concessions in the region.", "rejects"),
        ("The Kremlin has stated its opposition to any NATO troops in Ukraine.", "rejects"),
        ("Russia has said it will not accept any European troops.", "rejects"),
        ("Kyiv would accept a ceasefire if Russia withdraws its troops.", "conditional"),
        ("Russia has said it will not agree to any ceasefire until Ukraine withdraws.",
         "conditional"),
        ("Washington is offering really strong guarantees.", "offers"),
        ("U.S. officials said Monday they had offered security guarantees to Ukraine.", "offers"),
        ("Russia demands that Ukraine withdraw from Donetsk.", "demands"),
        ("Moscow has asked Kiev to withdraw troops as a key condition for peace.", "demands"),
        ("Trump has urged Ukraine to hand over territory.", "demands"),
        ("Russia has indicated it's open to Ukraine joining the European Union.", "accepts"),
        ("Russia is said to have signaled acceptance of Ukraine's entry into the EU.", "accepts"),
        ("European leaders said they support a multinational force.", "supports"),
        ("Zelensky and other Ukrainian officials praised the U.S. involvement.", "supports"),
        ("The U.S. officials offered no details about the guarantees.", "unclear"),
        ("It remains uncertain whether Putin will back away.", "unclear"),
        # Saying yes to a step of the talks accepts none of the issues discussed.
        ("We have agreed to continue working on the remaining questions, first of all the "
         "territorial issue.", None),
        ("Russia agreed to hold talks on the nuclear plant.", None),
        ("Kyiv agreed to a ceasefire.", "accepts"),
    ],
)
def test_classify_stance(text, stance):
    assert classify_stance(text) == stance


@pytest.mark.parametrize(
    "text",
    [
        "Witkoff and Kushner stayed in Berlin for a dinner on Monday.",
        "The talks lasted nearly eight hours.",
        "US officials gave him ideas on how to respond to Putin's demands.",  # a noun, not a stance
        "",
    ],
)
def test_narrative_has_no_stance(text):
    assert classify_stance(text) is None


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # Negated consideration, sending, giving up; "no compromise", "no question of".
        ("The ministry said Beijing is not considering a trade truce.", "rejects"),
        ("Oslo will not send ships to the strait.", "rejects"),
        ("The mayor said the city would not surrender its harbour.", "rejects"),
        ("There can be no question of foreign bases on the island.", "rejects"),
        ("The union said there could be no compromise on wages.", "rejects"),
        ("We are not ready to simply hand over the port.", "rejects"),
        # A no inside what one demands is the demand.
        ("Lima insisted that Quito would not join the pact.", "demands"),
        ("We seek calm; we do not want a pause that helps them rearm.", "rejects"),
        # Others' hopes, expectations, questions, and getting another to agree.
        ("The strike dashed hopes in the capital that the union would accept the offer.", None),
        ("Analysts expected the board to approve the merger.", None),
        ("The envoy voiced doubt whether the rebels were willing to sign.", None),
        ("The mediator is close to having both sides agree to a swap.", None),
        ("The talks failed to agree on a budget.", None),
        ("Paris had not pushed Rome to accept the tariff.", None),
        # Nouns and passives name another's stance; "agreement" is a noun.
        ("We will act, but only with American support.", None),
        ("The plan, backed by Japan, covers the coast.", None),
        ("The draft agreement is being reviewed by lawyers.", None),
        ("The bill goes to parliament for approval.", None),
        ("They offered bonds that would require a vote by parliament.", "offers"),
        ("We will stand with them for as long as it takes.", "supports"),
        ("The official spoke on condition of anonymity and backs the deal.", "supports"),
        ("It was like pushing a boulder uphill.", None),
        ("Madrid pushed Lisbon to accept the quota.", "demands"),
        ("The council asked for guarantees on the loan.", "demands"),
        ("Any settlement must respect the border.", "demands"),
    ],
)
def test_stance_frames(text, stance):
    assert classify_stance(text) == stance


def test_subjectless_clause_keeps_its_subject(codebook):
    text = "Putin said Russia was ready for talks but insisted that Ukraine withdraw from Donetsk."
    clauses = sentence_clauses(text, "russia", tag_issues(text, codebook), codebook)
    assert [c.party for c in clauses] == ["russia", "russia"]
    assert clauses[-1].stance == "demands"


def test_quote_takes_the_stance_of_its_own_clause():
    from store.extract.positions import quote_cues

    context = 'She said Rome "will not send troops" but would support "firm guarantees."'
    assert quote_cues("will not send troops", context)[0] == "rejects"
    assert quote_cues("firm guarantees.", context)[0] == "supports"


def test_context_decides_only_without_own_cue():
    assert classify_stance("the territories", "Russia demanded the territories, he said") == (
        "demands"
    )
    assert classify_stance("we reject it", "Russia demanded it, he said") == "rejects"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The fate of the territories remains the biggest obstacle.", "disputed"),
        ("At this stage, our positions differ.", "disputed"),
        ("The meetings have significantly narrowed disagreements about the guarantees.",
         "narrowing"),
        ("We've moved considerably closer on territory.", "narrowing"),
        ("The officials said that consensus was reached on several issues.", "agreed"),
        ("The two sides agreed on a prisoner exchange.", "agreed"),
        ("It is not clear whether they agreed on anything.", None),
        ("Witkoff flew to Berlin.", None),
        # Agreeing on a step of the talks settles no issue; what remains is not settled.
        ("We have agreed to continue working on the remaining questions, first of all the "
         "territorial issue and the Zaporizhzhia nuclear power plant.", "disputed"),
        ("The sides agreed to meet again in January to discuss territory.", None),
        ("They agreed on the need to keep talking about the guarantees.", None),
        ("Negotiators agreed to hold another round of talks on the nuclear plant.", None),
        ("They agreed to return to the territorial question later.", None),
        ("They agreed that the talks would continue next week.", None),
        ("Territory and the nuclear plant were still open.", "disputed"),
        ("The question of the guarantees remains open.", "disputed"),
        ("Russia remains open to talks on territory.", None),  # a stance, not a status
        # Agreeing on the substance is still agreement.
        ("They agreed to return prisoners of war.", "agreed"),
        ("They agreed to hold elections after a ceasefire.", "agreed"),
        ("They agreed to meet Ukraine's demands on guarantees.", "agreed"),
        ("They agreed to continue the energy truce.", "agreed"),
    ],
)
def test_status_cue(text, status):
    assert status_cue(text) == status


def test_agreeing_to_keep_talking_does_not_settle_the_issues(codebook):
    text = (
        "We have agreed to continue working on the remaining questions, first of all the "
        "territorial issue and the Zaporizhzhia nuclear power plant."
    )
    items = [_item(1, text, "ukraine", "2025-12-16", issues=("territory", "zaporizhzhia_npp"))]
    statuses = derive_statuses(items, codebook)
    assert statuses["territory"][0] != "agreed"
    assert statuses["zaporizhzhia_npp"][0] != "agreed"


# --- synthetic evidence -------------------------------------------------------------------------
def _item(n, text, party, date, issues=("territory",), kind="sentence", source="s1", context=""):
    return EvidenceItem(
        kind=kind, id=f"e{n}", source=source, text=text, context=context, date=date,
        party=party, issues=tuple(issues), start=n * 100, end=n * 100 + len(text),
    )


def test_newer_reporting_supersedes_older(codebook):
    items = [
        _item(1, "Kyiv rejected any withdrawal from Donetsk.", "ukraine", "2025-12-01", source="a"),
        _item(2, "Kyiv would now accept a withdrawal from Donetsk.", "ukraine", "2025-12-10",
              source="b"),
    ]
    (pos,) = derive_positions(items, codebook)
    assert pos.stance == "accepts"
    assert pos.summary.startswith("Accepts: ")
    assert pos.evidence == ("e2", "e1")  # newest first
    assert pos.sources == ("b", "a")
    assert pos.updated == "2025-12-10"
    assert pos.contested is False
    assert pos.id == stable_id("position", "territory", "ukraine")
    # the older report alone gives the older stance
    (old,) = derive_positions(items[:1], codebook)
    assert old.stance == "rejects"


def test_contradicting_reports_of_the_same_day_are_contested(codebook):
    items = [
        _item(1, "Kyiv rejected any withdrawal from Donetsk.", "ukraine", "2025-12-10", source="a"),
        _item(2, "Kyiv would accept a withdrawal from Donetsk.", "ukraine", "2025-12-10",
              source="b"),
        _item(3, "Kyiv will never accept the loss of land.", "ukraine", "2025-12-01", source="c"),
    ]
    (pos,) = derive_positions(items, codebook)
    assert pos.contested is True
    assert pos.stance in ("rejects", "accepts")
    # an older contradiction alone does not contest the current stance
    (pos2,) = derive_positions([items[1], items[2]], codebook)
    assert pos2.contested is False and pos2.stance == "accepts"


def test_one_position_per_issue_and_party(codebook):
    items = [
        _item(1, "Russia demands that Ukraine withdraw from Donetsk.", "russia", "2025-12-10"),
        _item(2, "Ukraine rejects any territorial concessions.", "ukraine", "2025-12-10"),
        _item(3, "Washington is offering guarantees.", "us", "2025-12-10",
              issues=("security_guarantees",)),
        _item(4, "Russia again demanded a withdrawal from Donbas.", "russia", "2025-12-09"),
    ]
    positions = derive_positions(items, codebook)
    keys = [(p.issue, p.party) for p in positions]
    assert len(keys) == len(set(keys)) == 3
    by = {(p.issue, p.party): p for p in positions}
    assert by[("territory", "russia")].stance == "demands"
    assert by[("territory", "russia")].evidence == ("e1", "e4")
    assert by[("territory", "ukraine")].stance == "rejects"
    assert by[("security_guarantees", "us")].stance == "offers"
    assert all(len(p.summary) <= 101 for p in positions)


def test_one_sentence_can_back_two_parties(codebook):
    text = ("Ukraine continues to reject pressure to transfer land, while Moscow has asked Kiev to "
            "withdraw troops from Donetsk as a key condition for peace.")
    positions = derive_positions([_item(1, text, "ukraine", "2025-12-15")], codebook)
    by = {(p.issue, p.party): p.stance for p in positions}
    assert by[("territory", "ukraine")] == "rejects"
    assert by[("territory", "russia")] == "demands"


def test_condition_is_a_demand_on_its_own_issue(codebook):
    text = "Russia will not agree to any ceasefire until Ukraine withdraws from Donetsk."
    item = _item(1, text, "russia", "2025-12-15", issues=("territory", "ceasefire"))
    by = {(p.issue, p.party): p.stance for p in derive_positions([item], codebook)}
    assert by[("ceasefire", "russia")] == "conditional"
    assert by[("territory", "russia")] == "demands"


def test_quote_takes_its_speakers_party(codebook):
    q = _item(1, "we can't go any further", "ukraine", "2025-12-15", kind="quote",
              context="Zelensky said Russia wants land and “we can't go any further.”")
    (pos,) = derive_positions([q], codebook)
    assert (pos.party, pos.stance) == ("ukraine", "rejects")
    assert pos.summary == "Rejects: “we can't go any further”"


def test_items_without_party_or_issue_make_no_position(codebook):
    items = [
        _item(1, "The talks went on.", None, "2025-12-15"),
        _item(2, "Russia rejects the plan.", "russia", "2025-12-15", issues=()),
    ]
    assert derive_positions(items, codebook) == []


def test_positions_are_deterministic(codebook):
    items = _seed_items(codebook)
    first = derive_positions(items, codebook)
    shuffled = list(items)
    random.Random(7).shuffle(shuffled)
    assert derive_positions(shuffled, codebook) == first
    assert derive_statuses(shuffled, codebook) == derive_statuses(items, codebook)


def test_every_issue_gets_a_status(codebook):
    statuses = derive_statuses([], codebook)
    assert set(statuses) == {i.id for i in codebook.issues}
    assert all(v == ("open", ()) for v in statuses.values())


def test_status_rules_on_synthetic_evidence(codebook):
    items = [
        _item(1, "The sides remain divided over territory.", None, "2025-12-15"),
        _item(2, "Territory remains the biggest obstacle.", None, "2025-12-15"),
        _item(3, "Negotiators narrowed the gaps on security guarantees.", "us", "2025-12-15",
              issues=("security_guarantees",)),
        _item(4, "The parties agreed on a prisoner exchange.", None, "2025-12-15",
              issues=("accountability",)),
    ]
    statuses = derive_statuses(items, codebook)
    assert statuses["territory"] == ("disputed", ("e1", "e2"))
    assert statuses["security_guarantees"] == ("narrowing", ("e3",))
    assert statuses["accountability"] == ("agreed", ("e4",))
    assert statuses["nato"] == ("open", ())


def test_newest_status_evidence_weighs_more(codebook):
    old = _item(1, "The sides remain divided over territory.", None, "2025-11-01")
    new = _item(2, "The sides narrowed their differences on territory.", None, "2025-12-15")
    assert derive_statuses([old, new], codebook)["territory"][0] == "narrowing"
    newer_dispute = _item(3, "Territory remains the biggest obstacle.", None, "2026-01-05")
    assert derive_statuses([old, new, newer_dispute], codebook)["territory"][0] == "disputed"


def test_clashing_stances_across_parties_are_a_dispute(codebook):
    items = [
        _item(1, "Russia demands that Ukraine withdraw from Donetsk.", "russia", "2025-12-15"),
        _item(2, "Ukraine rejects any withdrawal from Donetsk.", "ukraine", "2025-12-15"),
    ]
    status, basis = derive_statuses(items, codebook)["territory"]
    assert status == "disputed" and set(basis) == {"e1", "e2"}


# --- the seed articles ----------------------------------------------------------------------------
# Publication dates as the pipeline works them out (stated, or inferred from "Monday"/"Tuesday").
_SEED_DATES = {"000": "2025-12-15", "001": "2025-12-15", "002": "2025-12-16",
               "003": "2025-12-16", "004": "2025-12-15"}
_QUOTED = re.compile(r"“([^”]{12,})”|\"([^\"]{12,})\"")


def _seed_items(codebook) -> list[EvidenceItem]:
    """Sentences tagged with issues and party, and their quotations attributed to that party."""
    items = []
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        text, src = path.read_text(), path.stem
        date = _SEED_DATES[src[:3]]
        for n, (s, e) in enumerate(split_sentences(text)):
            sentence = text[s:e]
            issues = tag_issues(sentence, codebook)
            if not issues:
                continue
            party = sentence_party(sentence, codebook)
            items.append(EvidenceItem("sentence", f"{src[:3]}s{n}", src, sentence, "", date,
                                      party, issues, s, e))
    return items


@pytest.fixture(scope="module")
def seed_results(codebook):
    items = _seed_items(codebook)
    positions = {(p.issue, p.party): p for p in derive_positions(items, codebook)}
    return positions, derive_statuses(items, codebook)


def test_seeds_territory_is_disputed(seed_results):
    positions, statuses = seed_results
    status, basis = statuses["territory"]
    assert status == "disputed" and len(basis) >= 3
    assert positions[("territory", "ukraine")].stance == "rejects"
    assert positions[("territory", "russia")].stance == "demands"


def test_seeds_security_guarantees_progress_and_us_offers(seed_results):
    positions, statuses = seed_results
    assert statuses["security_guarantees"][0] in ("narrowing", "agreed")
    assert positions[("security_guarantees", "us")].stance == "offers"
    assert positions[("security_guarantees", "russia")].stance == "rejects"


def test_seeds_other_outcomes(seed_results):
    positions, statuses = seed_results
    assert positions[("eu_membership", "russia")].stance == "accepts"
    assert positions[("nato", "russia")].stance in ("rejects", "demands")
    assert statuses["process"][0] in ("narrowing", "agreed")
    assert set(statuses) == {i for i, _ in statuses.items()}
    assert all(s in STATUSES for s, _ in statuses.values())
    for p in positions.values():
        assert p.stance in STANCES
        assert len(p.summary) <= 101
        assert p.evidence and p.sources and p.updated


@settings(max_examples=150, deadline=None)
@given(st.text(), st.text(max_size=80))
def test_never_raises_on_arbitrary_text(text, context):
    cb = load_codebook(default_codebook_path())
    stance = classify_stance(text, context)
    assert stance is None or stance in STANCES
    issues = tag_issues(text, cb) or ("process",)
    item = EvidenceItem("sentence", "x", "s", text, context, None, sentence_party(text, cb),
                        issues, 0, len(text))
    quote = EvidenceItem("quote", "q", "s", text, context, "2025-01-01", "us", issues, 0, 1)
    for p in derive_positions([item, quote], cb):
        assert p.stance in STANCES
    assert all(s in STATUSES for s, _ in derive_statuses([item, quote], cb).values())


@pytest.mark.parametrize("joint", [", as", ", while", ", whereas"])
def test_a_subordinate_clause_with_its_own_subject_keeps_its_stance(joint, codebook):
    text = (
        "European leaders meeting in London on Thursday pledged to lead a multinational force "
        f"to secure any ceasefire{joint} Russia repeated its opposition to Western troops on "
        "Ukrainian soil."
    )
    issues = tuple(tag_issues(text, codebook))
    clauses = sentence_clauses(text, "europe", issues, codebook)
    by_party = {c.party: c.stance for c in clauses}
    assert by_party == {"europe": "offers", "russia": "rejects"}
    items = [_item(1, text, "europe", "2025-12-18", issues=issues)]
    stances = {(p.party, p.stance) for p in derive_positions(items, codebook)}
    assert ("europe", "rejects") not in stances and ("europe", "offers") in stances


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv rejected the demand, as a condition for any talks.",
        "Europe offered guarantees, as well as money for reconstruction.",
        "Kyiv rejected the plan, as long as troops remain.",
    ],
)
def test_as_without_a_named_subject_does_not_split(text, codebook):
    issues = tuple(tag_issues(text, codebook)) or ("territory",)
    clauses = sentence_clauses(text, "ukraine", issues, codebook)
    assert {c.text for c in clauses} == {text.strip(" ,;:")}
