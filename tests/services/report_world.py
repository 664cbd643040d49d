"""A generated database for the report tests, and the figures computed from it in plain Python.

The expected numbers are computed here from the records as inserted (domain records, not rows),
independently of the report's own reading and counting, so a wrong rule in the report cannot agree
with them by construction. The world holds what makes counting hard: drafts, a dialogue in the
trash, people with no sex recorded, every participation status, funding per person, the EMCDDA
and its successor the EUDA, 16 countries, a meeting across New Year, the same person at several
dialogues, and actions open, done, overdue and carried.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import InstitutionRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.enums import ActionStatus, DialogueKind, DialogueStatus, ParticipationStatus, Role, Sex, Side
from tests.factories import add_people, make_dialogue

TODAY = date(2024, 6, 1)  # the report's date: an open action due before it is overdue
EMCDDA = "European Monitoring Centre for Drugs and Drug Addiction"
EUDA = "European Union Drugs Agency"
SUCCESSOR = {EMCDDA: EUDA}  # the contract's example: one party, shown by its latest name
CENTRAL_ASIA = ("KZ", "KG", "TJ", "TM", "UZ")
EU_STATES = ("DE", "FR", "ES", "IT", "PL", "CZ", "LV")
OTHERS = ("AF", "CN", "TR", "MN")
ALL_COUNTRIES = CENTRAL_ASIA + EU_STATES + OTHERS  # 16
A, INV, C, AB, X = (ParticipationStatus.ATTENDED, ParticipationStatus.INVITED, ParticipationStatus.CONFIRMED,
                  ParticipationStatus.ABSENT, ParticipationStatus.CANCELLED)


@dataclass
class World:
    dialogues: list[r.Dialogue]  # as saved, including the one moved to the trash
    deleted: set[str]
    people: dict[str, r.Person]
    institutions: dict[str, r.Institution]

    def selected(self, keep: Callable[[r.Dialogue], bool] = lambda d: True, drafts: bool = False,
                 party: str | None = None) -> list[r.Dialogue]:
        return sorted((d for d in self.dialogues
                       if d.id not in self.deleted and keep(d) and (drafts or d.status is DialogueStatus.FINAL)
                       and (party is None or any(key(g.party) == party for g in d.delegations))),
                      key=lambda d: (d.start_date, d.title))

    def expected(self, keep: Callable[[r.Dialogue], bool] = lambda d: True, drafts: bool = False,
                 party: str | None = None) -> dict[str, int]:
        """Every count of the Summary (contract §3 v2), by hand."""
        chosen = self.selected(keep, drafts, party)
        delegations = [g for d in chosen for g in d.delegations if party is None or key(g.party) == party]
        everyone = [p for g in delegations for p in g.participants]
        came = [(g, p) for g in delegations for p in g.participants if p.status is A]
        sex = [self.people[p.person_id].sex for _, p in came]
        persons = {p.person_id for _, p in came}
        unique_sex = [self.people[pid].sex for pid in persons]
        funded = [self.people[p.person_id].sex for _, p in came if p.programme_funded]
        mine = {g.id for g in delegations}
        actions = [a for d in chosen for a in d.actions]
        supported = {d.id for d in chosen for g in d.delegations if g.id in mine
                     and (g.programme_supported or any(p.programme_funded and p.status is A for p in g.participants))}
        return {
            "Dialogues": len(chosen), "Delegations": len(delegations), "Participants": len(came),
            "Unique people": len(persons),
            "Women": sex.count(Sex.FEMALE), "Men": sex.count(Sex.MALE), "Sex not recorded": sex.count(None),
            "Countries represented": len({g.party.code for g in delegations if g.party.code}),
            "Organisations represented": len({key(g.party) for g in delegations if g.party.code is None}),
            "Programme-supported delegations": sum(g.programme_supported for g in delegations),
            "Programme-supported participants": sum(g.programme_supported for g, _ in came),
            "Drafts included": sum(d.status is DialogueStatus.DRAFT for d in chosen),
            "Invited": sum(p.status in (INV, C) for p in everyone),
            "Unique women": unique_sex.count(Sex.FEMALE), "Unique men": unique_sex.count(Sex.MALE),
            "Unique people, sex not recorded": unique_sex.count(None),
            "Partner-side participants": sum(g.side is Side.PARTNER for g, _ in came),
            "EU-side participants": sum(g.side is Side.EU for g, _ in came),
            "Programme-funded participants": len(funded),
            "Programme-funded women": funded.count(Sex.FEMALE), "Programme-funded men": funded.count(Sex.MALE),
            "Dialogues supported by the programme": len(supported),
            "Institutions represented": len({p.institution_id for _, p in came if p.institution_id}),
            "Actions open": sum(a.status is ActionStatus.OPEN for a in actions),
            "Actions done": sum(a.status is ActionStatus.DONE for a in actions),
            "Actions overdue": sum(a.status is ActionStatus.OPEN and a.due_date is not None and a.due_date < TODAY
                                   for a in actions),
        }

    def years(self, drafts: bool = False) -> list[tuple[int, ...]]:
        """The Years sheet by hand: (year, dialogues, delegations, participants, unique people, women, men,
        not recorded, programme-funded)."""
        rows = []
        chosen = self.selected(drafts=drafts)
        for year in sorted({d.start_date.year for d in chosen}):
            of_year = [d for d in chosen if d.start_date.year == year]
            came = [p for d in of_year for g in d.delegations for p in g.participants if p.status is A]
            sex = [self.people[p.person_id].sex for p in came]
            rows.append((year, len(of_year), sum(len(d.delegations) for d in of_year), len(came),
                         len({p.person_id for p in came}), sex.count(Sex.FEMALE), sex.count(Sex.MALE),
                         sex.count(None), sum(p.programme_funded for p in came)))
        return rows

    def party_participants(self, drafts: bool = False) -> dict[str, int]:
        """Participants (attended) per party, the EMCDDA under the EUDA's name, in English."""
        from desktop_app.domain.reference import country_name

        counts: dict[str, int] = {}
        for d in self.selected(drafts=drafts):
            for g in d.delegations:
                name = country_name(g.party.code) if g.party.code else key(g.party)
                counts[name] = counts.get(name, 0) + sum(p.status is A for p in g.participants)
        return counts

    def typed_texts(self) -> set[str]:
        """Everything officers typed that the report may show as typed (titles, names, positions...)."""
        texts: set[str] = set()
        for d in self.dialogues:
            texts.update(x for x in (d.title, d.series, d.summary) if x)
            texts.update(d.topics)
            texts.update(d.supporting_programmes)
            texts.update(a.title for a in d.agenda)
            for action in d.actions:
                texts.update(x for x in (action.description, action.owner) if x)
            for g in d.delegations:
                texts.update(p.position for p in g.participants if p.position)
        texts.update(p.name for p in self.people.values())
        texts.update(i.name for i in self.institutions.values())
        return texts


def key(party: r.Party) -> str:
    """The counter's own party identity: a country code, or the organisation's latest name."""
    return party.code if party.code else SUCCESSOR.get(party.name or "", party.name or "")


def _delegation(party: r.Party, *people: tuple[r.Person, ParticipationStatus, bool], side: Side = Side.PARTNER,
                supported: bool = False, institution: r.Institution | None = None,
                position: str = "Expert") -> r.Delegation:
    return r.Delegation(
        id=r.new_id(), side=side, party=party, programme_supported=supported,
        participants=tuple(
            r.Participant(id=r.new_id(), person_id=person.id, role=Role.HEAD if i == 0 else Role.EXPERT,
                          institution_id=institution.id if institution else None, position=position,
                          status=status, programme_funded=funded)
            for i, (person, status, funded) in enumerate(people)))


def build_world(database: Database) -> World:
    women = add_people(database, "Aigerim Zhumabayeva", "Дана Ахметова", "Nodira Karimova", "Гульнара Исаева",
                       "Marie Dupont", sex=Sex.FEMALE)
    men = add_people(database, "Тимур Назаров", "Bakhtiyor Rakhimov", "Jan Novak", "Азамат Бекмуратов",
                     "Hans Müller", sex=Sex.MALE)
    unknown = add_people(database, "Jordan Smith", "Ким Ли", "Alex Kim")  # sex not recorded
    people = {p.id: p for p in (*women, *men, *unknown)}
    aigerim, dana, nodira, gulnara, marie = women
    timur, bakhtiyor, jan, azamat, hans = men
    jordan, kim, alex = unknown
    institutions_repo = InstitutionRepository(database)
    ministry = institutions_repo.save(r.Institution(id=r.new_id(), name="Министерство здравоохранения", country="KZ"))
    agency = institutions_repo.save(r.Institution(
        id=r.new_id(), name="Drug Control Agency under the President of the Republic of Tajikistan, Dushanbe",
        country="TJ"))
    institutions = {i.id: i for i in (ministry, agency)}
    country, org = r.Party.country, r.Party.organisation

    dialogues = [
        make_dialogue("The Fifth Expert Meeting on Drug Demand Reduction", kind=DialogueKind.EXPERT_MEETING,
                      start_date=date(2021, 12, 7), online=True, city=None, country=None, series="Alpha",
                      chair=org(EMCDDA), topics=("drug demand reduction",), delegations=(
                          _delegation(country("KZ"), (aigerim, A, True), (timur, A, False), supported=True,
                                      institution=ministry),
                          _delegation(org(EMCDDA), (marie, A, False), side=Side.EU),
                      ), actions=(r.Action("Circulate the minutes", ActionStatus.DONE, "EMCDDA", date(2022, 1, 15)),)),
        make_dialogue("=SUM(A1:A9)", start_date=date(2022, 3, 1), series="Alpha", country="KZ", city="Astana",
                      topics=("drug policy", "treatment"), delegations=(
                          _delegation(country("KZ"), (aigerim, A, True), (dana, INV, False), (azamat, C, False),
                                      (alex, AB, False), (kim, X, False), institution=ministry),
                          _delegation(country("UZ"), (bakhtiyor, A, True), (nodira, A, True)),
                          _delegation(org("Europol"), (jordan, A, False), side=Side.EU),
                          _delegation(country("DE"), (hans, A, False), side=Side.EU),
                      ), actions=(r.Action("-Prepare the study visit", ActionStatus.OPEN, "@EUDA", date(2022, 9, 1)),
                                  r.Action("Share the curriculum", ActionStatus.CARRIED, "CADAP", date(2022, 6, 1)))),
        make_dialogue("+Встреча экспертов", start_date=date(2023, 6, 10), series="Alpha", country="KZ",
                      city="Алматы", status=DialogueStatus.DRAFT, topics=("treatment",), delegations=(
                          _delegation(country("KZ"), (aigerim, A, False), (alex, A, False)),
                          _delegation(org("UNODC"), side=Side.OTHER),
                      ), actions=(r.Action("Draft a plan", ActionStatus.OPEN, "UNODC", date(2023, 7, 1)),)),
        make_dialogue("EU-Central Asia Drug Dialogue 2023", start_date=date(2023, 12, 30), end_date=date(2024, 1, 2),
                      series="Beta", country="UZ", city="Tashkent", chair=country("ES"),
                      topics=("drug policy", "prevention"), delegations=(*(
                          _delegation(country(code), *([(gulnara, A, True)] if code == "KG" else
                                                       [(timur, A, True), (kim, A, True)] if code == "TJ" else
                                                       [(jan, A, False)] if code == "CZ" else []),
                                      side=Side.EU if code in EU_STATES else
                                      Side.PARTNER if code in CENTRAL_ASIA else Side.OTHER,
                                      supported=code in ("TJ", "TM"), institution=agency if code == "TJ" else None)
                          for code in ALL_COUNTRIES),
                          _delegation(org(EMCDDA), (marie, A, False), side=Side.EU)),
                      actions=(r.Action("Share the curriculum", ActionStatus.OPEN, "CADAP", date(2024, 3, 1)),
                               r.Action("Publish the report", ActionStatus.OPEN, None, None))),
        make_dialogue("Bilateral on prevention", kind=DialogueKind.BILATERAL, start_date=date(2024, 5, 5),
                      series="Beta", country="BE", city="Brussels", chair=org(EUDA), topics=(), delegations=(
                          _delegation(country("TJ"), (timur, A, True), (kim, A, False), (dana, C, False),
                                      institution=agency),
                          _delegation(org(EUDA), (marie, A, False), (hans, AB, False), side=Side.EU),
                      ), actions=(r.Action("Plan the next round", ActionStatus.OPEN, "EUDA", date(2099, 1, 1)),)),
        make_dialogue("Trashed meeting", start_date=date(2024, 2, 2), series="Beta", delegations=(
            _delegation(country("TJ"), (aigerim, A, True), supported=True),)),
    ]
    repository = DialogueRepository(database)
    saved = [repository.save(d) for d in dialogues]
    repository.delete(saved[-1].id)
    return World(saved, {saved[-1].id}, people, institutions)



LONG_INSTITUTION = ("Alphastart National Centre for Monitoring of Drugs and Drug Addiction under the Ministry of "
                    "Internal Affairs of the Republic Omegaend")


def build_many(database: Database, dialogues: int = 12) -> list[r.Dialogue]:
    """Enough dialogues with tall table rows (a long institution name wraps over lines) that page
    breaks fall inside tables: the PDF's layout rules are tested on it."""
    people = add_people(database, *(f"Person {n:02d}" for n in range(15)), sex=Sex.FEMALE)
    institution = InstitutionRepository(database).save(r.Institution(id=r.new_id(), name=LONG_INSTITUTION))
    saved = []
    repository = DialogueRepository(database)
    for number in range(dialogues):
        saved.append(repository.save(make_dialogue(
            f"Regional meeting number {number + 1}", start_date=date(2022, 1, 10 + number), delegations=tuple(
                _delegation(r.Party.country(code), *((p, A, n % 2 == 0) for n, p in enumerate(people[i * 5:i * 5 + 5])),
                            institution=institution, position="Head of the international cooperation department")
                for i, code in enumerate(("KZ", "KG", "TJ"))),
            actions=(r.Action("Share the curriculum", ActionStatus.OPEN, "CADAP", date(2022, 3, 1)),))))
    return saved
