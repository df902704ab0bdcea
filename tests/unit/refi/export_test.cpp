// The REFI-QDA export (engine/refi) of a small coded project: the model,
// XML valid against the REFI XSDs, code-point positions on the exported
// text, and byte-identical output.

#include <zip.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "engine/refi/block.hpp"
#include "engine/refi/from_project.hpp"
#include "engine/refi/guid.hpp"
#include "engine/refi/writer.hpp"
#include "refi_fixture.hpp"

namespace refi = casebook::refi;
using casebook::testing::RefiProject;

namespace casebook::refi {
// Variable types print by name in failed checks.
std::ostream& operator<<(std::ostream& out, VariableType type) {
  return out << to_string(type);
}
}  // namespace casebook::refi

namespace {

const std::string kSchemaDir = std::string(CASEBOOK_TESTDATA) + "/refi-qda/schema/";

// The code points of `text` as UTF-8 strings (written here, not taken from
// the engine, so the test does not check the code with itself).
std::vector<std::string> code_points(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    out.push_back(text.substr(i, n));
    i += n;
  }
  return out;
}

std::string slice(const std::string& text, std::int64_t start, std::int64_t end) {
  const auto cps = code_points(text);
  std::string out;
  for (std::int64_t i = start; i < end; ++i) out += cps.at(static_cast<std::size_t>(i));
  return out;
}

// Entry name -> content of a ZIP archive held in memory.
std::map<std::string, std::string> unzip(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  BOOST_REQUIRE(source != nullptr);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  BOOST_REQUIRE(archive != nullptr);
  std::map<std::string, std::string> entries;
  const zip_int64_t n = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st);
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    std::string content(static_cast<std::size_t>(st.size), '\0');
    zip_fread(file, content.data(), st.size);
    zip_fclose(file);
    entries[st.name] = content;
  }
  zip_discard(archive);
  zip_error_fini(&error);
  return entries;
}

bool valid_against(const std::string& xsd, const std::filesystem::path& file) {
  const std::string command = "xmllint --noout --schema '" + kSchemaDir + xsd + "' '" +
                              file.string() + "' 2>" + file.string() + ".errors";
  const int status = std::system(command.c_str());
  if (status != 0) BOOST_TEST_MESSAGE(casebook::testing::read_file(file.string() + ".errors"));
  return status == 0;
}

const refi::TextSource& source_named(const refi::Project& p, const std::string& label) {
  for (const auto& s : p.sources) {
    if (s.name.rfind(label, 0) == 0) return s;
  }
  BOOST_FAIL("no source " << label);
  throw std::logic_error("unreachable");
}

const refi::Selection& selection_of(const refi::TextSource& s, std::int64_t coding_id) {
  for (const auto& selection : s.selections) {
    if (selection.guid == refi::guid_for("selection", std::to_string(coding_id))) return selection;
  }
  BOOST_FAIL("no selection for coding " << coding_id);
  throw std::logic_error("unreachable");
}

std::string block_value(const std::string& description, const std::string& name) {
  for (const auto& [field, value] : refi::split_block(description).second.fields) {
    if (field == name) return value;
  }
  return {};
}

struct Exported : RefiProject {
  refi::Project model = refi::project_from_store(project.store(), "refi-test");
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(refi_model, Exported)

BOOST_AUTO_TEST_CASE(users_are_everyone_who_did_something) {
  std::vector<std::string> names;
  for (const auto& u : model.users) {
    names.push_back(u.name);
    BOOST_TEST(u.guid == refi::guid_for("user", u.name));
  }
  BOOST_TEST(names == (std::vector<std::string>{"ann", "bob", "sam", "tester"}),
             boost::test_tools::per_element());
  BOOST_TEST(model.name == "refi-test");
  BOOST_TEST(model.origin.rfind("casebook ", 0) == 0);
}

BOOST_AUTO_TEST_CASE(codebook_keeps_hierarchy_colour_and_what_refi_lacks) {
  BOOST_REQUIRE(model.codes.size() == 2u);  // expost, exante
  const refi::Code& expost = model.codes[0];
  BOOST_TEST(expost.name == "Ex-post");
  BOOST_TEST(expost.color == "#aa3300");
  BOOST_TEST(expost.codable);
  BOOST_TEST(refi::split_block(expost.description).first ==
             "Interdependence after joining.\nSecond line with a \\ backslash.");
  BOOST_TEST(block_value(expost.description, "key") == "expost");
  BOOST_TEST(block_value(expost.description, "inclusion") == "Delays, queues");
  BOOST_TEST(block_value(expost.description, "dimension") == "direction");
  BOOST_TEST(expost.note_refs.size() == 1u);
  BOOST_REQUIRE(expost.children.size() == 1u);
  BOOST_TEST(expost.children[0].name == "Queuing");
  BOOST_TEST(model.codes[1].name == "Ex-ante");
}

BOOST_AUTO_TEST_CASE(dimensions_propositions_and_groups_become_sets) {
  std::map<std::string, const refi::Set*> sets;
  for (const auto& s : model.sets) sets[s.name] = &s;
  BOOST_REQUIRE(sets.count("dimension: direction"));
  BOOST_TEST(sets["dimension: direction"]->member_codes.size() == 2u);
  BOOST_TEST(block_value(sets["dimension: direction"]->description, "level") == "nominal");
  BOOST_REQUIRE(sets.count("proposition P3"));
  BOOST_TEST(block_value(sets["proposition P3"]->description, "link") ==
             "supports expost direction=negative");
  BOOST_REQUIRE(sets.count("exclusive group: timing"));
  BOOST_REQUIRE(sets.count("memos on case A"));
  BOOST_TEST(sets["memos on case A"]->member_notes.size() == 1u);
  BOOST_TEST(!sets["memos on case A"]->in_codebook);
}

BOOST_AUTO_TEST_CASE(one_selection_per_active_coding_rejected_marked_removed_left_out) {
  const auto counts = refi::count(model);
  BOOST_TEST(counts.sources == 3u);
  BOOST_TEST(counts.selections == 4u);  // 3 on the interview, the rejected one; not the removed
  const auto& interview = source_named(model, unicode.label);
  const auto& ann = selection_of(interview, ann_queue);
  const auto& bob = selection_of(interview, bob_queue);
  BOOST_TEST(ann.start == bob.start);  // same span, kept apart by coder
  BOOST_TEST(ann.creating_user == refi::guid_for("user", "ann"));
  BOOST_TEST(bob.creating_user == refi::guid_for("user", "bob"));
  BOOST_TEST(block_value(ann.description, "dimension") == "direction=negative");
  BOOST_REQUIRE(ann.codings.size() == 1u);
  BOOST_TEST(ann.codings[0].code_guid == model.codes[0].children[0].guid);
  BOOST_TEST(ann.codings[0].note_refs.size() == 1u);
  BOOST_TEST(!ann.creation_time.empty());

  const auto& minutes_source = source_named(model, minutes.label);
  BOOST_REQUIRE(minutes_source.selections.size() == 1u);
  const auto& rejected_selection = selection_of(minutes_source, rejected);
  BOOST_TEST(block_value(rejected_selection.description, "review") == "rejected");
  BOOST_TEST(refi::split_block(rejected_selection.description).first ==
             "Rejected in review by sam: not ex-post.");
}

BOOST_AUTO_TEST_CASE(cases_have_sources_and_typed_variables) {
  BOOST_REQUIRE(model.cases.size() == 2u);
  std::map<std::string, const refi::Variable*> variables;
  for (const auto& v : model.variables) variables[v.name] = &v;
  BOOST_TEST(variables.at("outcome")->type == refi::VariableType::Text);
  BOOST_TEST(variables.at("population")->type == refi::VariableType::Integer);
  BOOST_TEST(variables.at("cost")->type == refi::VariableType::Float);
  BOOST_TEST(variables.at("joint")->type == refi::VariableType::Boolean);
  // B's start is a bare year, which xsd:date cannot hold: the variable is Text.
  BOOST_TEST(variables.at("start")->type == refi::VariableType::Text);
  BOOST_TEST(block_value(variables.at("start")->description, "type") == "date");
  const refi::Case& a = model.cases[0];
  BOOST_TEST(a.name == "A");
  BOOST_TEST(a.source_refs.size() == 2u);
  BOOST_TEST(model.cases[1].source_refs.size() == 1u);
  std::map<std::string, std::string> values;
  for (const auto& v : a.values) {
    for (const auto& [name, variable] : variables) {
      if (variable->guid == v.variable_guid) values[name] = v.value;
    }
  }
  BOOST_TEST(values["outcome"] == "dissolved");
  BOOST_TEST(values["sub_outcome"] == "early");
  BOOST_TEST(values["population"] == "120000");
  BOOST_TEST(values["joint"] == "true");
}

BOOST_AUTO_TEST_CASE(memos_are_notes_referenced_where_refi_allows) {
  BOOST_TEST(model.notes.size() == 5u);
  BOOST_TEST(model.note_refs.size() == 1u);  // the project memo
  BOOST_TEST(source_named(model, unicode.label).note_refs.size() == 1u);
}

BOOST_AUTO_TEST_CASE(retired_codes_without_codings_are_left_out) {
  {
    casebook::store::WriteTransaction tx(project.store());
    casebook::codebook::load_codebook(project.store(), casebook::testing::refi_codebook(false),
                                      "<codebook/>", "cb2.xml", "sam", {});
    tx.commit();
  }
  const auto again = refi::project_from_store(project.store(), "refi-test");
  BOOST_REQUIRE(again.codes.size() == 1u);
  BOOST_TEST(again.codes[0].name == "Ex-post");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(refi_files, Exported)

BOOST_AUTO_TEST_CASE(project_and_codebook_validate_against_the_refi_schemas) {
  const auto qde = dir / "project.qde";
  const auto qdc = dir / "codebook.qdc";
  casebook::testing::write_file(qde, refi::project_xml(model));
  casebook::testing::write_file(qdc, refi::codebook_xml(model));
  BOOST_TEST(valid_against("Project.xsd", qde));
  BOOST_TEST(valid_against("Codebook.xsd", qdc));
  const std::string xml = casebook::testing::read_file(qde);
  BOOST_TEST(xml.find("xmlns=\"urn:QDA-XML:project:1.0\"") != std::string::npos);
  BOOST_TEST(casebook::testing::read_file(qdc).find("urn:QDA-XML:codebook:1.0") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(positions_are_code_points_on_the_exported_text) {
  const auto entries = unzip(refi::qdpx_package(model));
  BOOST_REQUIRE(entries.count("project.qde"));
  const auto& interview = source_named(model, unicode.label);
  BOOST_TEST(interview.plain_text_path() == "internal://" + interview.guid + ".txt");
  const std::string& text = entries.at("sources/" + interview.guid + ".txt");
  BOOST_TEST(text == casebook::testing::kUnicodeText);  // no BOM, unchanged
  BOOST_TEST(text.rfind("\xEF\xBB\xBF", 0) != 0);
  const auto& ann = selection_of(interview, ann_queue);
  BOOST_TEST(slice(text, ann.start, ann.end) == "\u65E5\u672C\u8A9E\u306E\u8CC7\u6599 \U0001F389");
  // "Café " 5 + family 5 + " met " 5 + q, dot 2 + "uietly." 7 + 2 line breaks = 26
  // code points (41 UTF-8 bytes, 29 UTF-16 units).
  BOOST_TEST(ann.start == 26);
  for (const auto& s : model.sources) {
    BOOST_TEST(entries.count(s.package_entry()) == 1u);
  }
  for (const auto& selection : interview.selections) {
    BOOST_TEST(selection.end > selection.start);
    BOOST_TEST(selection.end <= static_cast<std::int64_t>(code_points(text).size()));
  }
  BOOST_TEST(entries.size() == 1u + model.sources.size());
}

BOOST_AUTO_TEST_CASE(two_exports_are_byte_identical) {
  const auto again = refi::project_from_store(project.store(), "refi-test");
  BOOST_TEST(refi::qdpx_package(model) == refi::qdpx_package(again));
  BOOST_TEST(refi::codebook_xml(model) == refi::codebook_xml(again));
}

BOOST_AUTO_TEST_CASE(a_codebook_needs_codes) {
  refi::Project empty;
  empty.name = "empty";
  casebook::testing::expect_error(
      casebook::ErrorKind::Data, [&] { refi::codebook_xml(empty); }, "no codes");
}

BOOST_AUTO_TEST_SUITE_END()
