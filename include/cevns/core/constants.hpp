#pragma once
// Physical constants: the one place they are defined.
//
// Edition: PDG 2022 (R.L. Workman et al., Prog. Theor. Exp. Phys. 2022, 083C01), whose table of
// physical constants is CODATA 2018 (E. Tiesinga et al., Rev. Mod. Phys. 93, 025010 (2021)).
// Values are given in the units their names say; code converts with core/units.hpp.

namespace cevns::constants {

// --- CODATA 2018 (PDG 2022 "Physical constants" table) ------------------------------------
inline constexpr double hbar_c_MeV_fm = 197.3269804;           // exact in SI 2019
inline constexpr double hbar_MeV_s = 6.582119569e-22;          // exact in SI 2019
inline constexpr double speed_of_light_m_per_s = 299792458.0;  // exact
inline constexpr double fine_structure_alpha = 1.0 / 137.035999084;
inline constexpr double atomic_mass_unit_MeV = 931.49410242;   // u c^2
inline constexpr double atomic_mass_unit_kg = 1.66053906660e-27;
inline constexpr double avogadro_per_mol = 6.02214076e23;      // exact
inline constexpr double electron_mass_MeV = 0.51099895000;
inline constexpr double proton_mass_MeV = 938.27208816;
inline constexpr double neutron_mass_MeV = 939.56542052;
inline constexpr double muon_mass_MeV = 105.6583755;
inline constexpr double bohr_magneton_MeV_per_T = 5.7883818060e-11;
inline constexpr double proton_charge_radius_fm = 0.8414;      // CODATA 2018 r_p
inline constexpr double electron_volt_J = 1.602176634e-19;     // exact

// --- PDG 2022 particle listings and reviews ----------------------------------------------------
inline constexpr double fermi_constant_per_GeV2 = 1.1663788e-5;  // G_F/(hbar c)^3, muon lifetime
inline constexpr double charged_pion_mass_MeV = 139.57039;
inline constexpr double tau_mass_MeV = 1776.86;  // PDG 2022 tau listing (L_mu - L_tau loop)
inline constexpr double charged_pion_lifetime_s = 2.6033e-8;
inline constexpr double muon_lifetime_s = 2.1969811e-6;
inline constexpr double neutron_charge_radius_sq_fm2 = -0.1161;  // <r^2>_n, PDG 2022 listing
inline constexpr double cos_cabibbo = 0.97373;                  // |V_ud|, PDG 2022 CKM review
inline constexpr double axial_coupling_gA = 1.2754;             // |g_A/g_V| of the nucleon, PDG 2022
inline constexpr double w_boson_mass_MeV = 80377.0;
inline constexpr double z_boson_mass_MeV = 91187.6;

// Weak mixing angle at low momentum transfer, MS-bar scheme (validation C01).
// PDG 2018 (M. Tanabashi et al., PRD 98, 030001) electroweak review: sin^2 theta_W(0) = 0.23857(5),
// the value COHERENT quotes. Newer: 0.23868 (J. Erler, R. Ferro-Hernandez, JHEP 03 (2018) 196).
inline constexpr double sin2_theta_w_low_q_pdg2018 = 0.23857;
inline constexpr double sin2_theta_w_low_q_erler2018 = 0.23868;
inline constexpr double sin2_theta_w_default = sin2_theta_w_low_q_pdg2018;

}  // namespace cevns::constants
