"""Rebuild resources/samples/demo-bundle.json: the seed's 2023 meeting plus a few realistic records.

The people are invented (no real personal data ships with the program); the meetings follow the
pattern of CADAP's real dialogues. Ids are UUID5s of fixed names, so the file is reproducible and
loading it twice is a no-op.
"""

import json
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "examples" / "eu-ca-drug-dialogue-2023.json"
OUT = ROOT / "resources" / "samples" / "demo-bundle.json"
NS = uuid.UUID("6f1c2b8e-0d7a-4c55-9a43-1f5b8c0e2d11")
STAMP = "2024-10-01T08:00:00Z"


def uid(name: str) -> str:
    return str(uuid.uuid5(NS, name))


PEOPLE = [
    # key, name, other names, sex, email
    ("aigerim", "Aigerim Zhumabayeva", ["Айгерим Жумабаева"], "female", None),
    ("nurlan", "Нурлан Сейткали", ["Nurlan Seitkali"], "male", None),
    ("bakhtiyor", "Bakhtiyor Rakhimov", ["Бахтиёр Рахимов"], "male", None),
    ("gulnara", "Гульнара Асанова", ["Gulnara Asanova"], "female", "g.asanova@example.kg"),
    ("dilnoza", "Dilnoza Karimova", ["Дилноза Каримова"], "female", None),
    ("timur", "Тимур Назаров", ["Timur Nazarov"], "male", None),
    ("zarina", "Zarina Saidova", ["Зарина Саидова"], "female", None),
    ("maral", "Maral Atayeva", ["Марал Атаева"], "female", None),
    ("jan", "Jan Novák", [], "male", None),
    ("anna", "Anna Schmidt", [], "female", "anna.schmidt@example.eu"),
    ("lukas", "Lukas Weber", [], "male", None),
    ("rustam", "Рустам Исмоилов", ["Rustam Ismoilov"], None, None),
]
INSTITUTIONS = [
    ("kz-mia", "Ministry of Internal Affairs of the Republic of Kazakhstan", "MIA", "KZ"),
    ("kg-moh", "Ministry of Health of the Kyrgyz Republic", "MoH", "KG"),
    ("tj-dca", "Drug Control Agency under the President of the Republic of Tajikistan", "DCA", "TJ"),
    ("uz-ncdc", "National Information and Analytical Centre on Drug Control, Uzbekistan", "NCDC", "UZ"),
    ("tm-moh", "Ministry of Health and Medical Industry of Turkmenistan", None, "TM"),
    ("ec-home", "European Commission, Directorate-General for Migration and Home Affairs", "DG HOME", None),
    ("euda", "European Union Drugs Agency", "EUDA", "PT"),
    ("cz-gov", "Office of the Government of the Czech Republic, Drug Policy Department", None, "CZ"),
]


def participant(key: str, person: str, institution: str | None, position: str, role: str = "member") -> dict:
    return {"id": uid(f"participant:{key}:{person}"), "person_id": uid(f"person:{person}"),
            "institution_id": uid(f"institution:{institution}") if institution else None,
            "position": position, "role": role}


def delegation(key: str, side: str, party: dict, supported: bool, participants: list[dict],
               notes: str | None = None) -> dict:
    return {"id": uid(f"delegation:{key}"), "side": side, "party": party, "programme_supported": supported,
            "notes": notes, "participants": participants}


def country(code: str) -> dict:
    return {"type": "country", "code": code}


def organisation(name: str) -> dict:
    return {"type": "organisation", "name": name}


def main() -> None:
    seed = json.loads(SEED.read_text(encoding="utf-8"))
    dialogues = list(seed["dialogues"])
    dialogues.append({
        "id": uid("dialogue:euca-2022"), "title": "EU-Central Asia Drug Dialogue 2022",
        "series": "EU-Central Asia Drug Dialogue", "kind": "regional",
        "start_date": "2022-11-24", "end_date": "2022-11-24", "city": "Bishkek", "country": "KG",
        "online": False, "chair": country("CZ"), "supporting_programmes": ["CADAP"],
        "frameworks": ["EU Drugs Strategy 2021-2025"],
        "topics": ["drug policy", "drug situation", "harm reduction", "synthetic drugs"],
        "summary": "Annual dialogue held under the Czech Presidency of the Council of the EU. CADAP "
                   "supported the participation of the Central Asian delegations.",
        "status": "final",
        "agenda": [
            {"title": "Opening and adoption of the agenda", "presenter": country("CZ"), "notes": None},
            {"title": "Drug situation in the EU: European Drug Report 2022",
             "presenter": organisation("European Monitoring Centre for Drugs and Drug Addiction"), "notes": None},
            {"title": "National drug strategies of the Central Asian countries", "presenter": None, "notes": None},
        ],
        "delegations": [
            delegation("2022-kz", "partner", country("KZ"), True,
                       [participant("2022", "aigerim", "kz-mia", "Head of Division", "head")]),
            delegation("2022-kg", "partner", country("KG"), True,
                       [participant("2022", "gulnara", "kg-moh", "Chief Specialist", "head")]),
            delegation("2022-tj", "partner", country("TJ"), True,
                       [participant("2022", "timur", "tj-dca", "Deputy Director", "head"),
                        participant("2022", "rustam", "tj-dca", "Analyst")]),
            delegation("2022-uz", "partner", country("UZ"), True,
                       [participant("2022", "bakhtiyor", "uz-ncdc", "Director", "head")]),
            delegation("2022-tm", "partner", country("TM"), True,
                       [participant("2022", "maral", "tm-moh", "Senior Specialist", "head")]),
            delegation("2022-cz", "eu", country("CZ"), False,
                       [participant("2022", "jan", "cz-gov", "National Drug Coordinator", "head")]),
            delegation("2022-ec", "eu", organisation("European Commission"), False,
                       [participant("2022", "anna", "ec-home", "Policy Officer", "head")]),
            delegation("2022-emcdda", "eu", organisation("European Monitoring Centre for Drugs and Drug Addiction"),
                       False, [participant("2022", "lukas", "euda", "International Cooperation Officer", "head")]),
        ],
        "actions": [
            {"description": "Circulate the European Drug Report 2022 in Russian to all delegations",
             "owner": "EMCDDA", "due_date": "2023-01-31", "status": "done"},
        ],
        "updated_at": STAMP,
    })
    dialogues.append({
        "id": uid("dialogue:kz-expert-2024"),
        "title": "EU-Kazakhstan expert meeting on drug demand reduction",
        "series": None, "kind": "expert-meeting",
        "start_date": "2024-04-17", "end_date": "2024-04-18", "city": "Astana", "country": "KZ",
        "online": False, "chair": organisation("European Commission"), "supporting_programmes": ["CADAP"],
        "frameworks": ["EU Drugs Action Plan 2021-2025"],
        "topics": ["drug demand reduction", "treatment", "prevention"],
        "summary": "Two-day expert exchange on evidence-based prevention and treatment programmes.",
        "status": "draft",
        "agenda": [
            {"title": "Prevention standards in the EU", "presenter": organisation("European Union Drugs Agency"),
             "notes": "Presentation of the European Prevention Curriculum."},
            {"title": "Treatment services in Kazakhstan", "presenter": country("KZ"), "notes": None},
        ],
        "delegations": [
            delegation("2024kz-kz", "partner", country("KZ"), True,
                       [participant("2024kz", "nurlan", "kz-mia", "Head of Department", "head"),
                        participant("2024kz", "aigerim", "kz-mia", "Head of Division")]),
            delegation("2024kz-ec", "eu", organisation("European Commission"), False,
                       [participant("2024kz", "anna", "ec-home", "Policy Officer", "head")]),
            delegation("2024kz-euda", "eu", organisation("European Union Drugs Agency"), False,
                       [participant("2024kz", "lukas", "euda", "Scientific Analyst", "head")]),
        ],
        "actions": [
            {"description": "Share the Russian translation of the European Prevention Curriculum",
             "owner": "EUDA", "due_date": "2024-06-30", "status": "open"},
            {"description": "Propose a study visit for Kazakh treatment specialists", "owner": "CADAP",
             "due_date": None, "status": "open"},
        ],
        "updated_at": STAMP,
    })
    dialogues.append({
        "id": uid("dialogue:tashkent-2024"),
        "title": "Regional conference on national drug observatories",
        "series": "CADAP regional conference", "kind": "regional",
        "start_date": "2024-09-10", "end_date": "2024-09-11", "city": "Tashkent", "country": "UZ",
        "online": False, "chair": country("UZ"), "supporting_programmes": ["CADAP"],
        "frameworks": ["EU Drugs Strategy 2021-2025"],
        "topics": ["drug information systems", "early warning", "methamphetamine"],
        "summary": "Regional conference on building national drug observatories and early warning systems.",
        "status": "final",
        "agenda": [
            {"title": "National drug observatories: the European model",
             "presenter": organisation("European Union Drugs Agency"), "notes": None},
            {"title": "Early warning on new psychoactive substances in Central Asia", "presenter": None, "notes": None},
        ],
        "delegations": [
            delegation("2024uz-uz", "partner", country("UZ"), True,
                       [participant("2024uz", "bakhtiyor", "uz-ncdc", "Director", "head"),
                        participant("2024uz", "dilnoza", "uz-ncdc", "Epidemiologist")]),
            delegation("2024uz-tj", "partner", country("TJ"), True,
                       [participant("2024uz", "zarina", "tj-dca", "Head of Analytics", "head")]),
            delegation("2024uz-kg", "partner", country("KG"), True,
                       [participant("2024uz", "gulnara", "kg-moh", "Chief Specialist", "head")]),
            delegation("2024uz-euda", "eu", organisation("European Union Drugs Agency"), False,
                       [participant("2024uz", "lukas", "euda", "Scientific Analyst", "head")]),
            delegation("2024uz-unodc", "other", organisation("United Nations Office on Drugs and Crime"), False, [],
                       "Observer"),
        ],
        "actions": [
            {"description": "Draft terms of reference for the regional early warning network",
             "owner": "CADAP", "due_date": "2024-12-15", "status": "open"},
        ],
        "updated_at": STAMP,
    })
    bundle = {
        "format": "dialogue-register/bundle", "version": 1, "exported_at": STAMP,
        "source": "Dialogue Register sample records",
        "people": [{"id": uid(f"person:{key}"), "name": name, "other_names": other, "sex": sex, "email": email,
                    "updated_at": STAMP} for key, name, other, sex, email in PEOPLE],
        "institutions": [{"id": uid(f"institution:{key}"), "name": name, "acronym": acronym, "country": code,
                          "updated_at": STAMP} for key, name, acronym, code in INSTITUTIONS],
        "dialogues": dialogues,
    }
    OUT.write_text(json.dumps(bundle, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(dialogues)} dialogues written to {OUT}")


if __name__ == "__main__":
    main()
