"""Enumerations shared by the models, the pipeline and the API."""

from django.db import models

from casebase.core.partial_dates import Precision


class DatePrecision(models.TextChoices):
    YEAR = Precision.YEAR.value, "Year"
    MONTH = Precision.MONTH.value, "Month"
    DAY = Precision.DAY.value, "Day"


class EntityKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANIZATION = "organization", "Organization"
    COURT = "court", "Court"
    CASE = "case", "Case"
    LAW = "law", "Law or statute"
    PRODUCT = "product", "Product or model"
    PLACE = "place", "Place"
    OTHER = "other", "Other"


class PartyRole(models.TextChoices):
    PLAINTIFF = "plaintiff", "Plaintiff"
    DEFENDANT = "defendant", "Defendant"
    COUNTER_CLAIMANT = "counter_claimant", "Counter-claimant"
    COUNTER_DEFENDANT = "counter_defendant", "Counter-defendant"
    APPELLANT = "appellant", "Appellant"
    APPELLEE = "appellee", "Appellee"
    PETITIONER = "petitioner", "Petitioner"
    RESPONDENT = "respondent", "Respondent"
    INTERVENOR = "intervenor", "Intervenor"
    AMICUS = "amicus", "Amicus curiae"
    OTHER = "other", "Other"


class CaseStatus(models.TextChoices):
    OPEN = "open", "Open"
    ON_APPEAL = "on_appeal", "On appeal"
    SETTLED = "settled", "Settled"
    DISMISSED = "dismissed", "Dismissed"
    DECIDED = "decided", "Decided"
    CLOSED = "closed", "Closed"
    UNKNOWN = "unknown", "Unknown"


class DocumentKind(models.TextChoices):
    COMPLAINT = "complaint", "Complaint"
    MOTION = "motion", "Motion"
    ORDER = "order", "Order"
    OPINION = "opinion", "Opinion"
    TRANSCRIPT = "transcript", "Transcript"
    TESTIMONY_REPORT = "testimony_report", "Testimony report"
    NEWS_ARTICLE = "news_article", "News article"
    PRESS_RELEASE = "press_release", "Press release"
    BLOG_POST = "blog_post", "Blog post"
    PAPER = "paper", "Paper"
    TERMS_OF_SERVICE = "terms_of_service", "Terms of service"
    OTHER = "other", "Other"


class SourceKind(models.TextChoices):
    """What kind of source a document is, for weighing its evidence (blank: not yet graded)."""

    COURT_RECORD = "court_record", "Court record"
    TRANSCRIPT = "transcript", "Transcript"
    OFFICIAL_STATEMENT = "official_statement", "Official statement"
    ORIGINAL_REPORTING = "original_reporting", "Original reporting"
    SYNDICATED_COPY = "syndicated_copy", "Syndicated copy"
    AGGREGATOR = "aggregator", "Aggregator or summary"


class DocumentStatus(models.TextChoices):
    REFERENCE = "reference", "Citation record (no text)"
    QUEUED = "queued", "Queued"
    PROCESSING = "processing", "Processing"
    DONE = "done", "Done"
    NEEDS_OCR = "needs_ocr", "Needs OCR"
    FAILED = "failed", "Failed"


class FetchStatus(models.TextChoices):
    """Where fetching a citation record's URL stands (``manage.py fetch_sources``)."""

    NOT_FETCHED = "", "Not fetched"
    PENDING = "pending", "Fetch queued"
    FETCHED = "fetched", "Fetched"
    RETRYING = "retrying", "Failed, will retry"
    FAILED = "failed", "Failed"


class FetchFailure(models.TextChoices):
    """Why a citation record's URL could not be fetched."""

    NOT_FOUND = "not_found", "Not found (404/410)"
    PAYWALL = "paywall", "Paywall or login page"
    FORBIDDEN = "forbidden", "Access refused by the site"
    TIMEOUT = "timeout", "Timed out"
    UNREACHABLE = "unreachable", "Host unreachable"
    SERVER_ERROR = "server_error", "Server error"
    RATE_LIMITED = "rate_limited", "Rate limited by the site"
    ROBOTS = "robots", "Refused by robots.txt"
    REFUSED = "refused", "Refused: private address"
    NOT_TEXT = "not_text", "Not a readable text"
    DUPLICATE = "duplicate", "Same content as another document"
    ERROR = "error", "Other error"


class Origin(models.TextChoices):
    CURATED = "curated", "Curated by an editor"
    EXTRACTED = "extracted", "Extracted by the pipeline"


class ReviewStatus(models.TextChoices):
    EXTRACTED = "extracted", "Awaiting review"
    APPROVED = "approved", "Approved"
    EDITED = "edited", "Edited"
    REJECTED = "rejected", "Rejected"


class Confidence(models.TextChoices):
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low (unverified)"


class ClaimVerb(models.TextChoices):
    SAID = "said", "said"
    TESTIFIED = "testified", "testified"
    ALLEGED = "alleged", "alleged"
    ARGUED = "argued", "argued"
    CLAIMED = "claimed", "claimed"
    ADMITTED = "admitted", "admitted"
    DENIED = "denied", "denied"
    WROTE = "wrote", "wrote"
    TOLD = "told", "told"
    RULED = "ruled", "ruled"
    FOUND = "found", "found"
    GRANTED = "granted", "granted"
    ACCUSED = "accused", "accused"
    ANSWERED = "answered", "answered"
    REPORTED = "reported", "reported"
    OTHER = "other", "other"


class LinkKind(models.TextChoices):
    PRECEDENT_FOR = "precedent_for", "is a precedent for"
    RESPONDS_TO = "responds_to", "responds to"
    CONTRADICTS = "contradicts", "contradicts"
    PART_OF = "part_of", "is part of"
    FOLLOWS_FROM = "follows_from", "follows from"
    RELATED = "related", "is related to"


class CitationKind(models.TextChoices):
    CASE = "case", "Case citation"
    DOCKET = "docket", "Docket number"
    STATUTE = "statute", "Statute"
    REGULATION = "regulation", "Regulation"
    RULE = "rule", "Court rule"
    RECORD = "record", "Record reference"
    SHORT_FORM = "short_form", "Short form"
    OTHER = "other", "Other"
