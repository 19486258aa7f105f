"""Neutrino sources at the detector (``cevns flux``): per-species totals, mean energies, exact
lines and continuum densities, with the source options of the command line."""
import numpy as np

from . import _core
from ._arrays import Grid, optional_list


def sources(descriptions=False):
    """Names accepted by cevns.flux (``cevns flux --list``); with descriptions=True a dict
    name -> description. "table:PATH" stands for a user table."""
    catalog = _core.source_catalog()
    if descriptions:
        return dict(catalog)
    return [name for name, _ in catalog]


def flux(source, power_GW=None, distance_m=None, distance_kpc=None, beam_power_MW=None, nu_per_proton=None,
         nu_per_fission=None, captures_per_fission=None, activity_MCi=None, total_energy_erg=None,
         solar_model="GS98", oscillate=True, scale=1.0):
    """A named neutrino source as seen at the detector (io::make_source; ``cevns flux``).

    source: "reactor", "sns", "solar", "solar:8B", "supernova", "dsnb", "cr51", "ar37",
    "table:PATH", ... (cevns.sources()).
    power_GW, distance_m: one number or one per reactor core; distance_m also for decay at rest
    and radioactive sources; distance_kpc (supernova, default 10); beam_power_MW, nu_per_proton
    (decay at rest); nu_per_fission, captures_per_fission (reactor); activity_MCi (cr51, ar37);
    total_energy_erg (supernova); solar_model "GS98" or "AGSS09met"; oscillate (solar MSW);
    scale (table:PATH).

    Returns a Flux: a flux in /cm^2/s (fluence in /cm^2 for a supernova burst).
    """
    made = _core.make_source(source, optional_list(power_GW), optional_list(distance_m), distance_kpc,
                             beam_power_MW, nu_per_proton, nu_per_fission, captures_per_fission, activity_MCi,
                             total_energy_erg, solar_model, bool(oscillate), float(scale))
    return Flux(made)


class Flux:
    """One spectrum per neutrino species, all in one normalisation.

    suffix is "per_cm2_s" (flux) or "per_cm2" (fluence): totals are in /cm^2/s (or /cm^2), densities
    in /cm^2/s/MeV, line intensities in /cm^2/s. Indexing with a key of ``cevns flux --json``
    (flux["total_per_cm2_s"], flux["species"]) reads as_dict().
    """

    def __init__(self, source):
        self._source = source

    @property
    def name(self):
        return self._source.name

    @property
    def normalisation(self):
        """"flux" or "fluence"."""
        return self._source.normalisation

    @property
    def suffix(self):
        return self._source.suffix

    @property
    def references(self):
        return list(self._source.references)

    @property
    def species(self):
        """The species present, e.g. ["nuebar"] for a reactor."""
        return list(self._source.species)

    def total(self, flavour=None):
        """Integral over energy (continuum and lines) of one species, or of all, in /cm^2/s."""
        return self._source.total(flavour)

    def mean_energy_MeV(self, flavour):
        return self._source.mean_energy_MeV(flavour)

    def lines(self, flavour):
        """Monoenergetic lines: list of {"energy_MeV": E, <suffix>: intensity}."""
        return [{"energy_MeV": e, self.suffix: i} for e, i in self._source.lines(flavour)]

    def energy_range_MeV(self, flavour):
        """(min, max) of the continuum of one species in MeV, None if it has lines only."""
        return self._source.energy_range_MeV(flavour)

    def density(self, enu_MeV, flavour=None):
        """Continuum dPhi/dE in /cm^2/s/MeV (fluence: /cm^2/MeV) at enu_MeV (scalar or array), of one
        species or summed over all; lines are not included (see lines())."""
        energies = Grid(enu_MeV, "enu_MeV")
        return energies.shaped(self._source.density(energies.flat, flavour))

    def grid(self, flavour=None, n=200, log=False):
        """n energies in MeV spanning the continuum of one species (or of all), with the spectrum's
        kinks (panel edges) added so that plots show them."""
        flavours = [flavour] if flavour else self.species
        ranges = [r for r in (self.energy_range_MeV(f) for f in flavours) if r is not None]
        if not ranges:
            return np.empty(0)
        lo, hi = min(r[0] for r in ranges), max(r[1] for r in ranges)
        if log:
            grid = np.geomspace(max(lo, hi * 1e-6), hi, n)
        else:
            grid = np.linspace(lo, hi, n)
        edges = [e for f in flavours if self.energy_range_MeV(f) for e in self._source.panel_edges_MeV(f)]
        return np.unique(np.concatenate([grid, np.asarray(edges, dtype=float)]))

    def scaled(self, factor):
        """Every spectrum multiplied by factor (an exposure time, a distance correction)."""
        return Flux(self._source.scaled(float(factor)))

    def as_dict(self, grid=0):
        """The document of ``cevns flux --json`` (without the "cevns" metadata block); grid > 0 adds
        the continuum of each species on grid equally spaced points, as --grid does."""
        suffix = self.suffix
        species = []
        for nu in self.species:
            row = {"neutrino": nu, "total_" + suffix: self.total(nu), "mean_energy_MeV": self.mean_energy_MeV(nu),
                   "lines": self.lines(nu)}
            span = self.energy_range_MeV(nu)
            if span is not None and grid > 0:
                # lo + (hi - lo) i / (grid - 1), computed as the command line does (same last bit at hi)
                index = np.arange(grid, dtype=float)
                energies = span[0] + (span[1] - span[0]) * index / (grid - 1) if grid > 1 else index + span[0]
                row["spectrum"] = {"enu_MeV": energies, "density_" + suffix + "_MeV": self.density(energies, nu)}
            species.append(row)
        return {"source": self.name, "normalisation": self.normalisation, "total_" + suffix: self.total(),
                "species": species, "references": self.references}

    def __getitem__(self, key):
        return self.as_dict()[key]

    def keys(self):
        return self.as_dict().keys()

    def __repr__(self):
        unit = "/cm^2/s" if self.normalisation == "flux" else "/cm^2"
        return f"<cevns.Flux {self.name}: {self.total():.4e} {unit}, species {', '.join(self.species)}>"
