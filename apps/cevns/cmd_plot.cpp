// `cevns plot KIND [options] --out FILE.png|FILE.pdf`: one matplotlib figure from the Python package
// (python/cevns/plot_cli.py → cevns.plot). The options are declared here, so that --help lists them
// and a wrong one is exit code 2 before Python starts; they are passed on unchanged.
#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

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
    bool json = false;
  };
  auto opt = std::make_shared<Options>();
  auto* sub = app.add_subcommand("plot", "draw a figure (PNG or PDF): flux, xsec, recoil or coherency");
  sub->footer(
      "examples:\n"
      "  cevns plot flux --source reactor --power-GW 3.9 --distance-m 17 --out reactor.png\n"
      "  cevns plot xsec --target Ge --out ge.pdf\n"
      "  cevns plot recoil --target CsI --enu 10 30 --out csi-recoil.png\n"
      "  cevns plot coherency --target Ar Ge Xe --out coherency.png");
  sub->add_option("kind", opt->kind, "flux, xsec, recoil or coherency")
      ->required()
      ->check(CLI::IsMember({"flux", "xsec", "recoil", "coherency"}));
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
  sub->add_flag("--json", opt->json, "print one JSON object: kind and files written");
  sub->callback([opt] {
    const auto ext = std::filesystem::path(opt->out).extension().string();
    if (ext != ".png" && ext != ".pdf")
      throw InputError("cevns plot: --out must end in .png or .pdf (got '" + opt->out + "')");
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
    if (opt->json) args.emplace_back("--json");
    run_python_module("cevns.plot_cli", args);
  });
}

}  // namespace cevns::cli
