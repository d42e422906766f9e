"""Entities: the actor knowledge base and resolution with dated roles."""

from readout.entities.kb import KBError, KnowledgeBase, load_kb, role_at
from readout.entities.resolve import find_entities

__all__ = ["KBError", "KnowledgeBase", "find_entities", "load_kb", "role_at"]
