"""Drafting articles from raw text (`kg ingest`), reviewing the drafts (`kg review`), and
measuring drafts against gold (`kg eval`).

A deterministic extractor of rules and gazetteers (the region data, the curated places, the
built graph's own names) writes data/drafts/<id>.yaml in the format `kg build` reads, every
item with its rule, confidence and verbatim evidence; a person accepts, edits or rejects each
item, and the reviewed draft moves into data/articles/.

Beside `source` and `link`, below the build: it writes what `source` reads. The build's checks
on a draft are handed down by the caller (a function), never imported.
Face: `draft.ingest_file`, `batch.ingest_paths`, `evaluate.evaluate`, `evaluate.rules_report`,
`review.open_draft`/`decide`/`reviewed`/`known_entities`/`draft_ids`, `finish.finish`,
`decisions.read_decisions` (the review log).
"""
