"""Diff: matches -> findings.

Each aligned pair is an agreement, a contradiction (typed: number, time, entity, negation,
attribution), an update (a cumulative count that rose between an earlier and a later report)
or a discrepancy (figures that differ but come from different named speakers, so the outlets
do not contradict each other: "the Observatory said six" vs "the Committees said seven").
Unmatched claims are unique to their source.

Two claims only contradict when they are about the same event: the pair must have been aligned
(the calibrated P(same event), ``compare.align``) and each conflicting value must sit in a clause
that shares a name or content words with the other, so "17,000 killed since March 2011" never
contradicts "13 killed on Thursday".

- ``registry``: how a detector is declared; ``cascade``: the detectors in order, and their gates;
- ``numbers``, ``times``, ``places``, ``phones``, ``negation``, ``attribution``, ``entity``: one
  detector each; ``facts``: figures, dates and places paired fact by fact across all claims;
- ``clauses``: what two claims are about (clauses, content words, speakers);
- ``explain``: every sentence a finding says;
- ``findings``: the decisions that turn matches into findings.
"""

from .cascade import conflicts, gates
from .clauses import speakers_match
from .explain import describe
from .findings import diff

__all__ = ["conflicts", "describe", "diff", "gates", "speakers_match"]
