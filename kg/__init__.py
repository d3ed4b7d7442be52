"""rivalry-kg: news articles about corporate rivalries -> a knowledge graph."""
from kg.model import Article, Entity, Extraction, Lawsuit, Relation, Skipped
from kg.errors import InputError, KGError, QueryError, StoreError

__version__ = "0.1.0"
__all__ = ["Article", "Entity", "Extraction", "Lawsuit", "Relation", "Skipped",
           "KGError", "InputError", "QueryError", "StoreError"]
