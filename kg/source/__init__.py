"""Reading what people write: YAML with line numbers, the types and fields of the format,
article text with its sentences and quotes, and dates as news writes them; within the
limits (`limits`) that keep any input from exhausting memory or time.

The first stage: it imports nothing else of kg but `errors` and `namespaces`.
Face: `yamlsource.load_yaml`/`line_of`, `schema.TYPES`/`FIELDS`, `text.ArticleText`,
`dates.parse_iso`/`find_news_date`, `files.read_article`/`read_places`/`declare`,
`limits.read_bounded`/`shown`/`clip`/`hidden_character`.
"""
