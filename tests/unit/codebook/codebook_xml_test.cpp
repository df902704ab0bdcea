// The codebook file: the interdependence study's codebook as shipped in
// corpora/, writing and reading back to an equal model, the model rules of
// codebook::validate, and one test per kind of bad input, each checking that
// the message names the file, the line and the element.

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <initializer_list>
#include <sstream>
#include <string>
#include <vector>

#include "engine/codebook/codebook.hpp"
#include "engine/codebook/xml.hpp"
#include "engine/core/error.hpp"
#include "test_support.hpp"

using casebook::Error;
using casebook::ErrorKind;
using casebook::testing::contains;
using casebook::testing::expect_error;
using casebook::testing::TempDir;
using casebook::testing::write_file;
namespace cb = casebook::codebook;

// Lets BOOST_TEST print the model's enums (found by argument-dependent lookup).
namespace casebook::codebook {
std::ostream& boost_test_print_type(std::ostream& o, Level v) {
  return o << to_string(v);
}
std::ostream& boost_test_print_type(std::ostream& o, Origin v) {
  return o << to_string(v);
}
std::ostream& boost_test_print_type(std::ostream& o, Bearing v) {
  return o << to_string(v);
}
}  // namespace casebook::codebook

namespace {

const std::string kCorpusCodebook =
    std::string(CASEBOOK_SOURCE_DIR) + "/corpora/interdependence/codebook.xml";
const std::string kExampleCodebook =
    std::string(CASEBOOK_SOURCE_DIR) + "/schemas/examples/codebook-example.xml";

// Every field of the model except source lines, one per line, so a failed
// comparison shows where two codebooks differ. Written independently of the
// XML writer, so a round trip is checked against something else.
std::string dump(const cb::Codebook& b) {
  std::ostringstream o;
  o << "codebook " << b.name << "\n  description " << b.description << "\n";
  for (const auto& d : b.dimensions) {
    o << "dimension " << d.name << " " << cb::to_string(d.level) << " min "
      << (d.min ? cb::format_number(*d.min) : "-") << " max "
      << (d.max ? cb::format_number(*d.max) : "-") << "\n  description " << d.description << "\n";
    for (const auto& v : d.values) o << "  value " << v.value << " | " << v.description << "\n";
  }
  for (const auto& c : b.codes) {
    o << "code " << c.key << " parent " << c.parent << " name " << c.name << " colour " << c.colour
      << " origin " << cb::to_string(c.origin) << "\n  definition " << c.definition
      << "\n  inclusion " << c.inclusion << "\n  exclusion " << c.exclusion << "\n  memo " << c.memo
      << "\n";
    for (const auto& e : c.typical_examples) o << "  typical " << e << "\n";
    for (const auto& e : c.atypical_examples) o << "  atypical " << e << "\n";
    for (const auto& q : c.queries) o << "  query " << q << "\n";
    for (const auto& t : c.dimensions) o << "  takes " << t.dimension << " " << t.required << "\n";
    for (const auto& f : c.formerly) o << "  formerly " << f << "\n";
  }
  for (const auto& p : b.propositions) {
    o << "proposition " << p.key << " parent " << p.parent << "\n  text " << p.text << "\n";
    for (const auto& l : p.links) {
      o << "  evidence " << l.code << " " << l.dimension << "=" << l.value << " "
        << cb::to_string(l.bearing) << " | " << l.note << "\n";
    }
  }
  for (const auto& g : b.exclusive_groups) {
    o << "group " << g.name << ":";
    for (const auto& k : g.codes) o << " " << k;
    o << "\n";
  }
  return o.str();
}

std::vector<std::string> child_keys(const cb::Codebook& b, const std::string& parent) {
  std::vector<std::string> out;
  for (const auto& c : b.codes) {
    if (c.parent == parent) out.push_back(c.key);
  }
  return out;
}

const cb::Proposition* find_proposition(const cb::Codebook& b, const std::string& key) {
  for (const auto& p : b.propositions) {
    if (p.key == key) return &p;
  }
  return nullptr;
}

bool has_link(const cb::Proposition& p, const std::string& code, const std::string& dimension,
              const std::string& value, cb::Bearing bearing) {
  for (const auto& l : p.links) {
    if (l.code == code && l.dimension == dimension && l.value == value && l.bearing == bearing) {
      return true;
    }
  }
  return false;
}

// A small valid codebook, one element per line so tests can aim at a line.
// Tests replace one line with something bad (lines are numbered from 1).
std::vector<std::string> small_lines() {
  return {
      R"(<?xml version="1.0" encoding="UTF-8"?>)",                              // 1
      R"(<codebook xmlns="urn:casebook:codebook:1" name="Small">)",             // 2
      R"(  <dimensions>)",                                                      // 3
      R"(    <dimension name="strength" level="ordinal">)",                     // 4
      R"(      <value name="weak"/>)",                                          // 5
      R"(      <value name="strong"/>)",                                        // 6
      R"(    </dimension>)",                                                    // 7
      R"(    <dimension name="weeks" level="ratio" min="0" max="52"/>)",        // 8
      R"(  </dimensions>)",                                                     // 9
      R"(  <codes>)",                                                           // 10
      R"(    <code id="a" name="A" colour="#112233">)",                         // 11
      R"(      <definition>Alpha.</definition>)",                               // 12
      R"(      <query>budget OR cuts</query>)",                                 // 13
      R"(      <takes dimension="strength"/>)",                                 // 14
      R"(      <code id="a.b" name="B"/>)",                                     // 15
      R"(    </code>)",                                                         // 16
      R"(    <code id="c" name="C">)",                                          // 17
      R"(      <takes dimension="weeks"/>)",                                    // 18
      R"(    </code>)",                                                         // 19
      R"(  </codes>)",                                                          // 20
      R"(  <propositions>)",                                                    // 21
      R"(    <proposition id="P1"><text>One.</text>)",                          // 22
      R"(      <evidence code="a" dimension="strength" value="strong"/>)",      // 23
      R"(    </proposition>)",                                                  // 24
      R"(  </propositions>)",                                                   // 25
      R"(  <exclusive-groups>)",                                                // 26
      R"(    <group name="g"><member code="a.b"/><member code="c"/></group>)",  // 27
      R"(  </exclusive-groups>)",                                               // 28
      R"(</codebook>)",                                                         // 29
  };
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// The small codebook with line `n` replaced.
std::string small_with(int n, const std::string& replacement) {
  auto lines = small_lines();
  lines.at(static_cast<std::size_t>(n - 1)) = replacement;
  return join_lines(lines);
}

// Reading `document` must fail with Error(Data) naming test.xml and holding
// every fragment (the line, the element, what is wrong).
Error expect_bad(const std::string& document, std::initializer_list<std::string> fragments) {
  Error e = expect_error(ErrorKind::Data, [&] { cb::read_codebook_xml(document, "test.xml"); });
  const std::string message = e.what();
  BOOST_TEST(message.rfind("test.xml: ", 0) == 0, "message: " << message);
  for (const auto& f : fragments) {
    BOOST_TEST(contains(message, f), "'" << f << "' missing from: " << message);
  }
  BOOST_TEST(!e.hint().empty(), "no hint for: " << message);
  return e;
}

cb::Codebook small_model() {
  return cb::read_codebook_xml(join_lines(small_lines()), "small.xml");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(codebook_corpus)

BOOST_AUTO_TEST_CASE(interdependence_codebook_has_the_study_design) {
  const cb::Codebook b = cb::read_codebook_file(kCorpusCodebook);
  BOOST_TEST(!b.name.empty());
  BOOST_TEST(!b.description.empty());

  BOOST_REQUIRE(b.find_dimension("strength") != nullptr);
  BOOST_REQUIRE(b.find_dimension("direction") != nullptr);
  BOOST_REQUIRE(b.find_dimension("predictability") != nullptr);
  BOOST_REQUIRE(b.find_dimension("salience") != nullptr);
  const cb::Dimension& strength = *b.find_dimension("Strength");  // names ignore case
  BOOST_TEST(strength.level == cb::Level::Ordinal);
  BOOST_REQUIRE(strength.values.size() == 3u);
  BOOST_TEST(strength.values[0].value == "weak");
  BOOST_TEST(strength.values[2].value == "strong");
  const cb::Dimension& direction = *b.find_dimension("direction");
  BOOST_TEST(direction.level == cb::Level::Nominal);
  BOOST_REQUIRE(direction.values.size() == 2u);
  BOOST_TEST(direction.values[0].value == "positive");
  BOOST_TEST(direction.values[1].value == "negative");
  BOOST_TEST(b.find_dimension("predictability")->values.front().value == "unpredictable");
  BOOST_TEST(b.find_dimension("salience")->level == cb::Level::Ordinal);

  BOOST_TEST(child_keys(b, "") == (std::vector<std::string>{"exante", "expost", "strategy"}));
  for (const char* key :
       {"exante.scale", "exante.resilience", "exante.expertise", "exante.procurement"}) {
    BOOST_REQUIRE_MESSAGE(b.find_code(key) != nullptr, key);
    BOOST_TEST(b.find_code(key)->parent == "exante");
  }
  for (const char* key : {"expost.retained", "expost.penalties", "expost.standardisation",
                          "expost.veto", "expost.queuing", "expost.investment"}) {
    BOOST_REQUIRE_MESSAGE(b.find_code(key) != nullptr, key);
    BOOST_TEST(b.find_code(key)->parent == "expost");
  }
  BOOST_TEST(child_keys(b, "expost.retained") ==
             (std::vector<std::string>{"expost.retained.housing", "expost.retained.it",
                                       "expost.retained.finance"}));
  for (const char* key : {"strategy.internalisation", "strategy.routinisation",
                          "strategy.governance", "strategy.standardisation"}) {
    BOOST_REQUIRE_MESSAGE(b.find_code(key) != nullptr, key);
    BOOST_TEST(b.find_code(key)->parent == "strategy");
  }
  BOOST_TEST(b.find_code("EXPOST.VETO")->key == "expost.veto");  // keys ignore case

  for (const auto& c : b.codes) {
    BOOST_TEST_CONTEXT("code " << c.key) {
      BOOST_TEST(c.origin == cb::Origin::Deductive);
      BOOST_TEST(!c.definition.empty());
      BOOST_TEST(!c.inclusion.empty());
      BOOST_TEST(!c.exclusion.empty());
      BOOST_TEST((c.typical_examples.size() >= 1u && c.typical_examples.size() <= 2u));
      BOOST_TEST((c.queries.size() >= 2u && c.queries.size() <= 3u));
      BOOST_TEST(c.colour.size() == 7u);
      BOOST_TEST(c.source_line > 0);
    }
  }
  // Ex-post codes carry all four dimensions; they are what P3a-P3d test.
  BOOST_TEST(b.find_code("expost.queuing")->dimensions.size() == 4u);

  for (const char* key : {"P1", "P2", "P3", "P3a", "P3b", "P3c", "P3d"}) {
    BOOST_REQUIRE_MESSAGE(find_proposition(b, key) != nullptr, key);
    BOOST_TEST(!find_proposition(b, key)->text.empty());
  }
  BOOST_TEST(find_proposition(b, "P3")->parent == "");
  BOOST_TEST(find_proposition(b, "P3c")->parent == "P3");
  using cb::Bearing;
  BOOST_TEST(
      has_link(*find_proposition(b, "P3a"), "expost", "strength", "strong", Bearing::Supports));
  BOOST_TEST(
      has_link(*find_proposition(b, "P3a"), "exante", "strength", "strong", Bearing::Counters));
  BOOST_TEST(
      has_link(*find_proposition(b, "P3b"), "expost", "direction", "negative", Bearing::Supports));
  BOOST_TEST(has_link(*find_proposition(b, "P3c"), "expost", "predictability", "unpredictable",
                      Bearing::Supports));
  BOOST_TEST(
      has_link(*find_proposition(b, "P3d"), "expost", "salience", "rising", Bearing::Supports));
  BOOST_TEST(
      has_link(*find_proposition(b, "P3d"), "expost", "salience", "high", Bearing::Supports));

  BOOST_REQUIRE(b.exclusive_groups.size() == 1u);
  BOOST_TEST(b.exclusive_groups[0].codes.size() == 2u);
}

BOOST_AUTO_TEST_CASE(example_file_reads_with_every_element) {
  const cb::Codebook b = cb::read_codebook_file(kExampleCodebook);
  const cb::Code* veto = b.find_code("expost.veto");
  BOOST_REQUIRE(veto != nullptr);
  BOOST_TEST(veto->formerly == std::vector<std::string>{"expost.approvals"});
  BOOST_TEST(b.find_code("expost.covid")->origin == cb::Origin::Inductive);
  BOOST_TEST(b.find_code("expost")->dimensions.at(0).required);
  BOOST_TEST(b.find_code("expost")->atypical_examples.size() == 1u);
  const cb::Dimension* weeks = b.find_dimension("delay_weeks");
  BOOST_REQUIRE(weeks != nullptr);
  BOOST_TEST(weeks->level == cb::Level::Ratio);
  BOOST_TEST(*weeks->max == 104.0);
  BOOST_TEST(find_proposition(b, "P3a")->links.at(0).note == "Strong entanglement.");
}

BOOST_AUTO_TEST_CASE(docs_example_matches_the_example_file) {
  // docs/codebook.md shows the example in full; it must stay a valid copy.
  const std::string docs =
      casebook::testing::read_file(std::string(CASEBOOK_SOURCE_DIR) + "/docs/codebook.md");
  const auto start = docs.find("```xml\n");
  BOOST_REQUIRE(start != std::string::npos);
  const auto end = docs.find("```", start + 7);
  BOOST_REQUIRE(end != std::string::npos);
  const cb::Codebook from_docs =
      cb::read_codebook_xml(docs.substr(start + 7, end - start - 7), "docs/codebook.md");
  BOOST_TEST(dump(from_docs) == dump(cb::read_codebook_file(kExampleCodebook)));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(codebook_round_trip)

BOOST_AUTO_TEST_CASE(corpus_codebook_reads_back_equal) {
  const cb::Codebook first = cb::read_codebook_file(kCorpusCodebook);
  const std::string written = cb::write_codebook_xml(first);
  const cb::Codebook second = cb::read_codebook_xml(written, "written.xml");
  BOOST_TEST(dump(first) == dump(second));
  // Stable: writing the re-read model gives the same bytes.
  BOOST_TEST(cb::write_codebook_xml(second) == written);
}

BOOST_AUTO_TEST_CASE(small_and_example_codebooks_read_back_equal) {
  for (const cb::Codebook& first : {small_model(), cb::read_codebook_file(kExampleCodebook)}) {
    const std::string written = cb::write_codebook_xml(first);
    BOOST_TEST(dump(first) == dump(cb::read_codebook_xml(written, "written.xml")));
  }
}

BOOST_AUTO_TEST_CASE(model_built_in_code_round_trips_with_defaults_left_out) {
  cb::Codebook b;
  b.name = "Built & <escaped> \"names\"";
  cb::Dimension score;
  score.name = "score";
  score.level = cb::Level::Interval;
  score.min = -2.5;
  score.max = 1e6;
  b.dimensions.push_back(score);
  cb::Code top;
  top.key = "top";
  top.name = "Top";
  top.definition = "First paragraph.\n\nSecond paragraph, with  two spaces & an <angle>.";
  top.queries = {"\"exact phrase\" OR budg*"};
  top.dimensions = {{"score", false}};
  cb::Code inductive;
  inductive.key = "top.new";
  inductive.parent = "top";
  inductive.name = "Found while coding";
  inductive.origin = cb::Origin::Inductive;
  inductive.formerly = {"top.old"};
  b.codes = {top, inductive};
  cb::Proposition p;
  p.key = "P1";
  p.text = "Claim.";
  p.links = {{"top", "score", "0.5", cb::Bearing::Counters, "note"}};
  b.propositions = {p};
  cb::validate(b);

  const std::string written = cb::write_codebook_xml(b);
  BOOST_TEST(contains(written,
                      "<dimension name=\"score\" level=\"interval\" min=\"-2.5\" "
                      "max=\"1000000\""));
  BOOST_TEST(contains(written, "origin=\"inductive\""));
  BOOST_TEST(!contains(written, "origin=\"deductive\""));  // the default is left out
  BOOST_TEST(!contains(written, "required="));
  BOOST_TEST(contains(written, "bearing=\"counters\""));
  BOOST_TEST(dump(cb::read_codebook_xml(written, "built.xml")) == dump(b));
}

BOOST_AUTO_TEST_CASE(written_file_satisfies_the_schema) {
  // xmllint is required at configure time (tests/CMakeLists.txt), so a
  // missing one fails here rather than skipping.
  TempDir dir("codebook-xsd");
  write_file(dir / "corpus.xml", cb::write_codebook_xml(cb::read_codebook_file(kCorpusCodebook)));
  write_file(dir / "example.xml", cb::write_codebook_xml(cb::read_codebook_file(kExampleCodebook)));
  const std::string command = "xmllint --noout --schema '" + std::string(CASEBOOK_SOURCE_DIR) +
                              "/schemas/codebook.xsd' '" + (dir / "corpus.xml").string() + "' '" +
                              (dir / "example.xml").string() + "' 2>&1";
  BOOST_TEST(std::system(command.c_str()) == 0, command);
}

BOOST_AUTO_TEST_CASE(text_is_trimmed_and_blank_lines_separate_paragraphs) {
  const cb::Codebook b = cb::read_codebook_xml(
      small_with(12, "      <definition>\n   Line one.\n\n\n   Line two.  \n</definition>"),
      "t.xml");
  BOOST_TEST(b.find_code("a")->definition == "Line one.\n\nLine two.");
}

BOOST_AUTO_TEST_CASE(wrapped_lines_read_as_one_paragraph) {
  const cb::Codebook b = cb::read_codebook_xml(
      small_with(12,
                 "      <definition>A dependency that\n    existed  before\n\tthe "
                 "partnership.</definition>"),
      "t.xml");
  // Spaces within a line are kept; a line break and its indentation are one space.
  BOOST_TEST(b.find_code("a")->definition == "A dependency that existed  before the partnership.");
}

BOOST_AUTO_TEST_CASE(children_in_any_order_and_comments_are_accepted) {
  const std::string doc = join_lines({
      R"(<codebook xmlns="urn:casebook:codebook:1">)",
      R"(  <codes>)",
      R"(    <code id="x" name="X"><!-- a comment -->)",
      R"(      <code id="x.y" name="Y"/>)",
      R"(      <query>budget</query>)",
      R"(      <definition><![CDATA[Uses <markup> & such]]></definition>)",
      R"(    </code>)",
      R"(  </codes>)",
      R"(  <description>Last, not first.</description>)",
      R"(</codebook>)",
  });
  const cb::Codebook b = cb::read_codebook_xml(doc, "t.xml");
  BOOST_TEST(b.description == "Last, not first.");
  BOOST_TEST(b.find_code("x")->definition == "Uses <markup> & such");
  BOOST_TEST(b.find_code("x.y")->parent == "x");
  BOOST_TEST(b.find_code("x.y")->source_line == 4);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(codebook_xml_errors)

BOOST_AUTO_TEST_CASE(malformed_xml_names_the_line) {
  expect_bad(small_with(12, "      <definition>Alpha.</definiton>"), {"line 12:", "malformed XML"});
  // An element never closed: reported where the parser gave up.
  auto lines = small_lines();
  lines.resize(20);  // ends inside <codes>
  expect_bad(join_lines(lines), {"line 20:", "malformed XML"});
}

BOOST_AUTO_TEST_CASE(wrong_root_and_namespace) {
  expect_bad(join_lines({"<?xml version=\"1.0\"?>", "<codes xmlns=\"urn:casebook:codebook:1\"/>"}),
             {"line 2:", "<codes>", "root element must be <codebook>"});
  expect_bad(small_with(2, R"(<codebook name="No namespace">)"),
             {"line 2:", "<codebook>", "missing xmlns=\"urn:casebook:codebook:1\""});
  expect_bad(small_with(2, R"(<codebook xmlns="urn:casebook:codebook:2">)"),
             {"line 2:", "urn:casebook:codebook:2"});
}

BOOST_AUTO_TEST_CASE(unknown_element_lists_the_allowed_ones) {
  expect_bad(small_with(12, "      <defintion>Alpha.</defintion>"),
             {"line 12:", "<defintion>", "unknown element inside <code>", "definition, inclusion"});
  expect_bad(small_with(3, "  <glossary/><dimensions>"),
             {"line 3:", "<glossary>", "inside <codebook>", "description, dimensions, codes"});
}

BOOST_AUTO_TEST_CASE(unknown_attribute_lists_the_allowed_ones) {
  expect_bad(small_with(11, R"(    <code id="a" name="A" color="#112233">)"),
             {"line 11:", "<code>", "unknown attribute \"color\"", "id, name, colour, origin"});
  expect_bad(small_with(12, R"(      <definition lang="en">Alpha.</definition>)"),
             {"line 12:", "<definition>", "\"lang\"", "takes no attributes"});
}

BOOST_AUTO_TEST_CASE(missing_id_and_empty_name) {
  expect_bad(small_with(17, R"(    <code name="C">)"),
             {"line 17:", "<code>", "missing attribute id"});
  expect_bad(small_with(17, R"(    <code id="c" name="  ">)"),
             {"line 17:", "<code>", "attribute name is empty"});
}

BOOST_AUTO_TEST_CASE(bad_key_syntax) {
  expect_bad(small_with(17, R"(    <code id="c d" name="C">)"),
             {"line 17:", "code \"c d\"", "not a valid code id"});
  expect_bad(small_with(17, R"(    <code id="c..d" name="C">)"),
             {"line 17:", "not a valid code id"});
}

BOOST_AUTO_TEST_CASE(duplicate_key_ignoring_case_names_both_lines) {
  expect_bad(small_with(17, R"(    <code id="A" name="C">)"),
             {"line 17:", "code \"A\"", "already the id of code \"a\" (line 11)"});
}

BOOST_AUTO_TEST_CASE(duplicate_via_formerly) {
  expect_bad(small_with(18, R"(      <formerly id="a.b"/>)"),
             {"line 17:", "code \"c\"", "earlier id (formerly) \"a.b\"",
              "already the id of code \"a.b\" (line 15)"});
}

BOOST_AUTO_TEST_CASE(unknown_dimension_in_takes) {
  expect_bad(small_with(18, R"(      <takes dimension="size"/>)"),
             {"line 17:", "code \"c\"", "takes unknown dimension \"size\""});
}

BOOST_AUTO_TEST_CASE(evidence_value_not_allowed) {
  const Error e = expect_bad(
      small_with(23, R"(      <evidence code="a" dimension="strength" value="medium"/>)"),
      {"line 23:", "proposition \"P1\"", "evidence 1", "value \"medium\"",
       "not a value of dimension \"strength\""});
  BOOST_TEST(contains(e.hint(), "weak, strong"));
  expect_bad(small_with(23, R"(      <evidence code="a.b" dimension="strength" value="weak"/>)"),
             {"line 23:", "code \"a.b\" does not take dimension \"strength\""});
  expect_bad(small_with(23, R"(      <evidence code="c" dimension="weeks" value="60"/>)"),
             {"line 23:", "outside the bounds of dimension \"weeks\""});
  expect_bad(small_with(23, R"(      <evidence code="c" dimension="weeks" value="soon"/>)"),
             {"line 23:", "not a number"});
  expect_bad(small_with(23, R"(      <evidence code="a" dimension="strength"/>)"),
             {"line 23:", "both a dimension and a value"});
  expect_bad(small_with(23, R"(      <evidence code="a" bearing="refutes"/>)"),
             {"line 23:", "<evidence>", "bearing \"refutes\""});
  expect_bad(small_with(23, R"(      <evidence code="zz"/>)"),
             {"line 23:", "\"zz\" is not a code"});
}

BOOST_AUTO_TEST_CASE(evidence_naming_an_earlier_id_gets_the_current_one_as_hint) {
  const Error e = expect_bad(join_lines({
                                 R"(<codebook xmlns="urn:casebook:codebook:1">)",
                                 R"(  <codes><code id="new" name="N"><formerly id="old"/></code>)",
                                 R"(  </codes>)",
                                 R"(  <propositions><proposition id="P"><text>T</text>)",
                                 R"(    <evidence code="old"/></proposition></propositions>)",
                                 R"(</codebook>)",
                             }),
                             {"line 5:", "\"old\" is not a code"});
  BOOST_TEST(contains(e.hint(), "use \"new\""));
}

BOOST_AUTO_TEST_CASE(bad_level) {
  expect_bad(small_with(4, R"(    <dimension name="strength" level="ordnial">)"),
             {"line 4:", "<dimension>", "level \"ordnial\"", "not a level of measurement"});
}

BOOST_AUTO_TEST_CASE(ordinal_without_values_and_interval_with_them) {
  auto lines = small_lines();
  lines.erase(lines.begin() + 4, lines.begin() + 6);  // drop both <value>s
  expect_bad(join_lines(lines),
             {"line 4:", "dimension \"strength\"", "needs at least one <value>"});
  expect_bad(
      small_with(8, R"(    <dimension name="weeks" level="ratio"><value name="x"/></dimension>)"),
      {"line 8:", "dimension \"weeks\"", "takes numbers"});
  expect_bad(small_with(8, R"(    <dimension name="weeks" level="ratio" min="9" max="1"/>)"),
             {"line 8:", "min is greater than max"});
  expect_bad(small_with(8, R"(    <dimension name="weeks" level="ratio" min="nan"/>)"),
             {"line 8:", "<dimension>", "min=\"nan\" is not a number"});
  expect_bad(small_with(6, R"(      <value name="WEAK"/>)"),
             {"line 4:", "value \"WEAK\" is listed twice"});
  expect_bad(small_with(8, R"(    <dimension name="Strength" level="ratio"/>)"),
             {"line 8:", "already defined (line 4)"});
}

BOOST_AUTO_TEST_CASE(unknown_code_in_group) {
  expect_bad(
      small_with(27, R"(    <group name="g"><member code="a.b"/><member code="zzz"/></group>)"),
      {"line 27:", "group \"g\"", "member \"zzz\" is not a code"});
}

BOOST_AUTO_TEST_CASE(one_member_group) {
  expect_bad(small_with(27, R"(    <group name="g"><member code="a.b"/></group>)"),
             {"line 27:", "group \"g\"", "at least two member codes"});
}

BOOST_AUTO_TEST_CASE(bad_colour) {
  expect_bad(small_with(11, R"(    <code id="a" name="A" colour="#12345g">)"),
             {"line 11:", "code \"a\"", "colour \"#12345g\" is not #rrggbb"});
}

BOOST_AUTO_TEST_CASE(query_that_does_not_parse) {
  expect_bad(small_with(13, R"(      <query>(budget OR cuts</query>)"),
             {"line 11:", "code \"a\", query 1 \"(budget OR cuts\": ", "parenthesis"});
}

BOOST_AUTO_TEST_CASE(repeated_single_element_and_markup_in_text) {
  expect_bad(small_with(13, "      <definition>Again.</definition>"),
             {"line 13:", "<definition>", "appears twice"});
  expect_bad(small_with(12, "      <definition>Alpha <b>bold</b>.</definition>"),
             {"line 12:", "<b>", "holds text only"});
  expect_bad(small_with(14, R"(      <takes dimension="strength">text</takes>)"),
             {"line 14:", "<takes>", "must be empty"});
  expect_bad(small_with(16, "    stray words</code>"), {"line 11:", "<code>", "stray words"});
}

BOOST_AUTO_TEST_CASE(empty_file) {
  expect_bad("", {"the file is empty"});
  expect_bad("  \n\n ", {"the file is empty"});
  expect_bad("<?xml version=\"1.0\"?>\n", {"no root element"});
}

BOOST_AUTO_TEST_CASE(bom_and_crlf_load_fine_and_keep_line_numbers) {
  std::string doc = "\xEF\xBB\xBF" + join_lines(small_lines());
  BOOST_TEST(cb::read_codebook_xml(doc, "bom.xml").codes.size() == 3u);

  std::string crlf;
  for (const auto& l : small_lines()) crlf += l + "\r\n";
  const cb::Codebook b = cb::read_codebook_xml("\xEF\xBB\xBF" + crlf, "crlf.xml");
  BOOST_TEST(b.find_code("c")->source_line == 17);
  BOOST_TEST(b.dimensions.at(1).source_line == 8);

  std::string bad_crlf;
  for (const auto& l : small_lines()) {
    bad_crlf += (l.find("id=\"c\"") != std::string::npos ? "    <code id=\"c\">" : l) + "\r\n";
  }
  expect_bad("\xEF\xBB\xBF" + bad_crlf, {"line 17:", "missing attribute name"});
}

BOOST_AUTO_TEST_CASE(encodings_other_than_utf8_are_refused) {
  expect_bad(std::string("\xFF\xFE<\0c\0", 6), {"UTF-16"});
  expect_bad(small_with(12, "      <definition>Caf\xE9.</definition>"),
             {"line 12:", "not valid UTF-8"});
  expect_bad(small_with(1, R"(<?xml version="1.0" encoding="ISO-8859-1"?>)"),
             {"line 1:", "encoding=\"ISO-8859-1\""});
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(codebook_validate)

BOOST_AUTO_TEST_CASE(parents_must_exist_come_first_and_not_cycle) {
  cb::Codebook b;
  cb::Code x;
  x.key = "x";
  x.name = "X";
  x.parent = "y";
  cb::Code y;
  y.key = "y";
  y.name = "Y";
  y.parent = "x";
  b.codes = {x, y};
  Error e = expect_error(ErrorKind::Data, [&] { cb::validate(b); });
  BOOST_TEST(contains(e.what(), "cycle: x -> y -> x"), e.what());

  b.codes[1].parent = "";
  e = expect_error(ErrorKind::Data, [&] { cb::validate(b); });
  BOOST_TEST(contains(e.what(), "its parent \"y\" comes after it"), e.what());

  b.codes[0].parent = "nowhere";
  b.codes[0].source_line = 7;
  e = expect_error(ErrorKind::Data, [&] { cb::validate(b); });
  BOOST_TEST(contains(e.what(), "line 7: code \"x\": parent \"nowhere\" is not a code"), e.what());

  b.codes[0].parent = "X";
  e = expect_error(ErrorKind::Data, [&] { cb::validate(b); });
  BOOST_TEST(contains(e.what(), "its own parent"), e.what());

  b.codes[0].parent = "";
  cb::validate(b);  // now fine
}

BOOST_AUTO_TEST_CASE(propositions_need_unique_ids_known_parents_and_text) {
  cb::Codebook b = small_model();
  cb::Proposition orphan;
  orphan.key = "P9a";
  orphan.parent = "P9";
  orphan.text = "Sub.";
  b.propositions.push_back(orphan);
  Error e = expect_error(ErrorKind::Data, [&] { cb::validate(b); });
  BOOST_TEST(contains(e.what(), "parent proposition \"P9\""), e.what());

  b.propositions.back().parent = "";
  b.propositions.back().key = "p1";
  e = expect_error(ErrorKind::Data, [&] { cb::validate(b); });
  BOOST_TEST(contains(e.what(), "proposition \"p1\": the id is already used (line 22)"), e.what());

  b.propositions.back().key = "P2";
  b.propositions.back().text = " ";
  e = expect_error(ErrorKind::Data, [&] { cb::validate(b); });
  BOOST_TEST(contains(e.what(), "proposition \"P2\": the text is empty"), e.what());
}

BOOST_AUTO_TEST_CASE(numbers_and_lookups) {
  BOOST_TEST(*cb::parse_number("+2") == 2.0);
  BOOST_TEST(*cb::parse_number("-0.5") == -0.5);
  BOOST_TEST(*cb::parse_number("1e3") == 1000.0);
  BOOST_TEST(!cb::parse_number(""));
  BOOST_TEST(!cb::parse_number(" 1"));
  BOOST_TEST(!cb::parse_number("inf"));
  BOOST_TEST(!cb::parse_number("+-1"));
  BOOST_TEST(cb::format_number(0.1) == "0.1");
  BOOST_TEST(cb::format_number(52) == "52");
  BOOST_TEST(std::string(cb::to_string(cb::Level::Ratio)) == "ratio");
  BOOST_TEST(std::string(cb::to_string(cb::Bearing::Counters)) == "counters");
  BOOST_TEST(std::string(cb::to_string(cb::Origin::Inductive)) == "inductive");
  const cb::Codebook b = small_model();
  BOOST_TEST(b.find_code("A.B") == &b.codes[1]);
  BOOST_TEST(b.find_code("a.c") == nullptr);
  BOOST_TEST(b.find_dimension("WEEKS") == &b.dimensions[1]);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(codebook_file)

BOOST_AUTO_TEST_CASE(nonexistent_file_names_the_path) {
  TempDir dir("codebook-file");
  const auto path = dir / "missing.xml";
  const Error e = expect_error(ErrorKind::NotFound, [&] { cb::read_codebook_file(path); });
  BOOST_TEST(contains(e.what(), path.string()), e.what());
}

BOOST_AUTO_TEST_CASE(file_errors_name_the_file) {
  TempDir dir("codebook-file");
  write_file(dir / "bad.xml", small_with(17, R"(    <code id="c">)"));
  Error e = expect_error(ErrorKind::Data, [&] { cb::read_codebook_file(dir / "bad.xml"); });
  BOOST_TEST(contains(e.what(), (dir / "bad.xml").string() + ": line 17: <code>"), e.what());

  e = expect_error(ErrorKind::Data, [&] { cb::read_codebook_file(dir.path()); });
  BOOST_TEST(contains(e.what(), "not a regular file"), e.what());

  write_file(dir / "huge.xml", std::string(cb::kMaxCodebookFileBytes + 1, ' '));
  e = expect_error(ErrorKind::Data, [&] { cb::read_codebook_file(dir / "huge.xml"); });
  BOOST_TEST(contains(e.what(), "huge.xml"), e.what());
  BOOST_TEST(contains(e.what(), "limit of 16 MiB"), e.what());
}

BOOST_AUTO_TEST_SUITE_END()
