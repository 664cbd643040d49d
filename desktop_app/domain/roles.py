"""The words for a participant's role, in one table: what documents print and what lists may say.

`ROLE_LABELS` are the words printed (documents, registration lists written by the program) in each
language. `ROLE_WORDS` are every spelling a registration list may use for a role, folded (lower
case, ё as е, punctuation as spaces); the first of each is not special. Other languages' words
(Kazakh, Kyrgyz, Tajik, Turkmen, Uzbek — issue 16) are added to the same table.
"""

from __future__ import annotations

from desktop_app.domain.enums import Role

# The order protocol lists people in: the head first, then the deputy, … members last.
ROLE_ORDER: tuple[Role, ...] = (Role.HEAD, Role.DEPUTY_HEAD, Role.ALTERNATE, Role.ADVISER, Role.EXPERT,
                                Role.MEMBER, Role.OBSERVER, Role.INTERPRETER)

ROLE_LABELS: dict[str, dict[Role, str]] = {
    "en": {Role.HEAD: "Head of delegation", Role.DEPUTY_HEAD: "Deputy head of delegation",
           Role.ALTERNATE: "Alternate", Role.ADVISER: "Adviser", Role.EXPERT: "Expert",
           Role.INTERPRETER: "Interpreter", Role.OBSERVER: "Observer", Role.MEMBER: "Member of delegation"},
    "ru": {Role.HEAD: "Глава делегации", Role.DEPUTY_HEAD: "Заместитель главы делегации",
           Role.ALTERNATE: "Заместитель", Role.ADVISER: "Советник", Role.EXPERT: "Эксперт",
           Role.INTERPRETER: "Переводчик", Role.OBSERVER: "Наблюдатель", Role.MEMBER: "Член делегации"},
}

ROLE_WORDS: dict[Role, tuple[str, ...]] = {
    Role.HEAD: ("head", "head of delegation", "hod", "leader", "chief", "head of the delegation",
                "глава", "глава делегации", "руководитель", "руководитель делегации"),
    Role.DEPUTY_HEAD: ("deputy head", "deputy head of delegation", "deputy head of the delegation", "deputy",
                       "deputy hod", "заместитель главы", "заместитель главы делегации",
                       "заместитель руководителя", "заместитель руководителя делегации", "зам главы"),
    Role.ALTERNATE: ("alternate", "alternate member", "substitute", "заместитель", "замещающий",
                     "альтернативный член", "заместитель члена делегации"),
    Role.ADVISER: ("adviser", "advisor", "counsellor", "councillor", "советник", "консультант"),
    Role.EXPERT: ("expert", "specialist", "эксперт", "специалист"),
    Role.INTERPRETER: ("interpreter", "translator", "переводчик", "переводчица"),
    Role.OBSERVER: ("observer", "наблюдатель"),
    Role.MEMBER: ("member", "delegate", "participant", "member of delegation", "member of the delegation",
                  "член", "член делегации", "участник", "делегат"),
}


def role_label(role: Role, language: str = "en") -> str:
    return ROLE_LABELS.get(language, ROLE_LABELS["en"])[role]


def role_rank(role: Role) -> int:
    return ROLE_ORDER.index(role)
