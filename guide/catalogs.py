"""Checks and statistics for the gettext catalogs, in words a translator understands.

Parsing uses Babel's own .po reader; placeholders are also checked by GNU msgfmt
(``--check-format``) where it is installed, since that is what gettext itself enforces.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import PoFileError, read_po

from .locales import LOCALES, SupportedLocale

PLACEHOLDER = re.compile(r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[sdifeEgGxXor%]|\{(\w*)(?:[:!][^}]*)?\}")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
QUESTION_MARKS = ("?", "？", "؟")


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    msgid: str
    text: str
    error: bool = True   # False: a warning, shown but not failing the check

    def __str__(self) -> str:
        kind = "error" if self.error else "warning"
        path = self.path
        try:
            path = path.resolve().relative_to(Path.cwd())
        except ValueError:
            pass
        msgid = self.msgid if len(self.msgid) <= 70 else self.msgid[:67] + "..."
        where = f'{path}:{self.line}: msgid "{msgid}"' if self.msgid else f"{path}:{self.line}"
        return f"{where}\n    {kind}: {self.text}"


def po_path(translations: Path, babel_id: str) -> Path:
    return translations / babel_id / "LC_MESSAGES" / "messages.po"


def placeholders(text: str) -> set[str]:
    return {f"%({m[0]})" if m[0] else "{" + m[1] + "}" for m in PLACEHOLDER.findall(text)}


def tags(text: str) -> set[str]:
    return {t.lower() for t in TAG.findall(text)}


_WIDE = re.compile("[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _width(text: str) -> int:
    """Length in Latin-letter terms: a Chinese character says about as much as three."""
    return len(text) + 2 * len(_WIDE.findall(text))


def _as_list(value) -> list[str]:
    return list(value) if isinstance(value, (list, tuple)) else [value]


# A phone number written in groups ("800 911 2000", "116 123"): in right-to-left text the
# bidi algorithm shows the groups in reverse order unless the number is isolated.
SPACED_DIGITS = re.compile(r"\d+(?:[ \u00a0\u202f]\d+)+")
# What keeps a number in order: Unicode isolates (LRI/RLI/FSI ... PDI), or an element with
# dir="ltr" (the crisis box's links; only where the English has that markup).
_ISOLATED = re.compile(r"[\u2066\u2067\u2068][^\u2069]*\u2069"
                       r"|<(\w+)\b[^>]*\bdir=[\"']?ltr\b[^>]*>.*?</\1\s*>", re.S)


def unisolated_numbers(text: str) -> list[str]:
    """The spaced digit groups in ``text`` that nothing isolates."""
    return SPACED_DIGITS.findall(_ISOLATED.sub(" ", text))


def check_po(path: Path, *, shipped: bool = True, rtl: bool = False) -> list[Problem]:
    """Every problem in one .po file. ``shipped``: it must also be complete. ``rtl``: the
    language is written right to left, so phone numbers in it must be isolated."""
    try:
        with path.open("rb") as f:
            catalog = read_po(f, abort_invalid=True)
    except PoFileError as error:
        line = getattr(error, "lineno", 0) or 0
        return [Problem(path, line, "", f"this file cannot be read as a .po catalog "
                        f"({error}). Look for a missing quote or a line that does not start "
                        f"with msgid, msgstr or #.")]
    except (OSError, UnicodeDecodeError) as error:
        return [Problem(path, 0, "", f"this file cannot be opened as UTF-8 text ({error}).")]

    problems = []
    nplurals = catalog.num_plurals
    plural_counts = _plural_counts(path)
    for message in catalog:
        if not message.id:
            continue  # the header
        msgid = _as_list(message.id)[0]
        line = message.lineno or 0

        def report(text, error=True):
            problems.append(Problem(path, line, msgid, text, error))

        strings = [s or "" for s in _as_list(message.string)]
        if message.pluralizable:
            # Babel pads missing forms when reading, so count them in the file itself.
            written = plural_counts.get(line, len(strings))
            if written != nplurals:
                report(f"this language has {nplurals} plural forms, but the entry has "
                       f"{written} msgstr[...] lines. Give one translation per form.")
                continue
        if "fuzzy" in message.flags:
            if shipped:
                report("the translation is marked fuzzy (a guess from an older text). Check "
                       "it against the English, then delete the '#, fuzzy' line.")
            continue
        if not any(strings):
            if shipped:
                report("there is no translation yet.")
            continue
        if not all(strings):
            report("some plural forms are still empty.")

        sources = _as_list(message.id)
        for index, translation in enumerate(strings):
            if not translation:
                continue
            # A plural form may leave out the count (e.g. "one question"), not a name.
            source = sources[min(index, len(sources) - 1)] if message.pluralizable else msgid
            wanted, got = placeholders(source), placeholders(translation)
            if message.pluralizable:
                wanted.discard("%(num)")
            for name in sorted(wanted - got):
                report(f"the translation leaves out the placeholder {name}. Keep every "
                       f"placeholder exactly as in the English text.")
            for name in sorted(got - placeholders(" ".join(sources))):
                report(f"the translation has the placeholder {name}, which the English text "
                       f"does not have. Placeholders must not be translated or renamed.")
            extra = tags(translation) - tags(" ".join(sources))
            if extra:
                report(f"the translation adds HTML ({', '.join('<' + t + '>' for t in sorted(extra))}) "
                       f"that the English text does not have. Pages show translations as "
                       f"HTML, so only keep tags that the English has.")
            if rtl:
                for number in unisolated_numbers(translation):
                    report(f"the phone number {number!r} is not isolated, so right-to-left "
                           f"text shows its groups in the wrong order. Put it between "
                           f"U+2066 and U+2069 (or use a placeholder such as %(number)s, as "
                           f"the English does).")
            if msgid.rstrip().endswith("?") and not translation.rstrip().endswith(QUESTION_MARKS):
                report("the English is a question, the translation does not end with a "
                       "question mark.", error=False)
            if len(msgid) >= 12 and not 0.3 <= _width(translation) / len(msgid) <= 3.0:
                report(f"the translation is {len(translation)} characters long and the "
                       f"English {len(msgid)}: check nothing is missing or repeated.",
                       error=False)
    # gettext's own check says the same as ours in other words; keep only what it adds.
    seen = {p.line for p in problems if p.error}
    return problems + [p for p in msgfmt_problems(path) if p.line not in seen]


def _plural_counts(path: Path) -> dict[int, int]:
    """For each plural entry, the line of its msgid and how many msgstr[N] lines it has."""
    counts, start, seen_plural = {}, 0, False
    for number, line in enumerate(path.read_text("utf-8", errors="replace").splitlines(), 1):
        if line.startswith("msgid "):
            start, seen_plural = number, False
        elif line.startswith("msgid_plural "):
            seen_plural = True
            counts[start] = 0
        elif seen_plural and line.startswith("msgstr["):
            counts[start] += 1
    return counts


# msgfmt's words for a file it cannot parse, as opposed to a problem in one translation.
_SYNTAX = ("syntax error", "end-of-line within string", "end-of-file within string",
           "invalid control sequence", "invalid multibyte sequence", "missing", "duplicate")


def msgfmt_problems(path: Path) -> list[Problem]:
    """What GNU gettext's own checks find (it catches a placeholder left out)."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        return []
    result = subprocess.run([msgfmt, "--check-format", "-o", "/dev/null", str(path)],
                            capture_output=True, text=True)
    problems = []
    for raw in result.stderr.splitlines():
        match = re.match(r"^(.*?):(\d+):(?:\d+:)? (.*)$", raw)
        if not match or "found" in match[3] or "fatal error" in match[3]:
            continue
        if any(word in match[3] for word in _SYNTAX):
            text = (f"this file cannot be read as a .po catalog (msgfmt: {match[3]}). Look "
                    f"for a missing quote or a line that does not start with msgid, msgstr "
                    f"or #.")
        else:
            text = "msgfmt: " + match[3]
        problems.append(Problem(path, int(match[2]), "", text))
    return problems


@dataclass(frozen=True)
class Stats:
    locale: SupportedLocale
    translated: int
    total: int
    missing: tuple[str, ...] = ()  # msgids of the template with no usable translation

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def stats(translations: Path, pot: Path, locales=LOCALES) -> list[Stats]:
    """How much of the template each language translates. An entry that is absent, empty or
    fuzzy counts as missing: the app shows the English text for it."""
    with pot.open("rb") as f:
        wanted = [_as_list(m.id)[0] for m in read_po(f) if m.id]
    total = len(wanted)
    rows = []
    for loc in locales:
        path = po_path(translations, loc.babel)
        if not path.is_file():
            source = loc.review == "source"
            rows.append(Stats(loc, total if source else 0, total,
                              () if source else tuple(wanted)))
            continue
        with path.open("rb") as f:
            catalog = read_po(f)
        done = {_as_list(m.id)[0] for m in catalog if m.id and "fuzzy" not in m.flags
                and all(_as_list(m.string))}
        missing = tuple(msgid for msgid in wanted if msgid not in done)
        rows.append(Stats(loc, total - len(missing), total, missing))
    return rows


def msgids(path: Path) -> set[str]:
    with path.open("rb") as f:
        return {_as_list(m.id)[0] for m in read_po(f) if m.id}
