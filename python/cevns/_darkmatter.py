"""The neutrino fog of dark-matter searches (``cevns fog``): spin-independent WIMP discovery limits
versus exposure, the fog index and the neutrino floor (C.A.J. O'Hare, PRL 127, 251802 (2021))."""
import numpy as np

from . import _core
from ._physics import _physics


def _setup(target, threshold_keV, max_recoil_keV, bins, efficiency, exposure_min_ton_year, exposure_max_ton_year,
           exposures_per_decade, significance, halo, fluxes, solar_model, v0_km_s, vesc_km_s, vlab_km_s,
           rho_GeV_cm3, threads):
    return _core.FogSetup(target=str(target), threshold_keV=float(threshold_keV),
                          max_recoil_keV=float(max_recoil_keV), bins=int(bins), efficiency=float(efficiency),
                          exposure_min_ton_year=float(exposure_min_ton_year),
                          exposure_max_ton_year=float(exposure_max_ton_year),
                          exposures_per_decade=int(exposures_per_decade), significance=float(significance),
                          halo=str(halo), fluxes=str(fluxes), solar_model=str(solar_model), v0_km_s=v0_km_s,
                          vesc_km_s=vesc_km_s, vlab_km_s=vlab_km_s, rho_GeV_cm3=rho_GeV_cm3,
                          threads=0 if threads is None else int(threads))


def fog(target, mass_GeV=None, mass_min_GeV=1.0, mass_max_GeV=1e4, mass_points=25, threshold_keV=1e-4,
        max_recoil_keV=200.0, bins=50, efficiency=1.0, exposure_min_ton_year=1e-6, exposure_max_ton_year=1e12,
        exposures_per_decade=10, significance=3.0, halo="baxter2021", fluxes="ohare2021", solar_model="GS98",
        v0_km_s=None, vesc_km_s=None, vlab_km_s=None, rho_GeV_cm3=None, threads=None,
        form_factor="helm", couplings="radiative", sin2w=None, neutron_skin_fm=0.0, neutron_radius_fm=None,
        radii="measured", bsm=None):
    """The neutrino fog of a target, as ``cevns fog --json`` (same options, same defaults).

    target: element, isotope or formula (Xe, Ar, Ge, Xe131, CaWO4). mass_GeV: WIMP masses (array);
    None: mass_points log-spaced from mass_min_GeV to mass_max_GeV. The recoil window, exposure grid,
    halo and background options are those of the command line; the physics keywords are those of
    :func:`cevns.xsec`. The masses run on `threads` threads (None: all cores) without the GIL.

    Returns a dict of numpy arrays over the masses: mass_GeV, reachable (a WIMP recoil above
    threshold), floor_reached, floor_cross_section_cm2 and floor_exposure_ton_year (NaN where
    floor_reached is False); curves (per mass, None when not reachable, else a dict of arrays over
    the exposures: exposure_ton_year, discovery_cross_section_cm2, fog_index, neutrino_events,
    signal_events); backgrounds, halo and bin_edges_keV.
    """
    if mass_GeV is None:
        mass_GeV = np.geomspace(mass_min_GeV, mass_max_GeV, int(mass_points)) if mass_points > 1 else [mass_min_GeV]
    setup = _setup(target, threshold_keV, max_recoil_keV, bins, efficiency, exposure_min_ton_year,
                   exposure_max_ton_year, exposures_per_decade, significance, halo, fluxes, solar_model, v0_km_s,
                   vesc_km_s, vlab_km_s, rho_GeV_cm3, threads)
    physics = _physics(form_factor, couplings, radii, sin2w, neutron_skin_fm, neutron_radius_fm, bsm)
    return _core.fog(setup, np.atleast_1d(np.asarray(mass_GeV, dtype=float)), physics)


def discovery_limit(target, mass_GeV, exposure_ton_year, threshold_keV=1e-4, max_recoil_keV=200.0, bins=50,
                    efficiency=1.0, significance=3.0, halo="baxter2021", fluxes="ohare2021", solar_model="GS98",
                    v0_km_s=None, vesc_km_s=None, vlab_km_s=None, rho_GeV_cm3=None, form_factor="helm",
                    couplings="radiative", sin2w=None, neutron_skin_fm=0.0, neutron_radius_fm=None,
                    radii="measured", bsm=None):
    """The median spin-independent discovery limit (Asimov, neutrino normalisations profiled) of one
    WIMP mass at each exposure (ton-year), with the options of :func:`fog`.

    Returns a dict: mass_GeV, and arrays over exposure_ton_year: discovery_cross_section_cm2 (per
    nucleon), fog_index, signal_events, neutrino_events, count_limited (set by the minimum signal
    count rather than the likelihood). InputError if the WIMP gives no recoil above threshold.
    """
    setup = _setup(target, threshold_keV, max_recoil_keV, bins, efficiency, 1e-6, 1e12, 10, significance, halo,
                   fluxes, solar_model, v0_km_s, vesc_km_s, vlab_km_s, rho_GeV_cm3, None)
    physics = _physics(form_factor, couplings, radii, sin2w, neutron_skin_fm, neutron_radius_fm, bsm)
    return _core.discovery_limit(setup, float(mass_GeV), np.atleast_1d(np.asarray(exposure_ton_year, dtype=float)),
                                 physics)
