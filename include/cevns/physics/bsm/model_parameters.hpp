#pragma once
// "key=value,key=value" specifications of BSM models, shared by the command line and YAML
// (a YAML reader passes the same strings or the same key/value pairs).
//
//   NSI      eps_<ab>_<q><T>=x   ab in ee, mumu, tautau, emu, etau, mutau (or reversed),
//            q in u, d, T in V (vector), T (tensor); e.g. "eps_ee_uV=0.1,eps_emu_dV=-0.05".
//            Off-diagonal entries set both eps_ab and eps_ba.
//   Z'       mass_MeV=10,coupling=1e-5[,model=universal|b-l|lmu-ltau|custom]
//            custom charges: q_nue, q_numu, q_nutau, q_u, q_d (default 1).
//   scalar   mass_MeV=..,coupling=..   (universal coupling g to neutrinos and quarks)
//   scalar NSI eps_<aa>_S=x (flavour-diagonal, nucleon-level; see interaction_model.hpp)
// Unknown keys and bad values throw InputError naming the key, with did-you-mean.
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "cevns/physics/bsm/interaction_model.hpp"

namespace cevns {

struct KeyValue {
  std::string key;
  std::string value;
};

// Splits "a=1,b=x" (spaces around items ignored); InputError on an item without '=', an empty key
// or value, or a repeated key. `what` names the option in messages.
std::vector<KeyValue> parse_key_values(std::string_view text, std::string_view what);
// A finite number with |value| <= bound; InputError naming `key` otherwise (the bounds of each
// parameter: docs/reliability.md).
double parse_parameter_number(std::string_view value, std::string_view key,
                              double bound = std::numeric_limits<double>::infinity());

// Names accepted by apply_nsi for the given interaction types ("V", "T", "S" or combinations).
std::vector<std::string> nsi_parameter_names(std::string_view types);

void apply_nsi(InteractionModel& model, std::string_view text, std::string_view types = "VTS");
void apply_zprime(InteractionModel& model, std::string_view text);
void apply_scalar(InteractionModel& model, std::string_view text);

}  // namespace cevns
