"""Moving records between offline databases as bundle files (contract: bundle-v1.schema.json)."""
