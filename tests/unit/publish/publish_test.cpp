// Publishing: pseudonymising every string of a document, refusing leaks
// before anything is rendered, and the small parsers the report relies on.

#include "engine/publish/publish.hpp"

#include <boost/test/unit_test.hpp>

#include "engine/export/writers.hpp"
#include "engine/publish/report_model.hpp"
#include "test_support.hpp"

using casebook::ErrorKind;
using casebook::testing::expect_error;
namespace exporting = casebook::exporting;
namespace publish = casebook::publish;
using casebook::pseudonyms::Pseudonymiser;

namespace {

Pseudonymiser map() {
  return Pseudonymiser(
      {{"Borough of Aldbury", "Council 3", "council"}, {"Aldbury", "Council 3", "council"}},
      {"Westmere District Council"});
}

exporting::Document named_everywhere() {
  exporting::Document d;
  d.title = "Evidence from Aldbury";
  d.blocks.push_back(exporting::Heading{1, "Aldbury"});
  d.blocks.push_back(exporting::Paragraph{{"Borough of ", exporting::Style::Plain},
                                          {"Aldbury", exporting::Style::Strong}});
  exporting::Table t;
  t.id = "aldbury";
  t.caption = "Quotes about aldbury";
  t.columns = {{"Aldbury", exporting::Align::Left, 1.0}};
  exporting::Cell c;
  c.paragraphs = {{{"\u201C...we left ALDBURY behind...\u201D (Int-7)"}}};
  t.rows = {{c}};
  t.notes = {"Aldbury only"};
  d.blocks.push_back(t);
  return d;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(publish_anonymity)

BOOST_AUTO_TEST_CASE(every_string_is_pseudonymised) {
  auto d = named_everywhere();
  publish::pseudonymise(d, map());
  for (const std::string& s : exporting::all_text(d)) {
    BOOST_TEST(s.find("ldbury") == std::string::npos, s);
    BOOST_TEST(s.find("LDBURY") == std::string::npos, s);
  }
  // A name split over two spans of different style is still found; the
  // paragraph keeps the first span's style.
  const auto& p = std::get<exporting::Paragraph>(d.blocks[1]);
  BOOST_REQUIRE(p.size() == 1u);
  BOOST_TEST(p[0].text == "Council 3");
}

BOOST_AUTO_TEST_CASE(render_refuses_leaks_in_every_format) {
  exporting::Document d;
  d.title = "Notes";
  // A spelling replacement misses but the leak check catches.
  d.blocks.push_back(exporting::Paragraph{{"We met \u00C1ldbury and Westmere District Council."}});
  const auto m = map();
  for (const exporting::Format& f : exporting::formats()) {
    expect_error(
        ErrorKind::Conflict, [&] { publish::render(d, f, {}, &m, "notes"); },
        "Westmere District Council (no pseudonym set)");
  }
  // Without the map (--no-pseudonyms) the same document renders.
  BOOST_TEST(!publish::render(d, exporting::format_named("md"), {}, nullptr, "notes").empty());
}

BOOST_AUTO_TEST_CASE(clean_documents_render_pseudonymised) {
  const auto m = map();
  const std::string md =
      publish::render(named_everywhere(), exporting::format_named("md"), {}, &m, "notes");
  BOOST_TEST(md.find("Council 3") != std::string::npos);
  BOOST_TEST(md.find("ldbury") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(publish_helpers)

BOOST_AUTO_TEST_CASE(counts_print_plainly) {
  BOOST_TEST(publish::format_count(3) == "3");
  BOOST_TEST(publish::format_count(2.0 / 3.0) == "0.67");
  BOOST_TEST(publish::format_count(0) == "0");
}

BOOST_AUTO_TEST_CASE(governance_events_from_attribute_text) {
  const auto a = publish::parse_events("2008: joint committee; 2013 lead authority");
  BOOST_REQUIRE(a.size() == 2u);
  BOOST_TEST(a[0].at == 2008);
  BOOST_TEST(a[0].text == "joint committee");
  BOOST_TEST(a[1].text == "lead authority");
  const auto b = publish::parse_events("joint committee (2008); outsourced (20011); none");
  BOOST_REQUIRE(b.size() == 1u);
  BOOST_TEST(b[0].text == "joint committee");
  BOOST_TEST(publish::parse_events("").empty());
}

BOOST_AUTO_TEST_SUITE_END()
