"""The short paragraph per dialogue, in the style of a programme news item, generated from the record.

("On 13 December 2023 in Brussels, Belgium, the EU-Central Asia Drug Dialogue was held under the
chairmanship of Spain. ...") in the report's language only: the Russian paragraph names parties
and cities in Russian and keeps only what officers typed (titles, topics, programmes) as typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.reference import central_asia, country_name, eu_member_states
from desktop_app.services.report.labels import MONTHS_EN, MONTHS_RU_GENITIVE, plural_ru
from desktop_app.services.report.parties import city_name


@dataclass(frozen=True)
class NarrativeFacts:
    """What the paragraph is made of; parties are (country code or None, display name en, name ru)."""

    title: str
    start_date: date
    end_date: date | None
    city: str | None
    country: str | None
    online: bool
    chair_en: str
    chair_ru: str
    chair_is_country: bool
    parties: tuple[tuple[str | None, str, str], ...]  # one per delegation, in record order
    participants: int
    supported_delegations: int
    programmes: tuple[str, ...]
    topics: tuple[str, ...]
    agenda_items: int
    draft: bool
    presidency: str | None = None  # the Council presidency of the date (ISO code), for an EU-Central Asia dialogue


def _join_en(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _join_ru(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " и " + items[-1]


def _with_article(organisation: str) -> str:
    """"the European Commission", but "Europol": a name of several words takes the article; a name
    that brings its own ("The Fifth Dialogue") does not get a second one."""
    if " " not in organisation or organisation.split(" ", 1)[0].casefold() == "the":
        return organisation
    return f"the {organisation}"


def _dates_en(start: date, end: date | None) -> str:
    day = f"{start.day} {MONTHS_EN[start.month - 1]} {start.year}"
    if end is None or end == start:
        return f"On {day}"
    if (end.year, end.month) == (start.year, start.month):
        return f"From {start.day} to {end.day} {MONTHS_EN[end.month - 1]} {end.year}"
    if end.year == start.year:
        return f"From {start.day} {MONTHS_EN[start.month - 1]} to {end.day} {MONTHS_EN[end.month - 1]} {end.year}"
    return f"From {day} to {end.day} {MONTHS_EN[end.month - 1]} {end.year}"


def _dates_ru(start: date, end: date | None) -> str:
    """«13 декабря 2023 г.», «13–14 декабря 2023 г.», «с 30 ноября по 2 декабря 2023 г.», and across
    New Year both years: «с 30 декабря 2023 г. по 2 января 2024 г.»."""
    day = f"{start.day} {MONTHS_RU_GENITIVE[start.month - 1]} {start.year} г."
    if end is None or end == start:
        return day
    last = f"{end.day} {MONTHS_RU_GENITIVE[end.month - 1]} {end.year} г."
    if (end.year, end.month) == (start.year, start.month):
        return f"{start.day}–{last}"
    if end.year == start.year:
        return f"с {start.day} {MONTHS_RU_GENITIVE[start.month - 1]} по {last}"
    return f"с {day} по {last}"


def _groups(facts: NarrativeFacts) -> tuple[list[str], list[str], list[tuple[str, str]], list[tuple[str, str]]]:
    """Distinct parties as (Central Asian codes, EU member codes, other countries, organisations)."""
    seen: set[str] = set()
    ca: list[str] = []
    eu: list[str] = []
    others: list[tuple[str, str]] = []
    organisations: list[tuple[str, str]] = []
    for code, en, ru in facts.parties:
        key = code or f"org:{en}"
        if key in seen:
            continue
        seen.add(key)
        if code is None:
            organisations.append((en, ru))
        elif code in central_asia():
            ca.append(code)
        elif code in eu_member_states():
            eu.append(code)
        else:
            others.append((en, ru))
    return ca, eu, others, organisations


def _chair_holds_presidency(facts: NarrativeFacts) -> bool:
    """Whether the recorded chair is the member state holding the Council presidency on the date."""
    return bool(facts.presidency) and facts.chair_is_country and facts.chair_en == country_name(facts.presidency)


def narrative(facts: NarrativeFacts, language: str) -> str:
    """The paragraph in the report's language."""
    return narrative_ru(facts) if language == "ru" else narrative_en(facts)


def narrative_en(facts: NarrativeFacts) -> str:
    place = ""
    if not facts.online and (facts.city or facts.country):
        place = " in " + ", ".join(x for x in (city_name(facts.city, "en"), country_name(facts.country)) if x)
    dates = _dates_en(facts.start_date, facts.end_date)
    if facts.draft:
        dates = "According to a draft record, not yet final, " + dates[0].lower() + dates[1:]
    text = (f"{dates}{place}, {_with_article(facts.title)} "
            f"was held{' online' if facts.online else ''}")
    if facts.chair_en:
        chair = facts.chair_en if facts.chair_is_country else _with_article(facts.chair_en)
        text += f" under the chairmanship of {chair}"
    if facts.presidency and _chair_holds_presidency(facts):
        text += ", which then held the Council presidency."
    elif facts.presidency:
        name = country_name(facts.presidency)
        text += f". The Council presidency was then held by {'the ' + name if facts.presidency == 'NL' else name}."
    else:
        text += "."
    delegations = len(facts.parties)
    if delegations:
        ca, eu, others, organisations = _groups(facts)
        parts: list[str] = []
        if len(ca) == len(central_asia()):
            parts.append("delegations from all five Central Asian countries")
        elif ca:
            parts.append("delegations from " + ", ".join(country_name(c) for c in ca))
        if eu:
            names = [country_name(c) for c in eu]
            parts.append(f"{len(eu)} EU Member State{'s' if len(eu) > 1 else ''} ({', '.join(names)})")
        if others:
            parts.append(f"{len(others)} other countr{'ies' if len(others) > 1 else 'y'} "
                         f"({', '.join(en for en, _ in others)})")
        if organisations:
            parts.append(f"{len(organisations)} organisation{'s' if len(organisations) > 1 else ''} "
                         f"({', '.join(_with_article(en) for en, _ in organisations)})")
        people = f" and {facts.participants} participant{'s' if facts.participants != 1 else ''}"
        text += (f" It brought together {delegations} delegation{'s' if delegations != 1 else ''}"
                 f"{people if facts.participants else ''}, including {_join_en(parts)}.")
    if facts.supported_delegations:
        who = _join_en(list(facts.programmes)) if facts.programmes else "The programme"
        count = facts.supported_delegations
        text += f" {who} supported the participation of {count} delegation{'s' if count != 1 else ''}."
    if facts.topics:
        text += f" Discussions covered {_join_en(list(facts.topics))}."
    if facts.agenda_items:
        text += f" The agenda had {facts.agenda_items} item{'s' if facts.agenda_items != 1 else ''}."
    return text


def narrative_ru(facts: NarrativeFacts) -> str:
    date_text = _dates_ru(facts.start_date, facts.end_date)
    if facts.draft:
        date_text = "По черновой, ещё не утверждённой записи, " + date_text
    else:
        date_text = date_text[0].upper() + date_text[1:]
    if facts.online:
        place = " в онлайн-формате"
    elif facts.city:
        place = f" в г. {city_name(facts.city, 'ru')}" + (f" ({country_name(facts.country, 'ru')})"
                                                          if facts.country else "")
    elif facts.country:
        place = f" в стране: {country_name(facts.country, 'ru')}"
    else:
        place = ""
    text = f"{date_text}{place} состоялось мероприятие «{facts.title}»."
    if facts.chair_ru and facts.presidency and _chair_holds_presidency(facts):
        text += f" Председатель — {facts.chair_ru} (страна, председательствующая в Совете ЕС)."
    elif facts.chair_ru:
        text += f" Председатель — {facts.chair_ru}."
    if facts.presidency and not _chair_holds_presidency(facts):
        text += f" Председательство в Совете ЕС — {country_name(facts.presidency, 'ru')}."
    delegations = len(facts.parties)
    if delegations:
        ca, eu, others, organisations = _groups(facts)
        parts: list[str] = []
        if len(ca) == len(central_asia()):
            parts.append("делегации всех пяти стран Центральной Азии")
        elif ca:
            parts.append("делегации стран Центральной Азии (" + ", ".join(country_name(c, "ru") for c in ca) + ")")
        if eu:
            names = ", ".join(country_name(c, "ru") for c in eu)
            # "делегации ... 1 государства — члена ЕС": the list hangs on "делегации", so genitive
            parts.append(f"{len(eu)} {plural_ru(len(eu), 'государства', 'государств', 'государств')} — "
                         f"{plural_ru(len(eu), 'члена', 'членов', 'членов')} ЕС ({names})")
        if others:
            parts.append(f"{len(others)} {plural_ru(len(others), 'другой страны', 'других стран', 'других стран')}"
                         f" ({', '.join(ru for _, ru in others)})")
        if organisations:
            count = len(organisations)
            parts.append(f"{count} {plural_ru(count, 'организации', 'организаций', 'организаций')}"
                         f" ({', '.join(ru for _, ru in organisations)})")
        word = plural_ru(delegations, "делегация", "делегации", "делегаций")
        people = plural_ru(facts.participants, "участник", "участника", "участников")
        text += f" Приняли участие {delegations} {word}"
        if facts.participants:
            text += f" ({facts.participants} {people})"
        text += f", в том числе {_join_ru(parts)}."
    if facts.supported_delegations:
        count = facts.supported_delegations
        who = _join_ru(list(facts.programmes)) if facts.programmes else "Программа"
        text += (f" {who} {'поддержали' if len(facts.programmes) > 1 else 'поддержала'} участие {count} "
                 f"{plural_ru(count, 'делегации', 'делегаций', 'делегаций')}.")
    if facts.topics:
        text += f" Обсуждались темы: {', '.join(f'«{topic}»' for topic in facts.topics)}."
    if facts.agenda_items:
        text += (f" Повестка включала {facts.agenda_items} "
                 f"{plural_ru(facts.agenda_items, 'пункт', 'пункта', 'пунктов')}.")
    return text
