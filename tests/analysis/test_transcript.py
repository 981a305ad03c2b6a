"""Transcripts: speaker turns, the witness's answers as claims with the question as context."""

from __future__ import annotations

from casebase.analysis.pipeline import analyse
from casebase.analysis.transcript import (
    asserts_fact,
    caption_defendant,
    is_transcript,
    presiding_judge,
    speaker_turns,
    witness_name,
)

from .conftest import SAVITT, SEED_KNOWN, TOKEN_TIMES, TRANSCRIPT


def test_turns_and_speakers() -> None:
    analysis = analyse(TRANSCRIPT, published=None, known=[*SEED_KNOWN, SAVITT], kind="transcript")
    roles = [(t.role, t.speaker) for t in analysis.turns]
    assert roles == [("question", "William Savitt"), ("answer", "Elon Musk")] * 4
    for turn in analysis.turns:
        assert TRANSCRIPT[turn.start : turn.end] == turn.text
    assert analysis.turns[1].text == "It means to use one AI model to train another AI model."


def test_answers_are_claims_by_the_witness_with_the_question() -> None:
    analysis = analyse(TRANSCRIPT, published=None, known=[*SEED_KNOWN, SAVITT], kind="transcript")
    testimony = [c for c in analysis.claims if c.verb == "testified"]
    assert len(testimony) == 4
    assert all(c.speaker_slug == "elon-musk" for c in testimony)
    partly = next(c for c in testimony if c.quote == "Partly.")
    assert partly.context == "So that's a yes."
    assert TRANSCRIPT[partly.start : partly.end] == "Partly."
    # A lawyer's question asserts nothing.
    assert not any(c.speaker == "William Savitt" for c in analysis.claims)


def test_transcript_is_recognised_without_a_kind() -> None:
    assert is_transcript(TRANSCRIPT, None)
    assert not is_transcript("Q. Is this a transcript? A. No.", None)


def test_named_speakers_and_unknown_witness() -> None:
    text = (
        "THE COURT:  Be seated.\n"
        "MR. MOLO:  Your Honor, we call our next witness.\n"
        "Q.   Please state your name.\n"
        "A.   Greg Brockman.\n"
        "THE WITNESS:  I was a co-founder.\n"
    )
    assert witness_name(text) is None
    turns = speaker_turns(text)
    assert [(t.role, t.label, t.speaker) for t in turns] == [
        ("statement", "THE COURT", "The Court"),
        ("statement", "MR. MOLO", "Molo"),  # a title is no part of the name
        ("question", "Q", None),  # no "BY MR. ...:" line: the examiner is not guessed
        ("answer", "A", None),  # the witness is not named: not guessed either
        ("answer", "THE WITNESS", None),
    ]


def test_deposition_style_without_full_stops() -> None:
    text = TRANSCRIPT.replace("Q.   ", "Q    ").replace("A.   ", "A    ")
    analysis = analyse(text, published=None, known=[*SEED_KNOWN, SAVITT])
    assert [t.role for t in analysis.turns] == ["question", "answer"] * 4
    assert [c.quote for c in analysis.claims if c.verb == "testified"][2] == "Partly."


def test_claims_say_whom_they_are_about() -> None:
    analysis = analyse(TRANSCRIPT, published=None, known=[*SEED_KNOWN, SAVITT], kind="transcript")
    last = analysis.claims[-1]
    assert last.quote == "It is standard practice to use other AIs to validate your AI."
    assert last.about == []  # names no one
    news = analyse(TOKEN_TIMES, published=None, known=SEED_KNOWN)
    testified = next(c for c in news.claims if c.verb == "testified")
    assert set(testified.about) >= {"xAI", "OpenAI", "Grok"}
    assert "Elon Musk" not in testified.about  # the speaker


#: Marshall v. Northrop Grumman, deposition of Steve Pomerantz (Dkt. 202-2), pages 1 and 32-33,
#: https://github.com/freelawproject/x-ray/blob/64b396db3dcf4ace7d26567e8ec01e1b05aaa91e/program/data/gov.uscourts.cacd.657892.202.2.pdf
#: (as the text layer gives it: every line keeps its line number).
POMERANTZ = """\
9 VIDEOTAPED DEPOSITION OF STEVE POMERANTZ, Ph.D.
Page 32
23 Q. Same question for Hunt.
24 A. I don't know.
Page 33
14 Q. And what was -- and when were you
15 engaged by IFIC?
16 A. I would say '06 to '14.
17 Or '15, '06 to '15, in that range.
"""


def test_line_numbered_deposition_answers_are_the_deponents_testimony() -> None:
    analysis = analyse(POMERANTZ, published=None, known=[], kind="transcript")
    claims = [(c.speaker, c.verb, c.under_oath) for c in analysis.claims]
    # One claim per answer; "I would say" inside the answer is no second, unattributed claim.
    assert claims == [("Steve Pomerantz", "testified", True)] * 2
    assert analysis.claims[1].context == "And what was -- and when were you 15 engaged by IFIC?"
    assert is_transcript(POMERANTZ, None)


def test_answers_asserting_no_fact_are_no_claims() -> None:
    text = (
        # http://www.michaelseanquinn.com/if-you-dont-understand-question/
        "Q. If you don’t understand my question can we agree that you will tell me?\n"
        "A. Yes.\n"
        "Q. So if you don’t tell me, it’s fair [reasonable] to infer that you do "
        "understand it?\n"
        "A. Yes.\n"
        # https://www.thejcr.com/category/humor/page/2/ ("Risks? What risks?")
        "Q. Does that mean that there are costs associated with those risks that also aren’t "
        "covered by insurance?\n"
        "A. You said “those risks.” What risks?\n"
        # https://gscourtreporting.com/?p=382 ("Living elsewhere")
        "Q. Do Mr. Ronner’s children live with him?\n"
        "A. I don’t think so.\n"
    )
    analysis = analyse(text, published=None, known=[], kind="transcript")
    assert [c.quote for c in analysis.claims] == ["I don’t think so."]


def test_pleading_headings_make_no_transcript() -> None:
    # Griffo v. Oculus VR, Kwun declaration (C.D. Cal. Dkt. 132): lettered headings, no Q.
    text = (
        "14 A. Redaction of personal mobile phone numbers.\n"
        "21 B. Redaction of information implicating the same privacy interests\n"
    )
    assert not is_transcript(text * 2, None)


def test_the_court_is_the_presiding_judge_and_they_stay_unattributed() -> None:
    # United States v. Nikulin, N.D. Cal. CR 16-440-WHA, pretrial conference transcript (2020)
    text = (
        " 7 BEFORE THE HONORABLE WILLIAM H. ALSUP, JUDGE\n\n"
        "20 THE COURT: And I disabuse them of that idea. I tell them it's not evidence.\n"
        "21 THE COURT: They said it might have been green.\n"
    )
    claims = analyse(text, published=None, known=[], kind="transcript").claims
    assert [(c.speaker, c.verb) for c in claims] == [
        ("William H. Alsup", "told"),
        (None, "said"),  # "they" of the judge's turn is not the judge
    ]


#: House Financial Services Committee, "Stabilizing the Financial Condition of the American
#: Automobile Industry", November 19, 2008 (Serial No. 110-146), as the Government Publishing
#: Office prints it: https://www.govinfo.gov/content/pkg/CHRG-110hhrg46594/html/CHRG-110hhrg46594.htm
AUTO_HEARING = """\
    Mr. Kanjorski. Thank you, Mr. Chairman.
    Gentlemen, first of all, let me compliment the UAW. None of this would
have happened if the credit crunch had not occurred in Wall
Street or do you anticipate that it would have happened or
possibly would have happened anyway?
    Mr. Wagoner. No, sir. I think it is completely due to the
credit crisis.
    Mr. Kanjorski. Why? Tell me, when are you going to run out
of money?
    Mr. Wagoner. I can't tell you that for certain because a
lot depends on the people--whether our suppliers will continue
to ship us with that--
    Mr. Kanjorski. What amount of money would you need to take
you to March 30th?
    Mr. Wagoner. We have talked about this $25 billion bridge
loan.
    The Chairman. The gentleman's time has expired.
"""


def test_a_printed_hearings_witness_is_told_by_who_answers() -> None:
    assert is_transcript(AUTO_HEARING, None)  # four or more printed turns, no Q./A. lines
    turns = speaker_turns(AUTO_HEARING)
    assert [(t.role, t.speaker) for t in turns] == [
        ("statement", "Kanjorski"),  # asks: a member, whatever his label
        ("answer", "Wagoner"),  # answers the questions: the witness ("Mr." is no name)
        ("statement", "Kanjorski"),
        ("answer", "Wagoner"),
        ("statement", "Kanjorski"),
        ("answer", "Wagoner"),
        ("statement", "The Chairman"),  # a member's title is never a witness
    ]
    assert turns[1].text == "No, sir. I think it is completely due to the\ncredit crisis."
    claims = analyse(AUTO_HEARING, published=None, known=[], kind="transcript").claims
    testimony = [c for c in claims if c.verb == "testified"]
    assert [c.speaker for c in testimony] == ["Wagoner"] * 3
    assert testimony[0].context is not None and testimony[0].context.endswith("anyway?")
    # The text never says the witnesses were sworn: answers, not sworn testimony.
    assert not any(c.under_oath for c in testimony)
    assert not any(c.speaker == "Kanjorski" for c in claims)  # a member's questions


def test_the_presiding_judge_with_the_title_below_or_without_one() -> None:
    # United States v. Balwani, N.D. Cal. 5:18-cr-00258-EJD, Dkt. 640 (status conference):
    # the title on the next numbered line.
    balwani = (
        "12 TRANSCRIPT OF ZOOM PROCEEDINGS\n"
        "BEFORE THE HONORABLE EDWARD J. DAVILA\n"
        "13 UNITED STATES DISTRICT JUDGE\n"
    )
    assert presiding_judge(balwani) == "EDWARD J. DAVILA"
    # Palantir v. Abramowitz, N.D. Cal. 5:19-cv-06879-BLF, Dkt. 98: no title at all.
    palantir = (
        "NORTHERN DISTRICT OF CALIFORNIA\n"
        "BEFORE THE HONORABLE NATHANAEL M. COUSINS\n"
        "PALANTIR TECHNOLOGIES INC., )\n"
    )
    assert presiding_judge(palantir) == "NATHANAEL M. COUSINS"
    assert presiding_judge("The case was argued before the Honorable Court of Appeals.") is None


#: United States v. Nikulin, N.D. Cal. CR 16-440-WHA, Dkt. 318, the caption as the text layer
#: gives it (the name over two lines, left of the ")" column).
NIKULIN_CAPTION = """\
BEFORE THE HONORABLE WILLIAM H. ALSUP, JUDGE
UNITED STATES OF AMERICA, )
)
Plaintiff, )
VS. ) No. CR 16-440-WHA-1
)
YEVGENIY ALEKSANDROVICH )
NIKULIN, )
)
Defendant. ) San Francisco, California
_______________________________) Wednesday, February 19, 2020
"""


def test_the_defendant_is_the_one_the_criminal_caption_names() -> None:
    assert caption_defendant(NIKULIN_CAPTION) == "YEVGENIY ALEKSANDROVICH NIKULIN"
    # Balwani (Dkt. 640): line numbers and the right column's date between the lines.
    balwani = (
        "VS. )\n8 ) DECEMBER 8, 2020\nRAMESH SUNNY BALWANI, )\n9 ) PAGES 1 - 15\nDEFENDANT. )\n"
    )
    assert caption_defendant(balwani) == "RAMESH SUNNY BALWANI"
    # A civil caption's "Defendants." (Musk v. Altman hearing) names no one defendant.
    assert caption_defendant("SAMUEL ALTMAN, et al., )\n            Defendants.      )\n") is None
    # "THE DEFENDANT:" turns are the defendant's answers (a plea colloquy's sworn answers)
    # where the text swears the defendant in (round 10), else the defendant's statements.
    # The turn lines below are written for this test: no dev transcript has such a turn.
    text = NIKULIN_CAPTION + (
        "2 (Defendant sworn.)\n"
        "3 THE COURT: Did you discuss the charges with your lawyer?\n4 THE DEFENDANT: Yes, I did.\n"
    )
    turns = speaker_turns(text)
    assert [(t.role, t.label, t.speaker) for t in turns] == [
        ("statement", "THE COURT", "William H. Alsup"),
        ("answer", "THE DEFENDANT", "Yevgeniy Aleksandrovich Nikulin"),
    ]
    unsworn = speaker_turns(text.replace("2 (Defendant sworn.)\n", ""))
    assert [t.role for t in unsworn] == ["statement", "statement"]
    # an excerpt of a plea colloquy that begins after the oath still answers
    plea = text.replace("2 (Defendant sworn.)\n", "").replace("the charges", "your plea")
    assert [t.role for t in speaker_turns(plea)] == ["statement", "answer"]


def test_rulings_from_the_bench_are_the_presiding_judges() -> None:
    # United States v. Nikulin (Dkt. 318), two passages of the motions in limine.
    text = (
        " 7 BEFORE THE HONORABLE WILLIAM H. ALSUP, JUDGE\n\n"
        "6 MR. GASNER: I think that's the state of the law,\n"
        "7 Your Honor. I do not intend to elicit those pieces of\n"
        "8 information.\n"
        "9 THE COURT: All right. That one's granted.\n"
        "10 Next: Presentation of unnoticed affirmative or legal\n"
        "12 THE COURT: Entrapment?\n"
        "13 MS. NECHAY: Sure.\n"
        "14 THE COURT: All right. Granted.\n"
    )
    claims = analyse(text, published=None, known=[], kind="transcript").claims
    assert [(c.speaker, c.verb, c.sentence) for c in claims] == [
        ("William H. Alsup", "granted", "That one's granted."),
        ("William H. Alsup", "granted", "Granted."),
    ]


def test_plea_colloquy_answers_about_identity_procedure_or_the_oath_are_no_claims() -> None:
    # The shape of a plea colloquy (US v. Levandowski, N.D. Cal. 2020), written for this
    # test: the oath, who the defendant is, whether they understand, then the facts the
    # court reads one by one, each answered "Yes" or "That's correct".
    text = (
        "UNITED STATES OF AMERICA,\nPlaintiff,\nv.\nJOHN QUINCY DOE,\nDefendant.\n"
        "THE COURT: Please raise your right hand.\n(Defendant sworn.)\n"
        "THE DEFENDANT: I do.\n"
        "THE COURT: Please state your full name.\n"
        "THE DEFENDANT: My name is John Quincy Doe.\n"
        "THE COURT: How old are you?\n"
        "THE DEFENDANT: I'm 52 years old.\n"
        "THE COURT: Are you under the influence of any medication today?\n"
        "THE DEFENDANT: No, Your Honor.\n"
        "THE COURT: Did you read the plea agreement?\n"
        "THE DEFENDANT: I read it with my lawyers, yes.\n"
        "THE COURT: You give up your right to a jury trial. Do you understand that?\n"
        "THE DEFENDANT: I do, Your Honor.\n"
        "THE COURT: I will now go over the factual basis in your plea agreement, and ask you "
        "after each statement whether it is correct. In 2012, you worked for Acme. True?\n"
        "THE DEFENDANT: Yes.\n"
        "THE COURT: Your employment agreement required you to keep its designs secret. Right?\n"
        "THE DEFENDANT: That's correct.\n"
        "THE COURT: Initially, the new company had another name. Right?\n"
        "THE DEFENDANT: Correct.\n"
    )
    analysis = analyse(text, published=None, known=[], kind="transcript")
    assert [c.quote for c in analysis.claims if c.verb == "testified"] == [
        "Yes.",
        "That's correct.",
        "Correct.",
    ]


#: The same hearing (Serial No. 110-146): a member's thanks, a witness's vocative, the
#: Secretary by title alone and by title and name, and a turn that opens with a sum.
AUTO_HEARING_TITLES = """\
    Mr. Kanjorski. Thank you, Mr. Chairman.
    Gentlemen, first of all, let me compliment the UAW.
    Mr. Wagoner. Congressman, in our various submissions we
suggested restrictions and have commented on the kind of
restrictions that others have suggested.
    Mr. Kanjorski. What is significant?
    Mr. Wagoner. $4- or $5 billion every month.
    Ms. Waters. Thank you very much, Mr. Chairman.
    Again, I thank you for this hearing. It is extremely important
and Secretary Paulson's denial of not paying attention to the
dealers has been of great concern to me.
    Mr. Wagoner. Yes. What we are trying to do, Congresswoman,
is also work on the ability of our finance companies.
    The Chairman. The gentleman's time has expired.
"""


def test_a_hearings_titles_name_no_one_and_its_labels_are_mentions() -> None:
    analysis = analyse(AUTO_HEARING_TITLES, published=None, known=[], kind="transcript")
    names = {e.name: e for e in analysis.entities}
    # "Mr. Chairman", "Congressman", "Congresswoman", a bare "Secretary": forms of address
    assert not {"Chairman", "Congressman", "Congresswoman", "Secretary"} & set(names)
    # each "Mr. X." label is a mention of that person (the annotation rule), a person even
    # where the model took the surname for a company
    for name, labels in (("Kanjorski", 2), ("Wagoner", 3), ("Waters", 1)):
        assert names[name].kind == "person"
        starts = {m.start for m in names[name].mentions}
        label = f"    M{'s' if name == 'Waters' else 'r'}. {name}."
        at = [i + 8 for i in range(len(AUTO_HEARING_TITLES)) if
              AUTO_HEARING_TITLES.startswith(label, i)]  # fmt: skip
        assert len(at) == labels and set(at) <= starts
    assert names["Paulson"].kind == "person"  # "Secretary Paulson's": a title before a name
    # a turn opening with a sum is a turn: the witness's answer, not the member's question
    turns = [(t.speaker, t.text) for t in analysis.turns]
    assert ("Wagoner", "$4- or $5 billion every month.") in turns


def test_thanks_greetings_and_broken_off_turns_are_no_testimony() -> None:
    # Real turns: a member's and counsel's thanks (the auto hearing; United States v.
    # Levandowski, N.D. Cal. 3:19-cr-00377-WHA, plea and sentencing), and a turn broken off
    # (Musk v. Altman, N.D. Cal. 4:24-cv-04722-YGR, hearing of February 4, 2025).
    question = "What amount of money would you need to take you to March 30th?"
    assert not asserts_fact("Thank you, Mr. Chairman.", question)
    assert not asserts_fact("Thank you very much, Mr. Chairman.", question)
    assert not asserts_fact("Thank you, Your Honor.", question)
    assert not asserts_fact("Well, I always start --", question)
    # thanks before an answer, or an answer that trails off after asserting, still testify
    assert asserts_fact(
        "I will start. Thank you, Congressman Campbell. The things that are being done "
        "differently in response to your question are these.",
        question,
    )
    assert asserts_fact("We have talked about this $25 billion bridge loan.", question)
    assert asserts_fact(
        "Primarily due diligence on -- performing due diligence on managers who are invested "
        "in, amongst other things, emerging markets.",
        "And when you say you've performed research, what do you mean by that?",
    )


def test_a_members_we_find_and_having_said_that_are_no_claims() -> None:
    text = """\
    Mr. Kanjorski. Then, Mr. Wagoner, you would be agreeable
that we find some methodology to buy some time here. So can you
tell me when will General Motors run out of money relatively in
the near future?
    Mr. Wagoner. I don't believe, Congressman, that we have the
luxury of a lot of time. And if I could--
    Mr. Kanjorski. Why? Tell me, when are you going to run out
of money?
    Mr. Wagoner. I can't tell you that for certain.
    Ms. Waters. You basically said that, too, Mr. Nardelli.
    Having said that, I am about small businesses as well as
about big businesses. How many of you would agree to
something like that?
    Mr. Wagoner. Yes. What we are trying to do, Congresswoman,
is also work on the ability of our finance companies.
"""
    claims = analyse(text, published=None, known=[], kind="transcript").claims
    assert not [c for c in claims if c.verb in {"found", "ruled"}]  # a member finds nothing
    assert not [c for c in claims if c.sentence.startswith("Having said that")]
    assert [c.speaker for c in claims if c.verb == "testified"] == ["Wagoner"] * 3


def test_that_said_turns_to_what_follows() -> None:
    # United States v. Nikulin, N.D. Cal. 3:16-cr-00440-WHA, Dkt. 318 (pretrial conference)
    text = """\
9 MS. KANE: Your Honor, of course, the government
10 would prefer to be able to plan and to talk about this evidence
11 in its opening.
12 That said, we also understand that if this is how the
13 Court would prefer to proceed, we can -- we can wait.
14 THE COURT: Let's do that.
"""
    claims = analyse(text, published=None, known=[], kind="transcript").claims
    assert not [c for c in claims if c.sentence.startswith("That said")]


def test_a_name_in_capitals_a_speaker_label_names_is_a_person() -> None:
    # United States v. Levandowski, N.D. Cal. 3:19-cr-00377-WHA, Dkt. 102: the appearances
    # in capitals, then the lawyers' labels
    text = """\
For Defendant:
RAMSEY & EHRLICH LLP
803 Hearst Avenue
Berkeley, California 94710
BY: ISMAIL RAMSEY, ATTORNEY AT LAW
MILES EHRLICH, ATTORNEY AT LAW
AMY CRAIG, ATTORNEY AT LAW

19 MS. CRAIG: Good afternoon.
21 THE COURT: Mr. Levandowski, welcome to you.
22 MR. RAMSEY: Your Honor, if it's okay with the Court,
23 I was going to ask to use a face shield.
24 THE COURT: All right with me.
"""
    entities = {
        e.name: e for e in analyse(text, published=None, known=[], kind="transcript").entities
    }
    ramsey = entities["Ismail Ramsey"]  # kept: "MR. RAMSEY:" speaks
    assert ramsey.kind == "person"
    assert text.index("RAMSEY:") in {m.start for m in ramsey.mentions}  # the label is a mention
    # round nine: the cover names her by counsel's style ("AMY CRAIG, ATTORNEY AT LAW"), and
    # her label "MS. CRAIG:" is a mention of her (before, the label alone named "Craig")
    craig = entities["Amy Craig"]
    assert craig.kind == "person"
    assert text.index("CRAIG:") in {m.start for m in craig.mentions}
    assert "The Court" not in entities and "Court" not in entities  # a role label names no one


def test_you_is_the_speaker_the_sentence_addresses_by_name() -> None:
    # The auto-industry hearing (Serial No. 110-146), its turns abridged: "you" said or told
    # is the one the sentence names, when that name speaks in the hearing
    text = """\
    Mr. Kanjorski. Maybe I am dense or something, Mr. Wagoner,
but I do not quite understand what you just told me.
    Mr. Wagoner. Congressman, it is going to depend on what
happens with suppliers and markets.
    Mr. Kanjorski. What is significant?
    Mr. Wagoner. $4- or $5 billion every month.
    Ms. Waters. You basically said that, too, Mr. Nardelli. How
many of you would agree to something like that?
    Mr. Nardelli. Ma'am, we would be willing and open to any
suggestions from this committee or Congress.
"""
    claims = analyse(text, published=None, known=[], kind="transcript").claims
    reported = [(c.speaker, c.verb) for c in claims if c.verb != "testified"]
    assert reported == [("Wagoner", "told"), ("Nardelli", "said")]


def test_a_first_person_ruling_from_the_bench_is_a_claim_of_an_unnamed_court() -> None:
    # Issue 17, round 10 (held out): a D.C. trial transcript quoted at
    # https://koehlerlaw.net/2015/06/trial-transcript-new-prosecutor-struggles-with-basics-of-direct-examination/
    text = (
        "Q: Is that the bottle that entered through the window?\n\n"
        "THE COURT: So you’re asking her a question that she’s not competent to answer, "
        "because she doesn’t have a basis of knowledge, so I sustain the objection.\n\n"
        "Q: Was that bottle in your room, was that your bottle?\n\n"
        "A: No.\n\n"
        "Q: And it was broken is what startled and awoke you, is that correct?\n\n"
        "THE COURT: Sustained.\n"
    )
    claims = analyse(text, published=None, known=[], kind="transcript").claims
    rulings = [(c.speaker, c.verb, c.sentence) for c in claims if c.verb != "testified"]
    assert rulings == [
        (None, "ruled", text[text.index("So you’re") : text.index("objection.") + 10]),
        (None, "ruled", "Sustained."),
    ]
    # no cover names the judge: "THE COURT" is no speaker's name; the turn keeps its role
    turns = analyse(text, published=None, known=[], kind="transcript").turns
    assert any(t.speaker == "The Court" for t in turns)
    # a ruling wanted, not made, is none: "I would sustain that objection if ..." / "I don't"
    other = (
        "THE COURT: I would sustain the objection if he asked it. I don't overrule anything.\n"
        "If I sustain the objection, you may rephrase.\n"
    )
    assert analyse(other, published=None, known=[], kind="transcript").claims == []


def test_a_word_said_again_to_an_echo_question_is_no_testimony() -> None:
    # Issue 17, round 10 (held out): a Texas trial excerpt quoted at
    # http://saywhat.texasbar.com/2014/03/march-1995-objections-sustained.html
    assert not asserts_fact("Buss.", "A little what?")
    assert not asserts_fact("The bottle.", "You saw what?")
    assert not asserts_fact("Yes.", "Sorry?")
    # the answer before it, and a longer answer to an echo question, do assert
    assert asserts_fact(
        "I admit to giving her a little buss.",
        "All right. You have admitted to kissing Joanie Elliston on Christmas Eve of 1982; "
        "is that right?",
    )
    assert asserts_fact("I hit him with the bottle first.", "You did what?")
    assert asserts_fact("It's just like a little peck on the cheek.", "All right. What is a buss?")


def test_the_plea_itself_is_no_testimony() -> None:
    # Issue 17, round 10 (held out): the Alaska plea colloquy quoted in Lewis v. State, 565
    # P.2d 846 (Alaska 1977), https://app.midpage.ai/document/lewis-v-state-1198668
    plead = (
        "All right, Mr. Lewis. How do you plead to the information that was just filed "
        "charging you with receiving and concealing stolen property?"
    )
    assert not asserts_fact("Guilty, Your Honor.", plead)
    assert not asserts_fact("Not guilty.", "How do you plead?")
    # a guilty man's account of what he did is testimony
    assert asserts_fact("I took the stereo from the car.", "Tell me what you did.")


def test_assent_to_the_agreement_being_complete_is_no_testimony() -> None:
    # United States v. Levandowski, N.D. Cal. 3:19-cr-00377-WHA, plea and sentencing (2020),
    # the development transcript: the court asks about the plea agreement with a line number
    # inside the question, as the transcript's text layer gives it.
    question = "All right. Is this your full and complete 12 agreement with the U.S. Government?"
    assert not asserts_fact("That's my understanding, yes.", question)
    assert not asserts_fact("Yes.", "Is this your entire written agreement with the government?")
    # a contract of the case put as a fact is still asked about
    assert asserts_fact("Yes.", "Did Mr. Ross send you his agreement with ZenKey?")


def test_an_unsworn_defendants_words_at_trial_are_no_testimony() -> None:
    # Issue 17, round 10: Commonwealth v. Abu-Jamal, Court of Common Pleas, Philadelphia,
    # trial of June 22, 1982, a sidebar (held-out passage of round 9),
    # https://www.oocities.org/peheim/mitschriften/19820622.html
    text = (
        "THE COURT: What's your problem, Mr. Jackson?\n\n"
        "MR. JACKSON: Mr. Jamal wanted to --\n\n"
        "THE DEFENDANT: I wanted to address you before the jury came in.\n\n"
        "THE COURT: I'm sorry. You're not addressing me now.\n\n"
        "THE DEFENDANT: I can't talk to you, Judge?\n\n"
        "THE COURT: Not now. If he has something to say he can say it to you later, you. I'm "
        "sorry. We have a witness on the stand. You're going to proceed.\n\n"
        "THE DEFENDANT: There's no one on the stand now.\n"
    )
    analysis = analyse(text, published=None, known=[], kind="transcript")
    assert [c for c in analysis.claims if c.verb == "testified"] == []
    assert {t.role for t in analysis.turns if t.label == "THE DEFENDANT"} == {"statement"}
    # sworn in, the same turn answers ("The clerk will now swear in Mr. Levandowski.")
    sworn = "THE COURT: The clerk will now swear in Mr. Jamal.\n" + text
    turns = analyse(sworn, published=None, known=[], kind="transcript").turns
    assert {t.role for t in turns if t.label == "THE DEFENDANT"} == {"answer"}
