// Fuzzes the analysis-file reader (fits, profiles, toys: examples/analyses/*.yaml), which also
// reads the experiments and tables it names. Seeds: examples/analyses/.
#include "cevns/io/analysis_config_reader.hpp"
#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 65536) return -1;
  const auto path = cevns::fuzz::write_input(data, size, "analysis.yaml");
  cevns::fuzz::accept_only_cevns_errors([&] { (void)cevns::io::read_analysis_config(path); });
  return 0;
}
