"""An article's language, by py3langid (langid.py's bundled Naive Bayes model: 97 languages, offline).

`detect_language(text)` gives an ISO 639-1 code ("en", "de"). English is the answer when the text is
too short to judge or the model is unsure: the English path is what briefbot did before it looked, so a
doubtful call costs nothing. `sumy_language(code)` names the language for sumy's stemmer and stop words
where sumy has both, else None (the summary then uses the English ones, as before).
`language_name(code)` is what a reader sees ("German").
"""

from __future__ import annotations

import logging
import threading
from functools import cache
from typing import Any

log = logging.getLogger(__name__)

ENGLISH = "en"
MIN_LETTERS = 40  # fewer letters than this: too little to judge, keep English
MIN_CONFIDENCE = 0.8  # the model's probability for its choice, below which English is kept
SAMPLE_CHARS = 3000  # the opening of a long text is enough to tell its language

# sumy's stemmers (NLTK Snowball and its own) and stop-word lists exist together for these.
_SUMY_LANGUAGES = {
    "cs": "czech",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "it": "italian",
    "pt": "portuguese",
    "sk": "slovak",
    "sv": "swedish",
    "uk": "ukrainian",
}
_NAMES = {
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "da": "Danish", "de": "German",
    "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian",
    "it": "Italian", "ja": "Japanese", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "nl": "Dutch",
    "no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian",
    "sk": "Slovak", "sl": "Slovenian", "sr": "Serbian", "sv": "Swedish", "th": "Thai", "tr": "Turkish",
    "uk": "Ukrainian", "vi": "Vietnamese", "zh": "Chinese",
}  # fmt: skip

_lock = threading.Lock()


@cache
def _identifier() -> Any:
    """The py3langid model with normalised probabilities, loaded once (about a second)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    with _lock:
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the language `text` is written in; English when unsure."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return ENGLISH
    code, confidence = _identifier().classify(sample)
    if confidence < MIN_CONFIDENCE:
        log.debug("language %s at %.2f is too unsure; taking English", code, confidence)
        return ENGLISH
    return str(code)


def sumy_language(code: str) -> str | None:
    """sumy's name for the language ("german"), or None where sumy lacks its stemmer or stop words."""
    return _SUMY_LANGUAGES.get(code)


def language_name(code: str) -> str:
    """The language's English name for readers ("German"); the code itself when not known."""
    return _NAMES.get(code, code)
