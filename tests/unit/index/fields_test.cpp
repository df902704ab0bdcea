// The fields table and term making: dates to yyyymmdd numbers (lower and
// upper ends of partial dates, invalid dates refused), filter terms folded
// with NFKC_Casefold and hashed when too long, id terms, exact and stemmed
// word terms.

#include "engine/index/fields.hpp"

#include <boost/test/unit_test.hpp>
#include <optional>
#include <set>
#include <string>

#include "engine/core/sha256.hpp"
#include "engine/index/terms.hpp"
#include "test_support.hpp"

using casebook::ErrorKind;
using casebook::index::date_to_number;
using casebook::index::DateEnd;
using casebook::index::filter_term;
using casebook::index::find_field;
using casebook::index::kFields;
using casebook::testing::expect_error;

namespace {

// date_to_number() with -1 for "not a date", so failures print.
int num(std::string_view iso, DateEnd end = DateEnd::Lower) {
  return date_to_number(iso, end).value_or(-1);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(index_fields)

BOOST_AUTO_TEST_CASE(full_dates_are_the_same_at_both_ends) {
  BOOST_TEST(num("2014-03-02") == 20140302);
  BOOST_TEST(num("2014-03-02", DateEnd::Upper) == 20140302);
  BOOST_TEST(num("0001-01-01") == 10101);
  BOOST_TEST(num("9999-12-31") == 99991231);
}

BOOST_AUTO_TEST_CASE(partial_dates_take_the_first_or_last_day) {
  BOOST_TEST(num("2014") == 20140101);
  BOOST_TEST(num("2014", DateEnd::Lower) == 20140101);
  BOOST_TEST(num("2014", DateEnd::Upper) == 20141231);
  BOOST_TEST(num("2014-03") == 20140301);
  BOOST_TEST(num("2014-03", DateEnd::Upper) == 20140331);
  BOOST_TEST(num("2014-04", DateEnd::Upper) == 20140430);
  // February: leap years by the Gregorian rules.
  BOOST_TEST(num("2016-02", DateEnd::Upper) == 20160229);
  BOOST_TEST(num("2015-02", DateEnd::Upper) == 20150228);
  BOOST_TEST(num("1900-02", DateEnd::Upper) == 19000228);
  BOOST_TEST(num("2000-02", DateEnd::Upper) == 20000229);
}

BOOST_AUTO_TEST_CASE(invalid_dates_are_refused) {
  for (const char* bad :
       {"2014-13",    "2014-00",    "2014-02-30", "2015-02-29", "1900-02-29",
        "2014-04-31", "2014-01-00", "2014-01-32", "0000",       "0000-01-01",
        "",           "14",         "201",        "20140",      "2014-3",
        "2014-3-02",  "2014/03/02", "2014/03",    "20140302",   "2014-03-02T10:00",
        " 2014",      "2014 ",      "abcd",       "2O14",       "+201",
        "-201",       "2014-0a",    "2014-03-0x", "2014--3",    "2014-03-2 "}) {
    BOOST_TEST(!date_to_number(bad).has_value(), "accepted '" << bad << "'");
    BOOST_TEST(!date_to_number(bad, DateEnd::Upper).has_value(), "accepted '" << bad << "'");
  }
  BOOST_TEST(num("2016-02-29") == 20160229);
  BOOST_TEST(num("2000-02-29") == 20000229);
}

BOOST_AUTO_TEST_CASE(date_numbers_sort_like_dates) {
  BOOST_TEST(num("2014-12", DateEnd::Upper) < num("2015"));
  BOOST_TEST(num("2014-02-28") < num("2014-03"));
  BOOST_TEST(num("2014-03", DateEnd::Upper) < num("2014-04"));
}

BOOST_AUTO_TEST_CASE(fields_are_found_case_insensitively) {
  BOOST_TEST_REQUIRE(find_field("case") != nullptr);
  BOOST_TEST(find_field("CASE") == find_field("case"));
  BOOST_TEST(find_field("Council")->prefix == "XCNCL");
  BOOST_TEST((find_field("date")->kind == casebook::index::FieldKind::DateRange));
  BOOST_TEST(find_field("nope") == nullptr);
  BOOST_TEST(find_field("") == nullptr);
  BOOST_TEST(find_field("cas") == nullptr);
  std::set<std::string_view> names, prefixes;
  for (const auto& f : kFields) {
    BOOST_TEST(names.insert(f.name).second, "duplicate field " << f.name);
    if (!f.prefix.empty()) {
      BOOST_TEST(prefixes.insert(f.prefix).second, "duplicate prefix " << f.prefix);
      // Prefixes are upper case, so a folded value can never look like one.
      for (char c : f.prefix) BOOST_TEST((c >= 'A' && c <= 'Z'));
    }
    BOOST_TEST(!f.help.empty());
  }
}

BOOST_AUTO_TEST_CASE(filter_terms_fold_case_and_compatibility_forms) {
  BOOST_TEST(filter_term("case", "B") == "XCASE:b");
  BOOST_TEST(filter_term("CASE", "b") == "XCASE:b");
  BOOST_TEST(filter_term("source", "Int-7") == "XSRC:int-7");
  BOOST_TEST(filter_term("council", "North Wold") == "XCNCL:north wold");
  BOOST_TEST(filter_term("outcome", "DISSOLVED") == filter_term("outcome", "dissolved"));
  BOOST_TEST(filter_term("type", "interview") == "XTYPE:interview");
  BOOST_TEST(filter_term("speaker", "Int-7") == "XSPK:int-7");
  // NFKC_Casefold: sharp s, ligatures, full-width letters.
  BOOST_TEST(filter_term("council", "Stra\u00DFe") == "XCNCL:strasse");
  BOOST_TEST(filter_term("council", "STRASSE") == "XCNCL:strasse");
  BOOST_TEST(filter_term("case", "\uFB01le") == "XCASE:file");
  BOOST_TEST(filter_term("case", "\uFF21") == "XCASE:a");
  // Decomposed and precomposed accents meet.
  BOOST_TEST(filter_term("council", "Orl\u00E9ans") == filter_term("council", "ORLE\u0301ANS"));
  const auto* field = find_field("case");
  BOOST_TEST(filter_term(*field, "B") == filter_term("case", "B"));
}

BOOST_AUTO_TEST_CASE(long_filter_values_are_hashed) {
  const std::string at_limit(200, 'a');
  BOOST_TEST(filter_term("council", at_limit) == "XCNCL:" + at_limit);
  const std::string long_value(201, 'a');
  const std::string term = filter_term("council", long_value);
  BOOST_TEST(term == "XCNCL:#" + casebook::sha256_hex(long_value).substr(0, 32));
  BOOST_TEST(term.size() < 245u);  // a valid Xapian term
  // Folded before hashing: case still does not matter; different values differ.
  BOOST_TEST(filter_term("council", std::string(201, 'A')) == term);
  BOOST_TEST(filter_term("council", std::string(201, 'b')) != term);
  BOOST_TEST(filter_term("council", std::string(300, 'a')) != term);
  // The limit applies to the folded value: 101 x "ß" folds to 202 x "s" (hashed),
  // 100 x "ß" to 200 x "s" (kept).
  std::string sharp;
  for (int i = 0; i < 101; ++i) sharp += "\u00DF";
  BOOST_TEST(filter_term("council", sharp)[6] == '#');
  std::string sharp100;
  for (int i = 0; i < 100; ++i) sharp100 += "\u00DF";
  BOOST_TEST(filter_term("council", sharp100) == "XCNCL:" + std::string(200, 's'));
}

BOOST_AUTO_TEST_CASE(filter_term_for_a_non_filter_field_is_an_internal_error) {
  expect_error(ErrorKind::Internal, [] { filter_term("date", "2014"); });
  expect_error(ErrorKind::Internal, [] { filter_term("nope", "x"); });
}

BOOST_AUTO_TEST_CASE(id_terms) {
  BOOST_TEST(casebook::index::passage_id_term(42) == "QP42");
  BOOST_TEST(casebook::index::source_id_term(7) == "XSID7");
  BOOST_TEST(casebook::index::passage_id_term(1234567890123LL) == "QP1234567890123");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(index_terms)

BOOST_AUTO_TEST_CASE(exact_terms_are_folded_words) {
  const casebook::index::TermMaker terms;
  BOOST_TEST(terms.exact_term("Running") == "running");
  BOOST_TEST(terms.exact_term("STRA\u00DFE") == "strasse");
  BOOST_TEST(terms.exact_term("\uFB01les") == "files");
  BOOST_TEST(terms.exact_term("2014") == "2014");
}

BOOST_AUTO_TEST_CASE(words_that_are_their_own_stem_get_no_stemmed_term) {
  const casebook::index::TermMaker terms;
  BOOST_TEST(terms.indexed_stem("council").empty());
  BOOST_TEST(terms.indexed_stem("councils") == "Zcouncil");
  BOOST_TEST(terms.indexed_stem("policy") == "Zpolici");
  // The query for a word covers both ways a passage can hold its stem.
  BOOST_TEST(terms.stem_query("councils").get_description() == "Query((Zcouncil OR council))");
  // "polici" is not a word whose stem is itself... unless it is: check the rule.
  const bool polici_is_own_stem = terms.stemmed_term("polici") == "Zpolici";
  BOOST_TEST(terms.stem_query("policy").get_description() ==
             (polici_is_own_stem ? "Query((Zpolici OR polici))" : "Query(Zpolici)"));
}

BOOST_AUTO_TEST_CASE(stemmed_terms_are_z_prefixed_english_stems) {
  const casebook::index::TermMaker terms;
  BOOST_TEST(terms.stemmed_term("running") == "Zrun");
  BOOST_TEST(terms.stemmed_term("budgets") == "Zbudget");
  BOOST_TEST(terms.stemmed_term("councils") == "Zcouncil");
  BOOST_TEST(terms.stemmed_term(terms.exact_term("Budgeting")) == "Zbudget");
}

BOOST_AUTO_TEST_CASE(words_too_long_for_a_term_are_dropped) {
  const casebook::index::TermMaker terms;
  BOOST_TEST(terms.exact_term(std::string(240, 'x')) == std::string(240, 'x'));
  BOOST_TEST(terms.exact_term(std::string(241, 'x')).empty());
  // Measured after folding: 121 x "ß" (242 bytes) folds to 242 bytes of "s".
  std::string sharp;
  for (int i = 0; i < 121; ++i) sharp += "\u00DF";
  BOOST_TEST(terms.exact_term(sharp).empty());
}

BOOST_AUTO_TEST_SUITE_END()
