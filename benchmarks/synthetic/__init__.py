"""A synthetic corpus of realistic disclosures with planted faults, for the review benchmark.

The generator builds :class:`jixiao.model.Disclosure` records directly (no text is
parsed): units of three sectors (机关事务, 教育, 卫生健康) with varied codes, names, years
(2020–2025) and money units (元 / 万元); 5–30 projects a document and 6–25 indicators a
project (≈15 on average) on the 88号 or the 101号 tree, with names, targets (read by
:func:`jixiao.ingest.target.parse_target`) and bases in the seeds' vocabulary; spending
plans; the standard budget tables, consistent to the cent; department goals and a
narrative quoting the tables.

Modules: :mod:`.vocabulary` (names, targets, bases), :mod:`.tables` (budget tables),
:mod:`.projects` (projects and indicators), :mod:`.prose` (narrative, goals, 政府采购,
国有资产), :mod:`.plants` (fault planting, the plant registry and checker),
:mod:`.corpus` (the document builder and :func:`generate_corpus`).
"""

from .corpus import TARGET_PROJECTS, Corpus, DocumentBuilder, generate_corpus
from .plants import (
    DOCUMENT_KINDS,
    PLANT_RULES,
    PROJECT_KINDS,
    KindResult,
    Plant,
    check_plants,
    found,
    rules_for,
)

__all__ = [
    "DOCUMENT_KINDS",
    "PLANT_RULES",
    "PROJECT_KINDS",
    "TARGET_PROJECTS",
    "Corpus",
    "DocumentBuilder",
    "KindResult",
    "Plant",
    "check_plants",
    "found",
    "generate_corpus",
    "rules_for",
]
