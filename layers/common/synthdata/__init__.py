"""synthdata: realistic synthetic datasets, generated column-wise and served through a serverless API."""

__version__ = "0.1.0"
