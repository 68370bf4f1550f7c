"""A client of the synthdata API: `api.SynthdataApi` (httpx) and the `synthdata submit|jobs|templates` commands.

Importing this package imports neither httpx nor tqdm (the package's `cli` extra): the commands do, when run.
"""

DEFAULT_URL = "http://127.0.0.1:3000"  # `make dev`
DEFAULT_KEY = "dev-api-key-123456"  # the local development key (refused by any deployed stage but dev)
