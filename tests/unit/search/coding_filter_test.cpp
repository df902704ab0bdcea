// code: and coder: filters: resolved through the store's codes and codings
// (rows written with SQL here, as the codebook module is separate), searched
// through a real project index. Passages are named A1..A3 (an interview) and
// B1..B2 (a document) in expectations.

#include "engine/search/coding_filter.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <xapian.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/search/query.hpp"
#include "engine/search/searcher.hpp"
#include "engine/store/sources.hpp"
#include "project_fixture.hpp"
#include "test_support.hpp"

using casebook::ErrorKind;
using casebook::search::kAllHits;
using casebook::search::matching_passages;
using casebook::search::parse_query;
using casebook::search::ParsedQuery;
using casebook::search::search;
using casebook::search::SearchOptions;
using casebook::search::SearchResult;
using casebook::testing::contains;
using casebook::testing::expect_error;
namespace store = casebook::store;

namespace {

const std::string kInterview =
    "The council cut the housing budget.\n\n"
    "Staff waited in the long queue.\n\n"
    "Residents complained about the budget closure.";
const std::string kDocument =
    "Budget talks failed at the joint committee.\n\n"
    "The merger went ahead anyway.";

// A project with two indexed sources; codes and codings are added per test.
struct ProjectFixture : casebook::testing::TextProject {
  std::map<std::int64_t, std::string> names;  // passage id -> "A1"

  // Inserts a source as an import does; `name` prefixes its passage names.
  store::SourceInfo add_source(const std::string& body, const std::string& type,
                               const std::string& name) {
    store::SourceInfo info = TextProject::add_source(body, type, name);
    for (const auto& p : store::load_passages(project.store(), info.id)) {
      names[p.id] = name + std::to_string(p.n);
    }
    return info;
  }

  const store::PassageRecord& passage(const store::SourceInfo& source, int n) {
    auto& cached = passages_[source.id];
    if (cached.empty()) cached = store::load_passages(project.store(), source.id);
    return cached.at(static_cast<std::size_t>(n - 1));
  }

  std::int64_t add_code(const std::string& key, std::optional<std::int64_t> parent = {}) {
    SQLite::Statement q(project.store().db(),
                        "INSERT INTO codes(key, parent_id, name, origin, created_at, created_by) "
                        "VALUES (?1, ?2, ?1, 'deductive', '2024-01-01T00:00:00Z', 'tester')");
    q.bind(1, key);
    if (parent) q.bind(2, *parent);
    q.exec();
    return project.store().db().getLastInsertRowid();
  }

  void add_alias(const std::string& alias, std::int64_t code_id) {
    SQLite::Statement q(project.store().db(),
                        "INSERT INTO code_aliases(alias, code_id) VALUES (?1, ?2)");
    q.bind(1, alias);
    q.bind(2, code_id);
    q.exec();
  }

  void add_coding(const store::SourceInfo& source, std::int64_t start, std::int64_t end,
                  std::int64_t code_id, const std::string& coder, bool removed = false) {
    SQLite::Statement q(project.store().db(),
                        "INSERT INTO codings(source_id, start_cp, end_cp, code_id, coder, unit, "
                        "quote, created_at, removed_at) VALUES (?1, ?2, ?3, ?4, ?5, 'range', '', "
                        "'2024-01-01T00:00:00Z', ?6)");
    q.bind(1, source.id);
    q.bind(2, start);
    q.bind(3, end);
    q.bind(4, code_id);
    q.bind(5, coder);
    if (removed) q.bind(6, "2024-02-01T00:00:00Z");
    q.exec();
  }

  // The passages matching `query`, by name, sorted: "A1 B2" ("" for none).
  std::string found(const std::string& query, std::optional<std::string> visible = {}) {
    SearchOptions options;
    options.limit = kAllHits;
    options.visible_coder = std::move(visible);
    std::vector<std::string> out;
    for (const auto& hit : search(project, query, options).hits)
      out.push_back(names.at(hit.passage_id));
    return joined(std::move(out));
  }

  std::string joined(std::vector<std::string> items) {
    std::sort(items.begin(), items.end());
    std::string s;
    for (const auto& i : items) s += (s.empty() ? "" : " ") + i;
    return s;
  }

 private:
  std::map<std::int64_t, std::vector<store::PassageRecord>> passages_;
};

// The codebook and codings most tests share:
//
//   expost                       (A1 via .it by alice; B1 by bob; B2 by alice)
//     expost.standardisation     formerly expost.std
//       expost.standardisation.it
//   exante                       (A1 by bob; A2+A3 by alice)
struct CodedFixture : ProjectFixture {
  store::SourceInfo a = add_source(kInterview, "interview", "A");
  store::SourceInfo b = add_source(kDocument, "document", "B");
  std::int64_t expost = add_code("expost");
  std::int64_t standard = add_code("expost.standardisation", expost);
  std::int64_t it = add_code("expost.standardisation.it", standard);
  std::int64_t exante = add_code("exante");

  CodedFixture() {
    sync_index();
    // Index source A again, so documents are no longer numbered in passage
    // order: the filter must map passage ids to documents, not assume them.
    store::enqueue_index(project.store(), a.id, store::IndexAction::Index);
    sync_index();
    add_alias("expost.std", standard);

    const auto& a1 = passage(a, 1);
    const auto& a2 = passage(a, 2);
    const auto& a3 = passage(a, 3);
    const auto& b1 = passage(b, 1);
    const auto& b2 = passage(b, 2);
    add_coding(a, a1.span.start + 2, a1.span.start + 10, it, "alice");  // inside A1
    add_coding(a, a1.span.start, a1.span.end, exante, "bob");
    // Across the end of A2 into A3.
    add_coding(a, a2.span.end - 3, a3.span.start + 3, exante, "alice");
    // Ends exactly where B1 ends: B1 only.
    add_coding(b, b1.span.start, b1.span.end, expost, "bob");
    // Starts exactly where B1 ends (the blank line, then into B2): B2 only.
    add_coding(b, b1.span.end, b2.span.start + 1, expost, "alice");
    // Removed codings count for nothing.
    add_coding(a, a3.span.start, a3.span.end, standard, "alice", true);
    add_coding(a, a2.span.start, a2.span.end, expost, "carol", true);
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(search_coding_filters, CodedFixture)

BOOST_AUTO_TEST_CASE(code_finds_the_passages_a_coding_overlaps) {
  BOOST_TEST(found("code:exante") == "A1 A2 A3");
  // A coding touching a passage's end (or start) without sharing a character
  // does not count.
  BOOST_TEST(found("code:expost") == "A1 B1 B2");
}

BOOST_AUTO_TEST_CASE(code_includes_sub_codes_but_not_parents) {
  BOOST_TEST(found("code:expost.standardisation") == "A1");
  BOOST_TEST(found("code:expost.standardisation.it") == "A1");
  add_coding(b, passage(b, 2).span.start, passage(b, 2).span.end, standard, "dora");
  BOOST_TEST(found("code:expost.standardisation.it") == "A1");  // the parent's coding: no
  BOOST_TEST(found("code:expost.standardisation") == "A1 B2");
  BOOST_TEST(found("code:expost") == "A1 B1 B2");
}

BOOST_AUTO_TEST_CASE(keys_ignore_case_and_former_keys_still_work) {
  BOOST_TEST(found("code:expost.std") == "A1");
  BOOST_TEST(found("CODE:ExPost.STD") == "A1");
  BOOST_TEST(found("code:EXANTE") == "A1 A2 A3");
  BOOST_TEST(found("code:\"exante\"") == "A1 A2 A3");
}

BOOST_AUTO_TEST_CASE(removed_codings_are_ignored) {
  // A3 has a removed expost.standardisation coding, A2 a removed one by carol.
  BOOST_TEST(found("code:expost.standardisation") == "A1");
  BOOST_TEST(found("coder:carol") == "");
}

BOOST_AUTO_TEST_CASE(coder_finds_any_coding_by_that_coder) {
  BOOST_TEST(found("coder:alice") == "A1 A2 A3 B2");
  BOOST_TEST(found("coder:bob") == "A1 B1");
  BOOST_TEST(found("coder:BOB") == "A1 B1");
  BOOST_TEST(found("coder:nobody") == "");  // no codings: no error, nothing found
  BOOST_TEST(found("coder:alice coder:bob") == "A1 A2 A3 B1 B2");
}

BOOST_AUTO_TEST_CASE(code_and_coder_together_mean_one_coding) {
  // A1 has expost.standardisation.it by alice and exante by bob: neither
  // "expost by bob" nor "exante by alice" is there.
  BOOST_TEST(found("code:expost.standardisation coder:bob") == "");
  BOOST_TEST(found("code:expost coder:bob") == "B1");
  BOOST_TEST(found("code:exante coder:bob") == "A1");
  BOOST_TEST(found("code:exante coder:alice") == "A2 A3");
  // Wherever they stand outside parentheses.
  BOOST_TEST(found("coder:bob housing code:exante") == "A1");
  BOOST_TEST(found("coder:alice budget code:expost") == "A1");
  // Several codes or coders: any of them, still in one coding.
  BOOST_TEST(found("code:exante code:expost.std") == "A1 A2 A3");
  BOOST_TEST(found("code:exante code:expost coder:bob") == "A1 B1");
  // Separate codings need separate groups.
  BOOST_TEST(found("(code:expost coder:bob) OR (code:exante coder:alice)") == "A2 A3 B1");
}

BOOST_AUTO_TEST_CASE(negation_means_without_such_a_coding) {
  BOOST_TEST(found("-code:exante") == "B1 B2");
  BOOST_TEST(found("NOT code:expost") == "A2 A3");
  BOOST_TEST(found("-code:expost.std") == "A2 A3 B1 B2");
  BOOST_TEST(found("-coder:alice") == "B1");
  // A negated filter stands alone: exante passages with no coding by bob.
  BOOST_TEST(found("code:exante -coder:bob") == "A2 A3");
  BOOST_TEST(found("budget -code:exante") == "B1");
}

BOOST_AUTO_TEST_CASE(unknown_keys_are_errors_with_close_keys) {
  auto typo = expect_error(ErrorKind::Data, [&] { found("code:expots"); });
  BOOST_TEST(contains(typo.what(), "no code \"expots\""));
  BOOST_TEST(contains(typo.hint(), "expost"));
  BOOST_TEST(contains(typo.hint(), "casebook codebook show"));
  auto segment = expect_error(ErrorKind::Data, [&] { found("code:standardisation"); });
  BOOST_TEST(contains(segment.hint(), "expost.standardisation"));
  auto nothing = expect_error(ErrorKind::Data, [&] { found("budget -code:zzzzzzzzzz"); });
  BOOST_TEST(contains(nothing.what(), "zzzzzzzzzz"));
  BOOST_TEST(contains(nothing.hint(), "casebook codebook show"));
  BOOST_TEST(!contains(nothing.hint(), "did you mean"));
  // matching_passages resolves the same way.
  expect_error(ErrorKind::Data, [&] { matching_passages(project, "code:nope", {}); });
}

BOOST_AUTO_TEST_CASE(blind_mode_counts_only_your_own_codings) {
  BOOST_TEST(found("code:exante", "alice") == "A2 A3");
  BOOST_TEST(found("code:exante", "bob") == "A1");
  BOOST_TEST(found("code:expost", "alice") == "A1 B2");
  BOOST_TEST(found("coder:alice", "alice") == "A1 A2 A3 B2");
  BOOST_TEST(found("code:expost coder:Alice", "alice") == "A1 B2");
  BOOST_TEST(found("-code:exante", "alice") == "A1 B1 B2");
  BOOST_TEST(found("code:exante", "carol") == "");
  auto other = expect_error(ErrorKind::Usage, [&] { found("code:exante coder:bob", "alice"); });
  BOOST_TEST(contains(other.what(), "blind mode shows only your own"));
  BOOST_TEST(contains(other.what(), "coder:bob"));
  expect_error(ErrorKind::Usage, [&] { found("budget -coder:bob", "alice"); });
  expect_error(ErrorKind::Usage, [&] { found("(coder:bob) OR budget", "alice"); });
}

BOOST_AUTO_TEST_CASE(coding_filters_combine_with_words_and_other_filters) {
  // "budget" is in A1, A3 and B1.
  BOOST_TEST(found("budget code:exante") == "A1 A3");
  BOOST_TEST(found("budget OR code:expost") == "A1 B1");  // filters narrow the whole query
  BOOST_TEST(found("(budget code:expost) OR queue") == "A1 A2 B1");
  BOOST_TEST(found("code:expost type:document") == "B1 B2");
  BOOST_TEST(found("code:exante type:document") == "");
  BOOST_TEST(found("code:expost source:" + a.label) == "A1");
  BOOST_TEST(found("code:expost -type:document") == "A1");
  BOOST_TEST(found("\"housing budget\" coder:bob") == "A1");

  SearchOptions options;
  SearchResult ranked = search(project, "budget code:exante", options);
  BOOST_TEST_REQUIRE(ranked.hits.size() == 2u);
  BOOST_TEST(ranked.hits[0].weight > 0);  // words still rank
  BOOST_TEST(!ranked.hits[0].matches.empty());
  BOOST_TEST(ranked.warnings.empty());
  SearchResult unranked = search(project, "code:exante", options);
  BOOST_TEST(unranked.hits[0].weight == 0);
  BOOST_TEST(unranked.hits[0].matches.empty());
}

BOOST_AUTO_TEST_CASE(every_hit_with_its_matches) {
  SearchOptions all;
  all.limit = kAllHits;
  SearchResult result = search(project, "budget", all);
  BOOST_TEST(result.hits.size() == 3u);
  for (const auto& hit : result.hits) BOOST_TEST(!hit.matches.empty(), names.at(hit.passage_id));
  all.offset = 2;
  BOOST_TEST(search(project, "budget", all).hits.size() == 1u);
  // limit 0 still means "the total only" (casebook search --count).
  SearchOptions count;
  count.limit = 0;
  count.exact_total = true;
  SearchResult counted = search(project, "budget", count);
  BOOST_TEST(counted.hits.empty());
  BOOST_TEST(counted.total == 3u);
}

BOOST_AUTO_TEST_CASE(matching_passages_returns_every_id_in_store_order) {
  std::vector<std::int64_t> ids = matching_passages(project, "budget OR queue", {});
  BOOST_TEST_REQUIRE(ids.size() == 4u);
  BOOST_TEST(std::is_sorted(ids.begin(), ids.end()));
  std::vector<std::string> got;
  for (auto id : ids) got.push_back(names.at(id));
  BOOST_TEST(joined(got) == "A1 A2 A3 B1");
  SearchOptions blind;
  blind.visible_coder = "bob";
  std::vector<std::int64_t> mine = matching_passages(project, "code:exante", blind);
  BOOST_TEST_REQUIRE(mine.size() == 1u);
  BOOST_TEST(names.at(mine[0]) == "A1");
  BOOST_TEST(matching_passages(project, "code:exante code:expost coder:nobody", {}).empty());
}

BOOST_AUTO_TEST_CASE(coded_passage_ids_reads_the_store_alone) {
  casebook::search::CodingFilter filter;
  filter.codes = {"exante"};
  std::vector<std::int64_t> ids =
      casebook::search::coded_passage_ids(project.store(), filter, std::nullopt);
  std::vector<std::string> got;
  for (auto id : ids) got.push_back(names.at(id));
  BOOST_TEST(joined(got) == "A1 A2 A3");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(search_coding_filter_parsing)

BOOST_AUTO_TEST_CASE(coding_filters_parse_without_a_store) {
  ParsedQuery q = parse_query("code:X budget coder:alice -code:Y (code:Z OR coder:bob)");
  BOOST_TEST(q.has_text);
  BOOST_TEST_REQUIRE(q.coding_filters.size() == 4u);
  // In resolution order: the negation where it stands, each group when it
  // closes, the top-level condition last.
  const auto& negated = q.coding_filters[0];
  BOOST_TEST(negated.negated);
  BOOST_TEST((negated.codes == std::vector<std::string>{"Y"}));
  BOOST_TEST((q.coding_filters[1].codes == std::vector<std::string>{"Z"}));
  BOOST_TEST((q.coding_filters[2].coders == std::vector<std::string>{"bob"}));
  const auto& top = q.coding_filters[3];
  BOOST_TEST(!top.negated);
  BOOST_TEST((top.codes == std::vector<std::string>{"X"}));
  BOOST_TEST((top.coders == std::vector<std::string>{"alice"}));
  BOOST_TEST(q.top_level_filters.size() == 2u);  // code:X and coder:alice
}

BOOST_AUTO_TEST_CASE(the_resolver_sees_each_condition_once) {
  std::vector<casebook::search::CodingFilter> seen;
  auto resolver = [&](const casebook::search::CodingFilter& f) {
    seen.push_back(f);
    return Xapian::Query::MatchAll;
  };
  ParsedQuery q = parse_query("code:A code:B coder:c", nullptr, resolver);
  BOOST_TEST_REQUIRE(seen.size() == 1u);
  BOOST_TEST((seen[0].codes == std::vector<std::string>{"A", "B"}));
  BOOST_TEST((seen[0].coders == std::vector<std::string>{"c"}));
  BOOST_TEST(!q.has_text);
}

BOOST_AUTO_TEST_CASE(coding_filter_syntax_errors) {
  auto empty = expect_error(ErrorKind::Data, [] { parse_query("budget code:\"\""); });
  BOOST_TEST(contains(empty.what(), "\"code\""));
  BOOST_TEST(contains(empty.what(), "has no value"));
  auto unknown = expect_error(ErrorKind::Data, [] { parse_query("codes:x"); });
  BOOST_TEST(contains(unknown.hint(), "code, coder"));
}

BOOST_AUTO_TEST_CASE(help_explains_coding_filters) {
  std::string help = casebook::search::query_syntax_help();
  BOOST_TEST(contains(help, "code:KEY"));
  BOOST_TEST(contains(help, "coder:NAME"));
  BOOST_TEST(contains(help, "code:X coder:alice"));
  BOOST_TEST(contains(help, "-code:X"));
  BOOST_TEST(contains(help, "blind"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(search_coding_filter_scale, ProjectFixture)

// A code on every one of many passages stays a flat filter: no OR of terms,
// no per-coding scan of the source's passages.
BOOST_AUTO_TEST_CASE(a_code_on_many_passages) {
  constexpr int kPassages = 20000;
  std::string body;
  for (int i = 0; i < kPassages; ++i) {
    body += (i == 0 ? "" : "\n\n") + std::string(i % 2 ? "odd " : "even ") + "passage.";
  }
  store::SourceInfo s = add_source(body, "document", "S");
  sync_index();
  std::int64_t code = add_code("everywhere");
  {
    store::WriteTransaction tx(project.store());
    for (const auto& p : store::load_passages(project.store(), s.id)) {
      add_coding(s, p.span.start, p.span.end, code, "alice");
    }
    tx.commit();
  }
  SearchOptions count;
  count.limit = 0;
  count.exact_total = true;
  auto started = std::chrono::steady_clock::now();
  BOOST_TEST(search(project, "code:everywhere", count).total == std::size_t{kPassages});
  BOOST_TEST(search(project, "odd code:everywhere", count).total == std::size_t{kPassages / 2});
  BOOST_TEST(matching_passages(project, "-code:everywhere", {}).empty());
  BOOST_TEST(matching_passages(project, "even code:everywhere coder:alice", {}).size() ==
             std::size_t{kPassages / 2});
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  started)
                .count();
  BOOST_TEST_MESSAGE("4 searches over " << kPassages << " coded passages: " << ms << " ms");
}

BOOST_AUTO_TEST_SUITE_END()
