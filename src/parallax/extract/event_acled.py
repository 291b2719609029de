"""ACLED's event type and sub-event type for a PLOVER-coded event, where one applies.

ACLED codes political violence, demonstrations and a few strategic developments; PLOVER codes
all political interaction. The crosswalk reads the PLOVER type and mode and, where ACLED
distinguishes by who is involved (battles between armed groups vs violence against civilians;
government vs non-state territorial gains), the actor and recipient sectors. Verbal events
(agreements aside) have no ACLED counterpart and get none.
"""

from __future__ import annotations

from typing import Final

from parallax.schema import AcledCode

ARMED_SECTORS: Final = frozenset({"MIL", "REB", "INS", "UAF", "COP", "SPY"})
STATE_SECTORS: Final = frozenset({"MIL", "GOV", "COP", "SPY"})
_REMOTE: Final[dict[str, str]] = {
    "aerial": "Air/drone strike",
    "drone": "Air/drone strike",
    "heavy-weapons": "Shelling/artillery/missile attack",
    "explosives": "Remote explosive/landmine/IED",
    "suicide-attack": "Suicide bomb",
}


def acled_code(
    plover_type: str,
    mode: str | None,
    actor_sector: str | None,
    recipient_sector: str | None,
    *,
    actor_is_state: bool = False,
    territory: bool = False,
) -> AcledCode | None:
    """The ACLED (event type, sub-event type) of one event, or None.

    ``territory``: the act takes or loses ground; ``actor_is_state``: the actor is coded to a
    country (a state's forces), which separates ACLED's government territorial gains from
    non-state ones."""
    if plover_type == "COERCE" and territory:  # occupation, annexation
        return AcledCode(
            event_type="Strategic developments", sub_event_type="Non-violent transfer of territory"
        )
    if plover_type == "ASSAULT" and territory:
        if actor_sector in STATE_SECTORS and actor_is_state:
            return AcledCode(event_type="Battles", sub_event_type="Government regains territory")
        if actor_sector in ARMED_SECTORS:
            return AcledCode(
                event_type="Battles", sub_event_type="Non-state actor overtakes territory"
            )
        return AcledCode(event_type="Battles", sub_event_type=None)
    if plover_type == "ASSAULT":
        return _assault(mode, actor_sector, recipient_sector)
    if plover_type == "COERCE":
        if mode in ("arrest", "deport"):
            return AcledCode(event_type="Strategic developments", sub_event_type="Arrests")
        return None
    if plover_type == "PROTEST":
        if mode == "riot":
            return AcledCode(event_type="Riots", sub_event_type="Violent demonstration")
        return AcledCode(event_type="Protests", sub_event_type="Peaceful protest")
    if plover_type == "RETREAT" and mode == "withdraw":
        return AcledCode(
            event_type="Strategic developments", sub_event_type="Non-violent transfer of territory"
        )
    if plover_type == "AGREE" or (plover_type == "RETREAT" and mode == "ceasefire"):
        return AcledCode(event_type="Strategic developments", sub_event_type="Agreement")
    if plover_type == "MOBILIZE":
        return AcledCode(event_type="Strategic developments", sub_event_type="Other")
    return None


def _assault(mode: str | None, actor_sector: str | None, recipient_sector: str | None) -> AcledCode:
    if mode in _REMOTE:
        return AcledCode(event_type="Explosions/Remote violence", sub_event_type=_REMOTE[mode])
    if mode == "abduct":
        return AcledCode(
            event_type="Violence against civilians",
            sub_event_type="Abduction/forced disappearance",
        )
    if mode == "sexual":
        return AcledCode(event_type="Violence against civilians", sub_event_type="Sexual violence")
    if recipient_sector == "CVL":
        return AcledCode(event_type="Violence against civilians", sub_event_type="Attack")
    if mode == "destroy" and recipient_sector is None:
        return AcledCode(
            event_type="Strategic developments", sub_event_type="Looting/property destruction"
        )
    return AcledCode(event_type="Battles", sub_event_type="Armed clash")
