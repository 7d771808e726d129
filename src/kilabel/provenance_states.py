"""Every state a file's provenance can be in, declared once (DESIGN.md "Provenance states").

verify, check (text, JSON, CSV) and the window all speak through this table: a state's code, its
exit code for `kilabel verify`/`check`, whether it needs attention, and its plain sentence in
German and English. Sentences take named parameters ({reason}, {url}, {fields}, {identity}; a
register match: {register_id}, {date}, {campaign}, {label}).
"""

from __future__ import annotations

from dataclasses import dataclass

from kilabel.errors import ExitCode


@dataclass(frozen=True)
class State:
    code: str
    exit_code: ExitCode
    de: str
    en: str

    @property
    def attention(self) -> bool:
        return self.exit_code != ExitCode.ok

    def sentence(self, lang: str = "en", **params) -> str:
        text = self.de if lang == "de" else self.en
        # a parameter given in both languages ({"de": …, "en": …}) is said in the sentence's
        params = {k: v.get(lang, v.get("en", "")) if isinstance(v, dict) else v for k, v in params.items()}
        try:
            return text.format(**params)
        except (KeyError, IndexError):  # a parameter was not given: the sentence without it
            return text.split("{", 1)[0].rstrip(" (:.") + "."


_OK, _ATTENTION, _FAILED = ExitCode.ok, ExitCode.attention, ExitCode.some_failed

TABLE: tuple[State, ...] = (
    State(
        "trusted",
        _OK,
        "Herkunftsangaben gültig und signiert; der Unterzeichner steht auf Ihrer Vertrauensliste.",
        "Provenance valid and signed; the signer is on your trust list.",
    ),
    State(
        "untrusted",
        _OK,
        "Signatur gültig, aber der Unterzeichner steht nicht auf Ihrer Vertrauensliste.",
        "Signature valid, but the signer is not on your trust list.",
    ),
    State(
        "identity-untrusted",
        _OK,
        "Signatur gültig; die Identitätsangabe ({identity}) ist nicht durch Ihre Vertrauensliste bestätigt.",
        "Signature valid; the identity credential ({identity}) is not on your trust list.",
    ),
    State(
        "invalid",
        _ATTENTION,
        "Ungültig: die Datei wurde nach dem Signieren verändert ({reason}).",
        "Invalid: the file was changed after signing ({reason}).",
    ),
    State(
        "remote",
        _ATTENTION,
        "Die Herkunftsangaben liegen an anderer Stelle ({url}) und wurden nicht abgerufen.",
        "The manifest is stored elsewhere ({url}) and was not fetched.",
    ),
    State(
        "unchecked",
        _ATTENTION,
        "Die Herkunftsangaben können nicht geprüft werden: {reason}.",
        "The manifest cannot be checked: {reason}.",
    ),
    State(
        "unreadable",
        _FAILED,
        "Die Datei kann nicht gelesen werden: {reason}.",
        "The file cannot be read: {reason}.",
    ),
    State(
        "none",
        _ATTENTION,
        "Keine Herkunftsangaben: keine IPTC-Angabe zur Entstehung, kein C2PA-Manifest.",
        "No provenance: no IPTC source type, no C2PA manifest.",
    ),
    State(
        "xmp-only",
        _ATTENTION,
        "Herkunft nur in XMP/IPTC, ohne Signatur: sie kann spurlos geändert werden.",
        "Provenance in XMP/IPTC only, without a signature: it can be changed without trace.",
    ),
    State(
        "register-match",
        _ATTENTION,
        "KI-Bild: entspricht dem Registereintrag {register_id} (exportiert am {date}, Kampagne {campaign}, "
        "Kennzeichnung \u201e{label}\u201c); seine Herkunftsangaben wurden entfernt.",
        "AI image: matches register entry {register_id} (exported {date}, campaign {campaign}, "
        "label \u2018{label}\u2019); its provenance was removed.",
    ),
    State(
        "xmp-contradicts",
        _ATTENTION,
        "Signatur gültig, aber XMP/IPTC widerspricht dem signierten Manifest: {fields}.",
        "Signature valid, but XMP/IPTC contradicts the signed manifest: {fields}.",
    ),
    State(
        "invalid-parent",
        _ATTENTION,
        "Signatur gültig, aber die übernommene Vorgeschichte (Eltern-Manifest) ist ungültig.",
        "Signature valid, but the history it carries (the parent manifest) is invalid.",
    ),
)
STATES: dict[str, State] = {s.code: s for s in TABLE}
VALID_CODES = frozenset({"trusted", "untrusted", "identity-untrusted", "xmp-contradicts", "invalid-parent"})


def get(code: str) -> State:
    return STATES[code]


def exit_code(codes) -> ExitCode:
    """The exit code of a run over files in these states: attention wins over a failed file."""
    found = {STATES[c].exit_code for c in codes}
    for code in (ExitCode.attention, ExitCode.some_failed):
        if code in found:
            return code
    return ExitCode.ok
