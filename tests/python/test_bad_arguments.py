"""A generated bad-argument suite over the public Python API: for every public function and
method of cevns and every numeric argument it takes, the values that must be refused (NaN,
infinities, overflowing numbers, just outside each end of the documented range, not whole for
counts, not a number) raise cevns.InputError, which is a cevns.Error and a ValueError, and the
message names the function and the argument by its Python name. The ranges are the documented
ones (docs/reliability.md); the check runs before any work, so the other arguments are
placeholders."""
import inspect
import math

import pytest

import cevns
from cevns import _checks


def public_callables():
    for name in cevns.__all__:
        obj = getattr(cevns, name)
        if inspect.isfunction(obj):
            yield name, obj
        elif inspect.isclass(obj) and not issubclass(obj, BaseException):
            for m, f in vars(obj).items():
                if not m.startswith("_") and inspect.isfunction(f):
                    yield f"{name}.{m}", f


def valid(param):
    unit, lo, hi, lo_open, whole = _checks.LIMITS[param]
    if whole:
        return int(lo) if not lo_open else int(lo) + 1
    if lo_open or lo < 0 < hi:
        return min(hi, max(lo, 0.0) + (hi - max(lo, 0.0)) * 1e-3) if lo >= 0 else 0.0
    return lo


def bad_values(param):
    unit, lo, hi, lo_open, whole = _checks.LIMITS[param]
    values = [math.nan, math.inf, -math.inf, 1e308 * 10, "abc", [1.0, math.nan]]
    values.append(hi * 2 + 1 if hi > 0 else hi / 2 + 1)
    values.append(lo if lo_open else lo - abs(lo) - 1)
    if whole:
        values.append(lo + 0.5)
    return values


def cases():
    out = []
    for qualname, f in public_callables():
        params = list(inspect.signature(f).parameters.values())
        if "." in qualname:
            params = params[1:]  # self
        for p in params:
            if p.name in _checks.LIMITS:
                for v in bad_values(p.name):
                    if v == 0 and qualname in _checks.ZERO_ALLOWED and p.name in _checks.GRID_FROM_ZERO:
                        continue  # a spectrum's density at zero energy is defined
                    out.append((qualname, p.name, v))
    return out


CASES = cases()


def call_with(qualname, param, value):
    f = dict(public_callables())[qualname]
    wrapped = getattr(cevns, qualname.split(".")[0])
    if "." in qualname:
        wrapped = getattr(wrapped, qualname.split(".")[1])
    params = list(inspect.signature(f).parameters.values())
    args = {}
    for p in params:
        if p.name == "self" or p.kind in (p.VAR_KEYWORD, p.VAR_POSITIONAL):
            continue
        if p.name == param:
            args[p.name] = value
        elif p.name in _checks.LIMITS and p.default is inspect.Parameter.empty:
            args[p.name] = valid(p.name)
        elif p.default is inspect.Parameter.empty:
            args[p.name] = "placeholder"
    if "." in qualname:
        return wrapped(None, **args)
    return wrapped(**args)


def test_the_suite_covers_the_api():
    assert len(CASES) >= 300, len(CASES)
    assert {c[0] for c in CASES} >= {"xsec", "dsigma_dT", "flux", "significance", "fog", "unfold", "toys"}


@pytest.mark.parametrize("qualname,param,value", CASES, ids=[f"{q}-{p}={v!r}" for q, p, v in CASES])
def test_bad_argument_is_an_input_error_naming_it(qualname, param, value):
    with pytest.raises(cevns.InputError) as info:
        call_with(qualname, param, value)
    assert isinstance(info.value, cevns.Error) and isinstance(info.value, ValueError)
    message = str(info.value)
    assert f"cevns.{qualname}" in message and param in message, message
