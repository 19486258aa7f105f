// `cevns plot KIND [options] --out FILE.png|FILE.pdf`: one matplotlib figure from the Python package
// (python/cevns/plot_cli.py → cevns.plot). The options are declared here, so that --help lists them
// and a wrong one is exit code 2 before Python starts; they are passed on unchanged.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "cevns/core/flavour.hpp"
#include "cevns/physics/form_factor.hpp"

#include "cevns/core/error.hpp"
#include "command.hpp"

namespace cevns::cli {

void add_plot_command(CLI::App& app) {
  struct Options {
    std::string kind;
    std::string out;
    std::string source;
    std::vector<std::string> targets;
    std::vector<double> enu_MeV;
    std::vector<double> power_GW;
    std::vector<double> distance_m;
    std::optional<double> distance_kpc;
    std::optional<double> activity_MCi;
    std::string flavour;
    std::string form_factor;
    std::string experiment, csv, x, y, value;
    bool log = false;
    bool json = false;
  };
  auto opt = std::make_shared<Options>();
  auto* sub = app.add_subcommand("plot", "draw a figure (PNG or PDF): flux, xsec, recoil, coherency, spectrum, time, profile or contour");
  sub->footer(
      "examples:\n"
      "  cevns plot flux --source reactor --power-GW 3.9 --distance-m 17 --out reactor.png\n"
      "  cevns plot xsec --target Ge --out ge.pdf\n"
      "  cevns plot recoil --target CsI --enu 10 30 --out csi-recoil.png\n"
      "  cevns plot coherency --target Ar Ge Xe --out coherency.png\n"
      "  cevns plot spectrum --experiment coherent-lar-2020 --log --out lar.png\n"
      "  cevns plot time --experiment coherent-csi-2017 --out csi-time.png\n"
      "  cevns plot contour --csv nsi.csv --x eps_uV --y eps_dV --out nsi.png   # a cevns scan result\n"
      "  cevns plot profile --csv scan.csv --x sin2w --out profile.png   # a 1-D scan with delta_chi2");
  sub->add_option("kind", opt->kind, "flux, xsec, recoil, coherency, spectrum, time, profile or contour")
      ->required()
      ->check(CLI::IsMember({"flux", "xsec", "recoil", "coherency", "spectrum", "time", "profile", "contour"}));
  sub->add_option("--out", opt->out, "output file: .png or .pdf")->required();
  sub->add_option("--source", opt->source, "flux: source name(s) as for cevns flux, comma-separated (flux)");
  sub->add_option("--target", opt->targets, "target(s): isotope, element or formula (xsec, recoil, coherency)");
  sub->add_option("--enu", opt->enu_MeV, "neutrino energies in MeV (recoil: required; xsec/coherency: the grid)");
  sub->add_option("--power-GW", opt->power_GW, "reactor thermal power per core (GW)");
  sub->add_option("--distance-m", opt->distance_m, "distance to the source / to each reactor core (m)");
  sub->add_option("--distance-kpc", opt->distance_kpc, "supernova distance (kpc)");
  sub->add_option("--activity-MCi", opt->activity_MCi, "radioactive source activity (MCi)");
  sub->add_option("--flavour,--flavor", opt->flavour, "nue, nuebar, numu, numubar, nutau, nutaubar");
  sub->add_option("--form-factor", opt->form_factor, "nuclear form factor: helm, symmetrized-fermi, klein-nystrand, point");
  sub->add_option("--experiment", opt->experiment, "catalog id or experiment YAML (spectrum, time)");
  sub->add_flag("--log", opt->log, "logarithmic counts axis (spectrum)");
  sub->add_option("--csv", opt->csv, "a cevns scan result (profile, contour)");
  sub->add_option("--x", opt->x, "column of the horizontal axis (profile, contour)");
  sub->add_option("--y", opt->y, "column of the vertical axis (contour)");
  sub->add_option("--value", opt->value, "column plotted (default delta_chi2)");
  sub->add_flag("--json", opt->json, "print one JSON object: kind and files written");
  sub->callback([opt] {
    const auto ext = std::filesystem::path(opt->out).extension().string();
    if (ext != ".png" && ext != ".pdf")
      throw InputError("cevns plot: --out must end in .png or .pdf (got '" + opt->out + "')");
    // options that do not apply to the kind are errors, not silently ignored
    static const std::map<std::string, std::vector<std::string>> applies{
        {"flux", {"--source", "--power-GW", "--distance-m", "--distance-kpc", "--activity-MCi", "--flavour"}},
        {"xsec", {"--target", "--enu", "--flavour", "--form-factor"}},
        {"recoil", {"--target", "--enu", "--flavour", "--form-factor"}},
        {"coherency", {"--target", "--enu", "--flavour", "--form-factor"}},
        {"spectrum", {"--experiment", "--log", "--form-factor"}},
        {"time", {"--experiment", "--form-factor"}},
        {"profile", {"--csv", "--x", "--value"}},
        {"contour", {"--csv", "--x", "--y", "--value"}}};
    const std::vector<std::pair<std::string, bool>> given{
        {"--source", !opt->source.empty()},     {"--target", !opt->targets.empty()},
        {"--enu", !opt->enu_MeV.empty()},       {"--power-GW", !opt->power_GW.empty()},
        {"--distance-m", !opt->distance_m.empty()}, {"--distance-kpc", opt->distance_kpc.has_value()},
        {"--activity-MCi", opt->activity_MCi.has_value()}, {"--flavour", !opt->flavour.empty()},
        {"--form-factor", !opt->form_factor.empty()}, {"--experiment", !opt->experiment.empty()},
        {"--log", opt->log},                    {"--csv", !opt->csv.empty()},
        {"--x", !opt->x.empty()},               {"--y", !opt->y.empty()},
        {"--value", !opt->value.empty()}};
    const auto& ok = applies.at(opt->kind);
    for (const auto& [name, present] : given)
      if (present && std::find(ok.begin(), ok.end(), name) == ok.end())
        throw InputError(name + " does not apply to cevns plot " + opt->kind + " (it takes " + fmt::format("{}", fmt::join(ok, ", ")) + ")");
    if (!opt->flavour.empty()) (void)parse_neutrino(opt->flavour);
    if (!opt->form_factor.empty()) (void)parse_form_factor_model(opt->form_factor);
    std::vector<std::string> args{opt->kind, "--out", opt->out};
    const auto add_list = [&](const char* name, const auto& values) {
      if (values.empty()) return;
      args.emplace_back(name);
      for (const auto& v : values) {
        if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::string>) args.push_back(v);
        else args.push_back(fmt::format("{:.17g}", v));
      }
    };
    if (!opt->source.empty()) args.insert(args.end(), {"--source", opt->source});
    add_list("--target", opt->targets);
    add_list("--enu", opt->enu_MeV);
    add_list("--power-GW", opt->power_GW);
    add_list("--distance-m", opt->distance_m);
    if (opt->distance_kpc) args.insert(args.end(), {"--distance-kpc", fmt::format("{:.17g}", *opt->distance_kpc)});
    if (opt->activity_MCi) args.insert(args.end(), {"--activity-MCi", fmt::format("{:.17g}", *opt->activity_MCi)});
    if (!opt->flavour.empty()) args.insert(args.end(), {"--flavour", opt->flavour});
    if (!opt->form_factor.empty()) args.insert(args.end(), {"--form-factor", opt->form_factor});
    for (const auto& [name, text] : {std::pair<const char*, const std::string*>{"--experiment", &opt->experiment},
                                     {"--csv", &opt->csv}, {"--x", &opt->x}, {"--y", &opt->y},
                                     {"--value", &opt->value}})
      if (!text->empty()) args.insert(args.end(), {name, *text});
    if (opt->log) args.emplace_back("--log");
    if (opt->json) args.emplace_back("--json");
    run_python_module("cevns.plot_cli", args);
  });
}

}  // namespace cevns::cli
