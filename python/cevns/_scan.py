"""Parameter scans (``cevns scan``): the same scan files, run on threads, columns as numpy arrays."""
import json
import os

from . import _core


def scan(config, threads=None):
    """Runs a scan and returns its columns by name (docs/configuration.md, section "scan").

    config: a scan file (path), its YAML text, or a dict with the same keys, e.g.
        {"quantity": "bsm_asimov_delta_chi2", "experiments": ["coherent-csi-2017"],
         "parameters": [{"name": "zprime_mass_MeV", "min": 1, "max": 1e4, "points": 20, "log": True},
                        {"name": "zprime_coupling", "min": 1e-6, "max": 1e-3, "points": 20, "log": True}]}
    threads: worker threads (None: all cores). The GIL is released while the scan runs.

    Returns a dict: quantity, parameters (axis names), values (value names), columns ({name: numpy
    array} for every axis and value, one entry per point in the file's order: grid points with the
    last axis fastest), valid (bool array; values of invalid points are NaN) and messages (why a
    point is invalid, "" otherwise). The rows equal those of ``cevns scan --out``.
    """
    if isinstance(config, dict):
        text, name, is_file = json.dumps(config), "<dict>", False
    elif isinstance(config, os.PathLike) or (isinstance(config, str) and (
            os.path.isfile(config) or ("\n" not in config and ":" not in config))):
        text, name, is_file = os.fspath(config), os.fspath(config), True
    elif isinstance(config, str):
        text, name, is_file = config, "<string>", False
    else:
        raise _core.InputError("scan: config must be a path, YAML text or a dict")
    return _core.scan(text, name, is_file, 0 if threads is None else int(threads))


def scan_quantities():
    """The quantities a scan can compute: a list of dicts with name, description, values (the
    result columns) and parameters (the axis names it accepts)."""
    return _core.scan_quantities()
