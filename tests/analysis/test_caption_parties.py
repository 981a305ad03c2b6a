"""Issue 17, round nine: caption and counsel entities of court papers read by their shape
(docs/evaluation.md, "Round 9: caption and counsel entities held out"). Short real passages,
their sources in comments."""

from __future__ import annotations

from casebase.analysis.pipeline import analyse
from casebase.analysis.shaped_names import caption_parties, surname_firms


def _firms(text: str) -> list[str]:
    return [n.text for n in surname_firms(text)]


def _entities(text: str, kind: str = "opinion") -> dict[str, str]:
    found = analyse(text, published=None, known=[], kind=kind).entities
    return {e.name: e.kind for e in found}


# Rockwood Retaining Walls v. Patterson, Thuente, Skaar & Christensen (D. Minn. 2009),
# http://law.justia.com/cases/federal/district-courts/minnesota/mndce/0:2009cv02493/108698/27/
ROCKWOOD = (
    "UNITED STATES DISTRICT COURT DISTRICT OF MINNESOTA Rockwood Retaining Walls, Inc.; "
    "Raymond R. Price; Gerald R. Price; GLS Industries, Inc.; and Equipment, Inc., Civil No. "
    "09-2493 (DWF/FLN) MEMORANDUM OPINION AND ORDER Plaintiffs, v. Patterson, Thuente, Skaar & "
    "Christensen, P.A., Defendant. Phillip Gainsley, Esq., counsel for Plaintiffs. Phillip A. "
    "Cole, Esq., Timothy C. Matson, Esq., and Bryan R. Feldhaus, Esq., Lommen, Abdo, Cole, "
    "King & Stageberg, PA, counsel for Defendant."
)


def test_a_firm_of_surnames_is_one_name_up_to_its_suffix() -> None:
    assert _firms(ROCKWOOD) == [
        "Patterson, Thuente, Skaar & Christensen, P.A.",
        "Lommen, Abdo, Cole, King & Stageberg, PA",
    ]
    # Boulders at Escalante v. Otten Johnson (Colo. App. 2015):
    BOULDERS_URL = (  # noqa: F841
        "http://lawsdocbox.com/Legal_Issues/78636552-Colorado-court-of-appeals-boulders-at-"
        "escalante-llc-a-colorado-limited-liability-company.html"
    )
    assert _firms("v. Otten Johnson Robinson Neff and Ragonetti PC, a Colorado professional") == [
        "Otten Johnson Robinson Neff and Ragonetti PC"
    ]
    assert _firms("Announced June 18, 2015 Beem & Isley, P.C., Clifford L. Beem") == [
        "Beem & Isley, P.C."
    ]
    # A role word opening the run is none of the name.
    assert _firms("Defendant Patterson, Thuente, Skaar & Christensen, P.A. (the Law Firm") == [
        "Patterson, Thuente, Skaar & Christensen, P.A."
    ]


def test_a_place_before_a_state_code_is_no_firm() -> None:
    assert _firms("Pittsburgh, PA 15219") == []
    assert _firms("One Belmont Avenue, Bala Cynwyd, PA 19004") == []
    assert _firms("SOUTHERN DISTRICT REPORTERS, P.C.") == []


def test_the_firm_is_one_entity_and_no_case_name() -> None:
    found = _entities(ROCKWOOD, kind="order")
    assert found.get("Patterson, Thuente, Skaar & Christensen, P.A.") == "organization"
    assert "Lommen, Abdo, Cole, King & Stageberg, PA" in found
    assert not any(" v. " in name for name in found)
    assert not {"Skaar & Christensen, P.A.", "Abdo"} & set(found)


# Huber v. Taylor (W.D. Pa. 2010),
# http://pa.findacase.com/research/wfrmDocViewer.aspx/xq/fac.20100125_0000055.WPA.htm/qx
HUBER = (
    "IN THE UNITED STATES DISTRICT COURT FOR THE WESTERN DISTRICT OF PENNSYLVANIA\n\n"
    "RONALD L. HUBER; WILLIAM J. AIRGOOD; ANTHONY DEFABBO; JOHN DINIO; ERNEST GISHNOCK; JOHN "
    "BIDLENCSIK; HILMA MULLINS AND WILLIAM DEEM, INDIVIDUALLY AND ON BEHALF OF THOSE SIMILARLY "
    "SITUATED PLAINTIFFS,\nv.\nROBERT G. TAYLOR, II; ROBERT G. TAYLOR, P.C.; R.G. TAYLOR II, "
    "P.C.; ESTATE OF ROBERT A. PRITCHARD; PRITCHARD LAW FIRM, PLLC; JOSEPH B. COX, JR.; JOSEPH "
    "B. COX, JR. LTD; AND COX AND COX, LLP DEFENDANTS.\n\n"
    "The opinion of the court was delivered by: Magistrate Judge Lisa Pupo Lenihan\n"
)


def test_a_caption_side_listed_with_semicolons_names_each_party() -> None:
    parties = {n.text: n.kind for n in caption_parties(HUBER)}
    assert parties["RONALD L. HUBER"] == "person"
    assert parties["HILMA MULLINS"] == parties["WILLIAM DEEM"] == "person"
    assert parties["ROBERT G. TAYLOR, II"] == "person"
    assert parties["ROBERT G. TAYLOR, P.C."] == "organization"
    assert parties["R.G. TAYLOR II, P.C."] == "organization"
    assert parties["COX AND COX, LLP"] == "organization"
    assert "ESTATE OF ROBERT A. PRITCHARD" not in parties  # neither shape: left to the model
    assert not any("PLAINTIFFS" in p or "DEFENDANTS" in p for p in parties)
    found = _entities(HUBER)
    assert {"Anthony Defabbo", "John Bidlencsik", "Hilma Mullins"} <= {n.title() for n in found}


def test_semicolons_without_a_role_word_are_no_caption() -> None:
    text = "The court considered Smith; Jones; and Brown, and found for the movant.\n"
    assert caption_parties(text) == []
    prose = "Rockwood Retaining Walls, Inc.; Raymond R. Price; Gerald R. Price are named.\n"
    assert caption_parties(prose) == []


def test_a_counsel_list_run_into_its_firm_leaves_the_lawyer_out() -> None:
    # Thomson Reuters v. ROSS Intelligence (D. Del. 2023),
    # https://law.justia.com/cases/federal/district-courts/delaware/dedce/1:2020cv00613/72109/547/
    text = (
        "Jack B. Blumenfeld, Michael J. Flynn, MORRIS, NICHOLS, ARSHT & TUNNELL LLP, "
        "Wilmington, Delaware; Dale M. Cendali, Eric A. Loverro, Joshua L. Simmons, KIRKLAND & "
        "ELLIS LLP, New York, New York. Counsel for Plaintiffs"
    )
    assert _firms(text) == ["MORRIS, NICHOLS, ARSHT & TUNNELL LLP", "KIRKLAND & ELLIS LLP"]
    # Doe v. GitHub (N.D. Cal. 2023), https://iguazu-staging.vlex.com/cases/doe-v-github-inc-1053364678
    text = "Melody Ellen Wong, Morrison & Foerster LLP, San Francisco, CA, for Defendants"
    assert _firms(text) == ["Morrison & Foerster LLP"]
