"""Regenerate resources/reference/countries.json from pycountry (ISO 3166-1 with its Russian
translations). Run by hand when ISO 3166 changes; the app itself only reads the JSON."""

import gettext
import json
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[1] / "resources" / "reference" / "countries.json"

# Short names officers use in reports, where ISO's short name is long or formal.
ENGLISH_OVERRIDES = {
    "BO": "Bolivia", "IR": "Iran", "KP": "North Korea", "KR": "South Korea", "LA": "Laos",
    "MD": "Moldova", "RU": "Russia", "SY": "Syria", "TZ": "Tanzania", "VE": "Venezuela",
    "VN": "Viet Nam", "TW": "Taiwan", "PS": "Palestine", "FM": "Micronesia", "CD": "DR Congo",
    "BN": "Brunei", "CZ": "Czechia", "GB": "United Kingdom", "US": "United States",
}
RUSSIAN_OVERRIDES = {"KG": "Кыргызстан", "MD": "Молдова", "BY": "Беларусь"}


def main() -> None:
    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    countries = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        english = ENGLISH_OVERRIDES.get(country.alpha_2, getattr(country, "common_name", None) or country.name)
        russian = RUSSIAN_OVERRIDES.get(country.alpha_2, ru.gettext(country.name))
        countries.append({"code": country.alpha_2, "en": english, "ru": russian})
    OUT.write_text(json.dumps({"source": "ISO 3166-1 via pycountry", "countries": countries},
                              ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(countries)} countries written to {OUT}")


if __name__ == "__main__":
    main()
