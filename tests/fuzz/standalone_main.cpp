// A main() for fuzz targets in builds without libFuzzer (gcc, the default
// build): feeds every file named on the command line, and every regular file
// under every directory named there (in sorted order, so failures repeat),
// to LLVMFuzzerTestOneInput once. A crash, a sanitizer report or an uncaught
// exception ends the process abnormally, which fails the CTest test; missing
// arguments are skipped, so a machine without the shared test data still
// runs the repository's own inputs.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {

std::vector<std::filesystem::path> inputs_of(const std::filesystem::path& arg) {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  if (std::filesystem::is_regular_file(arg, ec)) {
    out.push_back(arg);
  } else if (std::filesystem::is_directory(arg, ec)) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(arg)) {
      // README files describe the regressions; they are not inputs.
      if (entry.is_regular_file() && entry.path().filename() != "README.md") {
        out.push_back(entry.path());
      }
    }
    std::sort(out.begin(), out.end());
  }
  return out;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize != nullptr) LLVMFuzzerInitialize(&argc, &argv);
  std::size_t count = 0;
  for (int i = 1; i < argc; ++i) {
    for (const std::filesystem::path& path : inputs_of(argv[i])) {
      std::printf("running %s\n", path.c_str());
      std::fflush(stdout);
      const std::string bytes = read_file(path);
      LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
      ++count;
    }
  }
  std::printf("%zu inputs ran without a finding\n", count);
  return 0;
}
