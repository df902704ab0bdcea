// Source types: canonical names, label prefixes and classes.

#include "engine/store/source_types.hpp"

#include <boost/test/unit_test.hpp>
#include <set>
#include <string>

#include "test_support.hpp"

using casebook::ErrorKind;
using casebook::store::canonical_type_name;
using casebook::store::class_name;
using casebook::store::known_source_types;
using casebook::store::source_type;
using casebook::store::SourceClass;
using casebook::testing::contains;
using casebook::testing::expect_error;

BOOST_AUTO_TEST_SUITE(store_source_types)

BOOST_AUTO_TEST_CASE(canonical_names_are_lower_case_and_hyphenated) {
  BOOST_TEST(canonical_type_name("Business case") == "business-case");
  BOOST_TEST(canonical_type_name("interview") == "interview");
  BOOST_TEST(canonical_type_name("INTERVIEW") == "interview");
  BOOST_TEST(canonical_type_name("focus_group") == "focus-group");
  BOOST_TEST(canonical_type_name("  Focus   Group  ") == "focus-group");
  BOOST_TEST(canonical_type_name("options - paper") == "options-paper");
  BOOST_TEST(canonical_type_name("-web_page-") == "web-page");
  BOOST_TEST(canonical_type_name("Report 2") == "report-2");
  // Canonical names are fixed points.
  for (const auto& t : known_source_types()) {
    BOOST_TEST(canonical_type_name(t.name) == t.name);
  }
}

BOOST_AUTO_TEST_CASE(malformed_names_are_usage_errors) {
  for (const char* bad :
       {"", "   ", "-", "_ -", "minutes!", "a/b", "agenda.pdf", "r\u00E9sum\u00E9", "tab\there"}) {
    auto e = expect_error(ErrorKind::Usage, [&] { canonical_type_name(bad); });
    BOOST_TEST(!e.hint().empty(), "no hint for '" << bad << "'");
  }
  auto e = expect_error(ErrorKind::Usage, [] { canonical_type_name("a/b"); });
  BOOST_TEST(contains(e.what(), "a/b"));
}

BOOST_AUTO_TEST_CASE(known_types_have_prefixes_and_classes) {
  std::set<std::string> names;
  for (const auto& t : known_source_types()) {
    BOOST_TEST(names.insert(t.name).second, "duplicate type " << t.name);
    BOOST_TEST((t.label_prefix == "Int" || t.label_prefix == "Doc"));
    BOOST_TEST((t.label_prefix == "Int") == (t.source_class == SourceClass::Interview));
    BOOST_TEST(!t.description.empty());
  }
  BOOST_TEST(names.count("interview") == 1u);
  BOOST_TEST(names.count("document") == 1u);

  BOOST_TEST(source_type("interview").label_prefix == "Int");
  BOOST_TEST((source_type("interview").source_class == SourceClass::Interview));
  BOOST_TEST(source_type("focus-group").label_prefix == "Int");
  BOOST_TEST(source_type("minutes").label_prefix == "Doc");
  BOOST_TEST((source_type("minutes").source_class == SourceClass::Document));
  BOOST_TEST(source_type("press").label_prefix == "Doc");
  BOOST_TEST((source_type("press").source_class == SourceClass::Press));
}

BOOST_AUTO_TEST_CASE(unknown_types_are_documents_keeping_their_name) {
  const auto t = source_type("newsletter");
  BOOST_TEST(t.name == "newsletter");
  BOOST_TEST(t.label_prefix == "Doc");
  BOOST_TEST((t.source_class == SourceClass::Document));
}

BOOST_AUTO_TEST_CASE(source_type_lookup_is_case_insensitive) {
  BOOST_TEST(source_type("Interview").label_prefix == "Int");
  BOOST_TEST((source_type("INTERVIEW").source_class == SourceClass::Interview));
  BOOST_TEST((source_type("Press").source_class == SourceClass::Press));
  BOOST_TEST(source_type("Focus Group").name == "focus-group");
  BOOST_TEST(source_type("focus_group").label_prefix == "Int");
  // Unknown names are canonicalised too, and malformed ones refused.
  BOOST_TEST(source_type("News Letter").name == "news-letter");
  expect_error(ErrorKind::Usage, [] { source_type("a/b"); });
  expect_error(ErrorKind::Usage, [] { source_type(""); });
}

BOOST_AUTO_TEST_CASE(class_names) {
  BOOST_TEST(class_name(SourceClass::Interview) == "interview");
  BOOST_TEST(class_name(SourceClass::Document) == "document");
  BOOST_TEST(class_name(SourceClass::Press) == "press");
}

BOOST_AUTO_TEST_SUITE_END()
