// The pseudonym map and its application: replacement at word boundaries,
// case-insensitively, across line breaks; the looser leak check; the store.

#include "engine/pseudonyms/pseudonyms.hpp"

#include <boost/test/unit_test.hpp>

#include "engine/store/store.hpp"
#include "test_support.hpp"

using casebook::pseudonyms::Entry;
using casebook::pseudonyms::leak_check_form;
using casebook::pseudonyms::Pseudonymiser;
using casebook::testing::expect_error;
using casebook::testing::TempDir;

namespace {
Pseudonymiser sample() {
  return Pseudonymiser({{"Aldbury", "Council 3", "council"},
                        {"Borough of Aldbury", "Council 3", "council"},
                        {"Jane Smith", "Int-7", "person"}},
                       {"Westmere District"});
}
}  // namespace

BOOST_AUTO_TEST_SUITE(pseudonymiser)

BOOST_AUTO_TEST_CASE(replaces_longest_name_first_case_insensitively) {
  const auto p = sample();
  BOOST_TEST(p.apply("The BOROUGH OF ALDBURY agreed.") == "The Council 3 agreed.");
  BOOST_TEST(p.apply("aldbury's staff") == "Council 3's staff");
  BOOST_TEST(p.apply("\"Jane  Smith\" said") == "\"Int-7\" said");
}

BOOST_AUTO_TEST_CASE(matches_across_line_breaks_and_no_break_spaces) {
  const auto p = sample();
  BOOST_TEST(p.apply("Borough of\nAldbury") == "Council 3");
  BOOST_TEST(p.apply("Jane\u00A0Smith") == "Int-7");
  BOOST_TEST(p.apply("2016-02-04-borough-of-aldbury.txt") == "2016-02-04-Council 3.txt");
}

BOOST_AUTO_TEST_CASE(leaves_words_that_only_contain_a_name) {
  const auto p = sample();
  BOOST_TEST(p.apply("Aldburyshire and Ealdbury") == "Aldburyshire and Ealdbury");
  BOOST_TEST(p.apply("Aldbury-on-Sea") == "Council 3-on-Sea");
}

BOOST_AUTO_TEST_CASE(keeps_other_text_byte_for_byte) {
  const auto p = sample();
  const std::string text = "caf\u00E9 \U0001F600 e\u0301 \u65E5\u672C Aldbury.";
  BOOST_TEST(p.apply(text) == "caf\u00E9 \U0001F600 e\u0301 \u65E5\u672C Council 3.");
}

BOOST_AUTO_TEST_CASE(leak_form_drops_accents_soft_hyphens_and_punctuation) {
  BOOST_TEST(leak_check_form("\u00C5ld\u00ADbury-ON-Sea!") == "aldbury on sea");
  BOOST_TEST(leak_check_form("  Jane\tSMITH ") == "jane smith");
}

BOOST_AUTO_TEST_CASE(finds_surviving_names_and_unmapped_identities) {
  const auto p = sample();
  BOOST_TEST(p.find_leaks(p.apply("Aldbury and Jane Smith")).empty());
  const auto leaks = p.find_leaks("\u00C5ldbury met WESTMERE-district");
  BOOST_REQUIRE(leaks.size() == 2u);
  BOOST_TEST(leaks[0].name == "Aldbury");
  BOOST_TEST(!leaks[0].unmapped);
  BOOST_TEST(leaks[1].name == "Westmere District");
  BOOST_TEST(leaks[1].unmapped);
  BOOST_TEST(p.find_leaks("Ealdbury").empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(pseudonym_map)

BOOST_AUTO_TEST_CASE(sets_lists_changes_and_removes) {
  TempDir dir;
  auto store = casebook::store::Store::create(dir / "s.sqlite");
  using namespace casebook::pseudonyms;
  BOOST_TEST(set_pseudonym(store, {"Borough of Aldbury", "Council 3", "council"}, "ann"));
  BOOST_TEST(!set_pseudonym(store, {"borough of aldbury", "Council 3", "council"}, "ann"));
  BOOST_TEST(set_pseudonym(store, {"Borough of Aldbury", "Council 4", "council"}, "ann"));
  const auto all = list_pseudonyms(store);
  BOOST_REQUIRE(all.size() == 1u);
  BOOST_TEST(all[0].pseudonym == "Council 4");
  remove_pseudonym(store, "BOROUGH OF ALDBURY", "ann");
  BOOST_TEST(list_pseudonyms(store).empty());
  expect_error(casebook::ErrorKind::NotFound, [&] { remove_pseudonym(store, "nobody", "ann"); });
}

BOOST_AUTO_TEST_CASE(refuses_bad_entries) {
  TempDir dir;
  auto store = casebook::store::Store::create(dir / "s.sqlite");
  using namespace casebook::pseudonyms;
  expect_error(casebook::ErrorKind::Usage, [&] {
    set_pseudonym(store, {"X", "", "council"}, "a");
  });
  expect_error(
      casebook::ErrorKind::Usage,
      [&] {
        set_pseudonym(store, {"X", "x", "council"}, "a");
      },
      "real name itself");
  expect_error(casebook::ErrorKind::Usage, [&] {
    set_pseudonym(store, {"X", "Y", "county"}, "a");
  });
  set_pseudonym(store, {"Aldbury", "Council 3", "council"}, "a");
  expect_error(casebook::ErrorKind::Conflict, [&] {
    set_pseudonym(store, {"Westmere", "aldbury", "council"}, "a");
  });
}

BOOST_AUTO_TEST_CASE(imports_csv_all_or_nothing) {
  TempDir dir;
  auto store = casebook::store::Store::create(dir / "s.sqlite");
  using namespace casebook::pseudonyms;
  const auto r = import_pseudonyms(
      store, "real,pseudonym,kind\nAldbury,Council 3,council\nJane Smith,Int-7,person\n", "map.csv",
      "ann");
  BOOST_TEST(r.added == 2);
  expect_error(
      casebook::ErrorKind::Data,
      [&] {
        casebook::store::WriteTransaction tx(store);
        import_pseudonyms(store, "real,pseudonym\nWestmere,Council 5\nOther,\n", "bad.csv", "ann");
        tx.commit();
      },
      "row 3");
  BOOST_TEST(list_pseudonyms(store).size() == 2u);
  expect_error(
      casebook::ErrorKind::Data,
      [&] { import_pseudonyms(store, "name;alias\nA;B\n", "x.csv", "ann"); }, "pseudonym");
}

BOOST_AUTO_TEST_SUITE_END()
