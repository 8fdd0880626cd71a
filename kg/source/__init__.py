"""Reading what people write: YAML with line numbers, the types and fields of the format,
article text with its sentences and quotes, and dates as news writes them; within the
limits (`limits`) that keep any input from exhausting memory or time.

The first stage: it imports nothing else of kg but `errors` and `namespaces`.
Face: `yamlsource.load_yaml`/`line_of`, `schema.TYPES`/`FIELDS`, `text.ArticleText`,
`dates.parse_iso`/`parse_partial`/`find_news_date`/`find_date_mentions`/`only_a_date`,
`files.read_article`/`read_places`/`declare`/`read_source_note`,
`limits.read_bounded`/`shown`/`clip`/`hidden_character`.
"""
