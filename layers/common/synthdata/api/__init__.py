"""The HTTP contract: request/response models and the one error shape."""
