"""kg: a knowledge graph of Indonesia's digital-economy ecosystem, built from news."""

__version__ = "0.1.0"
