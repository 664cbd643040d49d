"""The words partner countries write in a registration list's cells, by language: one table per
kind of value, so a new language or a new word is one line (the delegation-protocol work extends
ROLE_WORDS with its roles). Keys are compared after `columns.fold_heading` (lower case, ё→е,
punctuation to spaces); `None` means "not recorded".

Sources: the officers' own lists, and the usual words of each language — Kazakh әйел/ер,
Kyrgyz аял/эркек, Uzbek ayol/erkak (Latin) and аёл/эркак (Cyrillic), Tajik зан/мард, Turkmen
aýal/erkek.
"""

from __future__ import annotations

from desktop_app.domain.enums import Role, Sex

SEX_WORDS: dict[str, dict[str, Sex | None]] = {
    "en": {"f": Sex.FEMALE, "female": Sex.FEMALE, "woman": Sex.FEMALE, "w": Sex.FEMALE, "ms": Sex.FEMALE,
           "mrs": Sex.FEMALE, "miss": Sex.FEMALE, "m": Sex.MALE, "male": Sex.MALE, "man": Sex.MALE, "mr": Sex.MALE,
           "prefer not to say": None, "not stated": None, "n a": None, "other": None},
    "ru": {"ж": Sex.FEMALE, "жен": Sex.FEMALE, "женский": Sex.FEMALE, "женщина": Sex.FEMALE, "г жа": Sex.FEMALE,
           "м": Sex.MALE, "муж": Sex.MALE, "мужской": Sex.MALE, "мужчина": Sex.MALE, "г н": Sex.MALE,
           "предпочитаю не указывать": None, "не указан": None, "не указано": None},
    "kk": {"әйел": Sex.FEMALE, "әйел адам": Sex.FEMALE, "айел": Sex.FEMALE, "ә": Sex.FEMALE,
           "ер": Sex.MALE, "ер адам": Sex.MALE, "еркек": Sex.MALE},
    "ky": {"аял": Sex.FEMALE, "кыз": Sex.FEMALE, "эркек": Sex.MALE},
    "uz": {"ayol": Sex.FEMALE, "аёл": Sex.FEMALE, "аел": Sex.FEMALE, "xotin qiz": Sex.FEMALE,
           "erkak": Sex.MALE, "эркак": Sex.MALE},
    "tg": {"зан": Sex.FEMALE, "занона": Sex.FEMALE, "мард": Sex.MALE, "мардона": Sex.MALE},
    "tk": {"aýal": Sex.FEMALE, "ayal": Sex.FEMALE, "zenan": Sex.FEMALE, "erkek": Sex.MALE},
}

ROLE_WORDS: dict[str, dict[str, Role]] = {
    "en": {"head": Role.HEAD, "head of delegation": Role.HEAD, "hod": Role.HEAD, "leader": Role.HEAD,
           "chief": Role.HEAD, "member": Role.MEMBER, "delegate": Role.MEMBER, "participant": Role.MEMBER},
    "ru": {"глава": Role.HEAD, "глава делегации": Role.HEAD, "руководитель": Role.HEAD,
           "руководитель делегации": Role.HEAD, "член": Role.MEMBER, "член делегации": Role.MEMBER,
           "участник": Role.MEMBER, "делегат": Role.MEMBER},
    "kk": {"делегация басшысы": Role.HEAD, "басшы": Role.HEAD, "делегация мүшесі": Role.MEMBER,
           "мүше": Role.MEMBER, "қатысушы": Role.MEMBER},
    "ky": {"делегациянын башчысы": Role.HEAD, "башчы": Role.HEAD, "делегациянын мүчөсү": Role.MEMBER,
           "мүчө": Role.MEMBER, "катышуучу": Role.MEMBER},
    "uz": {"delegatsiya rahbari": Role.HEAD, "rahbar": Role.HEAD, "делегация раҳбари": Role.HEAD,
           "раҳбар": Role.HEAD, "delegatsiya a zosi": Role.MEMBER, "a zo": Role.MEMBER, "аъзо": Role.MEMBER,
           "ishtirokchi": Role.MEMBER, "иштирокчи": Role.MEMBER},
    "tg": {"сарвари ҳайат": Role.HEAD, "сарвар": Role.HEAD, "аъзои ҳайат": Role.MEMBER,
           "иштирокчӣ": Role.MEMBER},
    "tk": {"wekiliýetiň ýolbaşçysy": Role.HEAD, "ýolbaşçy": Role.HEAD, "agza": Role.MEMBER,
           "wekiliýetiň agzasy": Role.MEMBER, "gatnaşyjy": Role.MEMBER},
}

# Countries as their own people write them, and the long official forms.
COUNTRY_WORDS: dict[str, str] = {
    "republic of kazakhstan": "KZ", "республика казахстан": "KZ", "қазақстан": "KZ", "qazaqstan": "KZ",
    "қазақстан республикасы": "KZ", "kyrgyz republic": "KG", "кыргызская республика": "KG",
    "кыргыз республикасы": "KG", "кыргызстан": "KG", "kyrgyzstan": "KG", "kirgizstan": "KG", "киргизия": "KG",
    "kirghizia": "KG", "republic of uzbekistan": "UZ", "республика узбекистан": "UZ", "o zbekiston": "UZ",
    "ozbekiston": "UZ", "uzbekiston": "UZ", "ўзбекистон": "UZ", "o zbekiston respublikasi": "UZ",
    "republic of tajikistan": "TJ", "республика таджикистан": "TJ", "тоҷикистон": "TJ", "tojikiston": "TJ",
    "ҷумҳурии тоҷикистон": "TJ", "türkmenistan": "TM", "туркменистан": "TM", "туркмения": "TM",
    "uk": "GB", "usa": "US", "russia": "RU", "россия": "RU",
}


def sex_words() -> dict[str, Sex | None]:
    return {word: sex for words in SEX_WORDS.values() for word, sex in words.items()}


def role_words() -> dict[str, Role]:
    return {word: role for words in ROLE_WORDS.values() for word, role in words.items()}
