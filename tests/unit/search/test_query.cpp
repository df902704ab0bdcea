// The search query language: structure of the Xapian queries it builds, and
// which passages they match in a small in-memory index built the way the real
// indexer builds it (Segmenter words -> positional exact terms + Z stems,
// boolean filter terms, the date in kDateSlot).

#include <xapian.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/index/fields.hpp"
#include "engine/index/terms.hpp"
#include "engine/search/query.hpp"
#include "engine/text/segment.hpp"

namespace {

using casebook::search::parse_query;
using casebook::search::ParsedQuery;

struct Passage {
  std::string text;
  std::vector<std::pair<std::string, std::string>> filters;
  std::string date;
};

// Docids are 1..8 in this order.
const std::vector<Passage>& passages() {
  static const std::vector<Passage> kPassages = {
      {"The council cut the housing budget in 2014.",
       {{"case", "A"},
        {"outcome", "dissolved"},
        {"type", "interview"},
        {"source", "Int-7"},
        {"speaker", "Int-7"},
        {"council", "North Wold"}},
       "2014-03-02"},
      {"Budgets were debated at length.",
       {{"case", "B"}, {"outcome", "merged"}, {"type", "minutes"}, {"council", "South Vale"}},
       "2012-06-15"},
      // staff at position 1, queue at 6: five positions apart.
      {"Staff waited in the long queue outside.",
       {{"case", "B"}, {"outcome", "merged"}, {"type", "interview"}, {"speaker", "Int-8"}},
       "2015-01-10"},
      {"The queue staff were helpful.",
       {{"case", "C"}, {"outcome", "dissolved"}, {"type", "interview"}},
       "2010-11-30"},
      {"Die Straße war ex-post gesperrt.",
       {{"case", "C"}, {"outcome", "dissolved"}, {"type", "document"}},
       "2014-12-31"},
      {"The budgeting process reached the budget office.",
       {{"case", "A"}, {"type", "minutes"}},
       "2011-05-05"},
      {"Residents complained about the closure.",
       {{"case", "D"}, {"outcome", "continuing"}, {"type", "interview"}},
       "2016-02-29"},
      {"Post ex ante reasoning here.", {{"case", "D"}, {"type", "document"}}, "2009-01-01"},
  };
  return kPassages;
}

// Indexes a passage exactly as the engine's indexer does.
Xapian::Document index_passage(const Passage& p, casebook::text::Segmenter& segmenter,
                               const casebook::index::TermMaker& terms) {
  Xapian::Document doc;
  Xapian::termpos pos = 0;
  segmenter.words(p.text, [&](const casebook::text::WordToken& w) {
    ++pos;
    std::string exact = terms.exact_term(w.bytes);
    if (exact.empty()) return;
    doc.add_posting(exact, pos);
    std::string stemmed = terms.indexed_stem(exact);
    if (!stemmed.empty()) doc.add_term(stemmed);
  });
  for (const auto& [field, value] : p.filters) {
    doc.add_boolean_term(casebook::index::filter_term(field, value));
  }
  auto date = casebook::index::date_to_number(p.date);
  BOOST_TEST_REQUIRE(date.has_value());
  doc.add_value(casebook::index::kDateSlot, Xapian::sortable_serialise(*date));
  return doc;
}

struct Corpus {
  Corpus() : db(std::string(), Xapian::DB_BACKEND_INMEMORY) {
    casebook::text::Segmenter segmenter;
    casebook::index::TermMaker terms;
    for (const Passage& p : passages()) db.add_document(index_passage(p, segmenter, terms));
  }

  // The docids matching `query`, ascending, as "1 2 6" ("" for none).
  std::string ids(std::string_view query, bool with_vocabulary = false) const {
    Xapian::Enquire enquire(db);
    enquire.set_query(parse_query(query, with_vocabulary ? &db : nullptr).query);
    std::vector<Xapian::docid> found;
    Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) found.push_back(*it);
    std::sort(found.begin(), found.end());
    std::string out;
    for (Xapian::docid id : found) out += (out.empty() ? "" : " ") + std::to_string(id);
    return out;
  }

  Xapian::WritableDatabase db;
};

std::string description(std::string_view query) {
  return parse_query(query).query.get_description();
}

std::string wrap(const Xapian::Query& q) {
  return q.get_description();
}

// "message | hint" of the error `query` raises; fails the test if none.
std::string error_of(std::string_view query) {
  try {
    parse_query(query);
  } catch (const casebook::Error& e) {
    BOOST_TEST((e.kind() == casebook::ErrorKind::Data));
    BOOST_TEST(!e.hint().empty());
    return std::string(e.what()) + " | " + e.hint();
  }
  BOOST_ERROR("no error for query: " << query);
  return {};
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

#define CHECK_ERROR(query, needle)                                        \
  do {                                                                    \
    std::string message_ = error_of(query);                               \
    BOOST_CHECK_MESSAGE(contains(message_, needle),                       \
                        "for " << (query) << ": \"" << message_ << "\""); \
  } while (0)

std::string serialise(int n) {
  return Xapian::sortable_serialise(n);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(query)

BOOST_AUTO_TEST_CASE(builds_the_expected_xapian_structure) {
  using Q = Xapian::Query;
  // A bare word: its stemmed term, or the word itself where it is its own
  // stem (such words carry no stemmed term in the index).
  BOOST_TEST(description("budgets") == "Query((Zbudget OR budget))");
  BOOST_TEST(description("Budget cuts") == "Query(((Zbudget OR budget) AND (Zcut OR cut)))");
  BOOST_TEST(description("\"housing budget\"") == "Query((housing PHRASE 2 budget))");
  BOOST_TEST(description("\"Budgets\"") == "Query(budgets)");
  BOOST_TEST(description("ex-post") == "Query((ex PHRASE 2 post))");
  // NEAR/n over two words is a window of n + 1 positions.
  BOOST_TEST(description("staff NEAR/5 queue") == "Query((staff NEAR 6 queue))");
  BOOST_TEST(description("staff NEAR queue") == "Query((staff NEAR 11 queue))");
  BOOST_TEST(description("a NEAR/2 b NEAR/4 c") == "Query((a NEAR 6 b NEAR 6 c))");
  BOOST_TEST(description("staff ADJ/3 queue") == "Query((staff PHRASE 4 queue))");
  BOOST_TEST(description("budg*") ==
             wrap(Q(Q::OP_WILDCARD, "budg", 1000, Q::WILDCARD_LIMIT_MOST_FREQUENT)));
  BOOST_TEST(description("budget case:A case:B outcome:dissolved") ==
             "Query(((Zbudget OR budget) FILTER ((XCASE:a OR XCASE:b) AND XOUT:dissolved)))");
  BOOST_TEST(description("case:A") == "Query((<alldocuments> FILTER XCASE:a))");
  BOOST_TEST(description("budget NOT housing") ==
             "Query(((Zbudget OR budget) AND_NOT (Zhous OR hous)))");
  BOOST_TEST(description("NOT budget") == "Query((<alldocuments> AND_NOT (Zbudget OR budget)))");
  BOOST_TEST(description("date:2014-03") == wrap(Q(Q::OP_FILTER, Q::MatchAll,
                                                   Q(Q::OP_VALUE_RANGE, casebook::index::kDateSlot,
                                                     serialise(20140301), serialise(20140331)))));
  BOOST_TEST(description("budget date:..2012") ==
             wrap(Q(Q::OP_FILTER, Q(Q::OP_OR, Q("Zbudget"), Q("budget")),
                    Q(Q::OP_VALUE_LE, casebook::index::kDateSlot, serialise(20121231)))));
  BOOST_TEST(description("budget date:2015..") ==
             wrap(Q(Q::OP_FILTER, Q(Q::OP_OR, Q("Zbudget"), Q("budget")),
                    Q(Q::OP_VALUE_GE, casebook::index::kDateSlot, serialise(20150101)))));
  // Lower-case operators are words.
  BOOST_TEST(description("budget or not cuts") ==
             "Query(((Zbudget OR budget) AND (Zor OR or) AND (Znot OR not) AND (Zcut OR cut)))");
}

BOOST_FIXTURE_TEST_CASE(bare_words_match_every_form, Corpus) {
  BOOST_TEST(ids("budgets") == "1 2 6");
  BOOST_TEST(ids("Budget") == "1 2 6");
  BOOST_TEST(ids("complaining") == "7");
  BOOST_TEST(ids("budget council") == "1");
  BOOST_TEST(ids("nothing-like-this") == "");
}

BOOST_FIXTURE_TEST_CASE(quotes_match_exactly, Corpus) {
  BOOST_TEST(ids("\"budgets\"") == "2");
  BOOST_TEST(ids("\"budget\"") == "1 6");
  BOOST_TEST(ids("\"housing budget\"") == "1");
  BOOST_TEST(ids("\"budget housing\"") == "");
  BOOST_TEST(ids("\xe2\x80\x9chousing budget\xe2\x80\x9d") == "1");  // curly quotes
  BOOST_TEST(ids("ex-post") == "5");                                 // not "post ex" (8)
  BOOST_TEST(ids("\"post ex\"") == "8");
}

BOOST_FIXTURE_TEST_CASE(near_and_adj_windows, Corpus) {
  // Passage 3: staff ... queue five positions apart; passage 4: "queue staff".
  BOOST_TEST(ids("staff NEAR/3 queue") == "4");
  BOOST_TEST(ids("staff NEAR/4 queue") == "4");
  BOOST_TEST(ids("staff NEAR/5 queue") == "3 4");
  BOOST_TEST(ids("staff NEAR/6 queue") == "3 4");
  BOOST_TEST(ids("staff NEAR queue") == "3 4");
  BOOST_TEST(ids("\"Staff\" NEAR/1 queue") == "4");
  BOOST_TEST(ids("staff ADJ/6 queue") == "3");
  BOOST_TEST(ids("queue ADJ/6 staff") == "4");
  BOOST_TEST(ids("queue ADJ/1 staff") == "4");
  BOOST_TEST(ids("staff ADJ/1 queue") == "");
  BOOST_TEST(ids("staff NEAR/5 queue NEAR/5 outside") == "3");
}

BOOST_FIXTURE_TEST_CASE(wildcards, Corpus) {
  BOOST_TEST(ids("budg*") == "1 2 6");
  BOOST_TEST(ids("BUDG*") == "1 2 6");
  BOOST_TEST(ids("straß*") == "5");
  BOOST_TEST(ids("resid* OR queu*") == "3 4 7");
  BOOST_TEST(ids("zzz*") == "");
}

BOOST_FIXTURE_TEST_CASE(boolean_operators, Corpus) {
  BOOST_TEST(ids("budget AND council") == "1");
  BOOST_TEST(ids("budget OR queue") == "1 2 3 4 6");
  BOOST_TEST(ids("budget NOT housing") == "2 6");
  BOOST_TEST(ids("budget -housing") == "2 6");
  BOOST_TEST(ids("budget AND NOT housing") == "2 6");
  BOOST_TEST(ids("budget NOT housing NOT office") == "2");
  BOOST_TEST(ids("NOT budget") == "3 4 5 7 8");
  BOOST_TEST(ids("-budget") == "3 4 5 7 8");
  BOOST_TEST(ids("NOT NOT budget") == "1 2 6");
  BOOST_TEST(ids("budget - housing") == "1");  // a lone "-" is punctuation
  BOOST_TEST(ids("budget -") == "1 2 6");
  BOOST_TEST(ids("budget -& housing") == "1");  // "-" only negates what touches it
  // Lower-case operators are ordinary words (no passage holds "and"/"or").
  BOOST_TEST(ids("budget and housing") == "");
  BOOST_TEST(ids("budget or queue") == "");
}

BOOST_FIXTURE_TEST_CASE(precedence_and_parentheses, Corpus) {
  BOOST_TEST(ids("budget OR staff AND outside") == "1 2 3 6");
  BOOST_TEST(ids("(budget OR staff) AND outside") == "3");
  BOOST_TEST(ids("(budget OR staff) outside") == "3");
  BOOST_TEST(ids("budget OR staff NOT outside") == "1 2 4 6");
  BOOST_TEST(ids("NOT (budget OR queue)") == "5 7 8");
  BOOST_TEST(ids("((housing OR staff)) (budget OR queue)") == "1 3 4");
  BOOST_TEST(ids("(NOT budget) OR housing") == "1 3 4 5 7 8");
}

BOOST_FIXTURE_TEST_CASE(filters, Corpus) {
  BOOST_TEST(ids("case:A") == "1 6");
  BOOST_TEST(ids("case:A case:B") == "1 2 3 6");    // same field: OR
  BOOST_TEST(ids("case:B type:interview") == "3");  // different fields: AND
  BOOST_TEST(ids("budget case:A") == "1 6");
  BOOST_TEST(ids("budget case:B") == "2");
  BOOST_TEST(ids("outcome:Dissolved") == "1 4 5");
  BOOST_TEST(ids("OUTCOME:dissolved") == "1 4 5");
  BOOST_TEST(ids("council:\"North Wold\"") == "1");
  BOOST_TEST(ids("council:\"north WOLD\"") == "1");
  BOOST_TEST(ids("source:Int-7") == "1");
  BOOST_TEST(ids("speaker:int-7") == "1");
  BOOST_TEST(ids("budget -case:A") == "2");
  BOOST_TEST(ids("case:A OR case:D") == "1 6 7 8");
  // Filters outside parentheses narrow the whole query (as in Xapian's
  // QueryParser), wherever they stand; inside parentheses, only their group.
  BOOST_TEST(ids("budget OR case:D") == "");
  BOOST_TEST(ids("budget OR queue case:B") == "2 3");
  BOOST_TEST(ids("case:B budget OR queue") == "2 3");
  BOOST_TEST(ids("budget OR (queue case:C)") == "1 2 4 6");
  BOOST_TEST(ids("(budget case:A) OR (queue case:C)") == "1 4 6");
  BOOST_TEST(ids("budget (case:A OR type:minutes)") == "1 2 6");
  BOOST_TEST(ids("case:Z") == "");
}

BOOST_FIXTURE_TEST_CASE(filters_do_not_change_the_ranking, Corpus) {
  Xapian::Enquire with(db), without(db);
  with.set_query(parse_query("budget type:minutes").query);
  without.set_query(parse_query("budget").query);
  Xapian::MSet a = with.get_mset(0, 10), b = without.get_mset(0, 10);
  for (auto it = a.begin(); it != a.end(); ++it) {
    for (auto jt = b.begin(); jt != b.end(); ++jt) {
      if (*it == *jt) BOOST_TEST(it.get_weight() == jt.get_weight());
    }
  }
  BOOST_TEST(a.size() == 2u);
}

BOOST_FIXTURE_TEST_CASE(date_ranges, Corpus) {
  BOOST_TEST(ids("date:2014") == "1 5");
  BOOST_TEST(ids("date:2014-03") == "1");
  BOOST_TEST(ids("date:2014-03-02..2015") == "1 3 5");
  BOOST_TEST(ids("date:2014-03-03..2015") == "3 5");
  BOOST_TEST(ids("date:..2012") == "2 4 6 8");
  BOOST_TEST(ids("date:2015..") == "3 7");
  BOOST_TEST(ids("date:2010..2011") == "4 6");
  BOOST_TEST(ids("date:2016-02") == "7");
  BOOST_TEST(ids("date:2014 date:2016") == "1 5 7");
  BOOST_TEST(ids("budget date:..2012") == "2 6");
  BOOST_TEST(ids("date:\"2014\"") == "1 5");
}

BOOST_FIXTURE_TEST_CASE(filter_only_queries_match_all_filtered, Corpus) {
  BOOST_TEST(!parse_query("case:A").has_text);
  BOOST_TEST(!parse_query("case:A date:2011").has_text);
  BOOST_TEST(!parse_query("NOT budget").has_text);
  BOOST_TEST(parse_query("budget case:A").has_text);
  BOOST_TEST(parse_query("case:A OR budget").has_text);
  BOOST_TEST(ids("case:A date:2011") == "6");
  BOOST_TEST(ids("type:interview -case:B") == "1 4 7");
}

BOOST_FIXTURE_TEST_CASE(unicode_and_casefolding, Corpus) {
  BOOST_TEST(ids("STRASSE") == "5");
  BOOST_TEST(ids("\"STRASSE\"") == "5");
  BOOST_TEST(ids("straße") == "5");
  // Die Straße war ex post gesperrt: "ex-post" is two positions.
  BOOST_TEST(ids("Straße NEAR/4 gesperrt") == "5");
  BOOST_TEST(ids("Straße NEAR/3 gesperrt") == "");
  BOOST_TEST(ids("ＢＵＤＧＥＴ") == "1 2 6");  // fullwidth letters fold (NFKC)
}

BOOST_AUTO_TEST_CASE(highlight_sets_hold_positive_terms_only) {
  ParsedQuery q = parse_query(
      "budgets \"housing budget\" staff NEAR/3 queue budg* ex-post -closure NOT residents "
      "NOT (office OR outs*) case:A");
  BOOST_TEST((q.stemmed_terms == std::set<std::string>{"Zbudget"}));
  BOOST_TEST((q.exact_terms ==
              std::set<std::string>{"housing", "budget", "staff", "queue", "ex", "post"}));
  BOOST_TEST((q.wildcard_prefixes == std::vector<std::string>{"budg"}));
  BOOST_TEST(q.has_text);

  ParsedQuery twice = parse_query("NOT (NOT council)");
  BOOST_TEST(twice.stemmed_terms.count("Zcouncil") == 1u);
  BOOST_TEST(parse_query("STRAẞE*").wildcard_prefixes.front() == "strasse");
  BOOST_TEST(parse_query("budg* OR BUDG*").wildcard_prefixes.size() == 1u);
}

BOOST_AUTO_TEST_CASE(errors_name_the_problem_and_its_position) {
  BOOST_CHECK_EXCEPTION(parse_query(""), casebook::Error, [](const casebook::Error& e) {
    return std::string(e.what()) == "search query is empty";
  });
  BOOST_CHECK_EXCEPTION(parse_query(" \t\n "), casebook::Error, [](const casebook::Error& e) {
    return std::string(e.what()) == "search query is empty";
  });
  CHECK_ERROR("budget \"housing", "unbalanced quote starting at character 8");
  CHECK_ERROR("Straße \"housing", "unbalanced quote starting at character 8");  // code points
  CHECK_ERROR("council:\"North Wold", "unbalanced quote starting at character 9");
  CHECK_ERROR("(budget OR cuts", "\"(\" at character 1 is never closed");
  CHECK_ERROR("budget)", "\")\" at character 7 has no matching");
  CHECK_ERROR("()", "empty parentheses at character 1");
  CHECK_ERROR("\"\"", "hold no words");
  CHECK_ERROR("&& !!", "no words to search for");
  CHECK_ERROR("\xff budget", "invalid UTF-8 at character 1");
  CHECK_ERROR(std::string(casebook::search::kMaxQueryBytes + 1, 'a'), "too long");
}

BOOST_AUTO_TEST_CASE(field_errors) {
  std::string unknown = error_of("foo:bar budget");
  BOOST_TEST(contains(unknown, "unknown field \"foo\" at character 1"));
  for (const casebook::index::Field& f : casebook::index::kFields) {
    BOOST_TEST(contains(unknown, std::string(f.name)));
  }
  BOOST_TEST(contains(unknown, "\"foo:bar\""));  // how to search for the text
  BOOST_TEST(parse_query("\"foo:bar\"").exact_terms.count("foo") == 1u);
  BOOST_TEST(parse_query("Note: budget").has_text);  // a colon before a space is no field
  CHECK_ERROR("date:2014-13", "\"2014-13\"");
  CHECK_ERROR("date:2014-13", "is not a date");
  CHECK_ERROR("date:2014-02-30", "\"2014-02-30\"");
  CHECK_ERROR("date:soon..2015", "\"soon\"");
  CHECK_ERROR("date:2015..2010", "ends before it starts");
  CHECK_ERROR("date:..", "has no dates");
  CHECK_ERROR("case:\"\"", "has no value");
  CHECK_ERROR("case:(A OR B)", "(case:A OR case:B)");
}

BOOST_AUTO_TEST_CASE(operator_errors) {
  CHECK_ERROR("NOT", "\"NOT\" at character 1 needs a search term after it");
  CHECK_ERROR("budget NOT", "needs a search term after it");
  CHECK_ERROR("budget OR", "\"OR\" at character 8 needs a search term after it");
  CHECK_ERROR("OR budget", "\"OR\" at character 1 needs a search term before it");
  CHECK_ERROR("AND", "needs a search term before it");
  CHECK_ERROR("budget AND OR cuts", "\"AND\" at character 8 needs a search term after it");
  CHECK_ERROR("(budget OR) cuts", "\"OR\" at character 9 needs a search term after it");
  CHECK_ERROR("*", "needs at least 2 characters before the *");
  CHECK_ERROR("-*", "needs at least 2 characters before the *");
  CHECK_ERROR("b*", "needs at least 2 characters before the *");
  CHECK_ERROR("bu*dget", "a * can only end a word (character 3)");
  CHECK_ERROR("ex-po*", "must follow a single word");
  CHECK_ERROR("staff NEAR/0 queue", "NEAR/ at character 7 needs a number of words");
  CHECK_ERROR("staff NEAR/x queue", "needs a number of words");
  CHECK_ERROR("staff NEAR/99999999999999999999 queue", "needs a number of words");
  CHECK_ERROR("staff NEAR", "works between single words");
  CHECK_ERROR("NEAR queue", "needs a search term before it");
  CHECK_ERROR("staff NEAR \"long queue\"", "works between single words");
  CHECK_ERROR("staff NEAR (queue)", "works between single words");
  CHECK_ERROR("ex-post NEAR queue", "works between single words");
  CHECK_ERROR("case:A NEAR queue", "must follow a single word");
  CHECK_ERROR("a NEAR b ADJ c", "NEAR and ADJ cannot be mixed");
}

BOOST_AUTO_TEST_CASE(nesting_is_capped) {
  using casebook::search::kMaxNesting;
  std::string ok = std::string(kMaxNesting, '(') + "budget" + std::string(kMaxNesting, ')');
  BOOST_TEST(parse_query(ok).stemmed_terms.count("Zbudget") == 1u);
  std::string deep =
      std::string(kMaxNesting + 1, '(') + "budget" + std::string(kMaxNesting + 1, ')');
  CHECK_ERROR(deep, "nested more than 64 deep at character 65");
  CHECK_ERROR(std::string(5000, '('), "nested more than 64 deep");
  CHECK_ERROR(std::string(10000, '('), "too long");
  CHECK_ERROR(std::string(5000, ')'), "\")\" at character 1");

  // Long runs of negations and operators are handled without recursion.
  std::string nots;
  for (int i = 0; i < 2000; ++i) nots += "NOT ";
  BOOST_TEST(parse_query(nots + "budget").has_text);  // an even number cancels out
  std::string ors = "a";
  for (int i = 0; i < 1500; ++i) ors += " OR a";
  BOOST_TEST(parse_query(ors).has_text);
}

BOOST_FIXTURE_TEST_CASE(random_input_parses_or_fails_cleanly, Corpus) {
  static const char* const kPieces[] = {
      "budget",  "(",       ")",       "\"",    "NOT",         "AND",
      "OR",      "NEAR/2",  "ADJ",     "NEAR",  "-",           "*",
      "bu*",     "budg*",   "case:B",  "case:", "date:2014..", "date:x",
      "date:..", " ",       " ",       " ",     "é",           "\xe2\x80\x9c",
      ":",       "foo:bar", "ex-post", "/",     "..",          "\xf0\x9f\x98\x80",
      "\t"};
  std::uint32_t seed = 12345;
  auto next = [&seed]() {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  int parsed = 0, rejected = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string q;
    std::size_t pieces = 1 + next() % 12;
    for (std::size_t i = 0; i < pieces; ++i) {
      q += kPieces[next() % (sizeof kPieces / sizeof kPieces[0])];
      if (next() % 3 == 0) q += ' ';
    }
    if (round % 10 == 0) q += static_cast<char>(next() % 256);  // stray bytes too
    try {
      ParsedQuery pq = parse_query(q);
      Xapian::Enquire enquire(db);
      enquire.set_query(pq.query);
      enquire.get_mset(0, 10);  // Xapian accepts what we built
      ++parsed;
    } catch (const casebook::Error& e) {
      BOOST_TEST((e.kind() == casebook::ErrorKind::Data), q);
      ++rejected;
    }
  }
  BOOST_TEST(parsed > 100);
  BOOST_TEST(rejected > 100);
}

BOOST_AUTO_TEST_CASE(help_lists_every_field) {
  std::string help = casebook::search::query_syntax_help();
  for (const casebook::index::Field& f : casebook::index::kFields) {
    BOOST_TEST(contains(help, std::string(f.name) + ":"));
    BOOST_TEST(contains(help, std::string(f.help)));
  }
  BOOST_TEST(contains(help, "NEAR/5"));
  BOOST_TEST(contains(help, "budg*"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(query_vocabulary)

BOOST_FIXTURE_TEST_CASE(near_operands_match_every_indexed_form_of_their_stem, Corpus) {
  // Passage 2 has "Budgets"; "budget" alone near "debated" needs the stem.
  BOOST_TEST(ids("budget NEAR/3 debated") == "");
  BOOST_TEST(ids("budget NEAR/3 debated", true) == "2");
  BOOST_TEST(ids("budgets NEAR/3 debate", true) == "2");
  // A quoted operand stays exact.
  BOOST_TEST(ids("\"budget\" NEAR/3 debated", true) == "");
  // Wildcards are allowed next to NEAR with a vocabulary, refused without.
  BOOST_TEST(ids("budg* NEAR/3 debated", true) == "2");
  BOOST_CHECK_THROW(parse_query("budg* NEAR/3 debated"), casebook::Error);
  // Stems that are not prefixes of their forms: "debated" stems to "debat".
  BOOST_TEST(ids("budgets NEAR/3 debating", true) == "2");
  // A word that is not in the index matches nothing, without an error.
  BOOST_TEST(ids("zebra NEAR/3 debated", true) == "");
}

BOOST_FIXTURE_TEST_CASE(wildcards_expand_over_the_vocabulary_like_xapian, Corpus) {
  // Expanded here (so shards searched together expand a wildcard once, over
  // all their words), matching what Xapian's own expansion matches.
  for (const char* q : {"budg*", "debat*", "budg* OR debat*", "zebr*"}) {
    BOOST_TEST(ids(q, true) == ids(q), q);
  }
  BOOST_TEST(!ids("budg*", true).empty());
  const std::string expanded = parse_query("budg*", &db).query.get_description();
  BOOST_TEST(expanded.find("SYNONYM") != std::string::npos, expanded);
  BOOST_TEST(expanded.find("budgets") != std::string::npos, expanded);
}

BOOST_AUTO_TEST_CASE(a_wildcard_of_too_many_words_keeps_the_most_frequent) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::size_t words = casebook::search::kMaxWildcardExpansion + 5;
  for (std::size_t i = 0; i < words; ++i) {
    Xapian::Document doc;
    doc.add_term("w" + std::to_string(10000 + i));
    doc.add_term("rare");
    db.add_document(doc);
  }
  // w10003 is in a second document, so it is among the most frequent.
  Xapian::Document again;
  again.add_term("w10003");
  db.add_document(again);
  const Xapian::Query q = parse_query("w1*", &db).query;
  std::size_t terms = 0;
  bool kept_frequent = false;
  for (auto it = q.get_terms_begin(); it != q.get_terms_end(); ++it) {
    ++terms;
    kept_frequent = kept_frequent || *it == "w10003";
  }
  BOOST_TEST(terms == casebook::search::kMaxWildcardExpansion);
  BOOST_TEST(kept_frequent);
  // Ties in frequency keep the first words in order, so the last ones go.
  const std::string described = q.get_description();
  BOOST_TEST(described.find("w" + std::to_string(10000 + words - 1)) == std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(near_highlights_by_stem_with_a_vocabulary, Corpus) {
  ParsedQuery q = parse_query("budget NEAR/3 debated", &db);
  BOOST_TEST(q.stemmed_terms.count("Zbudget") == 1u);
}

BOOST_FIXTURE_TEST_CASE(top_level_filters_are_listed_for_hints, Corpus) {
  ParsedQuery q = parse_query("budget outcome:dissolve (x case:B) -type:minutes");
  BOOST_TEST_REQUIRE(q.top_level_filters.size() == 1u);
  BOOST_TEST(q.top_level_filters[0].first == "outcome");
  BOOST_TEST(q.top_level_filters[0].second == "dissolve");
}

BOOST_AUTO_TEST_SUITE_END()
