"""One model per data file. A rule a value must follow is said once, here;
the CMS (sitebuild/cms.py) takes its field patterns from the same constants,
so the editor and the build never disagree."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

import phonenumbers
from pydantic import AfterValidator, Field, RootModel, StrictBool, create_model, field_validator, model_validator

from sitebuild.schema.core import Bilingual, Strict, Text, TextOrBoth
from sitebuild.statutes import SECTION


def rule(pattern: str, problem: str, hint: str) -> AfterValidator:
    """A text that must match `pattern` (the same string the CMS checks)."""
    compiled = re.compile(pattern)

    def check(value: str) -> str:
        if not compiled.match(value):
            raise ValueError(f"{problem}, got {value!r}. Hint: {hint}")
        return value
    return AfterValidator(check)


# ---- firm facts: data/firm.yml -------------------------------------------------------

# A US number as people write it: 828-333-4867, (828) 333-4867, 828.333.4867,
# 8283334867, +1 828 333 4867. phonenumbers then checks that it can be dialled.
# The build accepts exactly these shapes (US numbers only: the firm is in NC).
PHONE = r"^(\+1[ .-]?)?(\(\d{3}\) ?|\d{3}[ .-]?)\d{3}[ .-]?\d{4}$"
PHONE_HINT = "write it like 828-333-4867 or +1 828 333 4867"
PHONE_REGION = "US"
# Plain ASCII only: a look-alike letter (Cyrillic р in examрle.com) would send
# mail to someone else's domain. "TODO..." is the placeholder until confirmed.
EMAIL = (r"^([A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
         r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}|[Tt][Oo][Dd][Oo].*)$")
EMAIL_HINT = ("write it like office@example.com, in plain letters (no look-alike letters "
              "from other alphabets, no spaces, no ?)")
POSTAL_CODE = r"^(\d{5}(-\d{4})?|TODO.*)$"             # a ZIP, or the placeholder until confirmed
REGION = r"^[A-Z]{2}$"                                 # NC
REVIEWED = r"^(pending|\d{4}-\d{2}-\d{2})$"             # front matter 'reviewed:' (sitebuild/review.py)


def _dialable(value: str) -> str:
    if not re.match(PHONE, value):
        raise ValueError(f"{value!r} is not a phone number. Hint: {PHONE_HINT}")
    if not phonenumbers.is_valid_number(phonenumbers.parse(value, PHONE_REGION)):
        raise ValueError(f"{value!r} is not a valid number. Hint: check the digits (area code and 7 digits)")
    return value


Phone = Annotated[str, AfterValidator(_dialable)]


def _derived(value: Any) -> Any:
    raise ValueError("is derived from 'phone'. Hint: delete the phone_e164 line; keep one 'phone'")


class Address(Strict):
    street: Text
    locality: Text
    region: Annotated[str, rule(REGION, "is not a state code", "two capital letters, like NC")]
    postal_code: Annotated[str, rule(POSTAL_CODE, "is not a ZIP code", "5 digits, like 28801")]
    country: Text


class Language(Strict):
    code: Literal["en", "es"]
    name: Bilingual


class Firm(Strict):
    unconfirmed: list[str] = []
    name: Text
    attorney: Text
    attorney_title: Bilingual
    bar_state: Bilingual | None = None
    phone: Phone = Field(description=PHONE_HINT)
    phone_e164: Annotated[Any, AfterValidator(_derived)] = None  # refused: derived from phone
    sms: StrictBool = False
    email: Annotated[str, rule(EMAIL, "is not an email address", EMAIL_HINT)]
    address: Address
    hours: Bilingual
    opening_hours: list[Text] = []
    reply_promise: Bilingual | None = None
    languages: Annotated[list[Language], Field(min_length=1)]
    service_area: Annotated[list[Text], Field(min_length=1)]
    contact_endpoint: str = ""


Strings = RootModel[dict[str, Bilingual]]  # data/strings.yml: key: {en:, es:}


# ---- data/local.yml and data/costs.yml -------------------------------------------------

ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SOURCE = r"^https?://[^\s/]+\.[^\s]+$"
SOURCE_HINT = "the http(s) URL of the page you read the facts on"
LOCAL_PHONE = r"^[0-9][0-9 ()+.-]{6,}[0-9]$"
KINDS = ("courthouse", "drug-education", "recovery-court", "lead", "treatment")
Source = Annotated[str, rule(SOURCE, "is not a web address", SOURCE_HINT)]
Verified = Annotated[bool, Field(strict=True, description="write verified: false, or true once the firm has confirmed it (no quotes)")]


class LocalEntry(Strict):
    kind: Literal["courthouse", "drug-education", "recovery-court", "lead", "treatment"] = Field(
        description="one of: " + ", ".join(KINDS))
    name: TextOrBoth
    address: TextOrBoth | None = None
    phone: Annotated[str, rule(LOCAL_PHONE, "is not a phone number", 'quote it, like "828-555-0100"')] | None = None
    url: Annotated[str, rule(r"^https://\S+$", "must start with https://", "link the office's https:// page")] | None = None
    note: TextOrBoth | None = None
    source: Source = Field(description=SOURCE_HINT)
    verified: Verified

    @model_validator(mode="after")
    def _reachable(self) -> LocalEntry:
        if not (self.address or self.phone or self.url):
            raise ValueError("gives no address, phone or url. Hint: give at least one of address, phone, url")
        return self


class County(Strict):
    name: Text
    entries: Annotated[dict[str, LocalEntry], Field(min_length=1)]


class LocalHelp(Strict):
    shared: dict[str, LocalEntry] = Field(default_factory=dict, alias="_shared")  # YAML anchors
    counties: dict[str, County]


class ReviewItem(Strict):
    id: Annotated[str, rule(ID, "is not a short name", "small letters, digits and hyphens, like des-fee-hours")]
    pages: Annotated[list[Text], Field(min_length=1, description="a list like [faq.md, quiz]")]
    question: Text
    closed: Literal[False] | dt.date = Field(False, description="leave it out while open; the date YYYY-MM-DD closes it")
    answer: Text | None = None

    @field_validator("closed", mode="before")
    @classmethod
    def _a_day(cls, value: object) -> object:
        if isinstance(value, dt.datetime) or not isinstance(value, (bool, dt.date)):
            raise ValueError(f"must be false or a date YYYY-MM-DD, got {value!r}. "
                             "Hint: leave it out while open; the date YYYY-MM-DD closes it")
        return value


class Review(Strict):
    items: list[ReviewItem]


class Cost(Strict):
    label: TextOrBoth
    amount: TextOrBoth
    when: TextOrBoth
    statute: Annotated[str, rule(SECTION.pattern, "is not a G.S. section", "write a section like 7A-304")] = Field(
        description="write a section like 7A-304")
    source: Source = Field(description=SOURCE_HINT)
    verified: Verified


class Costs(Strict):
    items: Annotated[dict[str, Cost], Field(min_length=1)]


# ---- data/quiz.yml: the structure (sitebuild/quiz.py validate checks the
# references, the citations' wording and that every path reaches an outcome) ----

QUIZ_ID = r"^[a-z][a-z0-9_]*$"
QuizId = Annotated[str, Field(description='lower-case letters, digits and _; quote yes/no, like "no"'),
                   rule(QUIZ_ID, "is not an id", 'lower-case letters, digits and _; quote yes/no, like "no"')]
Condition = dict[str, QuizId | list[QuizId]]  # question id -> the option id(s) that meet it
QUIZ_UI_KEYS = (
    "region", "next", "back", "restart", "clear", "print", "progress",
    "error_choose", "cleared", "privacy", "nojs", "result_label", "reasons",
    "assumptions", "assume_answers", "citations", "all_answers", "call",
    "contact", "criteria_heading", "criteria_intro", "when", "law",
    "contact_heading", "contact_text",
)
CITE_HINT = 'name the statute(s) it rests on: - {section: "90-96", text: "G.S. 90-96(a)"}'


class Citation(Strict):
    section: Text = Field(description='a G.S. section, like "90-96"')
    text: Text = Field(description='the citation as shown, like "G.S. 90-96(a)"')


Citations = Annotated[list[Citation], Field(min_length=1, description=CITE_HINT)]


class QuizOption(Strict):
    id: QuizId
    label: Bilingual


class Question(Strict):
    id: QuizId
    short: Bilingual
    text: Bilingual
    help: Bilingual | None = None
    options: Annotated[list[QuizOption], Field(min_length=2, description="give at least two options")]
    show_if: Condition | None = None


class Outcome(Strict):
    id: QuizId
    title: Bilingual
    sentence: Bilingual
    criteria: Bilingual
    assumptions: Annotated[list[Bilingual], Field(min_length=1, description="list what the result assumes (en and es)")]
    citations: Citations


# A rule's `when:` and a warning's `show_if:`: question ids mapped to option ids, at least one.
Answers = Annotated[Condition, Field(min_length=1, description="map question ids to option ids")]


class QuizRule(Strict):
    id: QuizId
    when: Answers
    outcome: QuizId
    citations: Citations
    fallback_title: Bilingual | None = None


class QuizLink(Strict):
    page: Text = Field(description="a page, like immigration.md")
    text: Bilingual


class QuizWarning(Strict):
    id: QuizId
    show_if: Answers
    title: Bilingual
    text: Bilingual
    link: QuizLink | None = None


QuizUi = create_model("QuizUi", __base__=Strict, **{k: (Bilingual, ...) for k in QUIZ_UI_KEYS})  # type: ignore[call-overload]


class Quiz(Strict):
    reviewed: object = None  # 'pending' or a date: sitebuild/review.parse_reviewed says which
    questions: Annotated[list[Question], Field(min_length=1)]
    rules: Annotated[list[QuizRule], Field(min_length=1)]
    outcomes: Annotated[list[Outcome], Field(min_length=1)]
    warnings: list[QuizWarning] = []
    ui: QuizUi  # type: ignore[valid-type]
