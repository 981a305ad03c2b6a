"""Claim speakers in party briefs that answer the other side (round 12, branch h-fspk12,
issue 17): "they"/"their" after a party's role, the first of coordinated courts ("this Court and
the Ninth Circuit have held"), a party role inside a cited case's parenthetical, point headings,
"Never has a court held", and double-spaced pleading text read line by line. Real passages of
two papers in Friends of the Earth, Inc. v. Watson, N.D. Cal. No. C 02-4106 JSW (plaintiffs'
surreply and motion to strike, March 14, 2005), each with its URL; where a passage is joined
from the paper's caption and a later page, or its pleading line numbers are left out, it says so.
"""

from __future__ import annotations

from casebase.analysis.boundaries import double_spaced
from casebase.analysis.pipeline import analyse
from casebase.analysis.speakers import _FILER_TITLE

SURREPLY = (
    "https://github.com/MatiasLoiseau/greenpeace-rag-system/blob/"
    "7a55c3ede6be402762e2b6afee1b1e09d3e3c74c/dataset/plaintiff-s-final-response-to_converted.md"
)
STRIKE = (
    "https://github.com/MatiasLoiseau/greenpeace-rag-system/blob/"
    "7a55c3ede6be402762e2b6afee1b1e09d3e3c74c/dataset/plaintiff-s-motion-to-strike-g_converted.md"
)

# Both papers' caption (as the converted text has it; the bracket column shortened).
CAPTION = (
    "Attorneys for Plaintiffs\n\nUNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n"
    "SAN FRANCISCO DIVISION\n\nFRIENDS OF THE EARTH, INC., et al.,\n\nPlaintiffs,\n\nv.\n\n"
    "PETER WATSON, et al.,\n\nDefendants.\n\n)\n)\n\nCiv. No. C 02-4106 JSW\n\n"
)


def _claims(text: str) -> list[tuple[str | None, str]]:
    found = analyse(text, published=None, known=[], kind="motion").claims
    return [(c.speaker, " ".join(c.sentence.split())) for c in found]


def _speaker_of(text: str, words: str) -> str | None:
    found = [speaker for speaker, sentence in _claims(text) if words in sentence]
    assert found, f"no claim in a sentence holding {words!r}: {_claims(text)}"
    return found[0]


def test_a_surreply_title_names_its_filer() -> None:
    # SURREPLY's title, written without a hyphen: the plaintiffs' paper, so its "we" is theirs
    title = _FILER_TITLE.search("PLAINTIFFS’ SURREPLY TO DEFENDANTS’ REPLY MEMORANDUM\n")
    assert title is not None and title["role"] == "PLAINTIFFS"


def test_they_after_a_party_role_is_that_party() -> None:
    # STRIKE, p. 8 (its pleading line numbers left out): "They" is the Defendants of the
    # sentence before, the caption's first defendant
    text = CAPTION + (
        "PLAINTIFFS’ MOTION TO STRIKE DECLARATIONS\n\n"
        "The traditional elements of estoppel are also met.  First, the Defendants know the "
        "facts.\n"
        "They hold the record and admit that they are responsible for its certification.  Def. "
        "Opp’n to Pls’\nMot. to Strike at 2, n.2.\n"
    )
    assert _speaker_of(text, "admit that they are responsible") == "Peter Watson"


def test_their_argument_after_a_party_subject_is_that_party() -> None:
    # SURREPLY, p. 6 (its line number "13" left out): "their argument" is the Defendants',
    # never the Plaintiffs' whose claims the sentence mentions first
    text = CAPTION + (
        "PLAINTIFFS’ SURREPLY TO DEFENDANTS’ REPLY MEMORANDUM\n\n"
        "Despite the Administrative Record’s clear support of Plaintiffs’ claims, the Defendants\n"
        "persist in their argument that the Complaint fails to specify final agency action.\n"
    )
    assert _speaker_of(text, "persist in their argument") == "Peter Watson"


def test_coordinated_courts_speak_by_the_first_one() -> None:
    # SURREPLY, p. 7: "this Court" (the court the paper is filed in) is named first
    text = CAPTION + (
        "PLAINTIFFS’ SURREPLY TO DEFENDANTS’ REPLY MEMORANDUM\n\n"
        "Indeed, this Court and the Ninth Circuit have repeatedly held that finality is "
        "determined by examination of\nthe Administrative Record.\n"
    )
    speaker = _speaker_of(text, "have repeatedly held")
    assert speaker is not None and "Northern District of California" in speaker


def test_a_role_inside_a_cited_cases_parenthetical_is_that_cases_party() -> None:
    # STRIKE, p. 6: "plaintiffs" of Central Delta's holding are that case's, not this
    # paper's Friends of the Earth
    text = CAPTION + (
        "See Central Delta Water Agency v. United States, 306 F.3d 938, 947-48 (9th Cir. 2002)\n"
        "(concluding that plaintiffs successfully alleged a credible threat of future injury "
        "based, in part, on\nthe fact that the government’s own studies confirmed plaintiff’s "
        "allegations).\n"
    )
    speakers = [s for s, sentence in _claims(text) if "successfully alleged" in sentence]
    assert "Friends Of The Earth, Inc." not in speakers
    assert "Friends of the Earth, Inc." not in speakers


def test_a_point_heading_ending_in_a_full_stop_is_no_claim() -> None:
    # STRIKE, p. 6: the heading of its Part II
    text = CAPTION + (
        "II.\n\nDefendants’ Standing and Finality Arguments Should be Struck Because\n"
        "They Refuse to File the Record and Now Argue That the Record Provided\n"
        "to the Plaintiffs May Not Be Appropriate.\n\n"
    )
    assert not [s for s, sentence in _claims(text) if "Now Argue" in sentence]


def test_never_has_a_court_held_is_no_holding() -> None:
    # SURREPLY, p. 7 (the citation before it shortened to its parenthetical)
    text = CAPTION + (
        "(9th Cir. 1994) (emphasis added).\n\nNever has a Court held that the administrative "
        "record is irrelevant to determining finality.\n\nQuite to the contrary, an "
        "administrative record may be supplemented.\n"
    )
    assert not [s for s, sentence in _claims(text) if "record is irrelevant" in sentence]


# SURREPLY, pp. 5-6, verbatim (double-spaced lines, line numbers on their own lines).
DOUBLE_SPACED = (
    "Defendants also submit new affidavits contesting Plaintiffs’ evidence on indirec"
    "t or\n"
    "\n"
    "downstream GHG emissions from OPIC and Ex-Im projects. Declaration of Thomas Sch"
    "ehl (Att.\n"
    "\n"
    "A to Def. Reply); Declaration of James Mahoney (Att. B to Def. Reply).  Both Sch"
    "ehl and\n"
    "\n"
    "Mahoney attack calculations of emissions prepared by Plaintiffs’ expert, Richard"
    " Heede,\n"
    "\n"
    "asserting that Heede’s inclusion of indirect emissions is inappropriate because "
    "it is “inconsistent\n"
    "\n"
    "with internationally recognized protocols.”  Schehl Decl. at ¶¶16-20; Mahoney De"
    "cl. at ¶¶9-12.\n"
    "\n"
    "NEPA, however, demands consideration of the indirect effects of federal actions "
    "–\n"
    "\n"
    "regardless of what other protocols may require.  40 C.F.R. §§ 1508.8(b).  Indeed"
    ", “NEPA does\n"
    "\n"
    "not recognize any distinction between primary and secondary effects” of federal "
    "actions, and\n"
    "\n"
    "10\n"
    "\n"
    "therefore indirect greenhouse gas emissions must be taken into consideration.  B"
    "order Power\n"
    "\n"
    "11\n"
    "\n"
    "Plant Working Group v. DOE, 260 F. Supp. 2d 997, 1015 (S.D. Cal. 2003) (evaluati"
    "on of\n"
    "\n"
    "12\n"
    "\n"
    "proposed power line on U.S./Mexico border violated NEPA because, among other thi"
    "ngs, the\n"
    "\n"
    "13\n"
    "\n"
    "Department of Energy failed to consider the indirect greenhouse gas emissions of"
    " a 500 MW\n"
    "\n"
    "14\n"
    "\n"
    "gas-turbine power plant located in Mexico that would be connected to the power l"
    "ine).  As\n"
    "\n"
    "15\n"
    "\n"
    "neither Mr. Schehl nor Mr. Mahoney offer an alternative accounting of total indi"
    "rect emissions\n"
    "\n"
    "16\n"
    "\n"
    "resulting from Defendants’ action, Plaintiffs’ uncontroverted evidence on the in"
    "direct GHG\n"
    "\n"
    "17\n"
    "\n"
    "emissions from Defendants’ action must be taken as true.5  Lujan v. Defenders of"
    " Wildlife, 504\n"
    "\n"
    "18\n"
    "\n"
    "U.S. 555, 561 (1992) (for purposes of summary judgment plaintiffs’ facts must be"
    " taken as true);\n"
    "\n"
    "19\n"
    "\n"
    "Alaska Wildlife Alliance v. Jensen, 108 F.3d 1065, 1068-69 (9th Cir. 1997) (same"
    ").\n"
    "\n"
    "5 While NEPA requires consideration of indirect impacts, the agencies’ own calcu"
    "lations\n"
    "of their direct “contribution” to climate change alone is more than adequate to "
    "support Plaintiffs’\n"
    "standing, further demonstrating that the Schehl and Mahoney Declarations are imm"
    "aterial. See\n"
    "Pls.’ Opp’n at 17-18.\n"
    "\n"
    "Pls’ Surreply\n"
    "Civ. No. C 02 4106 JSW\n"
    "\n"
    "5\n"
    "\n"
    "1\n"
    "\n"
    "2\n"
    "\n"
    "3\n"
    "\n"
    "4\n"
    "\n"
    "5\n"
    "\n"
    "6\n"
    "\n"
    "7\n"
    "\n"
    "8\n"
    "\n"
    "9\n"
    "\n"
    "Defendants also persist in the hypothetical argument that OPIC and Ex-Im project"
    "s could\n"
    "\n"
    "potentially go forward without OPIC or Ex-Im support. Def. Reply at 4-6.  Again,"
    " Defendants’\n"
    "\n"
    "misstate the appropriate inquiry.  A project is considered a major federal actio"
    "n subject to NEPA\n"
    "\n"
    "when it receives federal funding.  See 40 C.F.R. § 1508.18 (“Actions include new"
    " and continuing\n"
    "\n"
    "activities, including projects and programs entirely or partly financed, assiste"
    "d, conducted,\n"
    "\n"
    "regulated, or approved by federal agencies.”) (emphasis added).  And here, the c"
    "hallenged\n"
    "\n"
    "projects did, in fact, proceed with substantial federal funding.  The hypothetic"
    "al of what may\n"
    "\n"
    "have happened is immaterial to this Court’s consideration of standing.  In any e"
    "vent, Defendants\n"
    "\n"
    "do not claim that the particular projects challenged by Plaintiffs in this case "
    "would have gone\n"
    "\n"
    "10\n"
    "\n"
    "6\n"
    "forward without their support – nor can they.\n"
    "\n"
    "11\n"
    "\n"
    "12\n"
    "\n"
    "II.\n"
    "\n"
    "Plaintiffs have Challenged Final Agency Actions.\n"
    "\n"
    "Despite the Administrative Record’s clear support of Plaintiffs’ claims, the Def"
    "endants\n"
    "\n"
    "13\n"
    "\n"
    "persist in their argument that the Complaint fails to specify final agency actio"
    "n.  Further,\n"
    "\n"
    "14\n"
    "\n"
    "Defendants insist that final agency action must be determined without resort to "
    "the\n"
    "\n"
    "15\n"
    "\n"
    "Administration Record that memorialized the action (or inaction) at issue here. "
    " And now\n"
    "\n"
    "16\n"
    "\n"
    "Defendants argue for the first time that the Record provided to Plaintiffs in 20"
    "03 may not be the\n"
    "\n"
    "17\n"
    "\n"
    "appropriate Record."
)


def test_double_spaced_pleading_lines_are_one_sentence_across_blank_lines() -> None:
    assert double_spaced(DOUBLE_SPACED)
    sentences = [sentence for _, sentence in _claims(DOUBLE_SPACED)]
    # "the Defendants\n\n13\n\npersist in their argument": one sentence, not two
    assert any(
        s.startswith("Despite the Administrative Record") and "persist in their argument" in s
        for s in sentences
    ), sentences
