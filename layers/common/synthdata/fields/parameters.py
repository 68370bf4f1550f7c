"""Parameter types the field models share: strict, so "5" is not taken for 5 nor true for 1."""

from __future__ import annotations

from typing import Annotated

from pydantic import AllowInfNan, Strict, StrictBool, StrictInt, StrictStr

# A number: an int is fine (it becomes a float), a bool, a string, NaN or an infinity is not.
FiniteNumber = Annotated[float, Strict(), AllowInfNan(False)]

# A value a user writes into the file (choice values, constants); it keeps its JSON type in the output.
ScalarValue = StrictStr | StrictInt | FiniteNumber | StrictBool
