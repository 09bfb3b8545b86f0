"""The closed vocabularies of the sales domain: phases, move kinds, question types and more.

Values are the identifiers used in scenario and rule files (Dutch where the course uses Dutch).
"""

from __future__ import annotations

from enum import StrEnum


class Phase(StrEnum):
    """The six phases of a sales conversation (VOITAR)."""

    VOORBEREIDING = "voorbereiding"
    OPENING = "opening"
    INFORMATIE = "informatie"
    TRANSFORMATIE = "transformatie"
    AFSLUITING = "afsluiting"
    RELATIE = "relatie"


class MoveKind(StrEnum):
    """What a move does in the conversation; the scorer and the debrief read these."""

    SMALLTALK = "smalltalk"
    AGENDA = "agenda"
    VRAAG = "vraag"
    DOORVRAAG = "doorvraag"
    IMPLICATIEVRAAG = "implicatievraag"
    SAMENVATTING = "samenvatting"
    ARGUMENT = "argument"
    KENMERKEN_OPSOMMEN = "kenmerken_opsommen"
    BEZWAARBEHANDELING = "bezwaarbehandeling"
    ANTWOORD = "antwoord"
    PROEFAFSLUITING = "proefafsluiting"
    AFSLUITING = "afsluiting"
    VERVOLGAFSPRAAK = "vervolgafspraak"
    OVERGANG = "overgang"
    NAZORG = "nazorg"
    BIJVERKOPEN = "bijverkopen"
    AFSCHEID = "afscheid"
    ONDERHANDELING = "onderhandeling"


class QuestionType(StrEnum):
    """Question types taught in the course (vraagtechnieken)."""

    OPEN = "open"
    GESLOTEN = "gesloten"
    SUGGESTIEF = "suggestief"
    ALTERNATIEF = "alternatief"
    REFLECTEREND = "reflecterend"
    CONTROLE = "controle"


class Spin(StrEnum):
    """Rackham's SPIN question categories."""

    SITUATIE = "situatie"
    PROBLEEM = "probleem"
    IMPLICATIE = "implicatie"
    NUT = "nut"


class ArgumentPart(StrEnum):
    """Parts of an argument chain (KVVB plus the check question)."""

    KENMERK = "kenmerk"
    VOORDEEL = "voordeel"
    BAAT = "baat"
    BEWIJS = "bewijs"
    CONTROLEVRAAG = "controlevraag"


class NeedState(StrEnum):
    """How far a customer need has come to light."""

    HIDDEN = "hidden"
    SURFACED = "surfaced"
    EXPLORED = "explored"
    ADDRESSED = "addressed"
    CONFIRMED = "confirmed"


class ObjectionType(StrEnum):
    """Kinds of objection (bezwaren)."""

    REFLEX = "reflex"
    PRIJS = "prijs"
    TIMING = "timing"
    RISICO = "risico"
    HUIDIGE_LEVERANCIER = "huidige_leverancier"
    VALS = "vals"
    KLACHT = "klacht"


class Technique(StrEnum):
    """Objection-handling techniques."""

    DOORVRAGEN = "doorvragen"
    JA_MAAR = "ja_maar"
    JA_EN = "ja_en"
    BOEMERANG = "boemerang"
    COMPENSATIE = "compensatie"
    UITSTEL = "uitstel"
    BEVESTIGEN = "bevestigen"
    ONTKENNEN = "ontkennen"


class SignalKind(StrEnum):
    """A buying signal (the customer has decided) or an interest signal (a distractor)."""

    KOOPSIGNAAL = "koopsignaal"
    INTERESSESIGNAAL = "interessesignaal"


class SignalChannel(StrEnum):
    """How a signal shows: in words or in body language."""

    VERBAAL = "verbaal"
    NONVERBAAL = "nonverbaal"


class BuyingSituation(StrEnum):
    """Buygrid buying situations."""

    NIEUWE_AANKOOP = "nieuwe_aankoop"
    GEWIJZIGDE_HERHALINGSAANKOOP = "gewijzigde_herhalingsaankoop"
    ROUTINEMATIGE_HERHALINGSAANKOOP = "routinematige_herhalingsaankoop"


class Channel(StrEnum):
    """Where the conversation takes place."""

    FACE_TO_FACE = "face_to_face"
    TELEFOON_ACTIEF = "telefoon_actief"
    TELEFOON_PASSIEF = "telefoon_passief"


class DmuRole(StrEnum):
    """Roles in the decision making unit."""

    INITIATOR = "initiator"
    GEBRUIKER = "gebruiker"
    BEINVLOEDER = "beinvloeder"
    BESLISSER = "beslisser"
    INKOPER = "inkoper"
    POORTWACHTER = "poortwachter"


class Motive(StrEnum):
    """Buying motives."""

    RATIONEEL = "rationeel"
    EMOTIONEEL = "emotioneel"


class Outcome(StrEnum):
    """How a conversation ended."""

    ORDER = "order"
    VERVOLGAFSPRAAK = "vervolgafspraak"
    GEEN_DEAL = "geen_deal"
    AFGEBROKEN = "afgebroken"


class Mode(StrEnum):
    """Practice (hints, mood shown) or exam (none)."""

    OEFENEN = "oefenen"
    TOETS = "toets"


class Language(StrEnum):
    """Languages content and UI can be shown in."""

    NL = "nl"
    EN = "en"


class EffectKey(StrEnum):
    """What a move does to the customer, as named in the rulebook and the typology files."""

    SMALLTALK = "smalltalk"
    AGENDA = "agenda"
    OPEN_VRAAG = "open_vraag"
    GESLOTEN_VRAAG = "gesloten_vraag"
    SUGGESTIEVE_VRAAG = "suggestieve_vraag"
    DOORVRAAG = "doorvraag"
    IMPLICATIEVRAAG = "implicatievraag"
    SAMENVATTING = "samenvatting"
    FOUTE_SAMENVATTING = "foute_samenvatting"
    ARGUMENT = "argument"
    BEWIJS = "bewijs"
    KENMERKEN_OPSOMMEN = "kenmerken_opsommen"
    BEZWAARBEHANDELING = "bezwaarbehandeling"
    MISLUKTE_BEZWAARBEHANDELING = "mislukte_bezwaarbehandeling"
    ANTWOORD = "antwoord"
    PROEFAFSLUITING = "proefafsluiting"
    AFSLUITING = "afsluiting"
    TE_VROEG_AFSLUITEN = "te_vroeg_afsluiten"
    DOORPRATEN_NA_SIGNAAL = "doorpraten_na_signaal"
    VERVOLGAFSPRAAK = "vervolgafspraak"
    OVERGANG = "overgang"
    NAZORG = "nazorg"
    BIJVERKOPEN = "bijverkopen"
    AFSCHEID = "afscheid"
    HERHALING = "herhaling"
    VERKEERDE_PERSOON = "verkeerde_persoon"
    CONCESSIE_RUILEN = "concessie_ruilen"
    CONCESSIE_WEGGEVEN = "concessie_weggeven"
    KORTING_GEVEN = "korting_geven"
    PRIJS_VASTHOUDEN = "prijs_vasthouden"
    ONDERHANDELING_AFBREKEN = "onderhandeling_afbreken"


class CheckId(StrEnum):
    """The rubric's checks; each one is weighted in the rulebook."""

    LUISTEREN = "luisteren"
    SAMENVATTEN = "samenvatten"
    DOORVRAGEN = "doorvragen"
    KOOPSIGNALEN = "koopsignalen"
    VRAAGTECHNIEK = "vraagtechniek"
    ARGUMENTATIE = "argumentatie"
    BEZWAREN = "bezwaren"
    FASEDISCIPLINE = "fasediscipline"
    AFSLUITMOMENT = "afsluitmoment"
    SIGNAAL_BENUTTEN = "signaal_benutten"
    TYPOLOGIE = "typologie"
    DMU = "dmu"
    ONDERHANDELEN = "onderhandelen"
    RESULTAAT = "resultaat"


class CloseTechnique(StrEnum):
    """Closing techniques (afsluittechnieken)."""

    DIRECT = "direct"
    ALTERNATIEF = "alternatief"
    AANNAME = "aanname"
    SAMENVATTEND = "samenvattend"
