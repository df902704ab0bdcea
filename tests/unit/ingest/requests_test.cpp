// Import requests with metadata of their own (manifest rows, harvested
// documents): bytes already in memory, provenance kept and found again by
// URL, per-request metadata over the run's options, suggested types from
// transcripts; and the CSV manifest reader with its errors.

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "engine/ingest/import_files.hpp"
#include "engine/ingest/manifest.hpp"
#include "engine/store/cases.hpp"
#include "engine/store/sources.hpp"
#include "test_support.hpp"

using casebook::ErrorKind;
using casebook::ingest::FileStatus;
using casebook::ingest::import_requests;
using casebook::ingest::ImportOptions;
using casebook::ingest::read_manifest;
using casebook::ingest::SourceRequest;
using casebook::project::Project;
using casebook::testing::contains;
using casebook::testing::expect_error;
using casebook::testing::TempDir;
using casebook::testing::write_file;
namespace fs = std::filesystem;
namespace store = casebook::store;

namespace {

struct RequestFixture {
  TempDir dir{"requests"};
  Project project = Project::init(dir / "p");
  ImportOptions options;
  RequestFixture() { options.coder = "tester"; }

  SourceRequest downloaded(const std::string& url, const std::string& body) {
    SourceRequest r;
    r.path = "paper.txt";
    r.bytes = body;
    r.title = "Cabinet report";
    r.date = "2013-02-11";
    r.attributes["committee"] = "Cabinet";
    r.provenance.url = url;
    r.provenance.retrieved_at = "2026-12-02T01:00:00Z";
    r.provenance.http_status = 200;
    r.provenance.content_type = "text/plain; charset=utf-8";
    r.provenance.note = "harvested from ModernGov";
    return r;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(import_requests_suite, RequestFixture)

BOOST_AUTO_TEST_CASE(bytes_in_memory_keep_their_provenance_and_are_found_by_url) {
  const std::string url = "https://democracy.example.gov.uk/documents/s123/report.txt";
  auto summary =
      import_requests(project, {downloaded(url, "The shared service saved money.\n")}, options);
  BOOST_TEST_REQUIRE(summary.files.size() == 1u);
  BOOST_TEST(summary.files[0].error == "");
  BOOST_TEST(static_cast<int>(summary.files[0].status) == static_cast<int>(FileStatus::Imported));

  auto found = store::find_source_by_url(project.store(), url);
  BOOST_TEST_REQUIRE(found.has_value());
  BOOST_TEST(found->title == "Cabinet report");
  BOOST_TEST(found->date == "2013-02-11");
  BOOST_TEST(found->attributes.at("committee") == "Cabinet");
  BOOST_TEST(found->provenance.http_status == 200);
  BOOST_TEST(found->provenance.content_type == "text/plain; charset=utf-8");
  BOOST_TEST(found->provenance.note == "harvested from ModernGov");
  BOOST_TEST(found->origin_path == url, "a download's origin is its URL");
  BOOST_TEST(!store::find_source_by_url(project.store(), url + "x").has_value());
}

BOOST_AUTO_TEST_CASE(the_same_body_again_is_unchanged) {
  const std::string body = "Minutes of the joint committee.\n";
  import_requests(project, {downloaded("https://a.example/1", body)}, options);
  auto again = import_requests(project, {downloaded("https://a.example/2", body)}, options);
  BOOST_TEST(static_cast<int>(again.files[0].status) == static_cast<int>(FileStatus::Unchanged));
  BOOST_TEST(store::count_sources(project.store()) == 1);
  // The second URL now leads to the stored source, so a resumed harvest
  // does not download it again.
  auto by_second_url = store::find_source_by_url(project.store(), "https://a.example/2");
  BOOST_TEST_REQUIRE(by_second_url.has_value());
  BOOST_TEST(by_second_url->provenance.url == "https://a.example/1");
}

BOOST_AUTO_TEST_CASE(request_metadata_is_laid_over_the_run_options) {
  options.council = "Run Council";
  options.attributes["batch"] = "one";
  SourceRequest r;
  r.path = dir / "a.txt";
  write_file(r.path, "Text.\n");
  r.council = "Row Council";
  r.type = "minutes";
  r.attributes["batch"] = "row";
  import_requests(project, {r}, options);
  auto s = store::list_sources(project.store()).at(0);
  BOOST_TEST(s.council == "Row Council");
  BOOST_TEST(s.type == "minutes");
  BOOST_TEST(s.attributes.at("batch") == "row");
  BOOST_TEST(s.provenance.empty());
}

BOOST_AUTO_TEST_CASE(a_bad_request_date_is_refused_before_anything_is_written) {
  SourceRequest r = downloaded("https://a.example/1", "Text.\n");
  r.date = "last spring";
  auto e = expect_error(ErrorKind::Usage, [&] { import_requests(project, {r}, options); });
  BOOST_TEST(contains(e.what(), "'last spring' is not a date"));
  BOOST_TEST(store::count_sources(project.store()) == 0);
}

BOOST_AUTO_TEST_CASE(an_unknown_case_in_a_request_is_refused) {
  SourceRequest r = downloaded("https://a.example/1", "Text.\n");
  r.cases = {"Z"};
  auto e = expect_error(ErrorKind::NotFound, [&] { import_requests(project, {r}, options); });
  BOOST_TEST(contains(e.what(), "no case 'Z'"));
}

BOOST_AUTO_TEST_CASE(a_recognised_transcript_becomes_an_interview_unless_a_type_is_given) {
  const std::string transcript =
      "Interviewer: Why did the partnership end?\n\n"
      "Respondent: The budgets diverged after 2015.\n\n"
      "Interviewer: Who decided?\n\n"
      "Respondent: The cabinet, in the end.\n";
  SourceRequest r;
  r.path = "int.txt";
  r.bytes = transcript;
  import_requests(project, {r}, options);
  auto s = store::list_sources(project.store()).at(0);
  BOOST_TEST(s.type == "interview");
  auto passages = store::load_passages(project.store(), s.id);
  BOOST_TEST_REQUIRE(passages.size() == 4u);
  BOOST_TEST(passages[1].speaker == "Respondent");
  BOOST_TEST(passages[1].kind == "turn");

  options.type = "focus-group";
  options.transcript = false;
  r.path = "int2.txt";
  r.bytes = transcript + "\nAn extra line.\n";
  import_requests(project, {r}, options);
  auto second =
      store::find_source(project.store(), store::list_sources(project.store()).at(1).label);
  BOOST_TEST(second->type == "focus-group");
  for (const auto& p : store::load_passages(project.store(), second->id)) {
    BOOST_TEST(p.speaker == "", "--no-transcript keeps plain paragraphs");
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(manifest)

BOOST_AUTO_TEST_CASE(rows_become_requests_with_paths_relative_to_the_manifest) {
  TempDir dir("manifest");
  write_file(dir / "docs" / "a.txt", "A.\n");
  write_file(dir / "docs" / "b.md", "# B\n");
  write_file(dir / "docs" / "manifest.csv",
             "Path,Label,Type,Cases,Council,Date,URL,Retrieved,Provenance,HTTP_Status,Ward\n"
             "a.txt,Doc-9,minutes,A;B,Marsh Vale,2012-04,https://x.example/a,2020-01-01,"
             "\"FOI 2019/4, part 2\",200,North\n"
             "b.md,,,,,,,,,,\n");
  auto requests = read_manifest(dir / "docs" / "manifest.csv");
  BOOST_TEST_REQUIRE(requests.size() == 2u);
  const SourceRequest& a = requests[0];
  BOOST_TEST(a.path == dir / "docs" / "a.txt");
  BOOST_TEST(a.label == "Doc-9");
  BOOST_TEST(a.type == "minutes");
  BOOST_TEST((a.cases == std::vector<std::string>{"A", "B"}));
  BOOST_TEST(a.council == "Marsh Vale");
  BOOST_TEST(a.date == "2012-04");
  BOOST_TEST(a.provenance.url == "https://x.example/a");
  BOOST_TEST(a.provenance.retrieved_at == "2020-01-01");
  BOOST_TEST(a.provenance.note == "FOI 2019/4, part 2");
  BOOST_TEST(a.provenance.http_status == 200);
  BOOST_TEST(a.attributes.at("ward") == "North", "other columns become attributes");
  BOOST_TEST(requests[1].attributes.empty());
  BOOST_TEST(requests[1].provenance.empty());
}

BOOST_AUTO_TEST_CASE(errors_name_the_manifest_row_and_column) {
  TempDir dir("manifest");
  write_file(dir / "a.txt", "A.\n");
  write_file(dir / "m1.csv", "file,label\na.txt,\n");
  auto e = expect_error(ErrorKind::Data, [&] { read_manifest(dir / "m1.csv"); });
  BOOST_TEST(contains(e.what(), "m1.csv: the header has no 'path' column"));

  write_file(dir / "m2.csv", "path,label\na.txt,\nmissing.txt,\n");
  e = expect_error(ErrorKind::Data, [&] { read_manifest(dir / "m2.csv"); });
  BOOST_TEST(contains(e.what(), "m2.csv: row 3"));
  BOOST_TEST(contains(e.what(), "no such file"));

  write_file(dir / "m3.csv", "path\na.txt\n./a.txt\n");
  e = expect_error(ErrorKind::Data, [&] { read_manifest(dir / "m3.csv"); });
  BOOST_TEST(contains(e.what(), "already listed on row 2"));

  write_file(dir / "m4.csv", "path,http_status\na.txt,OK\n");
  e = expect_error(ErrorKind::Data, [&] { read_manifest(dir / "m4.csv"); });
  BOOST_TEST(contains(e.what(), "http_status 'OK' is not an HTTP status code"));

  write_file(dir / "m5.csv", "path\n");
  e = expect_error(ErrorKind::Data, [&] { read_manifest(dir / "m5.csv"); });
  BOOST_TEST(contains(e.what(), "lists no files"));

  write_file(dir / "m6.csv", "path,path\na.txt,a.txt\n");
  e = expect_error(ErrorKind::Data, [&] { read_manifest(dir / "m6.csv"); });
  BOOST_TEST(contains(e.what(), "column 'path' appears twice"));
}

BOOST_AUTO_TEST_SUITE_END()
