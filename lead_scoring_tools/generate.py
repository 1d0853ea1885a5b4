"""Deterministic, streaming demo-data generator for the lead_scoring dbt project.

    python -m lead_scoring_tools.generate --out DIR [--events N] [--seed S]
                                          [--as-of YYYY-MM-DD] [--quiet]

or, from Python, ``generate(out_dir, n_events, seed=42, as_of=date(...))``.

It writes the five input relations of ../shared/PRODUCT.md §1 as CSV files
(header row, empty cell = null, timestamps ``YYYY-MM-DD HH:MM:SS`` UTC):

    contacts.csv     the §1 columns, then first_name, last_name, phone, department
    accounts.csv     the §1 columns
    events.csv       the §1 columns; exactly N rows, dirty rows included
    identities.csv   anonymous_id -> contact_id stitching
    conversions.csv  closed-won outcomes (for backtesting)

and two files that are NOT part of the input contract, for tests only:

    demo_archetypes.csv     contact_id, archetype
    demo_dirty_events.csv   event_id, expected_reason: every event row that the
                            staging layer must quarantine, with the reason of
                            docs/scoring.md §3 it is built to trigger (for a
                            duplicated event_id: the id, once), and the rows
                            that happened after as_of (expected_reason
                            after_as_of: neither scored nor quarantined by a
                            score of that date)

Conversions follow the journeys the way real ones do, with noise. Each
contact's events feed a running buying intent (demo request 3, sales meeting 2,
trial 1.5, pricing page 0.6, ..., e-mail open 0.05; halved every 30 days). The
probability to buy rises smoothly with its peak (a Hill curve capped at 0.8,
blurred by a hidden log-normal factor for budget and timing; agencies,
competitors and staff never buy, students and job seekers hardly ever), so more
than half of the hot leads (demo request, pricing visits) never buy. A deal closes a
log-normal delay after the peak (median 18 days: some within days, some after
two months), often after a closing sales meeting; a deal due after as_of is not
known yet. Some deals come with no recent activity: referrals and offline deals
on any day, and lapsed leads coming back months after going silent. Buying
cycles run all year round, more of them lately.

The world (event types, website URL patterns, e-mail domains, user agents)
follows the configuration seeds in ../seeds. The output is a pure function of
(n_events, seed, as_of): every random draw comes from random.Random
instances seeded from ``seed``; the wall clock is only read for the CLI's
default as_of. Events are generated contact by contact and written in
chunks, so memory does not grow with N.
"""
from __future__ import annotations

import argparse
import csv
import math
import os
import random
import sys
from bisect import bisect_left, bisect_right
from datetime import date, datetime, timedelta, timezone
from operator import itemgetter

__all__ = ["generate", "main", "ARCHETYPES", "DIRTY_REASONS", "EVENT_COLUMNS", "CONTACT_COLUMNS",
           "ACCOUNT_COLUMNS", "IDENTITY_COLUMNS", "CONVERSION_COLUMNS", "URL_CATEGORIES",
           "BROWSER_USER_AGENTS", "MAIL_USER_AGENTS", "BOT_USER_AGENTS", "UNKNOWN_EVENT_TYPES"]

# --------------------------------------------------------------------------- contract
CONTACT_COLUMNS = ("contact_id", "account_id", "email", "job_title", "country", "created_at",
                   "updated_at", "crm_id", "first_name", "last_name", "phone", "department")
ACCOUNT_COLUMNS = ("account_id", "domain", "name", "industry", "employee_count", "annual_revenue",
                   "country", "crm_id")
EVENT_COLUMNS = ("event_id", "contact_id", "anonymous_id", "event_type", "occurred_at", "url",
                 "product_id", "campaign_id", "duration_seconds", "user_agent", "ip", "email_sent_at")
IDENTITY_COLUMNS = ("anonymous_id", "contact_id", "identified_at")
CONVERSION_COLUMNS = ("conversion_id", "contact_id", "product_id", "converted_at", "amount")
ARCHETYPE_COLUMNS = ("contact_id", "archetype")
DIRTY_COLUMNS = ("event_id", "expected_reason")

# Share of contacts per archetype (the first contacts cycle through all of them,
# so that every archetype exists even for a small N).
ARCHETYPES = (
    ("tire_kicker", 34.0),
    ("engaged_evaluator", 13.0),
    ("buyer", 10.0),
    ("job_seeker", 8.0),
    ("student", 8.0),
    ("competitor", 2.0),
    ("agency", 2.5),
    ("role_based", 3.0),
    ("lapsed", 8.0),
    ("anonymous_then_identified", 10.0),
    ("internal", 0.5),
    ("unsubscriber", 7.0),
)
# --------------------------------------------------------------------------- conversions
# The generator's hidden truth about buying (not the scoring seeds): what an
# event says about a contact's intent to buy its product. Page views weigh by
# the page's category.
INTENT_EVENT = {
    "demo_request": 3.0, "sales_meeting": 2.0, "app_signup": 1.5, "trade_show_visit": 0.8,
    "webinar_attended": 0.8, "form_submit": 0.5, "content_download": 0.5, "webinar_registration": 0.3,
    "email_click": 0.2, "app_action": 0.15, "social_engagement": 0.1, "email_open": 0.05,
    "meeting_cancelled": -0.5, "email_bounce": -0.5, "social_negative_comment": -1.0,
    "email_unsubscribe": -1.5,
}
INTENT_PAGE = {"pricing": 0.6, "demo": 0.6, "case_studies": 0.4, "product": 0.2, "docs": 0.1,
               "webinar": 0.1, "blog": 0.05, "about": 0.02, "careers": -0.8}
INTENT_HALF_LIFE_DAYS = 30      # intent fades: a running sum halved every 30 days; its peak counts
# P(buy | peak intent e) = BUY_FIT[archetype] * P_MAX * e^K / (e^K + E_HALF^K), e blurred by a
# hidden factor (budget, timing, champion) exp(N(0, LATENT_SIGMA)): smooth in engagement, never 1.
P_MAX, E_HALF, INTENT_K, LATENT_SIGMA = 0.8, 6.5, 1.7, 0.55
# the fit part no engagement changes: agencies, competitors and staff never buy
BUY_FIT = {
    "buyer": 1.0, "engaged_evaluator": 1.0, "anonymous_then_identified": 1.0, "lapsed": 0.3,
    "tire_kicker": 1.0, "role_based": 0.5, "unsubscriber": 0.3, "student": 0.05, "job_seeker": 0.05,
    "agency": 0.0, "competitor": 0.0, "internal": 0.0,
}
# days from the intent peak to the deal: log-normal (median 18 d; 5 % under 5 d, 5 % over 2 months)
DELAY_MEDIAN_DAYS, DELAY_SIGMA = 18.0, 0.75
CLOSING_MEETING_P = 0.35        # a sales meeting logged in the days before the deal
# deals the web did not see coming: a referral or an offline deal (any day after the contact's
# first activity, share of the contacts that can buy), and lapsed leads coming back months later
REFERRAL_RATE = 0.002
REACTIVATION_SHARE = 0.2        # of a lapsed lead's probability to buy, spent on a come-back

# Dirty rows: share of N per quarantine reason (internal_traffic comes from the
# contacts of the `internal` archetype instead). bot_click_burst: share of rows,
# bursts of 3-6 clicks.
DIRTY_RATES = (
    ("duplicate_event_id", 0.0025),
    ("invalid_timestamp", 0.0010),
    ("future_timestamp", 0.0010),
    ("after_as_of", 0.0010),
    ("unknown_event_type", 0.0015),
    ("missing_contact", 0.0030),
    ("unknown_contact", 0.0010),
    ("bot_user_agent", 0.0020),
    ("bot_email_scanner", 0.0015),
    ("bot_click_burst", 0.0010),
)
DIRTY_REASONS = tuple(k for k, _ in DIRTY_RATES) + ("internal_traffic",)
UNKNOWN_EVENT_TYPES = ("tweet_like", "ad_impression", "chat_started", "video_play", "page_scroll",
                       "linkedin_ad_click")

# --------------------------------------------------------------------------- website
SITE = "https://www.lumen.io"
PRODUCTS = ("flow", "insight")


def _urls(*paths: str) -> tuple:
    return tuple(SITE + p for p in paths)


PRICING = {"flow": _urls("/flow/pricing", "/flow/pricing/enterprise"),
           "insight": _urls("/insight/pricing", "/insight/pricing/teams"),
           "": _urls("/pricing", "/pricing/compare")}
PRODUCT_PAGES = {"flow": _urls("/flow", "/flow/features", "/flow/integrations", "/flow/templates",
                               "/flow/security"),
                 "insight": _urls("/insight", "/insight/features", "/insight/dashboards",
                                  "/insight/connectors", "/insight/ai-assistant")}
DOCS = {"flow": _urls("/docs/flow", "/docs/flow/triggers", "/docs/flow/api-reference",
                      "/docs/flow/approvals"),
        "insight": _urls("/docs/insight", "/docs/insight/sql-editor", "/docs/insight/connectors",
                         "/docs/insight/api-reference"),
        "": _urls("/docs", "/docs/getting-started", "/docs/sso", "/docs/release-notes")}
CASE_STUDIES = _urls("/customers/", "/customers/acme-logistics", "/customers/northwind-retail",
                     "/customers/globex-manufacturing", "/case-studies/retail-analytics-at-scale",
                     "/case-studies/automating-invoice-approvals")
DEMO = SITE + "/demo"
CAREERS = _urls("/careers", "/careers/senior-data-engineer", "/careers/account-executive-paris",
                "/careers/product-designer", "/jobs/4821-customer-success-manager",
                "/jobs/4877-backend-engineer")
ABOUT = _urls("/about", "/about/team", "/about/press", "/about/investors")
BLOG = _urls(*("/blog/" + s for s in (
    "workflow-automation-checklist", "how-to-choose-a-bi-tool", "lead-scoring-explained",
    "approval-processes-that-scale", "self-service-analytics-myths", "ops-automation-roi",
    "kpi-dashboards-that-get-used", "no-code-vs-low-code", "building-a-metrics-layer",
    "reducing-manual-reporting", "customer-onboarding-playbook", "finance-close-automation",
    "embedded-analytics-guide", "data-quality-in-practice", "remote-ops-teams",
    "what-we-learned-shipping-ai-features")))
OTHER = _urls("/", "/legal", "/privacy", "/contact", "/integrations", "/security", "/partners",
              "/resources", "/newsletter")
HOME, CONTACT_PAGE, PREFERENCES = SITE + "/", SITE + "/contact", SITE + "/email/preferences"
RESOURCES = {"flow": _urls("/resources/ebook-workflow-automation-guide"),
             "insight": _urls("/resources/whitepaper-modern-bi-stack"),
             "": _urls("/resources/benchmark-ops-efficiency-2025", "/resources/template-kpi-library")}
WEBINAR_TOPICS = (("flow", "automate-approvals-in-30-minutes"), ("insight", "self-service-dashboards-live"),
                  ("", "state-of-ops-analytics"), ("flow", "scaling-ops-without-headcount"),
                  ("insight", "from-sql-to-answers-in-a-day"))

# Expected (page_category, product_id) of every URL the generator emits (None =
# uncategorised); tests check it against seeds/lead_scoring_page_categories.csv.
URL_CATEGORIES: dict = {}
for _p in PRODUCTS:
    URL_CATEGORIES.update({u: ("pricing", _p) for u in PRICING[_p]})
    URL_CATEGORIES.update({u: ("product", _p) for u in PRODUCT_PAGES[_p]})
    URL_CATEGORIES.update({u: ("docs", _p) for u in DOCS[_p]})
URL_CATEGORIES.update({u: ("pricing", None) for u in PRICING[""]})
URL_CATEGORIES.update({u: ("docs", None) for u in DOCS[""]})
URL_CATEGORIES.update({u: ("case_studies", None) for u in CASE_STUDIES})
URL_CATEGORIES.update({u: ("careers", None) for u in CAREERS})
URL_CATEGORIES.update({u: ("about", None) for u in ABOUT})
URL_CATEGORIES.update({u: ("blog", None) for u in BLOG})
URL_CATEGORIES[DEMO] = ("demo", None)
URL_CATEGORIES.update({u: None for u in OTHER + (PREFERENCES,) + sum(RESOURCES.values(), ())})
_URL_KIND = {u: (cat[0] if cat else "") for u, cat in URL_CATEGORIES.items()}

# --------------------------------------------------------------------------- people
BROWSER_USER_AGENTS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0",
    "Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
)
MAIL_USER_AGENTS = BROWSER_USER_AGENTS[:4] + (
    "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17628; Pro)",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
    "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
)
BOT_USER_AGENTS = (  # each contains a `bot_user_agent` value of the reference list
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
    "python-requests/2.31.0",
    "curl/8.4.0",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/121.0.0.0 Safari/537.36",
    "Screaming Frog SEO Spider/19.8",
)
GATEWAY_USER_AGENTS = ("Barracuda Sentinel (EE)", "Mimecast URL Protect/2.0",
                       "Mozilla/5.0 (compatible; Proofpoint URL Defense)")
IP_FIRST_OCTETS = (2, 5, 31, 37, 46, 62, 77, 78, 80, 81, 82, 84, 85, 86, 88, 90, 91, 92, 93, 94,
                   109, 151, 176, 178, 185, 188, 193, 194, 195, 212, 213, 217)
SCANNER_IP_OCTETS = (13, 20, 34, 35, 40, 52, 54, 104)
OFFICE_IP = "185.42.17."

FIRST_NAMES = ("Camille", "Julien", "Sophie", "Thomas", "Léa", "Nicolas", "Emma", "Antoine", "Chloé",
               "Hugo", "Manon", "Lucas", "Inès", "Maxime", "Sarah", "Pierre", "Clara", "Louis",
               "Anna", "Paul", "Laura", "David", "Emily", "James", "Olivia", "Michael", "Hannah",
               "Daniel", "Lukas", "Mia", "Jonas", "Lena", "Felix", "Sofia", "Javier", "Lucía",
               "Marco", "Giulia", "Lars", "Eva", "Noah", "Zoé", "Hélène", "François", "Amélie",
               "Mathieu", "Priya", "Arjun", "Mei", "Omar", "Fatima", "Yann", "Élodie", "Kevin")
LAST_NAMES = ("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
              "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "Roux",
              "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Smith",
              "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Müller", "Schmidt",
              "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Fernández", "López",
              "Martínez", "Rossi", "Russo", "Bianchi", "Jansen", "de Vries", "Peeters", "Novak",
              "Andersson", "Nilsson", "Kowalski", "Singh", "Chen", "Nguyen", "Haddad", "Benali")
_ASCII = str.maketrans("éèêëàâäîïôöùûüçñíóúá", "eeeeaaaiioouuucniola")


def _ascii(name: str) -> str:
    return name.lower().translate(_ASCII).replace(" ", "").replace("'", "")


COUNTRIES = (("FR", 30), ("US", 20), ("GB", 12), ("DE", 10), ("ES", 5), ("BE", 5), ("CH", 4),
             ("NL", 4), ("CA", 4), ("IT", 3), ("SE", 2), ("PL", 1))
COUNTRY_TLDS = {"FR": (".fr", ".com", ".fr"), "US": (".com", ".com", ".io", ".ai"),
                "GB": (".co.uk", ".com"), "DE": (".de", ".de", ".com"), "ES": (".es", ".com"),
                "BE": (".be", ".eu"), "CH": (".ch",), "NL": (".nl", ".com"), "CA": (".ca", ".com"),
                "IT": (".it",), "SE": (".se",), "PL": (".pl",)}
COUNTRY_SUFFIX = {"FR": (" SAS", " SA", ""), "US": (" Inc.", " LLC", ""), "GB": (" Ltd", " plc", ""),
                  "DE": (" GmbH", " AG"), "ES": (" S.L.", " S.A."), "BE": (" SRL", " NV"),
                  "CH": (" AG", " SA"), "NL": (" B.V.",), "CA": (" Inc.", ""), "IT": (" S.r.l.", " S.p.A."),
                  "SE": (" AB",), "PL": (" Sp. z o.o.",)}
PHONE_PREFIX = {"FR": "+33", "US": "+1", "GB": "+44", "DE": "+49", "ES": "+34", "BE": "+32",
                "CH": "+41", "NL": "+31", "CA": "+1", "IT": "+39", "SE": "+46", "PL": "+48"}
NAME_A = ("nova", "blue", "acme", "north", "bright", "quant", "terra", "silver", "vertex", "alpine",
          "atlas", "cobalt", "delta", "ember", "fjord", "granite", "harbor", "iris", "jade", "kite",
          "lumi", "maple", "nimbus", "orbit", "pioneer", "quartz", "ridge", "summit", "tidal", "urban",
          "vanta", "willow", "xeno", "yonder", "zephyr", "aero", "beacon", "cedar", "dune", "echo",
          "flint", "gale", "helix", "indigo", "juniper", "koda", "lyra", "mosaic", "nexa", "opal")
NAME_B = ("tech", "logistics", "labs", "systems", "retail", "foods", "health", "energy", "works",
          "bank", "media", "motors", "group", "capital", "pharma", "freight", "telecom", "insure",
          "build", "goods", "care", "data", "mobility", "textiles", "chem", "print", "travel",
          "security", "learning", "partners", "industries")
NAME_C = ("", "group", "hq", "global", "one", "plus", "pro", "next", "works", "direct")
INDUSTRIES = (("Software", 16), ("Financial services", 10), ("Retail", 9), ("Manufacturing", 11),
              ("Healthcare", 7), ("Logistics", 8), ("Media", 4), ("Education", 3), ("Energy", 4),
              ("Telecommunications", 4), ("Consulting", 6), ("Public sector", 3), ("Insurance", 5),
              ("Real estate", 3), ("Hospitality", 3))
INDUSTRY_HINT = {
    **dict.fromkeys(("tech", "labs", "systems", "data", "security"), "Software"),
    **dict.fromkeys(("logistics", "freight", "mobility", "travel"), "Logistics"),
    **dict.fromkeys(("retail", "goods", "foods"), "Retail"),
    **dict.fromkeys(("health", "pharma", "care"), "Healthcare"),
    **dict.fromkeys(("motors", "build", "chem", "textiles", "works", "industries"), "Manufacturing"),
    "energy": "Energy", "bank": "Financial services", "capital": "Financial services", "insure": "Insurance",
    "media": "Media", "print": "Media", "telecom": "Telecommunications", "learning": "Education",
}
AGENCY_NAMES = (" Digital", " Agency", " Growth Partners", " Conseil", " Creative")
FREE_MAIL = ("gmail.com", "gmail.com", "gmail.com", "yahoo.com", "yahoo.fr", "hotmail.com",
             "hotmail.fr", "outlook.com", "live.com", "icloud.com", "gmx.com", "proton.me",
             "orange.fr", "free.fr", "laposte.net", "wanadoo.fr", "googlemail.com", "aol.com")
COMPETITORS = (("rivalsoft.com", "RivalSoft Inc.", "US", 420), ("flowcompete.io", "FlowCompete Ltd", "GB", 85),
               ("datarival.com", "DataRival SAS", "FR", 1300))
INTERNAL = ("lumen.io", "Lumen SAS", "FR", 240)
ROLE_LOCAL_PARTS = ("contact", "info", "sales", "hello", "marketing", "office", "team", "admin")

TITLES = {
    "buyer": (("VP Operations", "Operations"), ("Head of Data", "Data"), ("Director of IT", "IT"),
              ("CTO", "IT"), ("COO", "Operations"), ("Head of Marketing Operations", "Marketing"),
              ("VP Finance", "Finance"), ("Chief Data Officer", "Data"), ("Director of Operations", "Operations"),
              ("Head of Business Intelligence", "Data"), ("CIO", "IT"), ("VP Sales Operations", "Sales")),
    "engaged_evaluator": (("Operations Manager", "Operations"), ("Data Analyst", "Data"),
                          ("Business Analyst", "Operations"), ("IT Project Manager", "IT"),
                          ("Senior Data Engineer", "Data"), ("Marketing Ops Manager", "Marketing"),
                          ("BI Developer", "Data"), ("Process Improvement Lead", "Operations")),
    "tire_kicker": (("Marketing Assistant", "Marketing"), ("Sales Representative", "Sales"),
                    ("Office Manager", "Administration"), ("Accountant", "Finance"),
                    ("Customer Success Manager", "Customer Success"), ("Project Coordinator", "Operations"),
                    ("HR Business Partner", "Human Resources"), ("Communications Officer", "Marketing")),
    "job_seeker": (("Software Engineer", "Engineering"), ("Data Analyst", "Data"), ("Recruiter", "Human Resources"),
                   ("Talent Acquisition Specialist", "Human Resources"), ("Open to work", None),
                   ("Junior Product Designer", "Design"), ("Looking for new opportunities", None)),
    "student": (("Student", "Education"), ("Intern", "Education"), ("MSc Student", "Education"),
                ("PhD Candidate", "Research"), ("Apprentice Data Analyst", "Data"), ("Business School Student", "Education")),
    "competitor": (("Product Manager", "Product"), ("Product Marketing Manager", "Marketing"),
                   ("Competitive Intelligence Analyst", "Marketing"), ("Solutions Engineer", "Sales"),
                   ("Head of Product", "Product")),
    "agency": (("Consultant", "Consulting"), ("Senior Consultant", "Consulting"),
               ("Digital Strategist", "Strategy"), ("Account Director", "Client Services"),
               ("Marketing Consultant", "Consulting"), ("Managing Partner", "Management")),
    "lapsed": (("Operations Manager", "Operations"), ("Head of IT", "IT"), ("Data Manager", "Data"),
               ("Director of Operations", "Operations"), ("Finance Manager", "Finance"),
               ("Marketing Manager", "Marketing")),
    "anonymous_then_identified": (("Operations Manager", "Operations"), ("Head of Analytics", "Data"),
                                  ("IT Manager", "IT"), ("Marketing Manager", "Marketing"),
                                  ("Director of Finance", "Finance"), ("Data Analyst", "Data"),
                                  ("Project Manager", "Operations")),
    "internal": (("Account Executive", "Sales"), ("Product Manager", "Product"), ("Marketing Manager", "Marketing"),
                 ("Customer Success Manager", "Customer Success"), ("Software Engineer", "Engineering"),
                 ("Sales Development Representative", "Sales")),
    "unsubscriber": (("Sales Manager", "Sales"), ("Office Manager", "Administration"),
                     ("Purchasing Manager", "Procurement"), ("Marketing Coordinator", "Marketing"),
                     ("Engineer", "Engineering"), ("Legal Counsel", "Legal")),
}
TRADE_SHOWS = ("evt-vivatech", "evt-big-data-paris", "evt-saas-connect", "evt-dmexco")
UTM = "?utm_source=newsletter&utm_medium=email&utm_campaign="
EVENT_TYPE_NOISE = {"page_view": (" page_view", "Page_View", "PAGE_VIEW", "page_view "),
                    "email_open": ("Email_Open", "email_open ", " EMAIL_OPEN"),
                    "email_click": ("Email_Click", " email_click")}

DAY = 86400
HISTORY_DAYS = 365          # ~12 months of history ending at as_of
BASE_OFFSET = 1100          # day 0 of the time axis = as_of - 1100 days
FUTURE_DAYS = 130           # days after as_of that can be formatted (future dirty rows)


def _weighted_table(pairs) -> tuple:
    """A lookup table to draw from with table[int(random() * len(table))]."""
    out = []
    for value, weight in pairs:
        out.extend([value] * int(round(weight * 2)))
    return tuple(out)


# UTC hour of activity (European / US business hours)
HOUR_TABLE = _weighted_table((h, w) for h, w in enumerate(
    (0.3, 0.2, 0.2, 0.2, 0.3, 0.6, 1.5, 3, 6, 8, 8.5, 8, 6, 7, 8, 8, 7.5, 6, 4, 3, 2, 1.5, 1, 0.5)))
COUNTRY_TABLE = _weighted_table(COUNTRIES)
INDUSTRY_TABLE = _weighted_table(INDUSTRIES)
_ARCHETYPE_NAMES = tuple(a for a, _ in ARCHETYPES)
_ARCHETYPE_CUM = []
_acc = 0.0
for _name, _w in ARCHETYPES:
    _acc += _w
    _ARCHETYPE_CUM.append(_acc)
_ARCHETYPE_TOTAL = _acc


class _Contact:
    __slots__ = ("cid", "archetype", "ua", "mua", "ip", "anon", "known", "used", "product")


class _World:
    """Campaign calendar, webinars, time axis and the journey generators."""

    def __init__(self, seed: int, as_of: date):
        self.seed = seed
        self.rng = random.Random(seed)
        self.base = as_of - timedelta(days=BASE_OFFSET)
        self.d_end = BASE_OFFSET                   # day index of as_of
        self.d0 = self.d_end - HISTORY_DAYS + 1    # first day of history
        self.end_t = (self.d_end + 1) * DAY        # no valid event at or after this
        n_days = BASE_OFFSET + FUTURE_DAYS
        self.day_str = [(self.base + timedelta(days=d)).isoformat() + " " for d in range(n_days)]
        self.weekday = [(self.base.weekday() + d) % 7 for d in range(n_days)]
        self.hms = [f"{h:02d}:{m:02d}:{s:02d}" for h in range(24) for m in range(60) for s in range(60)]
        self._build_calendar()

    # ----------------------------------------------------------------- time
    def ts(self, t: int) -> str:
        d, s = divmod(t, DAY)
        return self.day_str[d] + self.hms[s]

    def day(self, a: int, b: int) -> int:
        """A day in [a, b), weekdays more likely."""
        if b <= a:
            return min(a, self.d_end)
        rnd = self.rng.random
        d = a + int(rnd() * (b - a))
        if self.weekday[d] >= 5 and rnd() < 0.75:
            d = a + int(rnd() * (b - a))
        return d

    def at(self, d: int) -> int:
        """A business-hours time on day d."""
        rnd = self.rng.random
        return d * DAY + HOUR_TABLE[int(rnd() * len(HOUR_TABLE))] * 3600 + int(rnd() * 3600)

    # ----------------------------------------------------------------- calendar
    def _build_calendar(self) -> None:
        rng = self.rng
        camps, webinars = [], []
        nurture = {"flow": PRODUCT_PAGES["flow"] + PRICING["flow"] + CASE_STUDIES[:3] + DOCS["flow"][:1],
                   "insight": PRODUCT_PAGES["insight"] + PRICING["insight"] + CASE_STUDIES[3:] + DOCS["insight"][:1]}
        k = 0
        for d in range(self.d0 - 40, self.d_end + 1):
            wd, day_date = self.weekday[d], self.base + timedelta(days=d)
            tag = day_date.strftime("%Y%m%d")
            send = d * DAY + 8 * 3600 + int(rng.random() * 9000)
            if wd == 1:    # Tuesday newsletter
                camps.append((f"cmp-{tag}-newsletter", send, "", rng.choice(BLOG), "newsletter"))
            elif wd == 3:  # Thursday product nurture, alternating
                product = PRODUCTS[k % 2]
                k += 1
                camps.append((f"cmp-{tag}-{product}-nurture", send, product, rng.choice(nurture[product]),
                              "nurture"))
            if day_date.day <= 7 and wd == 2:  # first Wednesday: webinar of the month
                product, slug = WEBINAR_TOPICS[day_date.month % len(WEBINAR_TOPICS)]
                w_day = d + 15  # third Thursday
                url = f"{SITE}/webinars/{slug}-{(self.base + timedelta(days=w_day)).strftime('%Y-%m')}"
                camp = (f"cmp-{tag}-webinar-invite", send, product, url, "webinar")
                camps.append(camp)
                webinars.append((w_day, w_day * DAY + 15 * 3600, product, url, camp[0]))
        self.camps = camps
        self.camp_days = [c[1] // DAY for c in camps]
        self.by_product = {}
        for p in PRODUCTS:
            lst = [c for c in camps if c[2] in ("", p)]
            self.by_product[p] = ([c[1] // DAY for c in lst], lst)
        self.by_product[""] = (self.camp_days, camps)
        self.webinars = webinars
        self.webinar_days = [w[0] for w in webinars]

    def campaigns(self, a: int, b: int, k: int, product: str = "") -> list:
        """Up to k campaigns sent on days [a, b) (product nurture + newsletters)."""
        days, lst = self.by_product[product]
        pool = lst[bisect_left(days, a):bisect_left(days, b)]
        if k >= len(pool):
            return pool
        return self.rng.sample(pool, k)

    def webinar(self, a: int, b: int, product: str = ""):
        """A webinar held on a day in [a, b), preferring the product's."""
        lo, hi = bisect_left(self.webinar_days, a), bisect_left(self.webinar_days, b)
        pool = self.webinars[lo:hi]
        if not pool:
            return None
        own = [w for w in pool if w[2] in (product, "")]
        return self.rng.choice(own or pool)

    # ----------------------------------------------------------------- people
    def rand_ip(self) -> str:
        r = self.rng.getrandbits(32)
        return f"{IP_FIRST_OCTETS[r & 31]}.{(r >> 5) & 255}.{(r >> 13) & 255}.{1 + (r >> 21) % 254}"

    def anon_id(self) -> str:
        return f"anon_{self.rng.getrandbits(64):016x}"

    # ----------------------------------------------------------------- event primitives
    # raw event: (t, event_type, url, product_id, campaign_id, duration, user_agent, ip,
    #             email_sent_t (-1 = null), anonymous_id, has_contact_id)
    def dur(self, url: str, long: bool = False):
        rnd = self.rng.random
        u = rnd()
        if long:
            return 60 + int(u * 420)
        if u < 0.04:
            return ""
        u = rnd()
        kind = _URL_KIND.get(url, "")
        if kind == "docs":
            return 20 + int(420 * u * u)
        if kind == "pricing":
            return 5 + int(80 * u * u)
        return 4 + int(180 * u * u)

    def noisy(self, url: str) -> str:
        r = self.rng.random()
        if r < 0.90:
            return url
        if r < 0.95:
            return url + "?utm_source=linkedin&utm_medium=social&utm_campaign=brand"
        if r < 0.97:
            return url + "#top"
        if r < 0.985:
            return "https://WWW.LUMEN.IO" + url[len(SITE):]
        if r < 0.995:
            return "http://lumen.io" + url[len(SITE):]
        return " " + url + " "

    def visit(self, c: _Contact, t: int, urls, long_pricing: bool = False) -> list:
        """A session: consecutive page views starting at t."""
        out = []
        rnd = self.rng.random
        for url in urls:
            long = long_pricing and _URL_KIND.get(url) == "pricing"
            d = self.dur(url, long)
            out.append((t, "page_view", self.noisy(url), "", "", d, c.ua, c.ip, -1, c.anon, c.known))
            t += (d or 7) + 2 + int(rnd() * 15)
        return out

    def visits(self, c: _Contact, a: int, b: int, n: int, pages, per_visit=(1, 3), entry_p=0.25,
               long_pricing: bool = False) -> list:
        out = []
        rng = self.rng
        lo, hi = per_visit
        for _ in range(n):
            urls = [rng.choice(pages) for _ in range(rng.randint(lo, hi))]
            if rng.random() < entry_p:
                urls.insert(0, HOME)
            out += self.visit(c, self.at(self.day(a, b)), urls, long_pricing)
        return out

    def email(self, c: _Contact, camp, click_p: float, pv_p: float = 0.6) -> list:
        """Open (and maybe click, then land on the page) of one campaign e-mail."""
        cid, send_t, _product, url, _kind = camp
        if cid in c.used:
            return []
        c.used.add(cid)
        rnd = self.rng.random
        sent = send_t + int(rnd() * 1800)
        to = sent + (60 + int(rnd() * 10800) if rnd() < 0.6 else 60 + int(rnd() * 432000))
        out = [(to, "email_open", "", "", cid, "", c.mua, c.ip, sent, "", True)]
        if rnd() < click_p:
            tc = to + 5 + int(rnd() * 900)
            if rnd() < 0.1:  # images blocked: a click without an open
                out = []
            out.append((tc, "email_click", url, "", cid, "", c.mua, c.ip, sent, "", True))
            if rnd() < pv_p:
                out.append((tc + 1 + int(rnd() * 4), "page_view", url + UTM + cid, "", "", self.dur(url),
                            c.ua, c.ip, -1, c.anon, True))
        return out

    def emails(self, c: _Contact, a: int, b: int, k: int, click_p: float, product: str = "") -> list:
        out = []
        for camp in self.campaigns(a, b, k, product):
            out += self.email(c, camp, click_p)
        return out

    def webinar_events(self, c: _Contact, w, attend_p: float) -> list:
        w_day, w_t, product, url, camp = w
        rnd = self.rng.random
        reg_d = max(self.d0, w_day - 1 - int(rnd() * 14))
        t = self.at(reg_d)
        out = self.visit(c, t, [url])
        out.append((out[-1][0] + 20 + int(rnd() * 120), "webinar_registration", url, product,
                    camp if rnd() < 0.5 else "", "", c.ua, c.ip, -1, c.anon, True))
        if rnd() < attend_p:
            out.append((w_t + int(rnd() * 300), "webinar_attended", url, product, "",
                        600 + int(rnd() * 3000), "", "", -1, "", True))
        return out

    def form(self, c: _Contact, t: int, event_type: str, url: str, product: str = "") -> list:
        out = self.visit(c, t, [url])
        out.append((out[-1][0] + 15 + int(self.rng.random() * 90), event_type, url, product, "", "",
                    c.ua, c.ip, -1, c.anon, True))
        return out

    def download(self, c: _Contact, d: int, product: str = "") -> list:
        pool = RESOURCES[product] + RESOURCES[""] if product else sum(RESOURCES.values(), ())
        return self.form(c, self.at(d), "content_download", self.rng.choice(pool),
                         product if self.rng.random() < 0.5 else "")

    def offline(self, t: int, event_type: str, product: str = "", campaign: str = "", dur="") -> tuple:
        return (t, event_type, "", product, campaign, dur, "", "", -1, "", True)

    def social(self, t: int, negative: bool = False) -> tuple:
        url = f"https://www.linkedin.com/feed/update/urn:li:activity:{71000000000 + (t * 7919) % 999999999}"
        return (t, "social_negative_comment" if negative else "social_engagement", url, "", "", "", "", "",
                -1, "", True)

    def app(self, c: _Contact, a: int, b: int, n: int, product: str, signup: bool) -> list:
        out = []
        if signup:
            out.append((self.at(a), "app_signup", "", product, "", "", c.ua, c.ip, -1, "", True))
        for _ in range(n):
            out.append((self.at(self.day(a, b)), "app_action", "", product, "", "", c.ua, c.ip, -1, "", True))
        return out

    # ----------------------------------------------------------------- journeys
    # each returns (events, identities [(anonymous_id, t)], conversions [(product, t)])
    def j_buyer(self, c: _Contact):
        rng, rnd, de = self.rng, self.rng.random, self.d_end
        p = c.product
        # buying cycles all year round, more of them lately (a growing business)
        demo_d = de - int((HISTORY_DAYS - 80) * rnd() ** 1.3)
        ev = self.emails(c, self.d0, demo_d - 40, 1 + int(rnd() * 4), 0.15)
        w = self.webinar(demo_d - 75, demo_d - 3, p)
        if w:
            ev += self.webinar_events(c, w, 0.85)
        ev += self.visits(c, demo_d - 45, demo_d - 5, 1 + int(rnd() * 3), BLOG, (1, 2), 0.2)
        ev += self.visits(c, demo_d - 30, demo_d + 1, 1 + int(rnd() * 3),
                          PRODUCT_PAGES[p] + CASE_STUDIES, (1, 2), 0.2)
        ev += self.visits(c, demo_d - 21, demo_d + 1, 3 + int(rnd() * 3), PRICING[p] + PRICING[""][:1],
                          (1, 1), 0.0, long_pricing=True)
        ev += self.emails(c, demo_d - 60, demo_d, 1 + int(rnd() * 3), 0.8, p)
        if rnd() < 0.5:
            ev += self.download(c, self.day(demo_d - 40, demo_d), p)
        t = self.at(demo_d)
        s = self.visit(c, t, [PRICING[p][0], DEMO], long_pricing=True)
        ev += s
        ev.append((s[-1][0] + 30 + int(rnd() * 120), "demo_request", DEMO, p, "", "", c.ua, c.ip, -1, c.anon, True))
        if rnd() < 0.7:
            md = demo_d + 2 + int(rnd() * 9)
            if md <= de:
                if rnd() < 0.12:
                    ev.append(self.offline(self.at(md), "meeting_cancelled", p))
                    md += 3 + int(rnd() * 5)
                if md <= de:
                    ev.append(self.offline(self.at(md), "sales_meeting", p, "", 1800 + 900 * int(rnd() * 3)))
        if rnd() < 0.35:
            sd = max(self.d0, demo_d - int(rnd() * 10))
            ev += self.app(c, sd, min(de + 1, sd + 20), 2 + int(rnd() * 6), p, True)
        if rnd() < 0.10:
            ev.append(self.offline(self.at(self.day(max(self.d0, demo_d - 90), demo_d)), "trade_show_visit", p,
                                   rng.choice(TRADE_SHOWS)))
        if rnd() < 0.20:
            ev.append(self.social(self.at(self.day(demo_d - 60, de + 1))))
        ev += self.visits(c, demo_d + 1, min(de + 1, demo_d + 45), int(rnd() * 3), PRICING[p] + PRODUCT_PAGES[p],
                          (1, 2), 0.0, long_pricing=True)
        conv, extra = self.conversions(c, ev, usage=True)
        return ev + extra, [], conv

    def j_engaged_evaluator(self, c: _Contact):
        rng, rnd, de = self.rng, self.rng.random, self.d_end
        p = c.product
        start = de - 30 - int(rnd() * 250)                # an evaluation of 1.5-6 months, any time
        end = min(de + 1, start + 45 + int(rnd() * 135))
        pages = PRODUCT_PAGES[p] * 4 + DOCS[p] * 3 + DOCS[""] + CASE_STUDIES * 2 + BLOG[:6] + PRICING[p]
        ev = self.visits(c, start, end, 2 + int(rnd() * 4), pages, (1, 3), 0.2)
        ev += self.emails(c, start - 30, end, 1 + int(rnd() * 4), 0.5, p)
        if rnd() < 0.3:
            w = self.webinar(start, end, p)
            if w:
                ev += self.webinar_events(c, w, 0.6)
        if rnd() < 0.4:
            ev += self.download(c, self.day(start, end), p)
        if rnd() < 0.15:
            ev += self.app(c, self.day(start, end - 1), end, 2 + int(rnd() * 6), p, True)
        if rnd() < 0.1:
            ev.append(self.social(self.at(self.day(start, end))))
        conv, extra = self.conversions(c, ev)
        return ev + extra, [], conv

    def j_tire_kicker(self, c: _Contact):
        rnd = self.rng.random
        ev = []
        for camp in self.campaigns(self.d0, self.d_end + 1, 1 + int(rnd() * 5)):
            ev += self.email(c, camp, 0.0)
        conv, extra = self.conversions(c, ev)
        return ev + extra, [], conv

    def j_job_seeker(self, c: _Contact):
        rnd, de = self.rng.random, self.d_end
        start = self.d0 + int(rnd() * (HISTORY_DAYS - 20))
        end = min(de + 1, start + 20 + int(rnd() * 50))
        ev = self.visits(c, start, end, 1 + int(rnd() * 2), CAREERS * 3 + ABOUT, (1, 3), 0.4)
        ev += self.visits(c, start, end, int(rnd() * 2), BLOG, (1, 2), 0.0)
        conv, extra = self.conversions(c, ev)
        return ev + extra, [], conv

    def j_student(self, c: _Contact):
        rng, rnd, de = self.rng, self.rng.random, self.d_end
        start = self.d0 + int(rnd() * (HISTORY_DAYS - 30))
        end = min(de + 1, start + 30 + int(rnd() * 90))
        p = c.product
        ev = self.visits(c, start, end, 1 + int(rnd() * 3), DOCS[p] + DOCS[""] + DOCS["flow" if p == "insight" else "insight"],
                         (1, 2), 0.1)
        ev += self.visits(c, start, end, 1 + int(rnd() * 2), BLOG, (1, 2), 0.1)
        ev += self.visits(c, start, end, 1 + int(rnd() * 2), PRICING[p] + PRICING[""], (1, 1), 0.0)
        for _ in range(1 + int(rnd() * 2)):
            ev += self.download(c, self.day(start, end))
        if rnd() < 0.6:
            w = self.webinar(start, end, p)
            if w:
                ev += self.webinar_events(c, w, 0.7)
        if rnd() < 0.1:
            ev += self.app(c, self.day(start, end), end, 1 + int(rnd() * 3), p, True)
        ev += self.emails(c, start, de + 1, int(rnd() * 3), 0.2)
        conv, extra = self.conversions(c, ev)
        return ev + extra, [], conv

    def j_competitor(self, c: _Contact):
        rnd, de = self.rng.random, self.d_end
        pages = PRICING["flow"] + PRICING["insight"] + PRICING[""] + PRODUCT_PAGES["flow"] + PRODUCT_PAGES["insight"]
        start = de - 45 - int(rnd() * 240)   # periodic checks, often recent
        ev = self.visits(c, start, de + 1, 3 + int(rnd() * 5), pages, (1, 3), 0.2, long_pricing=rnd() < 0.5)
        ev += self.visits(c, start, de + 1, 1 + int(rnd() * 3), DOCS["flow"] + DOCS["insight"] + CASE_STUDIES, (1, 3))
        if rnd() < 0.3:
            w = self.webinar(self.d0, de + 1)
            if w:
                ev += self.webinar_events(c, w, 0.7)
        if rnd() < 0.3:
            ev += self.download(c, self.day(self.d0, de + 1))
        if rnd() < 0.1:
            ev.append(self.social(self.at(self.day(self.d0, de + 1)), negative=True))
        return ev, [], []

    def j_agency(self, c: _Contact):
        rng, rnd, de = self.rng, self.rng.random, self.d_end
        start = de - 60 - int(rnd() * 120)
        pricing = PRICING["flow"] + PRICING["insight"] + PRICING[""]
        ev = self.visits(c, start, de + 1, 4 + int(rnd() * 4), pricing, (1, 2), 0.0, long_pricing=True)
        ev += self.visits(c, start, de + 1, 2 + int(rnd() * 3), CASE_STUDIES, (1, 3), 0.1)
        ev += self.visits(c, start, de + 1, 2 + int(rnd() * 4), PRODUCT_PAGES["flow"] + PRODUCT_PAGES["insight"],
                          (1, 3), 0.1)
        ev += self.visits(c, start, de + 1, 1 + int(rnd() * 2), DOCS["flow"] + DOCS["insight"] + BLOG, (1, 2), 0.1)
        for _ in range(1 + int(rnd() * 2)):
            w = self.webinar(start, de + 1)
            if w:
                ev += self.webinar_events(c, w, 0.8)
        for _ in range(1 + int(rnd() * 3)):
            ev += self.download(c, self.day(start, de + 1))
        ev += self.emails(c, start - 30, de + 1, 2 + int(rnd() * 4), 0.6)
        if rnd() < 0.1:
            t = self.at(self.day(start, de + 1))
            ev += self.form(c, t, "demo_request", DEMO, rng.choice(PRODUCTS))
        return ev, [], []

    def j_role_based(self, c: _Contact):
        rng, rnd = self.rng, self.rng.random
        ev = []
        for camp in self.campaigns(self.d0, self.d_end + 1, 4 + int(rnd() * 6)):
            cid, send_t, _p, url, _k = camp
            sent = send_t + int(rnd() * 1800)
            for _ in range(1 + int(rnd() * 4)):   # several people open the shared inbox
                t = sent + 60 + int(rnd() * 259200)
                ev.append((t, "email_open", "", "", cid, "", rng.choice(MAIL_USER_AGENTS), self.rand_ip(), sent,
                           "", True))
            clicks = sorted(sent + 120 + int(rnd() * 259200) for _ in range(int(rnd() * 3)))
            last = -10
            for t in clicks:
                t = max(t, last + 3)     # >= 3 s apart: never a click burst
                last = t
                ev.append((t, "email_click", url, "", cid, "", rng.choice(BROWSER_USER_AGENTS), self.rand_ip(),
                           sent, "", True))
                if rnd() < 0.3:
                    ev.append((t + 2, "page_view", url + UTM + cid, "", "", self.dur(url), c.ua, c.ip, -1, "", True))
        conv, extra = self.conversions(c, ev)
        return ev + extra, [], conv

    def j_lapsed(self, c: _Contact):
        rng, rnd, de = self.rng, self.rng.random, self.d_end
        last_day = de - 125 - int(rnd() * 60)         # silent for 4+ months
        start = max(self.d0, last_day - 30 - int(rnd() * 70))
        p = c.product
        end = last_day + 1
        ev = self.visits(c, start, end, 2 + int(rnd() * 4), PRODUCT_PAGES[p] + CASE_STUDIES + BLOG[:5] + DOCS[p],
                         (1, 2), 0.2)
        ev += self.visits(c, start, end, 2 + int(rnd() * 3), PRICING[p], (1, 1), 0.0, long_pricing=rnd() < 0.6)
        ev += self.emails(c, max(self.d0, start - 60), end, 2 + int(rnd() * 4), 0.4, p)
        w = self.webinar(start, end, p)
        if w and rnd() < 0.6:
            ev += self.webinar_events(c, w, 0.7)
        if rnd() < 0.25:
            ev += self.form(c, self.at(self.day(start, end)), "demo_request", DEMO, p)
        if rnd() < 0.2:
            ev.append(self.offline(self.at(self.day(start, end)), "trade_show_visit", p, rng.choice(TRADE_SHOWS)))
        ev = [e for e in ev if e[0] < end * DAY]
        # no event after last_day: a lapsed lead that buys does so in its old cycle, or comes
        # back 1-5 months later out of the blue (a new budget, a new boss), unseen on the web
        peak, t_peak = self.intent_peak(ev)
        if t_peak is None or rnd() >= self.p_buy(c, peak):
            return ev, [], []
        cd = last_day + 30 + int(rnd() * 120) if rnd() < REACTIVATION_SHARE else self.deal_day(t_peak)
        return ev, [], [(p, self.at(cd))] if cd < de else []

    def j_anonymous_then_identified(self, c: _Contact):
        rng, rnd, de = self.rng, self.rng.random, self.d_end
        p = c.product
        first = de - 20 - int(rnd() * 300)
        ident_d = first + 1 + int(rnd() * 30)
        a1 = c.anon = self.anon_id()
        c.known = False
        pages = PRODUCT_PAGES[p] + BLOG[:8] + CASE_STUDIES[:3] + PRICING[p] + OTHER[:1]
        ev = self.visit(c, self.at(first), [HOME, self.rng.choice(pages)])
        ev += self.visits(c, first + 1, ident_d, 1 + int(rnd() * 4), pages, (1, 3))
        c.known = True   # identified by a form: the form event carries both ids
        t_id = self.at(ident_d)
        kind = rnd()
        if kind < 0.45:
            ev += self.form(c, t_id, "content_download", rng.choice(RESOURCES[p]), p)
        elif kind < 0.8:
            ev += self.form(c, t_id, "form_submit", CONTACT_PAGE)
        else:
            ev += self.form(c, t_id, "form_submit", SITE + "/newsletter")
        ids = [(a1, ev[-1][0])]
        ev += self.visits(c, ident_d, de + 1, int(rnd() * 5), pages + DOCS[p], (1, 3))
        ev += self.emails(c, ident_d + 1, de + 1, 1 + int(rnd() * 4), 0.35, p)
        if rnd() < 0.3:  # a second device, identified later by an e-mail click
            c.anon, c.known = self.anon_id(), False
            d2 = self.day(ident_d + 1, de + 1)
            ev += self.visits(c, d2, d2 + 1, 1, pages, (1, 2), 0.0)
            t2 = min(max(e[0] for e in ev) + 600 + int(rnd() * 3 * DAY), self.end_t - 1)
            ids.append((c.anon, t2))
            c.known = True
            ev += self.visit(c, t2, [rng.choice(pages)])
        conv, extra = self.conversions(c, ev, after=t_id)
        return ev + extra, ids, conv

    def j_internal(self, c: _Contact):
        rnd, de = self.rng.random, self.d_end
        pages = PRICING["flow"] + PRICING["insight"] + PRODUCT_PAGES["flow"] + PRODUCT_PAGES["insight"] + DOCS[""] + BLOG[:4] + OTHER[:3]
        ev = self.visits(c, self.d0, de + 1, 2 + int(rnd() * 5), pages, (1, 3), 0.4)
        ev += self.emails(c, self.d0, de + 1, 1 + int(rnd() * 3), 0.3)
        return ev, [], []

    def j_unsubscriber(self, c: _Contact):
        rnd, de = self.rng.random, self.d_end
        camps = self.campaigns(self.d0, de - 2, 2 + int(rnd() * 4))
        camps.sort(key=itemgetter(1))
        ev = []
        for camp in camps[:-1]:
            ev += self.email(c, camp, 0.05)
        if not camps:
            return ev, [], []
        cid, send_t, _p, _u, _k = camps[-1]
        sent = send_t + int(rnd() * 1800)
        if rnd() < 0.2 and ev:  # an earlier soft bounce
            b = ev[0]
            ev.append((b[8] + 5 + int(rnd() * 120), "email_bounce", "", "", b[4], "", "", "", b[8], "", True))
        to = sent + 120 + int(rnd() * 20000)
        ev.append((to, "email_open", "", "", cid, "", c.mua, c.ip, sent, "", True))
        ev.append((to + 20 + int(rnd() * 120), "email_unsubscribe", PREFERENCES, "", cid, "", c.mua, c.ip, sent,
                   "", True))
        if rnd() < 0.05:
            ev.append(self.social(to + DAY * (1 + int(rnd() * 30)), negative=True))
        conv, extra = self.conversions(c, ev)
        return ev + extra, [], conv

    # ----------------------------------------------------------------- conversions
    @staticmethod
    def _page_kind(url: str) -> str:
        """The category of a (noisy) URL of the site, '' if none."""
        low = url.strip().lower()
        k = low.find("lumen.io")
        if k < 0:
            return ""
        path = url.strip()[k + 8:].split("?", 1)[0].split("#", 1)[0]
        if path.startswith("/webinars/"):
            return "webinar"
        return _URL_KIND.get(SITE + path, "")

    def intent_peak(self, ev, after: int = 0) -> tuple:
        """(peak, t): the highest value of the contact's running intent (each event's
        INTENT weight, the sum halved every INTENT_HALF_LIFE_DAYS) and when it was reached,
        among known events at or after `after`."""
        level = peak = 0.0
        t_peak = last = None
        kinds: dict = {}
        for e in sorted(ev, key=itemgetter(0)):
            t, et = e[0], e[1]
            if et == "page_view":
                url = e[2]
                kind = kinds.get(url)
                if kind is None:
                    kind = kinds[url] = self._page_kind(url)
                w = INTENT_PAGE.get(kind, 0.0)
                if kind == "pricing" and e[5] != "" and e[5] >= 60:
                    w *= 1.5      # read, not glanced at
            else:
                w = INTENT_EVENT.get(et, 0.0)
            if last is not None:
                level *= 0.5 ** ((t - last) / (INTENT_HALF_LIFE_DAYS * DAY))
            last = t
            level = max(level + w, 0.0)
            if level > peak and e[10] and t >= after:
                peak, t_peak = level, t
        return peak, t_peak

    def p_buy(self, c: _Contact, peak: float) -> float:
        """The probability to buy at a peak intent (blurred by what the web does not show)."""
        e = peak * math.exp(self.rng.gauss(0.0, LATENT_SIGMA))
        ek = e ** INTENT_K
        return BUY_FIT[c.archetype] * P_MAX * ek / (ek + E_HALF ** INTENT_K)

    def deal_day(self, t_peak: int) -> int:
        """The day of a deal: a log-normal delay after the intent peak."""
        delay = self.rng.lognormvariate(math.log(DELAY_MEDIAN_DAYS), DELAY_SIGMA)
        return t_peak // DAY + max(1, int(delay))

    def conversions(self, c: _Contact, ev, after: int = 0, usage: bool = False) -> tuple:
        """(conversions [(product, t)], extra events) of one contact: with probability
        p_buy(intent peak), a deal a log-normal delay after the peak, often with a closing
        sales meeting before it (and product usage after it if `usage`); otherwise, rarely,
        a referral or offline deal on any day after the first activity, which the web did
        not see coming. A deal due after as_of is not known yet."""
        rnd, de = self.rng.random, self.d_end
        fit = BUY_FIT[c.archetype]
        if not ev or not fit:
            return [], []
        peak, t_peak = self.intent_peak(ev, after)
        extra = []
        if t_peak is not None and rnd() < self.p_buy(c, peak):
            peak_d = t_peak // DAY
            cd = self.deal_day(t_peak)
            if cd >= de:
                return [], []       # not closed yet on as_of
            if cd - peak_d > 3 and rnd() < CLOSING_MEETING_P:
                md = cd - 1 - int(rnd() * min(10, cd - peak_d - 2))
                extra.append(self.offline(self.at(md), "sales_meeting", c.product, "", 1800 + 900 * int(rnd() * 3)))
            if usage:
                extra += self.app(c, cd + 1, de + 1, 2 + int(rnd() * 6), c.product, False)
            return [(c.product, self.at(cd))], extra
        known = [e[0] for e in ev if e[10]]
        if known and rnd() < fit * REFERRAL_RATE:
            first = max(min(known), after) // DAY + 1
            if first < de:
                return [(c.product, self.at(first + int(rnd() * (de - first))))], []
        return [], []


# =========================================================================== accounts
_M64 = (1 << 64) - 1


def _mix64(x: int) -> int:
    """splitmix64 finaliser: a cheap, well-spread 64-bit hash."""
    x = (x + 0x9E3779B97F4A7C15) & _M64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _M64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _M64
    return x ^ (x >> 31)


def _account(seed: int, i: int):
    """Account i as a pure function of (seed, i), so that accounts need not be held
    in memory. 0-2 = the competitors, 3 = Lumen itself, i % 20 == 9 = agencies."""
    h = _mix64((seed & 0xFFFFFFFF) << 32 ^ i)
    u = [((h := _mix64(h)) >> 11) / 9007199254740992.0 for _ in range(6)]
    aid = f"a{i:07d}"
    crm = "" if u[0] < 0.1 else f"001{h >> 16:012X}"
    if i < 3:
        domain, name, country, emp = COMPETITORS[i]
        return (aid, domain, name, "Software", emp, emp * 160000, country, crm)
    if i == 3:
        domain, name, country, emp = INTERNAL
        return (aid, domain, name, "Software", emp, emp * 150000, country, crm)
    combos = len(NAME_A) * len(NAME_B)
    k, rep = (i * 7919) % combos, i // combos          # a bijection: every domain is unique
    a, b = NAME_A[k % len(NAME_A)], NAME_B[k // len(NAME_A)]
    extra = NAME_C[rep] if rep < len(NAME_C) else NAME_C[rep % len(NAME_C)] + str(rep // len(NAME_C) + 1)
    country = COUNTRY_TABLE[int(u[1] * len(COUNTRY_TABLE))]
    tlds = COUNTRY_TLDS[country]
    base = a + b + extra
    if i % 20 == 9:
        industry = "Marketing agency"
        name = a.capitalize() + b.capitalize() + extra.capitalize() + AGENCY_NAMES[int(u[2] * len(AGENCY_NAMES))]
        domain = base + "-agency" + tlds[int(u[3] * len(tlds))]
        emp = 5 + int(u[4] * u[4] * 300)
    else:
        industry = INDUSTRY_HINT.get(b) if u[2] < 0.8 else None
        industry = industry or INDUSTRY_TABLE[int((u[2] * 1000) % 1.0 * len(INDUSTRY_TABLE))]
        suffixes = COUNTRY_SUFFIX[country]
        name = (a.capitalize() + b.capitalize() + (" " + extra.capitalize() if extra else "")
                + suffixes[int(u[3] * len(suffixes))])
        domain = base + tlds[int(u[3] * 7919) % len(tlds)]
        r, v = u[4], (u[4] * 1000) % 1.0
        emp = (10 + int(v * 40) if r < 0.25 else 50 + int(v * 200) if r < 0.6 else 250 + int(v * 750) if r < 0.85
               else 1000 + int(v * 4000) if r < 0.96 else 5000 + int(v * 45000))
    revenue = emp * (60000 + int(u[5] * 240000)) // 1000 * 1000
    return (aid, domain, name, industry, emp, revenue, country, crm)


# =========================================================================== CSV
def _quote(value) -> str:
    """One CSV field as csv.QUOTE_MINIMAL writes it."""
    s = str(value)
    if any(ch in s for ch in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


_QUOTED_UA = {ua: _quote(ua) for ua in BROWSER_USER_AGENTS + MAIL_USER_AGENTS}
_QUOTED_UA[""] = ""


def _line(fields) -> str:
    return ",".join(map(_quote, fields)) + "\n"


# =========================================================================== main loop
def _parse_date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def generate(out_dir, n_events: int, seed: int = 42, as_of=None, progress: bool = False) -> dict:
    """Write the demo data set into out_dir; returns the number of data rows per file.

    events.csv gets exactly n_events rows. Deterministic: the files are a pure
    function of (n_events, seed, as_of). as_of: a date or 'YYYY-MM-DD' (default:
    today, UTC). progress: show a tqdm bar on stderr.
    """
    if as_of is None:
        as_of = datetime.now(timezone.utc).date()
    as_of = _parse_date(as_of)
    n_events = int(n_events)
    if n_events < 0:
        raise ValueError("n_events must be >= 0")
    os.makedirs(out_dir, exist_ok=True)

    world = _World(seed, as_of)
    rng = world.rng
    rnd = rng.random
    drng = random.Random(seed * 7 + 1)   # dirty rows have their own stream
    ts, end_t, d0, de = world.ts, world.end_t, world.d0, world.d_end
    as_of_t = de * DAY

    # ---------------------------------------------------------------- plan
    min_each = 5 if n_events >= 1000 else 1 if n_events >= 100 else 0
    plan, burst_sizes = {}, []
    for reason, rate in DIRTY_RATES:
        if reason == "bot_click_burst":
            n_bursts = max(2 * min_each // 5, round(n_events * rate / 4.5))
            burst_sizes = [3 + int(drng.random() * 4) for _ in range(n_bursts)]
            plan[reason] = n_bursts
        else:
            plan[reason] = max(min_each, round(n_events * rate))
    n_dirty = sum(plan.values()) - plan["bot_click_burst"] + sum(burst_sizes)
    n_valid = max(0, n_events - n_dirty)  # internal traffic included: it looks valid until staging
    n_accounts = max(40, n_events // 50)
    min_contacts = max(60, len(ARCHETYPES))
    est_contacts = max(min_contacts, n_events // 10)
    # [reason, count, done]: the j-th row of a reason is due after ((2j+1) / 2count) of the valid rows
    schedule = [[reason, plan[reason], 0] for reason, _ in DIRTY_RATES if plan[reason]]

    def due(entry) -> int:
        return ((2 * entry[2] + 1) * n_valid) // (2 * entry[1])

    counts = dict.fromkeys(("contacts.csv", "accounts.csv", "events.csv", "identities.csv", "conversions.csv",
                            "demo_archetypes.csv", "demo_dirty_events.csv"), 0)
    files = []

    def opener(name, columns):
        f = open(os.path.join(out_dir, name), "w", newline="", encoding="utf-8", buffering=1 << 20)
        files.append(f)
        f.write(_line(columns))
        return f

    try:
        f_acc = opener("accounts.csv", ACCOUNT_COLUMNS)
        w_acc = csv.writer(f_acc, lineterminator="\n")
        for i in range(n_accounts):
            w_acc.writerow(_account(seed, i))
        counts["accounts.csv"] = n_accounts
        w_con = csv.writer(opener("contacts.csv", CONTACT_COLUMNS), lineterminator="\n")
        f_ev = opener("events.csv", EVENT_COLUMNS)
        w_id = csv.writer(opener("identities.csv", IDENTITY_COLUMNS), lineterminator="\n")
        w_cv = csv.writer(opener("conversions.csv", CONVERSION_COLUMNS), lineterminator="\n")
        w_ar = csv.writer(opener("demo_archetypes.csv", ARCHETYPE_COLUMNS), lineterminator="\n")
        w_dirty = csv.writer(opener("demo_dirty_events.csv", DIRTY_COLUMNS), lineterminator="\n")

        bar = None
        if progress:
            from tqdm import tqdm
            bar = tqdm(total=n_events, unit="ev", unit_scale=True, file=sys.stderr, desc="events",
                       mininterval=0.5)

        n_agency = len(range(9, n_accounts, 20))
        regular = n_accounts - 4
        forced = list(_ARCHETYPE_NAMES)
        rng.shuffle(forced)
        journeys = {a: getattr(world, "j_" + a) for a in _ARCHETYPE_NAMES}
        acct_cache: dict = {}

        def account(i: int):
            a = acct_cache.get(i)
            if a is None:
                if len(acct_cache) > 4096:
                    acct_cache.clear()
                a = acct_cache[i] = _account(seed, i)
            return a

        def regular_account(n: int) -> int:
            """Contacts walk through the accounts in order (a window of +-64 around the
            contact's position) so that the account cache stays small and hot."""
            centre = (n * regular) // est_contacts
            i = 4 + (centre + int(rnd() * 129) - 64) % regular
            while i % 20 == 9:
                i = 4 + (i - 4 + 1) % regular
            return i

        lines: list = []          # event lines not written yet
        dirty_rows: list = []     # (event_id, reason) not written yet
        state = {"eid": 0, "written": 0}
        last_ok = None            # (contact, raw events, lines) of the last non-internal contact with events
        hms, day_str, quoted_ua = world.hms, world.day_str, _QUOTED_UA
        noise = EVENT_TYPE_NOISE

        def flush():
            if lines:
                f_ev.write("".join(lines))
                state["written"] += len(lines)
                if bar is not None:
                    bar.update(len(lines))
                lines.clear()
            if dirty_rows:
                w_dirty.writerows(dirty_rows)
                counts["demo_dirty_events.csv"] += len(dirty_rows)
                dirty_rows.clear()

        def new_eid() -> str:
            state["eid"] += 1
            return f"ev{state['eid']:010d}"

        def rand_ip(octets) -> str:
            r = drng.random
            return f"{drng.choice(octets)}.{int(r() * 256)}.{int(r() * 256)}.{1 + int(r() * 254)}"

        def emit_dirty(reason: str, size: int) -> bool:
            """Append the dirty row(s) of one kind; False when there is no suitable contact yet."""
            if last_ok is None and reason not in ("missing_contact", "unknown_contact"):
                return False
            r = drng.random
            if last_ok is not None:
                c, raw, own_lines = last_ok
                cid, ua, mua, ip = c.cid, c.ua, c.mua, c.ip
            else:
                cid, ua, mua, ip = "", BROWSER_USER_AGENTS[0], MAIL_USER_AGENTS[0], "81.2.3.4"
            t = (d0 + int(r() * (de + 1 - d0))) * DAY + HOUR_TABLE[int(r() * len(HOUR_TABLE))] * 3600 + int(r() * 3600)
            url = drng.choice(BLOG + PRICING[""] + OTHER[:4] + PRODUCT_PAGES["flow"][:2])
            dur = 5 + int(r() * 120)
            if reason == "duplicate_event_id":   # an exact copy of one of the contact's rows
                line = drng.choice(own_lines)
                lines.append(line)
                dirty_rows.append((line[:line.index(",")], reason))
                return True
            rows = []
            if reason in ("bot_email_scanner", "bot_click_burst") or (reason == "bot_user_agent" and r() < 0.3):
                days, camps = world.camp_days, world.camps
                lo, hi = bisect_left(days, d0), bisect_right(days, de - 3)
                camp_id, send_t, _p, curl, _k = camps[lo + int(r() * (hi - lo))]
                sent = send_t + int(r() * 1800)
                if reason == "bot_email_scanner":   # a security scanner fetching the e-mail at once
                    kind = "email_click" if r() < 0.6 else "email_open"
                    rows.append((new_eid(), cid, "", kind, ts(sent + (0 if r() < 0.5 else 1)),
                                 curl if kind == "email_click" else "", "", camp_id, "", mua,
                                 rand_ip(SCANNER_IP_OCTETS), ts(sent)))
                elif reason == "bot_user_agent":    # a mail-security gateway following the link
                    rows.append((new_eid(), cid, "", "email_click", ts(sent + 10 + int(r() * 600)), curl, "",
                                 camp_id, "", drng.choice(GATEWAY_USER_AGENTS), rand_ip(SCANNER_IP_OCTETS), ts(sent)))
                else:   # a click burst: `size` clicks in one second, away from the contact's real clicks
                    clicks = [e[0] for e in raw if e[1] == "email_click" and e[4] == camp_id]
                    for _ in range(50):
                        tb = sent + 300 + int(r() * 2 * DAY)
                        if tb < end_t and all(abs(tb - x) > 3 for x in clicks):
                            break
                    else:
                        return False
                    stamp, sent_s = ts(tb), ts(sent)
                    for _ in range(size):
                        rows.append((new_eid(), cid, "", "email_click", stamp, curl, "", camp_id, "", mua, ip, sent_s))
            elif reason == "invalid_timestamp":
                rows.append((new_eid(), cid, "", "page_view", "", url, "", "", dur, ua, ip, ""))
            elif reason == "after_as_of":   # happened after as_of: for later scores only
                tf = end_t + DAY + int(r() * 88 * DAY)
                if r() < 0.8:
                    rows.append((new_eid(), cid, "", "page_view", ts(tf), url, "", "", dur, ua, ip, ""))
                else:
                    rows.append((new_eid(), cid, "", "app_action", ts(tf), "", drng.choice(PRODUCTS), "", "", ua, ip, ""))
            elif reason == "future_timestamp":   # a device clock decades ahead: in the future of any run
                future = datetime.combine(as_of, datetime.min.time()) + timedelta(
                    days=40 * 365 + int(r() * 3650), seconds=int(r() * DAY))
                rows.append((new_eid(), cid, "", "page_view", future.strftime("%Y-%m-%d %H:%M:%S"), url, "", "",
                             dur, ua, ip, ""))
            elif reason == "unknown_event_type":
                rows.append((new_eid(), cid, "", drng.choice(UNKNOWN_EVENT_TYPES), ts(t), url if r() < 0.5 else "",
                             "", "", "", ua, ip, ""))
            elif reason == "missing_contact":   # an anonymous visitor never identified, or no id at all
                anon = f"anon_{drng.getrandbits(64):016x}" if r() < 0.75 else ""
                rows.append((new_eid(), "", anon, "page_view", ts(t),
                             drng.choice(BLOG + PRICING[""] + OTHER[:3] + DOCS[""]), "", "", dur,
                             drng.choice(BROWSER_USER_AGENTS), rand_ip(IP_FIRST_OCTETS), ""))
            elif reason == "unknown_contact":   # e.g. a contact deleted from the CRM (ids: 10 characters)
                ghost = f"c9{drng.getrandbits(26):08d}"
                if r() < 0.5:
                    rows.append((new_eid(), ghost, "", "page_view", ts(t), url, "", "", dur, ua, ip, ""))
                else:
                    camp_id, send_t, _p, _u, _k = world.camps[int(r() * len(world.camps))]
                    sent = send_t + int(r() * 1800)
                    rows.append((new_eid(), ghost, "", "email_open", ts(min(sent + 600 + int(r() * DAY), end_t - 1)),
                                 "", "", camp_id, "", mua, ip, ts(sent)))
            elif reason == "bot_user_agent":    # crawlers and scripts on the website
                rows.append((new_eid(), cid, "", "page_view", ts(t), url, "", "", "", drng.choice(BOT_USER_AGENTS),
                             rand_ip(SCANNER_IP_OCTETS), ""))
            else:  # pragma: no cover
                raise AssertionError(reason)
            for row in rows:
                lines.append(_line(row))
                dirty_rows.append((row[0], reason))
            return True

        # ------------------------------------------------------------ contacts
        valid_written = n_contacts = n_conv = n_ids = 0
        next_due = min((due(e) for e in schedule), default=n_valid + 1)
        while valid_written < n_valid or n_contacts < min_contacts:
            n_contacts += 1
            cid = f"c{n_contacts:08d}"
            if n_contacts <= len(forced):
                arche = forced[n_contacts - 1]
            else:
                arche = _ARCHETYPE_NAMES[bisect_right(_ARCHETYPE_CUM, rnd() * _ARCHETYPE_TOTAL)]
            c = _Contact()
            c.cid, c.archetype, c.anon, c.known, c.used = cid, arche, "", True, set()
            c.product = PRODUCTS[0] if rnd() < 0.55 else PRODUCTS[1]
            c.ua = BROWSER_USER_AGENTS[int(rnd() * len(BROWSER_USER_AGENTS))]
            c.mua = MAIL_USER_AGENTS[int(rnd() * len(MAIL_USER_AGENTS))] if rnd() < 0.7 else c.ua
            c.ip = world.rand_ip()

            # ---- account, name, title, e-mail
            first = FIRST_NAMES[int(rnd() * len(FIRST_NAMES))]
            last = LAST_NAMES[int(rnd() * len(LAST_NAMES))]
            fa, la = _ascii(first), _ascii(last)
            titles = TITLES[arche] if arche in TITLES else TITLES["tire_kicker"]
            title, dept = titles[int(rnd() * len(titles))]
            if arche == "competitor":
                acct = account(int(rnd() * 3))
            elif arche == "internal":
                acct = account(3)
                c.ip = OFFICE_IP + str(10 + int(rnd() * 200))
            elif arche == "agency":
                acct = account(9 + 20 * int(rnd() * n_agency))
            # job seekers apply privately; buyers and shared inboxes use the company domain
            elif arche in ("student", "job_seeker") or (arche not in ("buyer", "role_based") and rnd() < 0.04):
                acct = None
            else:
                acct = account(regular_account(n_contacts))
                if arche == "buyer":  # buyers lean towards larger companies
                    other = account(regular_account(n_contacts))
                    if other[4] > acct[4]:
                        acct = other
            if arche == "role_based":
                local = ROLE_LOCAL_PARTS[int(rnd() * len(ROLE_LOCAL_PARTS))]
                first = last = title = dept = ""
            else:
                style = rnd()
                local = (fa + "." + la if style < 0.6 else fa[0] + la if style < 0.8 else fa + la[0] if style < 0.9
                         else fa + "_" + la)
            if acct is None:
                domain = FREE_MAIL[int(rnd() * len(FREE_MAIL))]
                local = fa + "." + la + (str(int(rnd() * 99)) if rnd() < 0.5 else "")
                country = COUNTRY_TABLE[int(rnd() * len(COUNTRY_TABLE))]
                account_id = ""
            else:
                domain, country, account_id = acct[1], acct[6], acct[0]
            email = local + "@" + domain
            r = rnd()
            if r < 0.01:
                email = email.capitalize()      # staging lower-cases and trims e-mails
            elif r < 0.013:
                email = " " + email
            if rnd() < 0.15:
                phone = ""
            elif country in ("US", "CA"):
                phone = f"+1 {200 + int(rnd() * 800)} {200 + int(rnd() * 800)} {int(rnd() * 10000):04d}"
            else:
                phone = (f"{PHONE_PREFIX[country]} {1 + int(rnd() * 9)} {int(rnd() * 100):02d} "
                         f"{int(rnd() * 100):02d} {int(rnd() * 100):02d} {int(rnd() * 100):02d}")
            if arche == "tire_kicker" and rnd() < 0.03:  # junk form fills
                first, phone = ("Test", "asdf", "Qwerty")[int(rnd() * 3)], "0000000000"
            no_crm = 1.0 if arche == "internal" else 0.35 if arche == "anonymous_then_identified" else 0.1
            crm_id = "" if rnd() < no_crm else f"003{rng.getrandbits(48):012X}"

            # ---- journey
            remaining = n_valid - valid_written
            if remaining > 0:
                evs, ids, convs = journeys[arche](c)
                evs = [e for e in evs if e[0] < end_t]
                evs.sort(key=itemgetter(0))
                if len(evs) > remaining:
                    evs = evs[:remaining]
            else:
                evs, ids, convs = [], [], []

            # ---- contact row: created before its first known activity
            known_t = [e[0] for e in evs if e[10]]
            if ids:
                created = min([ids[0][1]] + known_t[:1])
            elif known_t:
                created = known_t[0] - 3600 - int(rnd() * rnd() * 400 * DAY)
            else:
                created = (de - int(rnd() * 700)) * DAY + int(rnd() * DAY)
            created = max(created, 0)
            last_t = max(known_t[-1] if known_t else created, created)
            updated = last_t + int(rnd() * (end_t - 1 - last_t))
            w_con.writerow((cid, account_id, email, title, country, ts(created), ts(updated), crm_id,
                            first, last, phone, dept))
            w_ar.writerow((cid, arche))
            for anon, t in ids:
                w_id.writerow((anon, cid, ts(t)))
            n_ids += len(ids)
            for product, t in convs:
                if t < as_of_t:
                    n_conv += 1
                    base_amount = 12000 if product == "flow" else 8000
                    amount = "" if rnd() < 0.05 else f"{base_amount + int(rnd() * 48000)}.{int(rnd() * 100):02d}"
                    w_cv.writerow((f"cv{n_conv:08d}", cid, product, ts(t), amount))

            # ---- event lines (hand-made CSV: only user agents need quoting)
            if evs:
                eid = state["eid"]
                own = []
                for e in evs:
                    eid += 1
                    t, et, sent = e[0], e[1], e[8]
                    if et in noise and rnd() < 0.004:   # staging trims and lower-cases event types
                        variants = noise[et]
                        et = variants[int(rnd() * len(variants))]
                    own.append(f"ev{eid:010d},{cid if e[10] else ''},{e[9]},{et},{day_str[t // DAY]}{hms[t % DAY]},"
                               f"{e[2]},{e[3]},{e[4]},{e[5]},{quoted_ua[e[6]]},{e[7]},"
                               f"{day_str[sent // DAY] + hms[sent % DAY] if sent >= 0 else ''}\n")
                state["eid"] = eid
                lines.extend(own)
                valid_written += len(own)
                if arche == "internal":
                    dirty_rows.extend((line[:12], "internal_traffic") for line in own)
                else:
                    last_ok = (c, evs, own)

            # ---- dirty rows due by now
            if valid_written > next_due:
                for entry in schedule:
                    while entry[2] < entry[1] and due(entry) < valid_written:
                        size = burst_sizes[entry[2]] if entry[0] == "bot_click_burst" else 1
                        if not emit_dirty(entry[0], size):
                            break
                        entry[2] += 1
                next_due = min((due(e) for e in schedule if e[2] < e[1]), default=n_valid + 1)
            if len(lines) >= 8192:
                flush()

        # ---- whatever is still due (a small N, or no suitable contact when it fell due)
        for entry in schedule:
            tries = 0
            while entry[2] < entry[1] and tries < 1000:
                size = burst_sizes[entry[2]] if entry[0] == "bot_click_burst" else 1
                if emit_dirty(entry[0], size):
                    entry[2] += 1
                tries += 1
        flush()
        if bar is not None:
            bar.close()
        counts.update({"contacts.csv": n_contacts, "demo_archetypes.csv": n_contacts, "conversions.csv": n_conv,
                       "identities.csv": n_ids, "events.csv": state["written"]})
    finally:
        for f in files:
            f.close()
    return counts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lead_scoring_tools.generate",
                                     description="Write deterministic lead-scoring demo data as CSV files.")
    parser.add_argument("--out", required=True, help="output directory (created if missing)")
    parser.add_argument("--events", type=int, default=100000, help="rows of events.csv (default 100000)")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--as-of", default=None, help="last day of history, YYYY-MM-DD (default: today, UTC)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar, no summary")
    args = parser.parse_args(argv)
    as_of = date.fromisoformat(args.as_of) if args.as_of else datetime.now(timezone.utc).date()
    counts = generate(args.out, args.events, seed=args.seed, as_of=as_of, progress=not args.quiet)
    if not args.quiet:
        for name, n in counts.items():
            print(f"{name}: {n} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
