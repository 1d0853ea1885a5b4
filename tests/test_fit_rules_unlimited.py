"""A model may have any number of fit rules (docs/scoring.md §8, §10).

The demo's flow_v1 gets 80 fit rules of its own (var lead_scoring__fit_rules
pointed at a table of the database, as a user would point it at their own
relation): 66 decoys worth the most points, which nobody matches and which
take reason_rank 1 to 66, then 14 ordinary rules, so every rule a contact
matches has a reason_rank above 63 (more than a 63-bit set could hold). The
build succeeds, and the fit scores and top fit reasons agree with the ones
worked out here from the rules and each contact's own columns (a few lines
for the operators used, sharing no code with the SQL).
"""

from __future__ import annotations

import csv
from decimal import ROUND_HALF_UP, Decimal

import duckdb

from conftest import AS_OF, ROOT, query, read_csv
from lead_scoring_tools.dbt import run_dbt
from lead_scoring_tools.generate import CONTACT_COLUMNS, generate
from lead_scoring_tools.load import load_duckdb

EVENTS = 3_000
MODEL = "flow_v1"
DECOYS = 66
# (rule_id, attribute, operator, value, points, description); attributes are contact columns
RULES = [
    *((f"d{n:02d}_decoy", "job_title", "equals", f"nobody {n}", str(900 - n), f"decoy {n}")
      for n in range(DECOYS)),
    ("r01_france", "country", "equals", "FR", "30", "France"),
    ("r02_core", "country", "in", "fr|us|gb|de", "12.5", "core market"),
    ("r03_outside", "country", "not_in", "fr|us|gb|de", "-12.5", "outside core market"),
    ("r04_vp", "job_title", "contains", "vp", "20", "VP title"),
    ("r05_chief", "job_title", "starts_with", "chief", "25", "C-level title"),
    ("r06_student", "job_title", "contains", "student", "-30", "student"),
    ("r07_no_title", "job_title", "is_null", None, "-10", "no title"),
    ("r08_sales", "department", "equals", "sales", "8", "sales team"),
    # the same absolute points as r10: ties are ordered by text
    ("r09_phone", "phone", "is_not_null", None, "8", "has phone"),
    ("r10_no_department", "department", "is_null", None, "-8", "no department"),
    ("r11_marketing", "department", "in", "marketing|growth", "5.25", "marketing team"),
    ("r12_any_country", "country", "is_not_null", None, "0", "any country"),
    # worth 0 once rounded: no reason, but counted in the sum
    ("r13_tiny", "country", "is_not_null", None, "0.004", "tiny"),
    ("r14_manager", "job_title", "contains", "manager", "3.75", "manager"),
]
# contacts without events (so their top reasons are their fit reasons alone):
# contact_id -> (job_title, country, department, phone)
OWN_CONTACTS = {
    "c_fit_1": (" VP of Sales ", "FR", "Sales", "+33 6 12 34 56 78"),
    "c_fit_2": ("", "br", " ", ""),
    "c_fit_3": ("Chief Marketing Officer", "US", "Marketing", ""),
    "c_fit_4": ("Student", "DE", "", "0612"),
}
# worked out by hand from RULES, to check the checker
OWN_EXPECTED = {
    # 30 + 12.5 + 20 + 8 + 8 + 0 + 0.004; five reasons, the first three shown
    "c_fit_1": (Decimal("78.50"), "A", "+30 France; +20 VP title; +12.5 core market"),
    # -12.5 - 10 - 8 + 0 + 0.004
    "c_fit_2": (Decimal("-30.50"), "D", "-12.5 outside core market; -10 no title; -8 no department"),
    # 12.5 + 25 + 5.25 + 0 + 0.004
    "c_fit_3": (Decimal("42.75"), "A", "+25 C-level title; +12.5 core market; +5.25 marketing team"),
    # 12.5 - 30 + 8 - 8 + 0 + 0.004; +8 has phone before -8 no department by text
    "c_fit_4": (Decimal("-17.50"), "D", "-30 student; +12.5 core market; +8 has phone"),
}


def normalized(value):
    value = (value or "").strip().lower()
    return value or None


def matches(operator: str, attribute, value) -> bool:
    value = normalized(value)
    if operator == "is_null":
        return attribute is None
    if attribute is None:
        return False
    return {
        "equals": lambda: attribute == value,
        "in": lambda: attribute in value.split("|"),
        "not_in": lambda: attribute not in value.split("|"),
        "contains": lambda: value in attribute,
        "starts_with": lambda: attribute.startswith(value),
        "is_not_null": lambda: True,
    }[operator]()


def points_text(points: Decimal) -> str:
    rounded = points.quantize(Decimal("0.01"), ROUND_HALF_UP)
    return ("+" if rounded >= 0 else "-") + f"{abs(rounded):.2f}".rstrip("0").rstrip(".")


def reason_ranks() -> dict[str, int]:
    """rule_id -> reason_rank: largest absolute points, then text, then rule_id."""
    worth = [rule for rule in RULES if Decimal(rule[4]).quantize(Decimal("0.01"), ROUND_HALF_UP) != 0]
    ordered = sorted(worth, key=lambda rule: (-abs(Decimal(rule[4]).quantize(Decimal("0.01"), ROUND_HALF_UP)),
                                              f"{points_text(Decimal(rule[4]))} {rule[5]}", rule[0]))
    return {rule[0]: rank for rank, rule in enumerate(ordered, start=1)}


def expected_fit(contact: dict) -> tuple[Decimal, list[str], list[str]]:
    """Fit score, the top three fit reasons, and the rule_ids matched."""
    matched = [rule for rule in RULES if matches(rule[2], normalized(contact[rule[1]]), rule[3])]
    total = sum((Decimal(rule[4]) for rule in matched), Decimal(0))
    reasons = sorted(
        ((Decimal(rule[4]).quantize(Decimal("0.01"), ROUND_HALF_UP), f"{points_text(Decimal(rule[4]))} {rule[5]}")
         for rule in matched),
        key=lambda reason: (-abs(reason[0]), reason[1]))
    top = [text for points, text in reasons if points != 0][:3]
    return total.quantize(Decimal("0.01"), ROUND_HALF_UP), top, [rule[0] for rule in matched]


def test_more_than_63_fit_rules(tmp_path):
    csv_dir, database = tmp_path / "csv", tmp_path / "fit.duckdb"
    generate(csv_dir, EVENTS, seed=11, as_of=AS_OF)
    with open(csv_dir / "contacts.csv", "a", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        for contact_id, (job_title, country, department, phone) in OWN_CONTACTS.items():
            own = {"contact_id": contact_id, "email": f"{contact_id}@fit-rules-example.com",
                   "job_title": job_title, "country": country, "created_at": "2026-01-05 10:00:00",
                   "updated_at": "2026-01-05 10:00:00", "first_name": "Ann", "last_name": "Lee",
                   "phone": phone, "department": department}
            writer.writerow([own.get(column, "") for column in CONTACT_COLUMNS])
    load_duckdb(csv_dir, database)
    # the user's own fit rules: these for flow_v1, the shipped ones for the other models
    shipped = [row for row in read_csv(ROOT / "seeds" / "lead_scoring_fit_rules.csv") if row["model_id"] != MODEL]
    columns = ["model_id", "rule_id", "attribute", "operator", "value", "points", "description"]
    with duckdb.connect(str(database)) as con:
        con.execute("create schema custom_config")
        con.execute(f"create table custom_config.fit_rules ({', '.join(f'{c} varchar' for c in columns)})")
        con.executemany("insert into custom_config.fit_rules values (?, ?, ?, ?, ?, ?, ?)",
                        [(MODEL, *rule) for rule in RULES] + [[row[c] for c in columns] for row in shipped])
    ranks = reason_ranks()
    assert len(ranks) == DECOYS + 12 and min(ranks[rule[0]] for rule in RULES[DECOYS:] if rule[0] in ranks) > 63

    # data tests included (the config checks among them); unit tests do not read the var
    run_dbt(["build", "--exclude", "test_type:unit"], database,
            {"lead_scoring__as_of": AS_OF.isoformat(), "lead_scoring__fit_rules": "custom_config.fit_rules"},
            target_path=tmp_path / "target", quiet=True)

    leads = {contact_id: (Decimal(str(fit_score)), grade, top_reasons)
             for contact_id, fit_score, grade, top_reasons in query(database, f"""
                 select contact_id, fit_score, grade, top_reasons from main_lead_scoring.lead_scores
                 where model_id = '{MODEL}'""")}

    # the contacts without events: the whole of their row, worked out by hand
    for contact_id, (fit_score, grade, top_reasons) in OWN_EXPECTED.items():
        own = dict(zip(("job_title", "country", "department", "phone"), OWN_CONTACTS[contact_id]))
        expected_score, expected_top, matched = expected_fit(own)
        assert (expected_score, "; ".join(expected_top)) == (fit_score, top_reasons), contact_id
        assert min(ranks.get(rule_id, DECOYS + 1) for rule_id in matched) > 63
        assert leads[contact_id] == (fit_score, grade, top_reasons), contact_id

    # every generated contact: its fit score, and its fit reasons among its top
    # reasons are the first of its top three fit reasons (behaviour reasons mix in)
    contacts = read_csv(csv_dir / "contacts.csv")
    counts = {}
    for contact in contacts:
        counts[contact["contact_id"]] = counts.get(contact["contact_id"], 0) + 1
    fit_texts = {f"{points_text(Decimal(rule[4]))} {rule[5]}" for rule in RULES}
    checked = with_fit_reasons = past_63 = 0
    for contact in contacts:
        contact_id = contact["contact_id"]
        if counts[contact_id] > 1 or contact_id not in leads:
            continue
        expected_score, expected_top, matched = expected_fit(contact)
        fit_score, _, top_reasons = leads[contact_id]
        assert fit_score == expected_score, contact_id
        shown = [reason for reason in (top_reasons or "").split("; ") if reason in fit_texts]
        assert shown == expected_top[:len(shown)], contact_id
        checked += 1
        with_fit_reasons += bool(shown)
        past_63 += any(ranks.get(rule_id, 0) > 63 for rule_id in matched)
    assert checked > 100 and with_fit_reasons > 100 and past_63 > 100, (checked, with_fit_reasons, past_63)
