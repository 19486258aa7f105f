"""Targets, form factors, cross sections (CEvNS, IBD, nu-e), comparison of channels, coherency.

Every energy, radius and cross section carries its unit in its name, as on the command line:
enu_MeV, recoil_keV, q_MeV, rms_radius_fm, total_cm2, dsigma_dT_cm2_per_keV. Grids are evaluated
in C++ (cevns._core); a scalar argument gives floats, an array gives arrays of its shape.
"""
import numpy as np

from . import _core
from ._arrays import Grid, outer

FLAVOURS = ("nue", "nuebar", "numu", "numubar", "nutau", "nutaubar")


BSM_KEYS = ("nsi", "tensor", "zprime", "scalar", "magnetic_moment_bohr", "millicharge_e", "charge_radius_cm2",
            "min_recoil_keV", "running_sin2w")


def _physics(form_factor, couplings, radii, sin2w, neutron_skin_fm, neutron_radius_fm, bsm=None, *,
             deformation_beta2=0.0):
    """The settings object; ``bsm`` is a dict of the command line's BSM options, e.g.
    {"nsi": "eps_ee_uV=0.1,eps_ee_dV=-0.05", "zprime": "mass_MeV=10,coupling=1e-5"};
    deformation_beta2: quadrupole deformation (--deformation-beta2; lewin-smith radii only)."""
    bsm = dict(bsm or {})
    unknown = sorted(set(bsm) - set(BSM_KEYS))
    if unknown:
        raise _core.InputError(f"unknown BSM option(s) {', '.join(unknown)} (use {', '.join(BSM_KEYS)})")
    return _core.PhysicsOptions(form_factor=form_factor, couplings=couplings, radii=radii, sin2w=sin2w,
                                neutron_radius_fm=neutron_radius_fm, neutron_skin_fm=neutron_skin_fm,
                                deformation_beta2=float(deformation_beta2), **bsm)


def target(name, compositions=None):
    """The isotopes of a target, as ``cevns target NAME --json``.

    name: an isotope ("Ar40"), an element ("Ge", natural abundances) or a formula ("CsI", "CaWO4").
    compositions: optional {element: {mass_number: fraction}} overriding natural abundances,
    e.g. {"Ge": {76: 0.88, 74: 0.12}}.

    Returns a dict: target, molar_mass_g_per_mol, molecules_per_kg, and isotopes, a list of dicts
    with isotope, symbol, Z, N, A, atomic_mass_u, nuclear_mass_MeV, abundance,
    atoms_per_molecule, charge_radius_fm, charge_radius_measured, point_proton_radius_fm,
    coherent_energy_limit_MeV and nuclei_per_kg.
    """
    return _core.target(name, compositions or {})


def isotope_names():
    """Every isotope name of the nuclear database ("H1", ..., "U238")."""
    return _core.isotope_names()


def form_factor(model="helm", rms_radius_fm=None, q_MeV=0.0, helm_skin_fm=0.9, fermi_diffuseness_fm=0.52,
                klein_nystrand_range_fm=0.7):
    """Nuclear form factor F(q), F(0) = 1, of one nucleon distribution.

    model: "helm", "symmetrized-fermi" (or "fermi"), "klein-nystrand", "gaussian" or "point".
    rms_radius_fm: rms radius of the distribution in fm (not needed for "point").
    q_MeV: momentum transfer |q| in MeV, scalar or array.
    The surface parameters (fm) default to Lewin & Smith / Klein & Nystrand.
    Returns F with the shape of q_MeV (a float for a scalar). ValueError if the radius is too small
    for the model's surface parameter.
    """
    q = Grid(q_MeV, "q_MeV")
    result = _core.form_factor(model, float(rms_radius_fm or 0.0), q.flat, helm_skin_fm,
                               fermi_diffuseness_fm, klein_nystrand_range_fm)
    return q.shaped(result["F"])


def nuclear_form_factors(isotope, q_MeV, form_factor="helm", radii="measured", neutron_skin_fm=0.0,
                         neutron_radius_fm=None, deformation_beta2=0.0):
    """Proton and neutron form factors of one isotope as the cross section uses them.

    Returns a dict: isotope, protons and neutrons (F on q_MeV), proton_rms_radius_fm,
    neutron_rms_radius_fm, proton_model, neutron_model (light nuclei fall back to "gaussian").
    """
    q = Grid(q_MeV, "q_MeV")
    physics = _physics(form_factor, "radiative", radii, None, neutron_skin_fm, neutron_radius_fm,
                       deformation_beta2=deformation_beta2)
    out = _core.isotope_form_factors(isotope, q.flat, physics)
    out["protons"] = q.shaped(out["protons"])
    out["neutrons"] = q.shaped(out["neutrons"])
    return out


def xsec(target, enu_MeV, recoil_keV=None, flavour="nue", form_factor="helm", couplings="radiative", sin2w=None,
         neutron_skin_fm=0.0, neutron_radius_fm=None, radii="measured", bsm=None, deformation_beta2=0.0,
         totals=True):
    """Standard-Model CEvNS cross section on an isotope, element or formula (``cevns xsec``).

    target: "Ar40", "Ge", "CsI", ...; enu_MeV: neutrino energy in MeV, scalar or array;
    recoil_keV: optional nuclear recoil energies in keV (scalar or array) for dsigma/dT;
    flavour: nue, nuebar, numu, numubar, nutau, nutaubar; form_factor: helm, symmetrized-fermi,
    klein-nystrand, point; couplings: radiative or tree-level; sin2w: weak mixing angle
    (default 0.23857); neutron_skin_fm / neutron_radius_fm: neutron distribution; radii:
    measured or lewin-smith; deformation_beta2: quadrupole deformation, scales the rms radii by
    sqrt(1 + 5 beta2^2/(4 pi)) (lewin-smith radii only, |beta2| <= 0.6); bsm: physics beyond the SM as a dict with the command line's options
    (nsi, tensor, zprime, scalar as "key=value,..." strings; magnetic_moment_bohr, millicharge_e,
    charge_radius_cm2, min_recoil_keV numbers; running_sin2w bool), e.g.
    bsm={"nsi": "eps_ee_uV=0.1,eps_ee_dV=-0.05"}; totals: False computes only tmax and dsigma/dT
    (no total_cm2, mean_recoil_keV). From 64 energies on, sigma and <T> come from a table of running
    integrals over recoil (relative accuracy 1e-8; one quadrature per energy below that).
    For dsigma/dT at (E, T) pairs and nothing else, see dsigma_dT().

    Returns a dict with the keys of ``cevns xsec --json``:
      total_cm2         sigma per nucleus (one isotope) or per molecule (see "per"), shape of enu_MeV
      tmax_keV          largest recoil over the isotopes, shape of enu_MeV
      mean_recoil_keV   <T> weighted by the cross section, shape of enu_MeV
      dsigma_dT_cm2_per_keV (with recoil_keV) shape enu_MeV.shape + recoil_keV.shape; zero above T_max
      isotopes          per-isotope dicts with the same keys, plus atoms_per_molecule, weak_charge_q0
    and target, neutrino, form_factor, couplings, radii, sin2w, per, enu_MeV, recoil_keV.
    """
    energies = Grid(enu_MeV, "enu_MeV")
    recoils = None if recoil_keV is None else Grid(recoil_keV, "recoil_keV")
    physics = _physics(form_factor, couplings, radii, sin2w, neutron_skin_fm, neutron_radius_fm, bsm,
                       deformation_beta2=deformation_beta2)
    raw = _core.xsec(target, energies.flat, None if recoils is None else recoils.flat, flavour, physics,
                     bool(totals))

    def reshape(d):
        for key in ("total_cm2", "tmax_keV", "mean_recoil_keV"):
            if key in d:
                d[key] = energies.shaped(d[key])
        if recoils is not None:
            d["dsigma_dT_cm2_per_keV"] = outer(d["dsigma_dT_cm2_per_keV"], energies, recoils)
        return d

    out = reshape(raw)
    out["isotopes"] = [reshape(row) for row in raw["isotopes"]]
    out["enu_MeV"] = enu_MeV if energies.scalar else np.asarray(enu_MeV, dtype=float)
    if recoils is not None:
        out["recoil_keV"] = recoil_keV if recoils.scalar else np.asarray(recoil_keV, dtype=float)
    return out


def dsigma_dT(target, enu_MeV, recoil_keV, flavour="nue", form_factor="helm", couplings="radiative", sin2w=None,
              neutron_skin_fm=0.0, neutron_radius_fm=None, radii="measured", bsm=None, deformation_beta2=0.0):
    """dsigma/dT in cm^2/keV at the pairs (enu_MeV, recoil_keV), broadcast against each other like
    numpy arrays: per nucleus for one isotope, per molecule otherwise; zero above T_max(E).

    One vectorised call that computes nothing else (no sigma, no <T>): e.g. 10^5 pairs in a few ms.
    The physics keywords are those of xsec().
    """
    e, t = np.broadcast_arrays(np.asarray(enu_MeV, dtype=float), np.asarray(recoil_keV, dtype=float))
    physics = _physics(form_factor, couplings, radii, sin2w, neutron_skin_fm, neutron_radius_fm, bsm,
                       deformation_beta2=deformation_beta2)
    flat = _core.dsigma_dT(target, np.ascontiguousarray(e.ravel()), np.ascontiguousarray(t.ravel()), flavour,
                           physics)
    out = np.asarray(flat).reshape(e.shape)
    return float(out) if out.ndim == 0 else out


def ibd_xsec(enu_MeV, model="strumia-vissani", flavour="nuebar"):
    """Inverse beta decay on a free proton, antinu_e + p -> e+ + n.

    model: "strumia-vissani" (default) or "zeroth-order" (Vogel & Beacom). Other flavours give 0.
    Returns a dict: total_cm2 (per free proton, shape of enu_MeV), threshold_MeV, ibd_model,
    neutrino, per.
    """
    energies = Grid(enu_MeV, "enu_MeV")
    out = _core.ibd_xsec(energies.flat, model, flavour)
    out["total_cm2"] = energies.shaped(out["total_cm2"])
    return out


def electron_xsec(enu_MeV, recoil_keV=None, flavour="nue", sin2w=None, threshold_keV=0.0):
    """Neutrino-electron elastic scattering at tree level, per electron.

    recoil_keV: electron kinetic energies in keV for dsigma/dT; threshold_keV: lower limit of the
    electron recoil in the total cross section.
    Returns a dict: total_cm2, tmax_keV (shape of enu_MeV), dsigma_dT_cm2_per_keV (shape
    enu_MeV.shape + recoil_keV.shape), g_L, g_R, sin2w, neutrino, threshold_keV, per.
    """
    energies = Grid(enu_MeV, "enu_MeV")
    recoils = None if recoil_keV is None else Grid(recoil_keV, "recoil_keV")
    out = _core.electron_xsec(energies.flat, None if recoils is None else recoils.flat, flavour, sin2w,
                              float(threshold_keV))
    out["total_cm2"] = energies.shaped(out["total_cm2"])
    out["tmax_keV"] = energies.shaped(out["tmax_keV"])
    if recoils is not None:
        out["dsigma_dT_cm2_per_keV"] = outer(out["dsigma_dT_cm2_per_keV"], energies, recoils)
    return out


def compare(target, enu_MeV, flavour="nuebar", ibd_model="strumia-vissani", form_factor="helm",
            couplings="radiative", sin2w=None, neutron_skin_fm=0.0, neutron_radius_fm=None, radii="measured",
            deformation_beta2=0.0):
    """CEvNS beside inverse beta decay and nu-e scattering on one material (``cevns compare``).

    Returns a dict with the keys of ``cevns compare --json``; the per-energy columns
    cevns_cm2_per_molecule, cevns_cm2_per_kg, ibd_cm2_per_proton, ibd_cm2_per_kg,
    electron_cm2_per_electron, electron_cm2_per_kg have the shape of enu_MeV. Also
    molecules_per_kg, free_protons_per_kg, electrons_per_kg, ibd_threshold_MeV, notes.
    Hydrogen is left out of CEvNS (not coherent), as on the command line.
    """
    energies = Grid(enu_MeV, "enu_MeV")
    physics = _physics(form_factor, couplings, radii, sin2w, neutron_skin_fm, neutron_radius_fm,
                       deformation_beta2=deformation_beta2)
    out = _core.compare(target, energies.flat, flavour, ibd_model, physics)
    for key in ("cevns_cm2_per_molecule", "cevns_cm2_per_kg", "ibd_cm2_per_proton", "ibd_cm2_per_kg",
                "electron_cm2_per_electron", "electron_cm2_per_kg"):
        out[key] = energies.shaped(out[key])
    out["enu_MeV"] = enu_MeV if energies.scalar else np.asarray(enu_MeV, dtype=float)
    return out


def coherency(target, source=None, flavour="nue", enu_MeV=None, form_factor="helm", couplings="radiative",
              sin2w=None, neutron_skin_fm=0.0, neutron_radius_fm=None, radii="measured", deformation_beta2=0.0,
              **source_options):
    """How coherent CEvNS is on a target: the fraction of the point-nucleus cross section that
    survives the form factor.

    With source (a name such as "sns", "solar:8B", "reactor", or a Flux from cevns.flux): the
    flux-averaged coherency of one species, as ``cevns coherency``; returns a dict with
    alpha = int phi sigma_F / int phi sigma_(F=1) (rate-weighted), alpha_flux_weighted =
    int phi (sigma_F / sigma_1) / int phi, mean_energy_MeV. source_options go to cevns.flux
    (normalisations cancel, so power and distance default to 1 GW and 20 m).

    With enu_MeV instead: alpha(E) = sigma_F(E) / sigma_(F=1)(E); returns a dict with alpha,
    total_cm2, total_point_nucleus_cm2 (shape of enu_MeV) and coherent_energy_limit_MeV,
    1 / (2 R_A) of the heaviest isotope.
    """
    physics = _physics(form_factor, couplings, radii, sin2w, neutron_skin_fm, neutron_radius_fm,
                       deformation_beta2=deformation_beta2)
    if (source is None) == (enu_MeV is None):
        raise ValueError("coherency needs either source=... (flux-averaged) or enu_MeV=... (alpha(E))")
    if enu_MeV is not None:
        energies = Grid(enu_MeV, "enu_MeV")
        out = _core.coherency_vs_energy(target, energies.flat, flavour, physics)
        for key in ("alpha", "total_cm2", "total_point_nucleus_cm2"):
            out[key] = energies.shaped(out[key])
        out["enu_MeV"] = enu_MeV if energies.scalar else np.asarray(enu_MeV, dtype=float)
        return out
    from ._sources import Flux, flux  # noqa: PLC0415 (sources import physics, not the reverse)
    if not isinstance(source, Flux):
        options = {"power_GW": 1.0, "distance_m": 20.0, "activity_MCi": 1.0}
        options.update(source_options)
        source = flux(source, **options)
    elif source_options:
        raise ValueError("source options apply to a source name, not to a Flux object")
    return _core.coherency(target, source._source, flavour, physics)
