// Fuzzes the scan-file reader (examples/scans/*.yaml). Seeds: examples/scans/.
#include "cevns/io/scan_config_reader.hpp"
#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 65536) return -1;
  const std::string text(reinterpret_cast<const char*>(data), size);
  cevns::fuzz::accept_only_cevns_errors([&] { (void)cevns::io::read_scan_config_text(text, "<fuzz scan>"); });
  return 0;
}
