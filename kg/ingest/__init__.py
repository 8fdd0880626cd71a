"""Drafting articles from raw text, and reviewing the drafts: a draft is data/drafts/<id>.yaml in
the article format with `rule` and `confidence` on each proposed item; a person accepts, edits or
rejects each item, and the reviewed draft moves into data/articles/.

Beside `source` and `link`, below the build: it writes what `source` reads. The build's checks on a
draft are handed down by the caller (a function), never imported.
Face: `review.open_draft`/`decide`/`reviewed`/`known_entities`/`draft_ids`, `finish.finish`,
`decisions.read_decisions` (the review log).
"""
