// Every file in the shared real-world test data (written by other projects,
// broken ones included) goes through format detection and its importer: it
// must either import -- valid canonical text and passages -- or fail with a
// casebook::Error that names the file and says what to do. Nothing may
// crash, hang or throw anything else. The per-format tests check the text of
// each file; this sweep makes sure no file was forgotten.

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/core/error.hpp"
#include "importers/importer.hpp"
#include "test_support.hpp"

namespace ci = casebook::importers;
namespace fs = std::filesystem;
using casebook::testing::contains;
using casebook::testing::read_file;

namespace {

std::vector<fs::path> all_testdata_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(CASEBOOK_TESTDATA)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

struct SweepResult {
  int imported = 0;
  int refused = 0;
};

// Imports `path` as `casebook import` would; checks the outcome's invariants.
void sweep_one(const fs::path& path, SweepResult& result) {
  ci::InputFile file{path, read_file(path), std::nullopt, std::nullopt};
  try {
    const ci::FormatEntry& entry = ci::format_for(file);
    const std::vector<ci::ImportedSource> sources = entry.make()->import_all(file);
    BOOST_TEST(!sources.empty(), path);
    for (const ci::ImportedSource& source : sources) {
      ci::validate(source, path);
      BOOST_TEST(!source.text.empty(), path);
      BOOST_TEST(!source.passages.empty(), path);
      BOOST_TEST(source.format == std::string(entry.format), path);
    }
    ++result.imported;
  } catch (const casebook::Error& e) {
    BOOST_TEST((e.kind() == casebook::ErrorKind::Data), path << ": " << e.what());
    BOOST_TEST(contains(e.what(), path.filename().string()), path << ": " << e.what());
    BOOST_TEST(!e.hint().empty(), path << ": " << e.what());
    ++result.refused;
  } catch (const std::exception& e) {
    BOOST_ERROR(path << ": threw a non-casebook exception: " << e.what());
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(testdata_sweep)

BOOST_AUTO_TEST_CASE(every_shared_test_file_imports_or_fails_clearly) {
  const std::vector<fs::path> files = all_testdata_files();
  BOOST_TEST_REQUIRE(files.size() > 100u, "the shared test data is missing");
  SweepResult result;
  for (const fs::path& path : files) sweep_one(path, result);
  BOOST_TEST_MESSAGE(result.imported << " files imported, " << result.refused << " refused");
  // Most of the corpus is importable; the refusals are the deliberately
  // broken inputs (empty files, password-protected PDF, bad subtitles,
  // HTML error pages posing as XML, legacy .doc, REFI-QDA projects).
  BOOST_TEST(result.imported > 3 * result.refused);
}

BOOST_AUTO_TEST_SUITE_END()
