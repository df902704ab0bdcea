// write_site: the pages it writes and what they hold, escaping of hostile
// model strings, byte-identical output for the same model, and how it treats
// the directory it writes into (new, empty, an earlier report, foreign).

#include "engine/report/site.hpp"

#include <sys/resource.h>

#include <boost/test/unit_test.hpp>
#include <csignal>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "report_support.hpp"

namespace fs = std::filesystem;
using casebook::ErrorKind;
using casebook::report::ReportModel;
using casebook::report::write_site;
using casebook::report::testing::count;
using casebook::report::testing::sample_model;
using casebook::report::testing::xml_errors;
using casebook::report::testing::xpath;
using casebook::testing::contains;
using casebook::testing::expect_error;
using casebook::testing::read_file;
using casebook::testing::TempDir;

namespace {

// Every regular file below `dir` by relative path, with its content.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      files[fs::relative(entry.path(), dir).generic_string()] = read_file(entry.path());
    }
  }
  return files;
}

// Names in `parent` starting with `prefix` (left-over temporary directories).
std::vector<std::string> siblings(const fs::path& parent, const std::string& prefix) {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(parent)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) == 0) out.push_back(name);
  }
  return out;
}

// Lowers the size files may grow to (RLIMIT_FSIZE) while it lives; a write
// beyond it fails with EFBIG instead of raising SIGXFSZ.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    ::getrlimit(RLIMIT_FSIZE, &saved_);
    old_handler_ = std::signal(SIGXFSZ, SIG_IGN);
    rlimit lowered = saved_;
    lowered.rlim_cur = bytes;
    ::setrlimit(RLIMIT_FSIZE, &lowered);
  }
  ~FileSizeLimit() {
    ::setrlimit(RLIMIT_FSIZE, &saved_);
    std::signal(SIGXFSZ, old_handler_);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

 private:
  rlimit saved_{};
  void (*old_handler_)(int) = nullptr;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(report_site)

BOOST_AUTO_TEST_CASE(writes_every_page) {
  const TempDir tmp("report-site");
  const auto written = write_site(sample_model(), tmp / "site");
  std::vector<std::string> names;
  for (const fs::path& p : written) names.push_back(p.generic_string());
  const std::vector<std::string> expected = {
      "index.html",         "codebook.html",      "agreement.html",     "cases.html",
      "sources/index.html", "sources/Int-1.html", "sources/Doc-2.html", "style.css"};
  BOOST_TEST(names == expected, boost::test_tools::per_element());
  for (const std::string& name : names) BOOST_TEST(fs::is_regular_file(tmp / "site" / name), name);
  BOOST_TEST(fs::is_regular_file(tmp / "site" / ".casebook-report"));
  BOOST_TEST(siblings(tmp.path(), "site.").empty());
  // Every page parses as XML (the pages are polyglot markup).
  for (const std::string& name : names) {
    if (name.size() > 5 && name.substr(name.size() - 5) == ".html") {
      BOOST_TEST(xml_errors(read_file(tmp / "site" / name)) == "", name);
    }
  }
}

BOOST_AUTO_TEST_CASE(front_page_holds_the_matrix_and_the_charts) {
  const TempDir tmp("report-site");
  write_site(sample_model(), tmp / "site");
  const std::string index = read_file(tmp / "site" / "index.html");
  BOOST_TEST(xpath(index, "count(//table[@class=\"matrix\"]/tbody/tr)") == "2");
  BOOST_TEST(xpath(index, "count(//table[@class=\"matrix\"]/thead/tr/th)") == "3");
  BOOST_TEST(xpath(index, "count(//td[contains(@class, \"verdict-corroborated\")])") == "2");
  BOOST_TEST(xpath(index, "count(//td[contains(@class, \"verdict-absent\")])") == "2");
  BOOST_TEST(xpath(index, "count(//details/summary)") == "4");  // every cell has a reason
  BOOST_TEST(xpath(index, "count(//li[@class=\"quote counter\"])") == "2");
  BOOST_TEST(contains(index, "\xE2\x80\x9CWe met every month.\xE2\x80\x9D"));
  BOOST_TEST(contains(index, "<a href=\"sources/Int-1.html\">Int-1</a>"));
  BOOST_TEST(contains(index, "Joint committees help"));
  BOOST_TEST(contains(index, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart heatmap\""));
  BOOST_TEST(contains(index, "class=\"chart timeline\""));
  BOOST_TEST(contains(index, "class=\"chart series\""));
  BOOST_TEST(contains(index, "id=\"series-spending\""));
  BOOST_TEST(!contains(index, "<script"));
  // Nothing is fetched from the network when the page is viewed.
  BOOST_TEST(!contains(index, "src=\"http"));
  BOOST_TEST(!contains(index, "href=\"http"));
}

BOOST_AUTO_TEST_CASE(source_pages_mark_coded_passages) {
  const TempDir tmp("report-site");
  write_site(sample_model(), tmp / "site");
  const std::string page = read_file(tmp / "site" / "sources" / "Int-1.html");
  BOOST_TEST(contains(page, "<th scope=\"row\">type</th><td>interview</td>"));
  BOOST_TEST(count(page, "<mark") == 3u);  // gov, gov+trust, trust
  BOOST_TEST(count(page, "<p>") >= 2u);
  BOOST_TEST(contains(page, "href=\"../style.css\""));
  const std::string list = read_file(tmp / "site" / "sources" / "index.html");
  BOOST_TEST(contains(list, "<a href=\"Int-1.html\">Int-1</a>"));
}

BOOST_AUTO_TEST_CASE(hostile_strings_are_escaped_everywhere) {
  ReportModel m = sample_model();
  const std::string evil = "<script>alert('x')</script>";
  m.title = evil;
  m.intro = {evil};
  m.triangulation.row_details[0] = evil;
  m.triangulation.column_labels[0] = evil;
  m.triangulation.cells[0][0].quotes[0].text = evil;
  m.triangulation.cells[0][0].quotes[0].citation = evil;
  m.triangulation.cells[0][0].summary = evil;
  m.codes[0].name = evil;
  m.codes[0].colour = "red;}</style><script>x</script>";
  m.sources[0].title = evil;
  m.sources[0].text = evil + "\n\n" + evil;
  m.sources[0].facts = {{evil, evil}};
  m.heatmap.row_labels[0] = evil;
  m.timeline[0].events[0].text = evil;
  m.series[0].metric = evil;
  m.cases.blocks = {casebook::exporting::Paragraph{{evil}}};

  const TempDir tmp("report-site");
  for (const fs::path& p : write_site(m, tmp / "site")) {
    const std::string page = read_file(tmp / "site" / p);
    BOOST_TEST(!contains(page, "<script"), p);
    if (p.extension() == ".html") BOOST_TEST(xml_errors(page) == "", p);
  }
  const std::string index = read_file(tmp / "site" / "index.html");
  BOOST_TEST(
      contains(index, "\xE2\x80\x9C&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\xE2\x80\x9D"));
}

BOOST_AUTO_TEST_CASE(source_labels_become_safe_unique_file_names) {
  ReportModel m = sample_model();
  m.sources[0].label = "../../etc/passwd";
  m.sources[1].label = "index";
  m.triangulation.cells[0][0].quotes[0].source_label = "../../etc/passwd";
  m.triangulation.cells[0][0].quotes[1].source_label = "not a source";
  const TempDir tmp("report-site");
  write_site(m, tmp / "site");
  BOOST_TEST(fs::is_regular_file(tmp / "site" / "sources" / "_._.._etc_passwd.html"));
  BOOST_TEST(fs::is_regular_file(tmp / "site" / "sources" / "index-2.html"));
  const std::string index = read_file(tmp / "site" / "index.html");
  BOOST_TEST(contains(index, "href=\"sources/_._.._etc_passwd.html\""));
  // A quote whose source has no page cites it without a link.
  BOOST_TEST(contains(index, "<cite>Doc-2</cite>"));
  // The list of sources is not overwritten by the source called "index".
  BOOST_TEST(contains(read_file(tmp / "site" / "sources" / "index.html"), "<h1>Sources</h1>"));
}

BOOST_AUTO_TEST_CASE(agreement_not_measured_is_said) {
  const TempDir tmp("report-site");
  write_site(sample_model(), tmp / "site");
  BOOST_TEST(contains(read_file(tmp / "site" / "agreement.html"), "has not been measured"));
  BOOST_TEST(contains(read_file(tmp / "site" / "codebook.html"), "<caption>Codes</caption>"));
}

BOOST_AUTO_TEST_CASE(an_empty_model_gives_a_site_without_broken_charts) {
  const TempDir tmp("report-site");
  const auto written = write_site(ReportModel{}, tmp / "site");
  BOOST_TEST(written.size() == 6u);  // no source pages
  const std::string index = read_file(tmp / "site" / "index.html");
  BOOST_TEST(!contains(index, "<svg"));
  BOOST_TEST(count(index, "class=\"no-data\"") == 4u);  // matrix, heatmap, timeline, series
  BOOST_TEST(xml_errors(index) == "");
}

BOOST_AUTO_TEST_CASE(same_model_gives_identical_files) {
  const TempDir tmp("report-site");
  write_site(sample_model(), tmp / "one");
  write_site(sample_model(), tmp / "two");
  const auto one = snapshot(tmp / "one"), two = snapshot(tmp / "two");
  BOOST_TEST(one.size() == 9u);  // 8 files and the marker
  BOOST_REQUIRE(one.size() == two.size());
  for (const auto& [name, content] : one) {
    BOOST_REQUIRE(two.count(name) == 1u);
    BOOST_TEST((content == two.at(name)), name << " differs");
  }
}

BOOST_AUTO_TEST_CASE(an_earlier_report_is_replaced) {
  const TempDir tmp("report-site");
  ReportModel m = sample_model();
  write_site(m, tmp / "site");
  m.sources.pop_back();  // Doc-2 goes away
  m.title = "Second run";
  write_site(m, tmp / "site/");  // a trailing slash names the same directory
  BOOST_TEST(!fs::exists(tmp / "site" / "sources" / "Doc-2.html"));
  BOOST_TEST(contains(read_file(tmp / "site" / "index.html"), "Second run"));
  BOOST_TEST(siblings(tmp.path(), "site.").empty());
  BOOST_TEST(siblings(tmp.path(), "site").size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_empty_directory_is_used_and_a_missing_one_created) {
  const TempDir tmp("report-site");
  fs::create_directory(tmp / "empty");
  write_site(sample_model(), tmp / "empty");
  BOOST_TEST(fs::is_regular_file(tmp / "empty" / "index.html"));
  write_site(sample_model(), tmp / "deep" / "er" / "site");
  BOOST_TEST(fs::is_regular_file(tmp / "deep" / "er" / "site" / "index.html"));
  const auto perms = fs::status(tmp / "deep" / "er" / "site").permissions();
  BOOST_TEST(((perms & fs::perms::others_read) != fs::perms::none));
}

BOOST_AUTO_TEST_CASE(a_foreign_directory_is_refused_and_left_alone) {
  const TempDir tmp("report-site");
  casebook::testing::write_file(tmp / "thesis" / "chapter1.tex", "precious");
  expect_error(
      ErrorKind::Conflict, [&] { write_site(sample_model(), tmp / "thesis"); }, "thesis");
  const casebook::Error e =
      expect_error(ErrorKind::Conflict, [&] { write_site(sample_model(), tmp / "thesis"); });
  BOOST_TEST(contains(e.hint(), "empty or new directory"));
  BOOST_TEST(read_file(tmp / "thesis" / "chapter1.tex") == "precious");
  BOOST_TEST(siblings(tmp.path(), "thesis.").empty());

  casebook::testing::write_file(tmp / "file.html", "x");
  expect_error(ErrorKind::Conflict, [&] { write_site(sample_model(), tmp / "file.html"); });
}

BOOST_AUTO_TEST_CASE(a_failed_write_leaves_the_earlier_report_and_no_temporary) {
  const TempDir tmp("report-site");
  write_site(sample_model(), tmp / "site");
  const auto before = snapshot(tmp / "site");
  {
    // Files may grow to 1000 bytes only: writing index.html fails half-way
    // (even for root, unlike a read-only directory).
    const FileSizeLimit limit(1000);
    expect_error(
        ErrorKind::Io, [&] { write_site(sample_model(), tmp / "site"); }, "index.html");
  }
  BOOST_TEST(snapshot(tmp / "site") == before);
  BOOST_TEST(siblings(tmp.path(), "site.").empty());
}

BOOST_AUTO_TEST_CASE(an_empty_path_is_a_usage_error) {
  expect_error(ErrorKind::Usage, [] { write_site(sample_model(), ""); });
}

BOOST_AUTO_TEST_SUITE_END()
