"""The English pages of the demo: the portal, its section pages and the current guide, written
for the demo (a machine translates only between Chinese scripts)."""

from __future__ import annotations

from typing import Any

PORTAL = {
    "title": "Anqing Government Information Disclosure",
    "intro": (
        "<p>Government information of Anqing Municipal People's Government, published under the "
        "Regulation of the People's Republic of China on Government Information Disclosure. Most "
        "documents are available in Chinese only.</p>"
    ),
}

# Section slug → English title and introduction.
SECTIONS: dict[str, tuple[str, str]] = {
    "zhinan": ("Disclosure Guide", ""),
    "zhidu": ("Disclosure Rules", "The main rules of the city's information disclosure work, newest first."),
    "nianbao": ("Annual Reports", "Annual reports on government information disclosure of the city, counties and towns."),
    "mulu": ("Disclosure Catalog", "Browse by six classifications: subject, topic, audience, life event, genre and format."),
    "zcjd": ("Policy Interpretations", "Explanations of the city's major policy documents in text, graphics, expert and Q&A form."),
    "zdly": ("Key Areas", "Government information collected by key area, updated with the catalog."),
}

GUIDE_SLUG = "2024"

_STEPS = (
    ("Apply", "Fill in the application form and hand it in, post it or submit it online. An applicant who "
     "cannot write may apply orally and the office fills in the form.", ""),
    ("Registration", "The office registers the application and the date it was received: the day it was handed "
     "in, the day the letter was signed for, or the day an online application was confirmed.", ""),
    ("Request for corrections", "If the request is unclear, the office says once what must be corrected and by "
     "when; the time limit runs from the day the corrected application arrives.", "within 7 working days"),
    ("Third-party consultation", "If disclosure may harm a third party's lawful rights, the third party is "
     "consulted in writing; this time does not count towards the time limit.", "third party replies within 15 working days"),
    ("Reply", "Replies are given on the spot where possible, otherwise in writing within the statutory limit.",
     "within 20 working days"),
    ("Extension", "The time limit may be extended with the approval of the head of the disclosure office; the "
     "applicant is told.", "by at most 20 working days"),
)

GUIDE: dict[str, Any] = {
    "title": "Government Information Disclosure Guide of the General Office of Anqing Municipal People's Government (2024)",
    "body_name": "General Office of Anqing Municipal People's Government (Anqing Government Affairs Disclosure Office)",
    "body_address": "Eastern New Town Office Building, 100 Zhenfeng Avenue, Anqing",
    "body_office_hours": "Working days 8:00–12:00 and 14:30–17:30 (closed on public holidays)",
    "introduction": (
        "<p>This guide was revised under the Regulation on Government Information Disclosure and the Measures on "
        "Information Processing Fees. It explains how this office's government information is classified and "
        "arranged and how to obtain it. The 2019 guide is repealed and remains available in this section.</p>"
    ),
    "proactive_scope": (
        "<p>Under Articles 19 to 21 of the Regulation, this office proactively discloses:</p>"
        "<ol><li>its functions, organisation, address, office hours, contacts and the names of its heads;</li>"
        "<li>municipal rules and normative documents;</li>"
        "<li>economic and social development plans, special plans and related policies;</li>"
        "<li>budgets and final accounts;</li>"
        "<li>the approval and implementation of major construction projects;</li>"
        "<li>policies and measures on poverty relief, education, health care, social security and employment;</li>"
        "<li>emergency plans, warnings and responses to public emergencies;</li>"
        "<li>other information that laws, regulations and rules require to be disclosed.</li></ol>"
        "<p>See the Disclosure Catalog on this site, browsable by six classifications.</p>"
    ),
    "proactive_channels": (
        "<ul><li>this disclosure site and the municipal government portal;</li>"
        "<li>the Gazette of Anqing Municipal People's Government;</li>"
        "<li>press conferences, newspapers, radio and television;</li>"
        "<li>reading points at the City Archives, the City Library and the Administrative Service Centre.</li></ul>"
    ),
    "proactive_time_limit": "Within 20 working days of the information being formed or changed",
    "application_channels": (
        "<ul><li>in person at the disclosure window of the Administrative Service Centre;</li>"
        "<li>by letter to the office, marked “Application for government information disclosure”;</li>"
        "<li>online, through the “Disclosure on application” section of this site.</li></ul>"
        "<p>An application gives the applicant's name, proof of identity and contact details, a description of the "
        "information sought (its title, document number or other identifying features) and how it should be "
        "provided.</p>"
    ),
    "application_steps": [
        {"type": "step", "value": {"title": t, "description": d, "time_limit": limit}} for t, d, limit in _STEPS
    ],
    "fees": (
        "<p>Information is provided free of charge in principle. Where the number or frequency of applications "
        "clearly exceeds a reasonable range, an information processing fee is charged under the Measures "
        "(Guobanhan〔2020〕No. 109), either per application or by volume.</p>"
        "<p>An application whose fee is not paid in time is no longer processed.</p>"
    ),
    "supervision": (
        "<p>Anyone who considers that this office has not fulfilled its disclosure duties may complain to the Anqing "
        "Government Affairs Disclosure Office, telephone 0556-5347099.</p>"
        "<p>Anyone who considers that their lawful rights were infringed may apply for administrative "
        "reconsideration or bring an administrative lawsuit.</p>"
    ),
}
