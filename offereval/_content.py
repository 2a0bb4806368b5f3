"""The offer-evaluation framework as data: the one place its items are written down.

The engine, the command line, the site's pages and the printable checklists all read these
tuples, so a factor, a weight, a question or a red flag can never disagree between them.
"""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Factor:
    """One row of the decision matrix: what is rated 1-5 and how much it counts."""

    id: str
    name: str
    weight: int
    questions: str


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class GrowthArea:
    """One part of the career-growth rubric, with what high, medium and low look like."""

    id: str
    name: str
    questions: tuple[str, ...]
    high: str
    medium: str
    low: str


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class RedFlag:
    """One warning sign; its id is how an offers file ticks it."""

    id: str
    category: str
    text: str


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class FlagCategory:
    id: str
    name: str


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class QuestionGroup:
    """Questions to ask before deciding, grouped by whom or what they are about."""

    id: str
    name: str
    questions: tuple[str, ...]


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class DecisionStep:
    """One of the five steps from a stack of offers to a decision you keep."""

    number: int
    id: str
    name: str
    checks: tuple[str, ...]
    action: str


STAGES: tuple[tuple[str, str, float], ...] = (
    # id, name, default share of the grant's paper value that is counted
    ("public", "Public", 1.0),
    ("late_stage_private", "Late-stage private", 0.6),
    ("early_stage", "Early stage", 0.1),
)

DEFAULT_SIGNING_TENURE_YEARS = 2
DEFAULT_PROJECTION_YEARS = 4

FACTORS: tuple[Factor, ...] = (
    Factor(
        id="compensation",
        name="Compensation",
        weight=25,
        questions="Total comp, growth trajectory, equity upside",
    ),
    Factor(
        id="career_growth",
        name="Career Growth",
        weight=25,
        questions="Promotion path, skill development, mentorship",
    ),
    Factor(
        id="team_manager",
        name="Team & Manager",
        weight=20,
        questions="Team reputation, manager's leadership style",
    ),
    Factor(
        id="work_life_balance",
        name="Work-Life Balance",
        weight=15,
        questions="Hours expected, on-call burden, PTO culture",
    ),
    Factor(
        id="mission_product",
        name="Mission & Product",
        weight=10,
        questions="Do you care about what you'll build?",
    ),
    Factor(
        id="stability",
        name="Stability",
        weight=5,
        questions="Company runway, market position",
    ),
)

GROWTH_LEVELS: tuple[tuple[str, int], ...] = (("high", 5), ("medium", 3), ("low", 1))

GROWTH_AREAS: tuple[GrowthArea, ...] = (
    GrowthArea(
        id="scope_of_role",
        name="Scope of role",
        questions=(
            "What's the team size I'll be working with?",
            "What's the scale of systems I'll operate?",
            "Will I own end-to-end or just a slice?",
        ),
        high="Own platform serving 10M+ users",
        medium="Part of larger team, clear ownership area",
        low="One of many, unclear responsibilities",
    ),
    GrowthArea(
        id="learning_opportunities",
        name="Learning opportunities",
        questions=(
            "What technologies is the team investing in?",
            "Is there budget for conferences and certifications?",
            "Will I work with people I can learn from?",
        ),
        high="Cutting-edge stack, strong mentorship, learning culture",
        medium="Modern stack, some senior engineers",
        low="Legacy systems, no growth investment",
    ),
    GrowthArea(
        id="promotion_path",
        name="Promotion path",
        questions=(
            "What does the path to [next level] look like?",
            "How long do people typically stay at each level?",
            "What percentage of engineers get promoted each cycle?",
        ),
        high="Clear rubric, 18-24 month typical tenure at level",
        medium="Promotion possible but timeline unclear",
        low="Flat org, limited advancement",
    ),
    GrowthArea(
        id="exit_opportunities",
        name="Exit opportunities",
        questions=(
            "What do former team members go on to do?",
            "Is this company name respected in the industry?",
        ),
        high="Alumni at top companies, respected brand",
        medium="Some good exits, decent reputation",
        low="Unknown company, unclear career value",
    ),
)

FLAG_CATEGORIES: tuple[FlagCategory, ...] = (
    FlagCategory(id="compensation", name="Compensation"),
    FlagCategory(id="culture", name="Culture"),
    FlagCategory(id="role", name="Role"),
    FlagCategory(id="company", name="Company"),
)

RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag(
        id="no_liquidity_path",
        category="compensation",
        text="Equity with no explained path to liquidity",
    ),
    RedFlag(
        id="below_market_base",
        category="compensation",
        text="Below-market base with promise of future raises",
    ),
    RedFlag(id="long_cliff", category="compensation", text="Vesting cliff longer than 1 year"),
    RedFlag(id="no_refreshers", category="compensation", text="No refresher grants mentioned"),
    RedFlag(
        id="unclear_work_life_balance",
        category="culture",
        text="Interviewer couldn't explain work-life balance",
    ),
    RedFlag(
        id="high_turnover",
        category="culture",
        text="High turnover on the team (ask: how long has the team been together?)",
    ),
    RedFlag(
        id="new_manager",
        category="culture",
        text="Manager is new and hasn't built the team yet",
    ),
    RedFlag(id="rushed_decision", category="culture", text="They rush you to decide quickly"),
    RedFlag(
        id="changing_scope",
        category="role",
        text="Role scope keeps changing during interviews",
    ),
    RedFlag(
        id="no_success_metrics",
        category="role",
        text="No clear success metrics for the first year",
    ),
    RedFlag(
        id="only_specialist",
        category="role",
        text="You'd be the only MLOps engineer (at a company that needs more)",
    ),
    RedFlag(
        id="mismatched_technologies",
        category="role",
        text="Technologies mentioned don't match job description",
    ),
    RedFlag(id="recent_layoffs", category="company", text="Recent layoffs in engineering"),
    RedFlag(
        id="negative_team_reviews",
        category="company",
        text="Negative Glassdoor reviews about ML/data team",
    ),
    RedFlag(
        id="losing_momentum",
        category="company",
        text="Competitors have more market share momentum",
    ),
    RedFlag(
        id="executive_departures",
        category="company",
        text="Key executives have recently departed",
    ),
)

QUESTION_GROUPS: tuple[QuestionGroup, ...] = (
    QuestionGroup(
        id="about_the_role",
        name="About the role",
        questions=(
            "Can I speak with someone who currently has this role?",
            "What would success look like in my first 90 days?",
            "What's the biggest challenge the team is facing right now?",
        ),
    ),
    QuestionGroup(
        id="about_the_team",
        name="About the team",
        questions=(
            "How long has the current team been together?",
            "What's the on-call rotation like?",
            "How does the team handle disagreements?",
        ),
    ),
    QuestionGroup(
        id="about_the_manager",
        name="About the manager",
        questions=(
            "Can I meet my direct manager before accepting?",
            "What's your management style? How do you give feedback?",
            "How do you support career development?",
        ),
    ),
    QuestionGroup(
        id="about_growth",
        name="About growth",
        questions=(
            "What does the promotion process look like?",
            "How do you decide on team structure changes?",
            "What learning resources does the company provide?",
        ),
    ),
    QuestionGroup(
        id="about_compensation",
        name="About compensation",
        questions=(
            "When is the next compensation review cycle?",
            "How are equity refreshers determined?",
            "What's the typical bonus payout percentage?",
        ),
    ),
)

DECISION_STEPS: tuple[DecisionStep, ...] = (
    DecisionStep(
        number=1,
        id="eliminate_dealbreakers",
        name="Eliminate dealbreakers",
        checks=(
            "Is compensation above my minimum threshold?",
            "Is the location/remote policy acceptable?",
            "Did I see any unacceptable red flags?",
        ),
        action="Remove any offers that fail these checks",
    ),
    DecisionStep(
        number=2,
        id="score_remaining",
        name="Score the remaining offers",
        checks=("Rate each factor 1-5, multiply by weight",),
        action="Rank the offers by their weighted score",
    ),
    DecisionStep(
        number=3,
        id="gut_check",
        name="Gut check",
        checks=("If all offers had identical compensation, which would I choose?",),
        action="Often reveals what you actually value",
    ),
    DecisionStep(
        number=4,
        id="sleep_on_it",
        name="Sleep on it",
        checks=("Do you still feel good about it in the morning?",),
        action="Take 24-48 hours after your 'final' decision",
    ),
    DecisionStep(
        number=5,
        id="commit_fully",
        name="Commit fully",
        checks=("Once decided, stop second-guessing",),
        action="Grass is always greener; commit to making your choice successful",
    ),
)

SLEEP_ON_IT_HOURS = (24, 48)


def sleep_on_it_advice() -> str:
    """Step 4's advice in the framework's words, for whoever is about to commit before it.

    >>> sleep_on_it_advice()
    "Take 24-48 hours after your 'final' decision. Do you still feel good about it in the morning?"
    """
    step = next(s for s in DECISION_STEPS if s.id == "sleep_on_it")
    return f"{step.action}. {step.checks[0]}"


def stage_ids() -> tuple[str, ...]:
    """The valid values of an offer's company_stage, in the framework's order."""
    return tuple(stage_id for stage_id, _, _ in STAGES)


def default_stage_factors() -> dict[str, float]:
    """The share of an equity grant's paper value counted for each company stage."""
    return {stage_id: factor for stage_id, _, factor in STAGES}


def default_weights() -> dict[str, float]:
    """The decision matrix's default weights, in percent, summing to 100."""
    return {factor.id: float(factor.weight) for factor in FACTORS}


def flags_by_id() -> dict[str, RedFlag]:
    return {flag.id: flag for flag in RED_FLAGS}


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class ChecklistItem:
    """One line of a printable checklist; its id is how an offers file ticks or answers it."""

    id: str
    text: str


def _numbered(prefix: str, texts: tuple[str, ...]) -> tuple[ChecklistItem, ...]:
    return tuple(
        ChecklistItem(id=f"{prefix}_{number}", text=text)
        for number, text in enumerate(texts, start=1)
    )


def question_items(group: QuestionGroup) -> tuple[ChecklistItem, ...]:
    """A group's questions with their ids: the group's id and the question's number.

    >>> question_items(QUESTION_GROUPS[0])[1]
    ChecklistItem(id='about_the_role_2', text='What would success look like in my first 90 days?')
    """
    return _numbered(group.id, group.questions)


def dealbreaker_checks() -> tuple[ChecklistItem, ...]:
    """The checks of step 1, the dealbreaker check, with their ids (eliminate_dealbreakers_1...)."""
    step = DECISION_STEPS[0]
    return _numbered(step.id, step.checks)


def checklist_item_ids() -> tuple[str, ...]:
    """Every item of the framework's checklists: questions, dealbreaker checks, red flags."""
    questions = [item.id for group in QUESTION_GROUPS for item in question_items(group)]
    return (*questions, *(item.id for item in dealbreaker_checks()), *(f.id for f in RED_FLAGS))


def as_dict() -> dict[str, object]:
    """The whole framework as plain data, for the site build and the browser."""
    return {
        "stages": [
            {"id": stage_id, "name": name, "factor": factor} for stage_id, name, factor in STAGES
        ],
        "signing_tenure_years": DEFAULT_SIGNING_TENURE_YEARS,
        "projection_years": DEFAULT_PROJECTION_YEARS,
        "factors": [dataclasses.asdict(f) for f in FACTORS],
        "growth_levels": [{"id": level, "rating": rating} for level, rating in GROWTH_LEVELS],
        "growth_areas": [dataclasses.asdict(a) for a in GROWTH_AREAS],
        "flag_categories": [dataclasses.asdict(c) for c in FLAG_CATEGORIES],
        "red_flags": [dataclasses.asdict(f) for f in RED_FLAGS],
        "question_groups": [dataclasses.asdict(g) for g in QUESTION_GROUPS],
        "decision_steps": [dataclasses.asdict(s) for s in DECISION_STEPS],
        "sleep_on_it_hours": list(SLEEP_ON_IT_HOURS),
    }
