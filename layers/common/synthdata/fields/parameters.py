"""Parameter types and limits the field models share: strict ("5" is not taken for 5, nor true for 1) and
bounded, so no template can ask for a value or a column wider than these."""

from __future__ import annotations

from typing import Annotated, Any

from annotated_types import Ge, Le, MaxLen
from pydantic import AllowInfNan, Field, Strict, StrictBool, StrictInt, StrictStr

# Whole numbers stay exact in a float and far inside int64, so start + step x row cannot wrap around.
WHOLE_NUMBER_LIMIT = 2**53
# Numbers stay finite, and exact to the cent.
NUMBER_LIMIT = 1e15
# A value a user writes into every row (a choice, a constant).
USER_TEXT_LIMIT = 200
# Decimal places a number is written with (a float's precision, a choice's numbers).
MAX_DECIMALS = 10
MAX_CHOICES = 1000

# A number: an int is fine (it becomes a float), a bool, a string, NaN or an infinity is not.
FiniteNumber = Annotated[float, Strict(), AllowInfNan(False)]

# A value a user writes into the file (choice values, constants); it keeps its JSON type in the output.
ScalarValue = (
    Annotated[StrictStr, MaxLen(USER_TEXT_LIMIT)]
    | Annotated[StrictInt, Ge(-int(NUMBER_LIMIT)), Le(int(NUMBER_LIMIT))]
    | Annotated[FiniteNumber, Ge(-NUMBER_LIMIT), Le(NUMBER_LIMIT)]
    | StrictBool
)
Weight = Annotated[FiniteNumber, Ge(0), Le(NUMBER_LIMIT)]


def whole_number(default: int, description: str) -> Any:
    """A whole-number parameter within +-WHOLE_NUMBER_LIMIT (a value of the column, or its start or step)."""
    return Field(default, ge=-WHOLE_NUMBER_LIMIT, le=WHOLE_NUMBER_LIMIT, description=description)


def number(default: float, description: str) -> Any:
    """A number parameter within +-NUMBER_LIMIT (a bound of the column's values)."""
    return Field(default, ge=-NUMBER_LIMIT, le=NUMBER_LIMIT, description=description)
