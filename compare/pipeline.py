"""The one orchestrator: ingest -> clean -> segment -> extract -> corefer -> embed -> align -> diff.

Only this module chains the stages, so each can be read and tested on its own. A stage may use
another's pure helpers (diff reads names with extract's alias rules) but never runs another.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import os
from collections.abc import Collection, Mapping, Sequence

import numpy as np

from . import align as _align
from . import corefer, markdown_draft
from . import diff as _diff
from . import notes as _notes
from . import verdict as _verdict
from .clean import clean
from .embed import CachedEmbedder, Embedder, make_embedder
from .errors import InputError
from .extract import annotate
from .ingest import load_sources
from .lexicon import ENGLISH_MARKERS
from .options import Options
from .records import Article, Claim, Cleaned, Skipped, Source
from .report import Report
from .segment import segment

_EMBEDDERS: dict[tuple, Embedder] = {}


def get_embedder(options: Options) -> Embedder:
    """The model loads once per process; the cache wrapper around it is cheap and per call."""
    key = (options.model, options.backend, options.progress)
    if key not in _EMBEDDERS:
        _EMBEDDERS[key] = make_embedder(
            options.model, backend=options.backend, cache_dir=options.cache_dir, progress=options.progress
        )
    inner = _EMBEDDERS[key]
    return CachedEmbedder(inner, options.cache_dir) if options.cache_dir is not None else inner


def english_share(text: str) -> float:
    words = [w.strip(".,;:!?\"'()") for w in text.split()[:3000]]
    words = [w for w in words if w]
    # Capitalised words are mostly names, which every language shares: leave them out, so an
    # English story thick with names still reads as English (ALL-CAPS words stay in).
    lower = [w for w in words if not (w[0].isupper() and not w.isupper())]
    words = [w.lower() for w in (lower if len(lower) >= 10 else words)]
    return sum(w in ENGLISH_MARKERS for w in words) / max(1, len(words))


def _clean(source: Source, markdown: bool) -> Cleaned:
    """The cleaner's reading of a source; of a Markdown draft, of its prose without markup, with
    every offset moved back into the draft as written (``compare.markdown_draft``)."""
    if not markdown:
        return clean(source)
    plain = markdown_draft.read(source)
    return markdown_draft.remap(clean(dataclasses.replace(source, text=plain.text)), plain)


def prepare(
    sources: Sequence[Source], markdown: Collection[str] = ()
) -> tuple[list[Claim], list[Skipped], list[str]]:
    """Clean, segment and annotate every source; claims in source order. The sources whose ids
    are in ``markdown`` are read as Markdown."""
    claims: list[Claim] = []
    skipped: list[Skipped] = []
    notes: list[str] = []
    for source in sources:
        cleaned = _clean(source, source.id in markdown)
        skipped.extend(cleaned.skipped)
        if cleaned.repaired:
            notes.append(
                f"repaired {cleaned.repaired} garbled character{'s' if cleaned.repaired > 1 else ''} "
                f"(mojibake) in {source.name}"
            )
        own = segment(cleaned)
        if not own:
            raise InputError(
                f"{source.path or source.id}: holds no sentence-shaped text to compare; give it the "
                "article's prose"
            )
        body = " ".join(c.text for c in own)
        if len(body.split()) >= 20 and english_share(body) < 0.05:
            notes.append(
                f"{source.name} does not look like English text; compare reads English only, so its "
                "findings are unreliable"
            )
        claims.extend(annotate(own, source.published))
    return claims, skipped, notes


def embed_claims(claims: Sequence[Claim], embedder: Embedder) -> np.ndarray:
    return embedder.embed([corefer.embedding_text(c) for c in claims])


def _read(
    inputs: list,
    names,
    published,
    options: Options,
    embedder: Embedder | None,
    minimum: int = 2,
):
    """The stages of a comparison: load, clean, segment, annotate, corefer, embed (a check reads
    its drafts and sources apart, in ``check_each``)."""
    sources = load_sources(
        inputs, names=names, published=published, max_bytes=options.max_bytes, cache_dir=options.cache_dir
    )
    if len(sources) < minimum:
        raise InputError(
            f"only one source given ({sources[0].path or sources[0].id if sources else 'none'}); "
            "compare needs at least two articles about the same story"
        )
    claims, skipped, notes = prepare(sources)
    claims = list(corefer.resolve(claims))
    embedder = embedder or get_embedder(options)
    return sources, claims, skipped, notes, embed_claims(claims, embedder), embedder


def compare(
    inputs: Sequence[str | os.PathLike | Article],
    *,
    names: Mapping[str, str] | None = None,
    published: Mapping[str, str | _dt.date] | None = None,
    options: Options | None = None,
    embedder: Embedder | None = None,
    **overrides,
) -> Report:
    """Compare two or more articles about the same story.

    ``inputs`` are paths, article texts or ``Article`` objects. ``names``/``published`` map
    source ids to display names and publication dates. Any ``Options`` field can be given as a
    keyword (``compare(paths, model="...", cache_dir=None)``).
    """
    if isinstance(inputs, (str, os.PathLike, Article)):
        raise InputError(
            "compare() takes a list of at least two articles; for one article against sources use check()"
        )
    options = dataclasses.replace(options or Options(), **overrides)
    sources, claims, skipped, notes, vectors, embedder = _read(
        list(inputs), names, published, options, embedder
    )
    matches = _align.align(claims, vectors, options)
    findings, told = _diff.diff(claims, matches, vectors, sources, options)
    notes.extend(told)
    if len({s.text.strip() for s in sources}) < len(sources):
        notes.append("two sources have identical text; every claim in them agrees")
    notes.extend(_notes.little_shared(sources, claims, matches, told))
    notes.extend(_notes.undated(sources, claims, findings))
    return Report(
        sources=tuple(sources),
        claims=tuple(claims),
        findings=findings,
        skipped=tuple(skipped),
        facts=_align.group(claims, matches),
        mode="report",
        model=embedder.name,
        notes=tuple(notes),
    )


def check(
    draft: str | os.PathLike | Article,
    against: Sequence[str | os.PathLike | Article],
    *,
    names: Mapping[str, str] | None = None,
    published: Mapping[str, str | _dt.date] | None = None,
    options: Options | None = None,
    embedder: Embedder | None = None,
    **overrides,
) -> Report:
    """Hold a draft against its sources: every draft claim is supported, contradicted or
    unsupported. The draft is the Report's first source; findings are in draft order. A draft
    file named ``.md`` or ``.markdown`` is read as Markdown (``compare.markdown_draft``)."""
    if isinstance(against, (str, os.PathLike, Article)):
        against = [against]
    return check_each(
        [draft], against, names=names, published=published, options=options, embedder=embedder, **overrides
    )[0]


def check_each(
    drafts: Sequence[str | os.PathLike | Article],
    against: Sequence[str | os.PathLike | Article],
    *,
    names: Mapping[str, str] | None = None,
    published: Mapping[str, str | _dt.date] | None = None,
    options: Options | None = None,
    embedder: Embedder | None = None,
    **overrides,
) -> list[Report]:
    """Hold each draft against the same sources, one Report per draft, in draft order.

    The sources are read, cleaned and embedded once and the model loaded once, however many
    drafts there are (a pre-commit hook passes every changed draft at once). Each draft is held
    against the sources alone: no draft is ever a source of another. ``names`` and ``published``
    are keyed by source id, drafts' ids included (a file's name without its extension)."""
    if isinstance(drafts, (str, os.PathLike, Article)):
        drafts = [drafts]
    if isinstance(against, (str, os.PathLike, Article)):
        against = [against]
    if not against:
        raise InputError("check needs at least one source to hold the draft against; pass --against FILE")
    if not drafts:
        return []
    options = dataclasses.replace(options or Options(), **overrides)
    loaded = load_sources(
        [*drafts, *against],
        names=names,
        published=published,
        max_bytes=options.max_bytes,
        cache_dir=options.cache_dir,
    )
    written, sources = loaded[: len(drafts)], list(loaded[len(drafts) :])
    source_claims, source_skipped, source_notes = prepare(sources)
    lenders = [s.id for s in sources]
    embedder = embedder or get_embedder(options)
    source_vectors: np.ndarray | None = None
    reports = []
    for draft in written:
        own, skipped, notes = prepare(
            [draft], markdown={draft.id} if markdown_draft.is_markdown(draft) else ()
        )
        # A draft may borrow a source's name for someone it leaves unnamed, but never lends one:
        # the sources' own claims resolve alike whichever draft they are held against.
        claims = list(corefer.resolve([*own, *source_claims], lenders))
        if source_vectors is None:
            source_vectors = embed_claims(claims[len(own) :], embedder)
        vectors = np.vstack([embed_claims(claims[: len(own)], embedder), source_vectors])
        everyone = [draft, *sources]
        findings = _verdict.verdicts(claims, vectors, draft.id, everyone, options)
        matches = _align.align(claims, vectors, options)
        notes = [
            *notes,
            *source_notes,
            *_notes.draft_apart(draft, sources, claims, matches, findings),
            *_notes.undated(everyone, claims, findings),
        ]
        reports.append(
            Report(
                sources=tuple(everyone),
                claims=tuple(claims),
                findings=findings,
                skipped=(*skipped, *source_skipped),
                mode="check",
                model=embedder.name,
                notes=tuple(dict.fromkeys(notes)),
            )
        )
    return reports
