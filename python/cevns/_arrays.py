"""Scalars and arrays at the boundary: what goes into cevns._core (1-D float arrays) and how the
results get back the shape of the input (a float for a scalar, the input's shape for an array)."""
import numpy as np


class Grid:
    """A scalar or array argument flattened for the C++ loops, remembering its shape."""

    def __init__(self, values, name):
        array = np.asarray(values, dtype=float)
        self.name = name
        self.scalar = array.ndim == 0
        self.shape = array.shape
        self.flat = np.ascontiguousarray(array.reshape(-1))

    def shaped(self, result):
        """A 1-D result over this grid, in the shape of the input (a float for a scalar)."""
        result = np.asarray(result)
        return float(result[0]) if self.scalar else result.reshape(self.shape)


def outer(result, first, second):
    """A 2-D result over (first x second) in the shape first.shape + second.shape; scalar
    arguments drop their axis, so two scalars give a float."""
    result = np.asarray(result).reshape(first.shape + second.shape)
    return float(result) if result.ndim == 0 else result


def optional_list(value):
    """None -> [], a number -> [number], an iterable -> list of floats."""
    if value is None:
        return []
    if np.ndim(value) == 0:
        return [float(value)]
    return [float(v) for v in value]
