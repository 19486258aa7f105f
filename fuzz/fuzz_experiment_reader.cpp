// Fuzzes the experiment catalog reader (data/experiments/*.yaml, user experiment files).
// Seeds: data/experiments/.
#include "cevns/io/experiment_reader.hpp"
#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 65536) return -1;
  const auto path = cevns::fuzz::write_input(data, size, "experiment.yaml");
  cevns::fuzz::accept_only_cevns_errors([&] { (void)cevns::io::read_experiment(path); });
  return 0;
}
