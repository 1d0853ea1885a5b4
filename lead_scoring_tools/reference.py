"""Plain-Python reference implementation of the lead-scoring semantics.

It follows ../shared/PRODUCT.md §3 and docs/scoring.md (which wins where it
is more precise), is written independently of the dbt SQL, and uses the
standard library only. Numbers are floats; results agree with SQL to 0.01.

    config = load_config("seeds")
    result = score(contacts, events, identities, config, as_of=date(2026, 6, 30), accounts=accounts,
                   now=datetime(2026, 7, 1, 6, 0))
    result.quarantine, result.accepted, result.after_as_of, result.ledger, result.scores
    result.contact_quarantine, result.account_quarantine

`as_of` is the scoring date; `now` is the run's clock (naive UTC, default the
machine's current UTC time), which only decides which timestamps are impossible
(docs/scoring.md §0). Every raw event is in exactly one of `accepted`,
`quarantine` or `after_as_of` (§3). The ledger holds behaviour-rule rows (§4-5)
and sequence bonus rows (§7); the scores add the fit score, grade,
disqualification and routing (§8-9) and the top reasons with fit (§10).
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

Row = dict[str, Any]

SEED_FILES = {
    "models": "lead_scoring_models.csv",
    "behavior_rules": "lead_scoring_behavior_rules.csv",
    "inactivity_steps": "lead_scoring_inactivity_steps.csv",
    "event_types": "lead_scoring_event_types.csv",
    "page_categories": "lead_scoring_page_categories.csv",
    "reference_lists": "lead_scoring_reference_lists.csv",
    "fit_rules": "lead_scoring_fit_rules.csv",
    "grade_bands": "lead_scoring_grade_bands.csv",
    "sequence_rules": "lead_scoring_sequence_rules.csv",
}
INT_COLUMNS = {"min_duration_seconds", "max_occurrences", "window_days", "inactive_days",
               "priority", "fast_track_window_days"}
FLOAT_COLUMNS = {"points", "repeat_points", "half_life_days", "default_half_life_days",
                 "penalty_points", "mql_threshold", "score_floor", "score_cap", "min_fit_score",
                 "within_days"}
BOOL_COLUMNS = {"is_strong_signal"}
ID_COLUMNS = ("event_id", "contact_id", "anonymous_id", "product_id", "campaign_id", "url")
EVENT_COLUMNS = ("event_id", "contact_id", "anonymous_id", "event_type", "occurred_at", "url",
                 "product_id", "campaign_id", "duration_seconds", "user_agent", "ip",
                 "email_sent_at")
CONTACT_ID_COLUMNS = ("contact_id", "account_id", "crm_id")
CONTACT_COLUMNS = ("contact_id", "account_id", "email", "job_title", "country", "created_at",
                   "updated_at", "crm_id")
ACCOUNT_ID_COLUMNS = ("account_id", "crm_id")
ACCOUNT_COLUMNS = ("account_id", "domain", "name", "industry", "employee_count", "annual_revenue",
                   "country", "crm_id")
AFTER_AS_OF = "after as_of"  # not a quarantine reason: the event is not yet visible as of as_of (§3)
INT64_MIN, INT64_MAX = -2 ** 63, 2 ** 63 - 1
FIT_CONTACT_ATTRIBUTES = ("job_title", "country", "department", "phone", "first_name", "last_name")
FIT_ACCOUNT_ATTRIBUTES = ("industry", "employee_count", "annual_revenue", "country")
GRADES = ("A", "B", "C", "D")


@dataclass
class Config:
    """The configuration seeds, one list of dicts per seed (None = null)."""
    models: list[Row] = field(default_factory=list)
    behavior_rules: list[Row] = field(default_factory=list)
    inactivity_steps: list[Row] = field(default_factory=list)
    event_types: list[Row] = field(default_factory=list)
    page_categories: list[Row] = field(default_factory=list)
    reference_lists: list[Row] = field(default_factory=list)
    fit_rules: list[Row] = field(default_factory=list)
    grade_bands: list[Row] = field(default_factory=list)
    sequence_rules: list[Row] = field(default_factory=list)


@dataclass
class Result:
    """"`count(raw) = count(accepted) + count(quarantined) + count(after as_of)` always holds.\""""
    quarantine: list[Row]
    accepted: list[Row]
    ledger: list[Row]
    scores: list[Row]
    after_as_of: list[Row] = field(default_factory=list)          # raw events not yet visible (§3)
    contact_quarantine: list[Row] = field(default_factory=list)   # contact rows dropped (§1)
    account_quarantine: list[Row] = field(default_factory=list)   # account rows dropped (§1)


# ---------------------------------------------------------------- configuration
def _typed(column: str, text: str | None) -> Any:
    """Empty CSV cells mean null; booleans are `true`/`false`."""
    if text is None or text.strip() == "":
        return None
    text = text.strip()
    if column in BOOL_COLUMNS:
        return text.lower() == "true"
    if column in INT_COLUMNS:
        return int(float(text))
    if column in FLOAT_COLUMNS:
        return float(text)
    return text


def load_config(seed_dir: str | Path) -> Config:
    """Read the configuration seeds into typed Python values."""
    lists = {}
    for name, filename in SEED_FILES.items():
        with open(Path(seed_dir) / filename, newline="", encoding="utf-8") as f:
            lists[name] = [{k: _typed(k, v) for k, v in row.items()} for row in csv.DictReader(f)]
    return Config(**lists)


# ---------------------------------------------------------------- normalisation (§1)
TIMESTAMP_TEXT = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"                                  # YYYY-MM-DD
    r"(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?"          # [ T]HH:MM[:SS[.fff]]
    r" ?(?:(Z|UTC)|([+-])(\d{2})(?::?(\d{2}))?)?)?",             # Z, UTC, +02:00, -0500, +02
    re.IGNORECASE)


def parse_timestamp(value: Any) -> datetime | None:
    """"A column of a timestamp type without time zone is taken as UTC; a
    timestamp-with-time-zone column is converted to UTC; a text column is read as
    `YYYY-MM-DD[ T]HH:MM:SS[.fff]` with an optional offset (`Z`, `+02:00`, `-0500`, `+02`)
    that is applied (`2026-06-30 23:30:00-05:00` is `2026-07-01 04:30:00` UTC), or as a
    bare date (midnight UTC). A value that cannot be read is null.\" (naive UTC)"""
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, date):
        return datetime.combine(value, time())
    if not isinstance(value, str):
        return None
    m = TIMESTAMP_TEXT.fullmatch(value.strip())
    if m is None:
        return None
    year, month, day, hour, minute, second, fraction, _utc, sign, off_h, off_m = m.groups()
    try:
        moment = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0),
                          int(second or 0), int((fraction or "0")[:6].ljust(6, "0")))
        if sign is None:
            return moment
        if int(off_h) > 23 or int(off_m or 0) > 59:
            return None
        offset = timedelta(hours=int(off_h), minutes=int(off_m or 0))
        return moment - offset if sign == "+" else moment + offset
    except (ValueError, OverflowError):
        return None


NUMBER_TEXT = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?", re.IGNORECASE)


def parse_number(value: Any) -> Decimal | None:
    """A finite number, or text that reads as one once trimmed; anything else is None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(value)
    elif isinstance(value, str) and NUMBER_TEXT.fullmatch(value.strip()):
        number = Decimal(value.strip())
    else:
        return None
    return number if number.is_finite() else None


def parse_duration(value: Any) -> int | None:
    """"`duration_seconds`: a whole number of seconds; anything else (text, fractions,
    values beyond 64-bit integers) is null, which counts as 0." An int, an integral
    float or text that reads as an integral number (`30`, ` 30 `, `3e9`) is whole."""
    number = parse_number(value)
    if number is None or not INT64_MIN <= number <= INT64_MAX or number != number.to_integral_value():
        return None
    return int(number)


def clean_id(value: Any) -> str | None:
    """"Every id, wherever it is read [...], is trimmed and a blank value counts as null.\""""
    return None if value is None or str(value).strip() == "" else str(value).strip()


def clean_ids(raw: Row, columns: tuple[str, ...] = ID_COLUMNS) -> Row:
    """"Every id, wherever it is read (`event_id`, `contact_id`, `account_id`, `crm_id`,
    `anonymous_id`, `product_id`, `campaign_id`, `conversion_id`), is trimmed and a blank
    value counts as null; URLs are trimmed the same way.\""""
    return {**raw, **{column: clean_id(raw.get(column)) for column in columns}}


def visibility_limit(as_of: date) -> datetime:
    """`as_of + 1 day` at midnight UTC: "An event is *visible as of `as_of`* when
    `occurred_at < as_of + 1 day`\"."""
    return datetime.combine(as_of + timedelta(days=1), time())


def exists_as_of(contact: Row, as_of: date) -> bool:
    """"a contact exists as of `as_of` when its `created_at` is null or
    `created_at < as_of + 1 day`\""""
    created_at = parse_timestamp(contact.get("created_at"))
    return created_at is None or created_at < visibility_limit(as_of)


def _ascending(value: Any) -> tuple:
    """Sort key: ascending, nulls last."""
    return (1,) if value is None else (0, value)


def _descending(moment: datetime | None) -> tuple:
    """Sort key: a timestamp descending, nulls last."""
    return (1,) if moment is None else (0, -(moment - datetime.min))


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def contact_order(contact: Row) -> tuple:
    """"the most recently updated is kept (`updated_at` descending, nulls last, then
    `created_at` descending, nulls last, then `email`, `account_id`, `crm_id`, `job_title`,
    `country` ascending, nulls last)" (the e-mail as staged: trimmed and lower-cased)."""
    email = None if contact.get("email") is None else str(contact["email"]).strip().lower()
    return (_descending(parse_timestamp(contact.get("updated_at"))),
            _descending(parse_timestamp(contact.get("created_at"))),
            *(_ascending(v) for v in (email, contact.get("account_id"), contact.get("crm_id"),
                                       _text(contact.get("job_title")), _text(contact.get("country")))))


def account_order(account: Row) -> tuple:
    """"kept: `updated_at` descending when the relation has that column, then `crm_id`,
    `domain`, `name`, `industry`, `employee_count`, `annual_revenue`, `country` ascending,
    nulls last" (a relation without `updated_at` reads it as null for every row)."""
    return (_descending(parse_timestamp(account.get("updated_at"))),
            *(_ascending(v) for v in (account.get("crm_id"), _text(account.get("domain")),
                                       _text(account.get("name")), _text(account.get("industry")),
                                       parse_number(account.get("employee_count")),
                                       parse_number(account.get("annual_revenue")),
                                       _text(account.get("country")))))


def deduplicate(rows: list[Row], id_column: str, id_columns: tuple[str, ...], columns: tuple[str, ...],
                order, missing: str, duplicate: str) -> tuple[dict[str, Row], list[Row]]:
    """"Contacts: one row per `contact_id`. A row whose `contact_id` is null goes to the
    contact quarantine as `missing_contact_id`. When several rows share a `contact_id`, the
    most recently updated is kept [...] and the others go to the contact quarantine as
    `duplicate_contact_id`. Accounts likewise (`missing_account_id`, `duplicate_account_id`
    [...])." Returns the kept rows by id and the quarantine rows (the raw columns, ids
    trimmed as everywhere, and a `reason`); rows equal on every ordering column keep the
    first in input order."""
    cleaned = [clean_ids(row, id_columns) for row in rows]
    groups: dict[str, list[int]] = defaultdict(list)
    dropped = []
    for i, row in enumerate(cleaned):
        if row.get(id_column) is None:
            dropped.append((i, missing))
        else:
            groups[row[id_column]].append(i)
    kept: dict[str, Row] = {}
    for key, indexes in groups.items():
        first = min(indexes, key=lambda i: (order(cleaned[i]), i))
        kept[key] = cleaned[first]
        dropped += [(i, duplicate) for i in indexes if i != first]
    return kept, [{**{c: cleaned[i].get(c) for c in columns}, **cleaned[i], "reason": reason}
                  for i, reason in sorted(dropped)]


def normalise_event_type(event_type: Any) -> str | None:
    """"`event_type` is trimmed and lower-cased.\""""
    return None if event_type is None else str(event_type).strip().lower()


def split_email(email: Any) -> tuple[str | None, str | None]:
    """"E-mail: trimmed and lower-cased; `email_local_part` is the text before the
    last `@`, `email_domain` the text after it (null when there is no `@`).\""""
    if email is None or "@" not in str(email):
        return None, None
    local, _, domain = str(email).strip().lower().rpartition("@")
    return local, domain


def normalise_url(url: Any) -> str | None:
    """"URL normalisation: trim; cut at the first `?` or `#`; lower-case the scheme
    and host (everything before the first `/` that follows `://`, or the whole URL
    when there is no path). The path keeps its case.\""""
    if url is None:
        return None
    text = re.split(r"[?#]", str(url).strip(), maxsplit=1)[0]
    if text == "":
        return None
    scheme_end = text.find("://")
    if scheme_end < 0:
        return text  # no scheme: no identifiable host, left as is
    path_start = text.find("/", scheme_end + 3)
    return text.lower() if path_start < 0 else text[:path_start].lower() + text[path_start:]


def like(value: str, pattern: str) -> bool:
    """"SQL `LIKE` semantics, compared case-insensitively (`%` = any run of
    characters, `_` = any one character, the pattern must match the whole URL).\""""
    regex = "".join(".*" if c == "%" else "." if c == "_" else re.escape(c) for c in pattern.lower())
    return re.fullmatch(regex, value.lower(), flags=re.DOTALL) is not None


def page_category_of(url: str | None, page_categories: list[Row]) -> Row | None:
    """"Among the rows whose `url_pattern` matches the normalised URL, the row with the
    lowest `priority` wins, ties broken by `page_category` then `url_pattern`. [...]
    No URL or no match: no category, no product.\""""
    if url is None:
        return None
    matches = [r for r in page_categories if r.get("url_pattern") and like(url, r["url_pattern"])]
    key = lambda r: (r.get("priority") is None, r.get("priority") or 0,
                     r.get("page_category") or "", r["url_pattern"])
    return min(matches, key=key, default=None)


# ---------------------------------------------------------------- identity stitching (§2)
def identity_map(identities: list[Row], as_of: date | None = None) -> dict[str, str]:
    """"When an `anonymous_id` was identified as several contacts, the earliest
    `identified_at` wins, ties broken by `contact_id`. Identity rows with a null id
    are ignored, and so are those identified after `as_of` (`identified_at >= as_of + 1
    day`; a null `identified_at` counts as known)." "Identities: rows are a set; exact
    duplicates are harmless.\""""
    best: dict[str, tuple] = {}
    for row in identities:
        anon, contact = clean_id(row.get("anonymous_id")), clean_id(row.get("contact_id"))
        if anon is None or contact is None:
            continue
        at = parse_timestamp(row.get("identified_at"))
        if as_of is not None and at is not None and at >= visibility_limit(as_of):
            continue
        key = (at is None, at or datetime.min, str(contact))
        if anon not in best or key < best[anon][0]:
            best[anon] = (key, contact)
    return {anon: contact for anon, (_, contact) in best.items()}


def stitch(event: Row, identities: dict[str, str]) -> Any:
    """"An event with a null `contact_id` and a non-null `anonymous_id` takes the contact
    of that `anonymous_id` in `identities` [...] An event that carries a `contact_id`
    keeps it.\""""
    if event.get("contact_id") is not None:
        return event["contact_id"]
    return identities.get(event.get("anonymous_id")) if event.get("anonymous_id") is not None else None


# ---------------------------------------------------------------- quarantine (§3)
def _nulls_last(value: Any) -> tuple:
    if value is None:
        return (1, 0, 0)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (0, 0, value)
    if isinstance(value, datetime):
        return (0, 1, value)
    return (0, 2, str(value))


def first_rows_per_event_id(events: list[Row]) -> set[int]:
    """"duplicate_event_id: another row with the same `event_id` comes first: rows of one
    id are ordered by `occurred_at` (nulls last), then by `contact_id`, `anonymous_id`,
    `event_type`, `url`, `product_id`, `campaign_id`, `duration_seconds`, `user_agent`,
    `ip`, `email_sent_at` (each nulls last); the first is kept.\""""
    groups: dict[Any, list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        if not is_missing_event_id(e):
            groups[e["event_id"]].append(i)

    def order(i: int) -> tuple:
        e = events[i]
        values = [parse_timestamp(e.get("occurred_at"))] + [e.get(c) for c in EVENT_COLUMNS[1:4]] \
            + [e.get(c) for c in EVENT_COLUMNS[5:8]] + [parse_duration(e.get("duration_seconds"))] \
            + [e.get(c) for c in EVENT_COLUMNS[9:11]] + [parse_timestamp(e.get("email_sent_at"))]
        return tuple(_nulls_last(v) for v in values)
    return {min(indexes, key=order) for indexes in groups.values()}


def is_missing_event_id(event: Row) -> bool:
    """"missing_event_id: `event_id` is null or blank.\""""
    return event.get("event_id") is None or str(event["event_id"]).strip() == ""


def is_future(occurred_at: datetime, now: datetime, tolerance_minutes: int) -> bool:
    """"future_timestamp: `occurred_at > now + T minutes`: it cannot have happened yet (T =
    var `lead_scoring__future_tolerance_minutes`, default 60, for clock skew)\""""
    return occurred_at > now + timedelta(minutes=tolerance_minutes)


def is_after_as_of(occurred_at: datetime, as_of: date) -> bool:
    """"*after as_of*: `occurred_at >= as_of + 1 day`: not yet visible to a score of that date\""""
    return occurred_at >= visibility_limit(as_of)


def is_bot_user_agent(user_agent: Any, bot_values: set[str]) -> bool:
    """"`bot_user_agent` values are searched for inside the lower-cased user agent.\""""
    return user_agent is not None and any(v in str(user_agent).lower() for v in bot_values)


def is_email_scanner(ev: Row, seconds: int) -> bool:
    """"bot_email_scanner: `email_open` or `email_click` with `email_sent_at` set and
    `occurred_at < email_sent_at + N seconds`.\""""
    return (ev["event_type"] in ("email_open", "email_click") and ev["email_sent_at"] is not None
            and ev["occurred_at"] < ev["email_sent_at"] + timedelta(seconds=seconds))


def click_bursts(survivors: list[Row], seconds: int) -> set[int]:
    """"bot_click_burst: an `email_click` with a `campaign_id`, and another `email_click` of
    the same contact and campaign, not quarantined by reasons 1-10 nor after as_of, at most
    M seconds before or after it: every click of such a burst is quarantined.\""""
    groups: dict[tuple, list[Row]] = defaultdict(list)
    for ev in survivors:
        if ev["event_type"] == "email_click" and ev.get("campaign_id") is not None:
            groups[(ev["contact_id"], ev["campaign_id"])].append(ev)
    burst, gap = set(), timedelta(seconds=seconds)
    for clicks in groups.values():
        clicks.sort(key=lambda e: e["occurred_at"])
        for a, b in zip(clicks, clicks[1:]):
            if b["occurred_at"] - a["occurred_at"] <= gap:
                burst |= {a["_index"], b["_index"]}
    return burst


def quarantine_reason(i: int, raw: Row, ev: Row, first_rows: set[int], contacts: dict[Any, Row],
                      lists: dict[str, set], as_of: date, scanner_seconds: int, now: datetime,
                      tolerance_minutes: int) -> str | None:
    """"Every raw event is accepted, quarantined with exactly one reason, or not yet visible
    as of `as_of` (*after as_of*: neither scored nor quarantined). The first that applies,
    in this order" (reasons 1-10 or AFTER_AS_OF; 11 needs all rows, see click_bursts)."""
    if is_missing_event_id(raw):
        return "missing_event_id"
    if i not in first_rows:
        return "duplicate_event_id"
    if ev["occurred_at"] is None:
        return "invalid_timestamp"
    if is_future(ev["occurred_at"], now, tolerance_minutes):
        return "future_timestamp"
    if is_after_as_of(ev["occurred_at"], as_of):
        return AFTER_AS_OF
    if ev["event_type"] not in lists["event_type"]:
        return "unknown_event_type"
    if ev["contact_id"] is None:
        return "missing_contact"
    if ev["contact_id"] not in contacts:
        return "unknown_contact"
    if not exists_as_of(contacts[ev["contact_id"]], as_of):
        return AFTER_AS_OF  # "the contact was created after `as_of` (§0): its events are not yet visible"
    if split_email(contacts[ev["contact_id"]].get("email"))[1] in lists["internal_domain"]:
        return "internal_traffic"
    if is_bot_user_agent(raw.get("user_agent"), lists["bot_user_agent"]):
        return "bot_user_agent"
    if is_email_scanner(ev, scanner_seconds):
        return "bot_email_scanner"
    return None


def lookup_lists(cfg: Config) -> dict[str, set]:
    """Known event types and the reference lists, trimmed and lower-cased, by list name."""
    lists: dict[str, set] = defaultdict(set)
    lists["event_type"] = {normalise_event_type(t.get("event_type")) for t in cfg.event_types}
    for r in cfg.reference_lists:
        if r.get("list_name") is not None and str(r.get("value") or "").strip():  # "" would match everything
            lists[r["list_name"]].add(str(r["value"]).strip().lower())
    return lists


# ---------------------------------------------------------------- rule matching (§4)
def counts_for_model(event_product: Any, model: Row) -> bool:
    """"The event's product is its own `product_id`, else the product of its page category
    row. An event with a product counts only for the models of that product; an event
    without one counts for every model.\""""
    return event_product is None or event_product == model.get("product_id")


def is_candidate(ev: Row, rule: Row) -> bool:
    """"A rule of the model is a candidate when its `event_type` equals the event's, its
    `page_category` is null or equals the event's, and the event's `duration_seconds`
    (null counts as 0) is at least the rule's `min_duration_seconds` (null counts as 0).\""""
    return (normalise_event_type(rule.get("event_type")) == ev["event_type"]
            and rule.get("page_category") in (None, ev["page_category"])
            and (ev["duration_seconds"] or 0) >= (rule.get("min_duration_seconds") or 0))


def winning_rule(ev: Row, rules: list[Row]) -> Row | None:
    """"The winner among candidates is the most specific: rules with a `page_category`
    before rules without, then the largest `min_duration_seconds` (null counts as 0: the
    most demanding time-on-page gate the event satisfies), then the smallest `rule_id`. At
    most one rule per event and model.\""""
    candidates = [r for r in rules if is_candidate(ev, r)]
    return min(candidates, key=lambda r: (r.get("page_category") is None, -(r.get("min_duration_seconds") or 0),
                                          str(r["rule_id"])), default=None)


# ---------------------------------------------------------------- points (§5)
def age_days(occurred_at: datetime, as_of: date) -> int:
    """"`age_days` = `as_of` minus the event's UTC date (whole days, >= 0).\""""
    return (as_of - occurred_at.date()).days


def in_window(age: int, window_days: int | None) -> bool:
    """"The event is kept when `window_days` is null or `age_days < window_days`.\""""
    return window_days is None or age < window_days


def raw_points(rule: Row, occurrence: int) -> float:
    """"Occurrence 1 earns `points`, later ones `repeat_points` (null `repeat_points` = `points`).\""""
    repeat = rule.get("repeat_points")
    return float(rule["points"] if occurrence == 1 or repeat is None else repeat)


def is_capped(rule: Row, occurrence: int) -> bool:
    """"Capped: `max_occurrences` is set and the occurrence number exceeds it.\""""
    return rule.get("max_occurrences") is not None and occurrence > rule["max_occurrences"]


def decay_factor(rule: Row, model: Row, age: int) -> float:
    """"Half-life: the rule's `half_life_days`, else the model's `default_half_life_days`.
    Null or 0 = no decay (factor 1); otherwise the decay factor is `0.5 ^ (age_days / half_life)`.\""""
    half_life = rule.get("half_life_days")
    if half_life is None:
        half_life = model.get("default_half_life_days")
    return 1.0 if not half_life else 0.5 ** (age / half_life)


# ---------------------------------------------------------------- score (§6)
def inactivity_penalty(steps: list[Row], days_inactive: int | None) -> float:
    """"The penalty is the `penalty_points` of the model's step with the largest
    `inactive_days <= N`; no such step, or no positive row, no penalty.\""""
    if days_inactive is None:
        return 0.0
    eligible = [s for s in steps if s.get("inactive_days") is not None and s["inactive_days"] <= days_inactive]
    return float(max(eligible, key=lambda s: s["inactive_days"])["penalty_points"] or 0) if eligible else 0.0


def round2(x: float) -> float:
    """Round to 2 decimals, halves away from zero (as SQL `round`)."""
    return float(Decimal(repr(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def behavior_score(total: float, penalty: float, floor: float | None, cap: float | None) -> float:
    """"`behavior_score = round(clamp(sum(final points) - penalty, score_floor, score_cap), 2)`.\""""
    value = total - penalty
    value = value if floor is None else max(value, floor)
    value = value if cap is None else min(value, cap)
    return round2(value)


def signed(points: float) -> str:
    """"signed points rounded to 2 decimals without trailing zeros\" (+30, +12.5, -15)."""
    text = f"{round2(abs(points)):.2f}".rstrip("0").rstrip(".")
    return ("-" if points < 0 else "+") + text


def top_reasons(ledger_rows: list[Row], rules: dict[str, Row], penalty: float, days_inactive: int | None,
                sequences: dict[str, Row] | None = None, fit_rules: list[Row] = ()) -> str | None:
    """"The contact's ledger rows are summed per rule (final points, and the number of
    counted, i.e. not capped, occurrences); each rule whose sum rounds to a non-zero value
    at 2 decimals is a reason, and so is a non-zero inactivity penalty." (§6) Sequence rows
    are "summed per `sequence_id`, described by its `description`" (§7), and "every matching
    fit rule with non-zero points, written `+20 VP title` (no occurrence count)" is one too
    (§10). "The three with the largest absolute points (ties: by text) are joined with `; `,
    each written as signed points [...], a space, the rule `description`, and ` xN` when
    N > 1 occurrences counted.\""""
    sums: dict[tuple, float] = defaultdict(float)
    counted: dict[tuple, int] = defaultdict(int)
    for row in ledger_rows:
        key = (row.get("contribution_type", "behavior_rule"), row["rule_id"])
        sums[key] += row["final_points"]
        counted[key] += not row["is_capped"]
    described = {"behavior_rule": rules, "sequence": sequences or {}}
    reasons = []
    for (kind, rule_id), points in sums.items():
        if round2(points) != 0:
            n = counted[(kind, rule_id)]
            description = described[kind].get(rule_id, {}).get("description") or rule_id
            reasons.append((points, f"{signed(points)} {description}" + (f" x{n}" if n > 1 else "")))
    if penalty:
        reasons.append((-penalty, f"{signed(-penalty)} inactive {days_inactive}d"))
    for rule in fit_rules:
        if rule.get("points"):
            reasons.append((rule["points"], f"{signed(rule['points'])} {rule.get('description') or rule['rule_id']}"))
    reasons.sort(key=lambda r: (-abs(round2(r[0])), r[1]))
    return "; ".join(text for _, text in reasons[:3]) or None


# ---------------------------------------------------------------- sequences (§7)
def sequence_steps(sequence: Row) -> list[tuple[str, Any]]:
    """"ordered steps of two or three activities (`step_N_event_type`,
    `step_N_page_category`: null = any page or none; step 3 empty for a two-step sequence)\""""
    return [(normalise_event_type(sequence[f"step_{n}_event_type"]), sequence.get(f"step_{n}_page_category"))
            for n in (1, 2, 3) if sequence.get(f"step_{n}_event_type") is not None]


def step_matches(ev: Row, step: tuple[str, Any]) -> bool:
    """"A step matches an event when the event types are equal and the step's page category
    is null or equals the event's. Duration does not matter.\""""
    event_type, page_category = step
    return ev["event_type"] == event_type and page_category in (None, ev["page_category"])


def latest_completion(events: list[Row], steps: list[tuple], within_days: float | None) -> Row | None:
    """"A sequence is completed by event `e` (matching the last step) when there are earlier,
    distinct events matching the earlier steps, in step order, the first of which happened
    no more than `within_days` x 24 hours before `e`. One event fills one step only."
    `events` are ordered by `occurred_at`, then `event_id`; the latest completing event is
    returned. Filling the earlier steps from the back with the latest possible events gives
    the latest possible first event, so it completes the sequence if anything does."""
    window = None if within_days is None else timedelta(days=within_days)
    too_old = lambda e, earlier: window is not None and e["occurred_at"] - earlier["occurred_at"] > window
    for k in range(len(events) - 1, -1, -1):
        e = events[k]
        if not steps or not step_matches(e, steps[-1]):
            continue
        position = k
        for step in reversed(steps[:-1]):  # going back in time, stop at the first match or too old
            position = next((i for i in range(position - 1, -1, -1)
                             if too_old(e, events[i]) or step_matches(events[i], step)), None)
            if position is None or too_old(e, events[position]):
                break
        else:
            return e
    return None


def build_sequence_ledger(accepted: list[Row], cfg: Config, as_of: date) -> list[Row]:
    """"The bonus counts once per (contact, model, sequence), dated by the latest completing
    event. It is a ledger row like a rule's: `rule_id` = the `sequence_id`,
    `contribution_type` = `sequence`, `event_id` = the completing event, occurrence 1, not
    capped, raw points = `points`, decayed from the completing event's date with the
    sequence's `half_life_days` (null = the model's default, 0 = no decay). No window.\""""
    events_by_contact: dict[Any, list[Row]] = defaultdict(list)
    for ev in accepted:
        events_by_contact[ev["contact_id"]].append(ev)
    ledger = []
    for contact_id in sorted(events_by_contact, key=str):
        events = sorted(events_by_contact[contact_id], key=lambda e: (e["occurred_at"], str(e["event_id"])))
        for model in cfg.models:
            candidates = [e for e in events if counts_for_model(e["event_product_id"], model)]
            sequences = [q for q in cfg.sequence_rules if q.get("model_id") == model["model_id"]]
            for sequence in sorted(sequences, key=lambda q: str(q["sequence_id"])):
                e = latest_completion(candidates, sequence_steps(sequence), sequence.get("within_days"))
                if e is None:
                    continue
                age, raw = age_days(e["occurred_at"], as_of), float(sequence.get("points") or 0)
                factor = decay_factor(sequence, model, age)
                ledger.append({"event_id": e["event_id"], "model_id": model["model_id"],
                               "rule_id": sequence["sequence_id"], "contribution_type": "sequence",
                               "contact_id": contact_id, "occurred_at": e["occurred_at"],
                               "event_date": e["occurred_at"].date(), "age_days": age, "occurrence_number": 1,
                               "raw_points": raw, "is_capped": False, "decay_factor": factor,
                               "final_points": raw * factor})
    return ledger


# ---------------------------------------------------------------- fit score and grade (§8)
def fit_text(value: Any) -> str | None:
    """"all compared as text, trimmed and lower-cased, blank = null\""""
    text = None if value is None else str(value).strip().lower()
    return text or None


def is_phone_repeated_digit(phone: str | None) -> str | None:
    """"`true` when the phone, without spaces and `+ - . ( ) /`, is at least 4 characters of
    one repeated digit (`000 000 0000`), `false` otherwise (null without a phone).\""""
    if phone is None:
        return None
    digits = re.sub(r"[ +\-.()/]", "", phone)
    return "true" if re.fullmatch(r"(\d)\1{3,}", digits) else "false"


def fit_attributes(contact: Row, account: Row | None, lists: dict[str, set],
                   contact_columns: tuple[str, ...], account_columns: tuple[str, ...]) -> dict[str, str | None]:
    """The contact columns under their own name, the account columns as `account_<column>`
    (null without a known account), and the derived attributes."""
    attributes = {column: fit_text(contact.get(column)) for column in contact_columns}
    attributes.update({f"account_{column}": fit_text((account or {}).get(column)) for column in account_columns})
    local, domain = split_email(contact.get("email"))
    attributes.update({"email_domain": fit_text(domain), "email_local_part": fit_text(local),
                       "is_free_mail": "true" if domain in lists["free_mail_domain"] else "false",
                       "is_role_based": "true" if local in lists["role_based_local_part"] else "false"})
    if "phone" in contact_columns:
        attributes["is_phone_repeated_digit"] = is_phone_repeated_digit(attributes["phone"])
    return attributes


NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?")


def is_between(attribute: str, value: str | None) -> bool:
    """"is a number within `low|high`, both ends included" with a value of "exactly
    `low|high`; an empty end is open (`5001|`)": another value never matches."""
    if value is None or value.count("|") != 1:
        return False
    low, _, high = value.partition("|")
    low, high = low.strip(), high.strip()
    if not NUMBER.fullmatch(attribute) or any(end and not NUMBER.fullmatch(end) for end in (low, high)):
        return False
    x = float(attribute)
    return (not low or float(low) <= x) and (not high or x <= float(high))


def fit_rule_matches(rule: Row, attributes: dict[str, str | None]) -> bool:
    """"A fit rule compares one attribute with its `value` (trimmed, lower-cased) [...] Apart
    from `is_null`, a null attribute never matches. Values are compared whole: a country
    `fr|us` is not `in` the list `fr|us|gb` (it equals none of its values), so it matches
    `not_in fr|us|gb`.\""""
    attribute, value = attributes.get(rule.get("attribute")), fit_text(rule.get("value"))
    operator = (rule.get("operator") or "").strip().lower()
    if operator == "is_null":
        return attribute is None
    if attribute is None:
        return False
    values = [] if value is None else value.split("|")
    return {"equals": lambda: attribute == value,
            "in": lambda: attribute in values,
            "not_in": lambda: attribute not in values,
            "between": lambda: is_between(attribute, value),
            "contains": lambda: value is not None and value in attribute,
            "starts_with": lambda: value is not None and attribute.startswith(value),
            "is_not_null": lambda: True}.get(operator, lambda: False)()


def grade_of(fit_score: float, bands: list[Row], is_competitor_or_internal: bool) -> str | None:
    """"The grade is the best grade whose `min_fit_score <= fit_score`, else D. A model
    without grade bands (a B2C shop with no firmographics) grades nobody: its grade is
    null." Competitors and internal contacts "get grade D whatever their fit score (null in
    a model without grade bands)".\""""
    if not bands:
        return None
    if is_competitor_or_internal:
        return "D"
    graded = sorted((b for b in bands if b.get("grade") in GRADES and b.get("min_fit_score") is not None),
                    key=lambda b: b["grade"])
    return next((b["grade"] for b in graded if b["min_fit_score"] <= fit_score), "D")


# ---------------------------------------------------------------- disqualification and routing (§9)
def disqualification_reason(email_domain: str | None, account_domain: str | None, lists: dict[str, set],
                            event_types: set[str]) -> str | None:
    """"`competitor`, `internal` (as in §8), `unsubscribed` (the contact has an accepted
    `email_unsubscribe` event), `bounced_only` (the contact has accepted `email_bounce` events
    and no accepted event of another type). Null otherwise.\""""
    domains = {email_domain, account_domain} - {None}
    if domains & lists["competitor_domain"]:
        return "competitor"
    if domains & lists["internal_domain"]:
        return "internal"
    if "email_unsubscribe" in event_types:
        return "unsubscribed"
    if event_types == {"email_bounce"}:
        return "bounced_only"
    return None


def is_good_enough(grade: str | None, min_grade_for_mql: Any) -> bool:
    """"at least the model's `min_grade_for_mql` (A is best; with the default B: A or B). A
    model whose `min_grade_for_mql` is empty has no grade gate: every contact is good
    enough\" (a null grade is below any gate)."""
    gate = None if min_grade_for_mql is None else str(min_grade_for_mql).strip().upper() or None
    if gate is None:
        return True
    return gate in GRADES and grade in GRADES and GRADES.index(grade) <= GRADES.index(gate)


def has_recent_strong_signal(ledger_rows: list[Row], rules: dict[str, Row], window_days: Any) -> bool:
    """"a ledger row of a behaviour rule with `is_strong_signal` (raw points > 0, capped or
    not) whose `age_days` is below the model's `fast_track_window_days`\""""
    return window_days is not None and any(
        r.get("contribution_type", "behavior_rule") == "behavior_rule" and rules[r["rule_id"]].get("is_strong_signal")
        and r["raw_points"] > 0 and r["age_days"] < window_days for r in ledger_rows)


def routing(disqualified: bool, good_enough: bool, strong_signal: bool, behavior: float, threshold: Any) -> str:
    """"`routing` per (contact, model), the first that applies" (§9 table)."""
    over_threshold = threshold is not None and behavior >= threshold
    if disqualified:
        return "disqualified"
    if good_enough and strong_signal:
        return "sales_now"
    if over_threshold and good_enough:
        return "mql"
    if over_threshold:
        return "review"
    return "nurture" if good_enough else "monitor"


# ---------------------------------------------------------------- pipeline
def stage_event(i: int, raw: Row, identities: dict[str, str], categories: dict, cfg: Config) -> Row:
    """Normalise one raw event (§1) and stitch its contact (§2)."""
    url = normalise_url(raw.get("url"))
    if url not in categories:  # "Match distinct URLs once, not every event against every pattern."
        categories[url] = page_category_of(url, cfg.page_categories)
    category = categories[url] or {}
    product = raw.get("product_id") if raw.get("product_id") is not None else category.get("product_id")
    return {**{c: raw.get(c) for c in EVENT_COLUMNS}, **raw, "_index": i,
            "contact_id": stitch(raw, identities), "event_type": normalise_event_type(raw.get("event_type")),
            "occurred_at": parse_timestamp(raw.get("occurred_at")),
            "email_sent_at": parse_timestamp(raw.get("email_sent_at")),
            "duration_seconds": parse_duration(raw.get("duration_seconds")),
            "url_normalized": url, "page_category": category.get("page_category"),
            "event_product_id": product}


def build_ledger(accepted: list[Row], cfg: Config, as_of: date) -> list[Row]:
    """One row per (event, model, rule) kept by the window, numbered per (contact, model, rule)."""
    rules_by_model: dict[Any, list[Row]] = defaultdict(list)
    for rule in cfg.behavior_rules:
        rules_by_model[rule.get("model_id")].append(rule)
    groups: dict[tuple, list[Row]] = defaultdict(list)
    for ev in accepted:
        for model in cfg.models:
            rule = winning_rule(ev, rules_by_model[model["model_id"]]) if counts_for_model(ev["event_product_id"], model) else None
            if rule is not None and in_window(age_days(ev["occurred_at"], as_of), rule.get("window_days")):
                groups[(ev["contact_id"], model["model_id"], rule["rule_id"])].append((ev, rule, model))
    ledger = []
    for (contact_id, model_id, rule_id), items in sorted(groups.items(), key=lambda kv: tuple(map(str, kv[0]))):
        items.sort(key=lambda item: (item[0]["occurred_at"], str(item[0]["event_id"])))
        for n, (ev, rule, model) in enumerate(items, start=1):
            age, capped, raw = age_days(ev["occurred_at"], as_of), is_capped(rule, n), raw_points(rule, n)
            factor = decay_factor(rule, model, age)
            ledger.append({"event_id": ev["event_id"], "model_id": model_id, "rule_id": rule_id,
                           "contribution_type": "behavior_rule", "contact_id": contact_id,
                           "occurred_at": ev["occurred_at"],
                           "event_date": ev["occurred_at"].date(), "age_days": age, "occurrence_number": n,
                           "raw_points": raw, "is_capped": capped, "decay_factor": factor,
                           "final_points": 0.0 if capped else raw * factor})
    return ledger


def score(contacts: list[Row], events: list[Row], identities: list[Row], config: Config, as_of: date,
          bot_scanner_seconds: int = 5, bot_burst_seconds: int = 1, *, accounts: list[Row] | None = None,
          fit_contact_attributes: tuple[str, ...] = FIT_CONTACT_ATTRIBUTES,
          fit_account_attributes: tuple[str, ...] = FIT_ACCOUNT_ATTRIBUTES,
          now: datetime | None = None, future_tolerance_minutes: int = 60) -> Result:
    """Quarantine, stitch, match, number, decay, add sequences, fit, grade, route and
    explain, as of `as_of`. `now` is the run's clock ("the run's start time in UTC"; naive
    UTC, or converted to it; default: the current UTC time): "It only decides which
    timestamps are impossible (in the future of the run, §3); what is scored depends on
    `as_of` alone.\""""
    now = parse_timestamp(now) if now is not None else datetime.now(timezone.utc).replace(tzinfo=None)
    if now is None:
        raise ValueError("now must be a timestamp")
    events = [clean_ids(raw) for raw in events]
    contact_by_id, contact_quarantine = deduplicate(
        contacts, "contact_id", CONTACT_ID_COLUMNS, CONTACT_COLUMNS, contact_order,
        "missing_contact_id", "duplicate_contact_id")
    account_by_id, account_quarantine = deduplicate(
        accounts or [], "account_id", ACCOUNT_ID_COLUMNS, ACCOUNT_COLUMNS, account_order,
        "missing_account_id", "duplicate_account_id")
    identities_map, categories = identity_map(identities, as_of), {}
    first_rows = first_rows_per_event_id(events)
    staged = [stage_event(i, raw, identities_map, categories, config) for i, raw in enumerate(events)]
    lists = lookup_lists(config)
    reasons = [quarantine_reason(i, raw, ev, first_rows, contact_by_id, lists, as_of, bot_scanner_seconds,
                                 now, future_tolerance_minutes)
               for i, (raw, ev) in enumerate(zip(events, staged))]
    for i in click_bursts([ev for ev, r in zip(staged, reasons) if r is None], bot_burst_seconds):
        reasons[i] = "bot_click_burst"
    raw_rows = [{**{c: raw.get(c) for c in EVENT_COLUMNS}, **raw} for raw in events]
    quarantine = [{**row, "reason": r} for row, r in zip(raw_rows, reasons) if r not in (None, AFTER_AS_OF)]
    after_as_of = [row for row, r in zip(raw_rows, reasons) if r == AFTER_AS_OF]
    accepted = [{k: v for k, v in ev.items() if k != "_index"} for ev, r in zip(staged, reasons) if r is None]
    ledger = build_ledger(accepted, config, as_of) + build_sequence_ledger(accepted, config, as_of)

    rows_by_key: dict[tuple, list[Row]] = defaultdict(list)
    for row in ledger:
        rows_by_key[(row["contact_id"], row["model_id"])].append(row)
    event_types_by_contact: dict[Any, set] = defaultdict(set)
    for ev in accepted:
        event_types_by_contact[ev["contact_id"]].add(ev["event_type"])
    scores = []
    for contact_id, contact in contact_by_id.items():
        if not exists_as_of(contact, as_of):  # "only contacts created by then get a score row"
            continue
        account = account_by_id.get(contact.get("account_id"))
        attributes = fit_attributes(contact, account, lists, tuple(fit_contact_attributes),
                                    tuple(fit_account_attributes))
        account_domain = fit_text((account or {}).get("domain"))
        disqualified = disqualification_reason(attributes["email_domain"], account_domain, lists,
                                               event_types_by_contact[contact_id])
        for model in config.models:
            model_id = model["model_id"]
            rows = rows_by_key[(contact_id, model_id)]
            rules = {r["rule_id"]: r for r in config.behavior_rules if r.get("model_id") == model_id}
            sequences = {q["sequence_id"]: q for q in config.sequence_rules if q.get("model_id") == model_id}
            steps = [s for s in config.inactivity_steps if s.get("model_id") == model_id]
            last = max((r["event_date"] for r in rows if r["raw_points"] > 0), default=None)
            days = None if last is None else (as_of - last).days
            penalty = inactivity_penalty(steps, days)
            total = sum((r["final_points"] for r in rows), 0.0)
            behavior = behavior_score(total, penalty, model.get("score_floor"), model.get("score_cap"))
            fit_matches = [f for f in config.fit_rules
                           if f.get("model_id") == model_id and fit_rule_matches(f, attributes)]
            fit = round2(sum((f.get("points") or 0.0 for f in fit_matches), 0.0))
            grade = grade_of(fit, [b for b in config.grade_bands if b.get("model_id") == model_id],
                             disqualified in ("competitor", "internal"))
            route = routing(disqualified is not None, is_good_enough(grade, model.get("min_grade_for_mql")),
                            has_recent_strong_signal(rows, rules, model.get("fast_track_window_days")),
                            behavior, model.get("mql_threshold"))
            scores.append({"contact_id": contact_id, "model_id": model_id,
                           "product_id": model.get("product_id"),
                           "behavior_score": behavior,
                           "contribution_points": total, "inactivity_penalty": penalty,
                           "last_positive_activity_date": last, "days_inactive": days,
                           "fit_score": fit, "grade": grade, "disqualification_reason": disqualified,
                           "routing": route, "is_mql": route in ("sales_now", "mql"),
                           "is_fast_track": route == "sales_now",
                           "top_reasons": top_reasons(rows, rules, penalty, days, sequences, fit_matches)})
    return Result(quarantine=quarantine, accepted=accepted, ledger=ledger, scores=scores,
                  after_as_of=after_as_of, contact_quarantine=contact_quarantine,
                  account_quarantine=account_quarantine)
