"""Inputs that are not strings are refused as references, not with the cache's TypeError."""

import pytest

import penalties
from penalties.errors import ReferenceSyntaxError


@pytest.mark.parametrize("value", [["CC 403(1)"], {"CC": "403(1)"}, {"CC 403(1)"}, None, 403])
def test_non_string_reference(value):
    with pytest.raises(ReferenceSyntaxError, match="a reference is a string"):
        penalties.provision(value)
