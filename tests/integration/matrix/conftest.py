"""The matrix reuses the API and pipeline fixtures (the handlers on moto, a driver for the queues)."""

from tests.integration.api.conftest import api  # noqa: F401 - shared fixture
from tests.integration.pipeline.conftest import driver  # noqa: F401 - shared fixture
