// PDF: the reading of pdftotext's -bbox-layout output (pages, blocks, lines,
// document information; running headers and footers; importers/pdf.cpp).
// That parser lives in an anonymous namespace and reads what pdftotext
// prints, so LLVMFuzzerInitialize puts a fake `pdftotext` first on PATH that
// prints the input back, and the input goes through the real PDF importer
// (subprocess limits and all) as the tool's output.

#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tests/fuzz/fuzz_support.hpp"

using namespace casebook;

namespace {

// What the importer checks for before running pdftotext; the fake tool
// prints the file from byte 11 on, so the input is all it prints.
constexpr std::string_view kHeader = "%PDF-fuzz\n";

std::filesystem::path fake_tool_dir;

void remove_fake_tool() {
  std::error_code ec;
  std::filesystem::remove_all(fake_tool_dir, ec);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::string pattern = (std::filesystem::temp_directory_path() / "casebook-fuzz-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) std::abort();
  fake_tool_dir = pattern;
  std::atexit(remove_fake_tool);
  const std::filesystem::path tool = fake_tool_dir / "pdftotext";
  // pdftotext -bbox-layout -enc UTF-8 -eol unix FILE -
  std::ofstream(tool) << "#!/bin/sh\nexec tail -c +" << kHeader.size() + 1 << " \"$6\"\n";
  std::filesystem::permissions(tool, std::filesystem::perms::owner_all);
  const char* path = std::getenv("PATH");
  const std::string new_path =
      fake_tool_dir.string() + ":" + (path != nullptr ? path : "/usr/bin:/bin");
  ::setenv("PATH", new_path.c_str(), 1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input = std::string(kHeader) + std::string(fuzz::as_view(data, size));
  fuzz::import_as("pdf", input, "fuzz.pdf");
  return 0;
}
