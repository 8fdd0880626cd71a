"""Drafting articles from raw text (`kg ingest`) and measuring drafts against gold (`kg eval`).

A deterministic extractor of rules and gazetteers (the region data, the curated places, the
built graph's own names) writes data/drafts/<id>.yaml in the format `kg build` reads, every
item with its rule, confidence and verbatim evidence. The build's checks are handed in by the
caller (this stage sits below the build). Face: `draft.ingest_file`, `batch.ingest_paths`,
`evaluate.evaluate`, `evaluate.rules_report`.
"""
