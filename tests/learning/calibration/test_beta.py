"""The exact Beta cdf and quantiles against closed forms."""

from __future__ import annotations

import math

import pytest

from app.learning.calibration import beta_cdf, beta_quantile


def test_beta_2_3_at_half_is_11_over_16() -> None:
    assert beta_cdf(0.5, 2, 3) == pytest.approx(0.6875, abs=1e-12)


@pytest.mark.parametrize("a", [0.5, 1.0, 3.0, 7.5, 40.0])
def test_symmetric_distributions_have_half_their_mass_below_half(a: float) -> None:
    assert beta_cdf(0.5, a, a) == pytest.approx(0.5, abs=1e-12)
    assert beta_quantile(0.5, a, a) == pytest.approx(0.5, abs=1e-12)


@pytest.mark.parametrize("x", [0.01, 0.2, 0.5, 0.77, 0.99])
def test_closed_forms(x: float) -> None:
    assert beta_cdf(x, 1, 1) == pytest.approx(x, abs=1e-12)
    assert beta_cdf(x, 3, 1) == pytest.approx(x**3, abs=1e-12)
    assert beta_cdf(x, 1, 4) == pytest.approx(1 - (1 - x) ** 4, abs=1e-12)
    arcsine = 2 / math.pi * math.asin(math.sqrt(x))
    assert beta_cdf(x, 0.5, 0.5) == pytest.approx(arcsine, abs=1e-12)


def test_reflection_identity() -> None:
    assert beta_cdf(0.3, 4.2, 9.1) == pytest.approx(1 - beta_cdf(0.7, 9.1, 4.2), abs=1e-12)


def test_quantiles_invert_closed_forms() -> None:
    assert beta_quantile(0.05, 3, 1) == pytest.approx(0.05 ** (1 / 3), abs=1e-12)
    assert beta_quantile(0.95, 1, 4) == pytest.approx(1 - 0.05**0.25, abs=1e-12)
    for q in (0.05, 0.5, 0.95):
        assert beta_cdf(beta_quantile(q, 13.5, 2.5), 13.5, 2.5) == pytest.approx(q, abs=1e-10)


def test_bounds_and_refusals() -> None:
    assert beta_cdf(0.0, 2, 3) == 0.0
    assert beta_cdf(1.0, 2, 3) == 1.0
    with pytest.raises(ValueError, match="positive"):
        beta_cdf(0.5, 0, 1)
    with pytest.raises(ValueError, match="quantile level"):
        beta_quantile(1.5, 1, 1)
