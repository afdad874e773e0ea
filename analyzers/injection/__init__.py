"""The `injection` family: hidden instructions aimed at machines."""

from __future__ import annotations

from analyzers.base import Analyzer
from analyzers.injection.injection_agent_instructions_changed import (
    InjectionAgentInstructionsChanged,
)
from analyzers.injection.injection_agent_tool_config import InjectionAgentToolConfig
from analyzers.injection.injection_bidi_control import InjectionBidiControl
from analyzers.injection.injection_confusable_identifier import InjectionConfusableIdentifier
from analyzers.injection.injection_instruction_text import InjectionInstructionText
from analyzers.injection.injection_invisible_character import InjectionInvisibleCharacter
from analyzers.injection.injection_unicode_tag_characters import InjectionUnicodeTagCharacters
from analyzers.injection.injection_variation_selector_payload import (
    InjectionVariationSelectorPayload,
)

RULES: tuple[type[Analyzer], ...] = (
    InjectionUnicodeTagCharacters,
    InjectionBidiControl,
    InjectionInvisibleCharacter,
    InjectionVariationSelectorPayload,
    InjectionConfusableIdentifier,
    InjectionInstructionText,
    InjectionAgentInstructionsChanged,
    InjectionAgentToolConfig,
)
