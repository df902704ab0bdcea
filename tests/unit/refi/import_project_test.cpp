// REFI-QDA import (engine/refi/reader, to_project): our own export read back
// (round trip), the quirks of real producers, each in a small package built
// here, the real exports in CASEBOOK_TESTDATA, and a failed import that
// leaves the project as it was.

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "engine/codebook/store_sync.hpp"
#include "engine/coding/memos.hpp"
#include "engine/refi/from_project.hpp"
#include "engine/refi/writer.hpp"
#include "engine/store/cases.hpp"
#include "import_fixture.hpp"
#include "refi_fixture.hpp"

namespace refi = casebook::refi;
using casebook::testing::coding_rows;
using casebook::testing::make_docx;
using casebook::testing::make_zip;
using casebook::testing::qde;
using casebook::testing::read_package;
using casebook::testing::RefiProject;
using casebook::testing::selection;
using casebook::testing::TextProject;

namespace {

bool any_line_has(const std::vector<std::string>& lines, const std::string& needle) {
  for (const std::string& l : lines) {
    if (l.find(needle) != std::string::npos) return true;
  }
  return false;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "cannot open " << path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> code_keys(casebook::store::Store& store) {
  std::vector<std::string> keys;
  for (const auto& c : casebook::codebook::read_codebook(store).codes) {
    keys.push_back(c.key + "<" + c.parent + ">" + c.name + c.colour);
  }
  return keys;
}

void dump(const refi::ImportReport& r) {
  for (const auto& l : r.readings) BOOST_TEST_MESSAGE("reading: " << l);
  for (const auto& l : r.skipped) BOOST_TEST_MESSAGE("skipped: " << l);
}

const std::string kCodes =
    "<Code guid=\"K1\" name=\"Queue talk\" color=\"#AA3300\" isCodable=\"true\">"
    "<Code guid=\"K2\" name=\"Long waits\" isCodable=\"true\"/></Code>";

}  // namespace

BOOST_AUTO_TEST_SUITE(refi_import_project)

BOOST_AUTO_TEST_CASE(round_trip_keeps_codings_codes_cases_and_texts) {
  RefiProject source;
  const refi::Project exported = refi::project_from_store(source.project.store(), "p");
  const std::string package = refi::qdpx_package(exported);

  TextProject target;
  const refi::ImportReport report =
      refi::import_project(target.project, read_package(package, "rt.qdpx"), "importer");
  dump(report);
  BOOST_TEST(report.codebook_loaded);
  BOOST_TEST(report.sources == 3u);
  auto& a = source.project.store();
  auto& b = target.project.store();
  BOOST_TEST(coding_rows(a) == coding_rows(b), boost::test_tools::per_element());
  BOOST_TEST(code_keys(a) == code_keys(b), boost::test_tools::per_element());
  const auto book_a = casebook::codebook::read_codebook(a);
  const auto book_b = casebook::codebook::read_codebook(b);
  BOOST_TEST(book_b.dimensions.size() == book_a.dimensions.size());
  BOOST_TEST(book_b.propositions.size() == book_a.propositions.size());
  BOOST_TEST(book_b.exclusive_groups.size() == book_a.exclusive_groups.size());
  for (const auto& s : casebook::store::list_sources(a)) {
    const auto other = casebook::store::find_source(b, s.label);
    BOOST_REQUIRE_MESSAGE(other, s.label << " missing after the round trip");
    BOOST_TEST(casebook::store::load_text(a, s.id) == casebook::store::load_text(b, other->id));
    BOOST_TEST(other->cases == s.cases, boost::test_tools::per_element());
    BOOST_TEST(other->type == s.type);
  }
  const auto cases_a = casebook::store::list_cases(a);
  const auto cases_b = casebook::store::list_cases(b);
  BOOST_REQUIRE(cases_a.size() == cases_b.size());
  for (std::size_t i = 0; i < cases_a.size(); ++i) {
    BOOST_TEST(cases_a[i].label == cases_b[i].label);
    BOOST_TEST(cases_a[i].outcome == cases_b[i].outcome);
    BOOST_TEST(cases_a[i].attributes.size() == cases_b[i].attributes.size());
    for (const auto& [name, attr] : cases_a[i].attributes) {
      BOOST_TEST(cases_b[i].attributes.at(name).type == attr.type);
      BOOST_TEST(cases_b[i].attributes.at(name).value == attr.value);
    }
  }
  // Memos: the one on the removed coding becomes a project memo (its coding is not exported).
  const casebook::coding::Viewer all{"", false};
  BOOST_TEST(casebook::coding::list_memos(b, std::nullopt, all).size() ==
             casebook::coding::list_memos(a, std::nullopt, all).size());
  // Exported again, the second project says the same.
  const refi::Project again = refi::project_from_store(b, "p");
  const auto c1 = refi::count(exported), c2 = refi::count(again);
  BOOST_TEST(c1.codes == c2.codes);
  BOOST_TEST(c1.sources == c2.sources);
  BOOST_TEST(c1.selections == c2.selections);
  BOOST_TEST(c1.cases == c2.cases);
  BOOST_TEST(c1.variables == c2.variables);
}

BOOST_AUTO_TEST_CASE(codebook_qdc_round_trip) {
  RefiProject source;
  const std::string qdc = refi::codebook_xml(refi::project_from_store(source.project.store(), "p"));
  TextProject target;
  const auto report =
      refi::import_codebook(target.project, refi::read_qdc(qdc, "cb.qdc"), "importer");
  dump(report);
  BOOST_TEST(report.codebook_loaded);
  BOOST_TEST(code_keys(source.project.store()) == code_keys(target.project.store()),
             boost::test_tools::per_element());
  BOOST_TEST(casebook::codebook::read_codebook(target.project.store()).propositions.size() == 1u);
}

BOOST_AUTO_TEST_CASE(namespaces_of_any_version_or_none) {
  for (const std::string ns :
       {"urn:QDA-XML:project:1.0", "urn:QDA-XML:project:1:0", "urn:QDA-XML:project:0:4", ""}) {
    const auto read = refi::read_qde(qde(ns, kCodes, ""), "p.qde");
    BOOST_TEST(read.project.codes.size() == 1u);
    BOOST_TEST(read.project.codes[0].children.size() == 1u);
  }
  for (const std::string ns : {"urn:QDA-XML:codebook:1:0", "urn:QDA-XML:codebook:0:4", ""}) {
    const std::string xmlns = ns.empty() ? "" : " xmlns=\"" + ns + "\"";
    const auto read =
        refi::read_qdc("<CodeBook" + xmlns + "><Codes>" + kCodes + "</Codes></CodeBook>", "c.qdc");
    BOOST_TEST(read.project.codes.size() == 1u);
  }
  BOOST_CHECK_THROW(refi::read_qde(qde("urn:example:other", kCodes, ""), "p.qde"), casebook::Error);
  BOOST_CHECK_THROW(refi::read_qde("<Project><Users>", "broken.qde"), casebook::Error);
}

BOOST_AUTO_TEST_CASE(producer_quirks_in_one_package) {
  const std::string text = "Alpha beta gamma.\n\nDelta epsilon zeta.";
  const std::string sources =
      // plainTextPath without internal://, text under "Sources/", a variable on the source
      "<TextSource guid=\"T1\" name=\"interview one\" plainTextPath=\"t1.txt\">" +
      selection(6, 10, "K1") + selection(19, 24, "K2") +
      "<VariableValue><VariableRef targetGUID=\"V1\"/><TextValue>north</TextValue></VariableValue>"
      "</TextSource>"
      // rich text with a plain-text rendering: the plain text is used
      "<TextSource guid=\"T2\" name=\"rich\" richTextPath=\"internal://t2.docx\" "
      "plainTextPath=\"internal://t2.txt\">" +
      selection(0, 5, "K1") +
      "</TextSource>"
      // rich text only, and the DOCX is missing: skipped with a reason
      "<TextSource guid=\"T3\" name=\"docx gone\" richTextPath=\"internal://t3.docx\"/>"
      // rich text only: read with the DOCX reader, one paragraph per line
      "<TextSource guid=\"T4\" name=\"docx only\" richTextPath=\"internal://t4.docx\">" +
      selection(25, 31, "K2") + "</TextSource>";
  const std::string extra =
      "<Variables><Variable guid=\"V1\" name=\"region\" typeOfVariable=\"Text\"/>"
      "<Variable guid=\"V2\" name=\"size\" typeOfVariable=\"Integer\"/></Variables>"
      "<Cases><Case guid=\"CA\" name=\"Site A\"><CodeRef targetGUID=\"K1\"/>"
      "<VariableValue><VariableRef "
      "targetGUID=\"V2\"/><IntegerValue>12</IntegerValue></VariableValue>"
      "<SourceRef targetGUID=\"T1\"/></Case></Cases><Sets/>";
  const std::string package = make_zip(
      {{"export/My Study.qde", qde("urn:QDA-XML:project:1:0", kCodes, sources, extra)},
       {"Sources/t1.txt", text},
       {"Sources/t2.txt", "Hello rich world."},
       {"Sources/t2.docx", "not really a docx"},
       {"Sources/t4.docx", make_docx("<w:p><w:r><w:t>Opening paragraph.</w:t></w:r></w:p>"
                                     "<w:p><w:r><w:t>Later queues grew.</w:t></w:r></w:p>")}});
  TextProject target;
  const auto report = refi::import_project(target.project, read_package(package), "importer");
  dump(report);
  BOOST_TEST(report.sources == 3u);
  BOOST_TEST(report.codings == 4u);
  BOOST_TEST(any_line_has(report.skipped, "t3.docx is not in the package"));
  BOOST_TEST(any_line_has(report.notes, "read from Sources/t4.docx with casebook's DOCX reader"));
  BOOST_TEST(any_line_has(report.notes, "case Site A: coded as a whole with 1 code(s)"));
  auto& store = target.project.store();
  const auto rows = coding_rows(store);
  std::set<std::string> quotes;
  for (const auto& r : rows) quotes.insert(r.quote);
  BOOST_TEST(quotes.count("beta") == 1u);
  BOOST_TEST(quotes.count("Delta") == 1u);
  BOOST_TEST(quotes.count("Hello") == 1u);
  BOOST_TEST(quotes.count("queues") == 1u);
  BOOST_TEST(rows.front().coder == "ann");
  const auto t1 = casebook::store::list_sources(store).front();
  BOOST_TEST(t1.attributes.at("region") == "north");
  BOOST_TEST(t1.cases == std::vector<std::string>{"Site A"}, boost::test_tools::per_element());
  const auto site = casebook::store::find_case(store, "Site A");
  BOOST_REQUIRE(site);
  BOOST_TEST(site->attributes.at("size").type == "integer");
  BOOST_TEST(site->attributes.at("size").value == "12");
  // Coded as a whole with K1: a boolean attribute named by the code's key.
  BOOST_TEST(site->attributes.at("code.Queue_talk").type == "boolean");
  BOOST_TEST(site->attributes.at("code.Queue_talk").value == "true");
  // Keys made from names, under their parents.
  BOOST_TEST(casebook::codebook::find_code(store, "Queue_talk.Long_waits").has_value());
}

BOOST_AUTO_TEST_CASE(utf16_crlf_producer_lands_on_the_words) {
  // A producer that counts UTF-16 units and CRLF as one character.
  const std::string text = "\U0001F389 Party time\r\nThe queue \U0001F389 was long\r\nEnd here";
  // UTF-16 + CRLF as one: "Party" 3..8, "queue" 18..23, "long" 31..35.
  const std::string source =
      "<TextSource guid=\"T1\" name=\"emoji\" plainTextPath=\"internal://e.txt\">" +
      selection(3, 8, "K1") + selection(18, 23, "K2") + selection(31, 35, "K1") + "</TextSource>";
  const std::string package = make_zip(
      {{"project.qde", qde("urn:QDA-XML:project:1.0", kCodes, source)}, {"sources/e.txt", text}});
  TextProject target;
  const auto report = refi::import_project(target.project, read_package(package), "importer");
  dump(report);
  BOOST_TEST(any_line_has(report.readings, "UTF-16 code units, CRLF counted as one"));
  std::set<std::string> quotes;
  for (const auto& r : coding_rows(target.project.store())) quotes.insert(r.quote);
  BOOST_TEST(quotes == (std::set<std::string>{"Party", "queue", "long"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(existing_codebook_gets_inductive_codes) {
  RefiProject project;  // has a codebook with "Ex-post" (expost)
  const std::string codes =
      "<Code guid=\"K1\" name=\"Ex-post\"><Code guid=\"K2\" name=\"Fresh idea\"/></Code>";
  const std::string source =
      "<TextSource guid=\"T1\" name=\"new\" plainTextPath=\"internal://n.txt\">" +
      selection(4, 9, "K2") + selection(0, 3, "K1") + "</TextSource>";
  const std::string package =
      make_zip({{"project.qde", qde("urn:QDA-XML:project:1.0", codes, source)},
                {"sources/n.txt", "The fresh text."}});
  const auto report = refi::import_project(project.project, read_package(package), "importer");
  dump(report);
  BOOST_TEST(report.codes_matched == 1u);
  BOOST_TEST(report.inductive_codes == std::vector<std::string>{"expost.Fresh_idea"},
             boost::test_tools::per_element());
  const auto code = casebook::codebook::find_code(project.project.store(), "expost.Fresh_idea");
  BOOST_REQUIRE(code);
  BOOST_TEST(casebook::codebook::to_string(code->code.origin) == std::string("inductive"));
}

BOOST_AUTO_TEST_CASE(failed_import_leaves_the_project_as_it_was) {
  TextProject target;
  {
    casebook::store::WriteTransaction tx(target.project.store());
    casebook::store::import_cases(
        target.project.store(),
        casebook::cases::parse_case_sheet("id,size:integer\nA,3\n", "c.csv"), "c.csv", "sam");
    tx.commit();
  }
  // "size" as a date clashes with the project's integer attribute: the case
  // import fails inside the transaction, after the source was planned.
  const std::string extra =
      "<Variables><Variable guid=\"V2\" name=\"size\" typeOfVariable=\"Date\"/></Variables>"
      "<Cases><Case guid=\"CA\" name=\"A\"><VariableValue><VariableRef targetGUID=\"V2\"/>"
      "<DateValue>2020-01-01</DateValue></VariableValue></Case></Cases>";
  const std::string source =
      "<TextSource guid=\"T1\" name=\"x\" plainTextPath=\"internal://x.txt\">" +
      selection(0, 5, "K1") + "</TextSource>";
  const std::string package = make_zip(
      {{"project.qde", qde("", kCodes, source, extra)}, {"sources/x.txt", "Hello world."}});
  BOOST_CHECK_THROW(refi::import_project(target.project, read_package(package), "importer"),
                    casebook::Error);
  auto& store = target.project.store();
  BOOST_TEST(casebook::store::count_sources(store) == 0);
  BOOST_TEST(casebook::codebook::current_version(store) == 0);
  BOOST_TEST(coding_rows(store).empty());
}

BOOST_AUTO_TEST_CASE(hostile_packages_are_refused_with_the_file_named) {
  TextProject target;
  try {
    read_package("not a zip at all", "evil.qdpx");
    BOOST_FAIL("no error");
  } catch (const casebook::Error& e) {
    BOOST_TEST(std::string(e.what()).find("evil.qdpx") != std::string::npos);
  }
  const std::string no_qde = make_zip({{"sources/a.txt", "x"}});
  BOOST_CHECK_THROW(read_package(no_qde), casebook::Error);
  // A selection far outside the text is reported, not imported.
  const std::string source =
      "<TextSource guid=\"T1\" name=\"x\" plainTextPath=\"internal://x.txt\">" +
      selection(5, 999999, "K1") + "</TextSource>";
  const std::string package =
      make_zip({{"project.qde", qde("", kCodes, source)}, {"sources/x.txt", "Hello world."}});
  const auto report = refi::import_project(target.project, read_package(package), "importer");
  BOOST_TEST(report.codings == 0u);
  BOOST_TEST(any_line_has(report.skipped, "does not lie on the text"));
}

BOOST_AUTO_TEST_CASE(qualcoder_demo_every_selection_lands) {
  const std::string path = std::string(CASEBOOK_TESTDATA) + "/refi-qda/qc-demo/demo.qdpx";
  const std::string bytes = read_file(path);
  const refi::ReadProject read = refi::read_qdpx(path, bytes);
  std::size_t codings = 0;
  for (const auto& s : read.sources) {
    for (const auto& sel : s.source.selections) codings += sel.codings.size();
  }
  TextProject target;
  const auto report = refi::import_project(target.project, read, "importer");
  dump(report);
  BOOST_TEST(report.sources == 2u);
  BOOST_TEST(report.codings == codings);
  // The demo is ASCII with LF: a selection is the bytes of the file at its positions.
  auto& store = target.project.store();
  std::map<std::string, const refi::ReadSource*> by_title;
  // QualCoder writes no source names: the title is the text file's name.
  for (const auto& s : read.sources) {
    by_title[std::filesystem::path(s.plain_text_path).stem().string()] = &s;
  }
  std::size_t checked = 0;
  for (const auto& info : casebook::store::list_sources(store)) {
    const refi::ReadSource* s = by_title.at(info.title);
    std::multiset<std::string> expected, got;
    for (const auto& sel : s->source.selections) {
      for (std::size_t i = 0; i < sel.codings.size(); ++i) {
        expected.insert(s->raw_text.substr(sel.start, sel.end - sel.start));
      }
    }
    for (const auto& r : coding_rows(store)) {
      if (r.source == info.label) got.insert(r.quote);
    }
    BOOST_TEST(expected == got);
    checked += got.size();
  }
  BOOST_TEST(checked == codings);
}

BOOST_AUTO_TEST_CASE(atlas_ti_projects) {
  const std::string dir = std::string(CASEBOOK_TESTDATA) + "/refi-qda/atlasti23-ponte/";
  {
    const auto read = refi::read_refi_file(dir + "target-atlas-project.qdpx");
    BOOST_TEST(read.project.users.size() == 2u);
    TextProject target;
    const auto report = refi::import_project(target.project, read, "importer");
    dump(report);
    BOOST_TEST(report.codes_created == 3u);
    BOOST_TEST(casebook::codebook::find_code(target.project.store(), "Commits").has_value());
  }
  {
    const auto read = refi::read_refi_file(dir + "blank-atlas-project.qdpx");
    TextProject target;
    const auto report = refi::import_project(target.project, read, "importer");
    BOOST_TEST(report.codes_created == 0u);
    BOOST_TEST(report.sources == 0u);
  }
}

BOOST_AUTO_TEST_SUITE_END()
