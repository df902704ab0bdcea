// The codebook in the store: a first load and an identical reload, renames
// (formerly) and moves that keep codings, removed codes retired or refused
// while they have codings (--reassign, --force), retired codes coming back,
// dry runs, inductive codes added while coding, lookups by key and earlier
// key, descendants and usage counts. Codebooks are built in C++ here, so
// these tests do not depend on the file format.

#include "engine/codebook/store_sync.hpp"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "engine/core/sha256.hpp"
#include "engine/store/audit.hpp"
#include "engine/store/sources.hpp"
#include "engine/store/store.hpp"
#include "test_support.hpp"

using casebook::ErrorKind;
using casebook::store::Store;
using casebook::store::WriteTransaction;
using casebook::testing::contains;
using casebook::testing::expect_error;
using casebook::testing::TempDir;
namespace cb = casebook::codebook;
namespace store = casebook::store;

namespace {

cb::Code make_code(const std::string& key, const std::string& parent, const std::string& name) {
  cb::Code c;
  c.key = key;
  c.parent = parent;
  c.name = name;
  return c;
}

// Two top-level codes with children, an ordinal dimension, propositions with
// links and an exclusive group: every table a load writes.
cb::Codebook sample() {
  cb::Codebook book;
  book.name = "Interdependence in shared services";
  book.description = "Codes for the ex post and ex ante accounts.";

  cb::Dimension strength;
  strength.name = "strength";
  strength.level = cb::Level::Ordinal;
  strength.description = "How strongly the passage says it";
  strength.values = {{"weak", "in passing"}, {"strong", "emphatic"}};
  cb::Dimension score;
  score.name = "score";
  score.level = cb::Level::Interval;
  score.min = 0;
  score.max = 10;
  book.dimensions = {strength, score};

  cb::Code expost = make_code("expost", "", "Ex post");
  expost.colour = "#aa0000";
  expost.definition = "Interdependence that arises after the decision.";
  cb::Code standard = make_code("expost.standardisation", "expost", "Standardisation");
  standard.inclusion = "Common processes";
  standard.exclusion = "Common systems only";
  standard.memo = "Check against P1";
  standard.typical_examples = {"we all use the same forms now", "one process"};
  standard.atypical_examples = {"the forms differ a little"};
  standard.queries = {"standard*", "\"same process\""};
  standard.dimensions = {{"strength", true}, {"score", false}};
  cb::Code pooling = make_code("expost.pooling", "expost", "Pooling");
  cb::Code exante = make_code("exante", "", "Ex ante");
  cb::Code trust = make_code("exante.trust", "exante", "Trust");
  trust.dimensions = {{"strength", false}};
  book.codes = {expost, standard, pooling, exante, trust};

  cb::Proposition p1;
  p1.key = "P1";
  p1.text = "Standardisation follows pooling.";
  p1.links = {{"expost.standardisation", "strength", "strong", cb::Bearing::Supports, "core"},
              {"expost.pooling", "", "", cb::Bearing::Counters, ""}};
  cb::Proposition p1a;
  p1a.key = "P1a";
  p1a.parent = "P1";
  p1a.text = "Only where trust exists.";
  p1a.links = {{"exante.trust", "", "", cb::Bearing::Supports, ""}};
  book.propositions = {p1, p1a};

  book.exclusive_groups = {{"stance", {"expost.pooling", "exante.trust"}}};
  return book;
}

cb::Code* code_in(cb::Codebook& book, const std::string& key) {
  for (cb::Code& c : book.codes) {
    if (c.key == key) return &c;
  }
  BOOST_FAIL("no code " << key << " in the test codebook");
  return nullptr;
}

void erase_code(cb::Codebook& book, const std::string& key) {
  book.codes.erase(std::remove_if(book.codes.begin(), book.codes.end(),
                                  [&](const cb::Code& c) { return c.key == key; }),
                   book.codes.end());
}

// ---- comparing codebooks field by field (the model has no operator==) ----

void check_same_code(const cb::Code& a, const cb::Code& b) {
  BOOST_TEST_CONTEXT("code " << b.key) {
    BOOST_TEST(a.key == b.key);
    BOOST_TEST(a.parent == b.parent);
    BOOST_TEST(a.name == b.name);
    BOOST_TEST(a.colour == b.colour);
    BOOST_TEST(a.definition == b.definition);
    BOOST_TEST(a.inclusion == b.inclusion);
    BOOST_TEST(a.exclusion == b.exclusion);
    BOOST_TEST(a.memo == b.memo);
    BOOST_TEST(a.typical_examples == b.typical_examples, boost::test_tools::per_element());
    BOOST_TEST(a.atypical_examples == b.atypical_examples, boost::test_tools::per_element());
    BOOST_TEST(a.queries == b.queries, boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(a.dimensions.size() == b.dimensions.size());
    for (std::size_t i = 0; i < a.dimensions.size(); ++i) {
      BOOST_TEST(a.dimensions[i].dimension == b.dimensions[i].dimension);
      BOOST_TEST(a.dimensions[i].required == b.dimensions[i].required);
    }
    BOOST_TEST(a.formerly == b.formerly, boost::test_tools::per_element());
    BOOST_TEST((a.origin == b.origin));
  }
}

void check_same(const cb::Codebook& a, const cb::Codebook& b) {
  BOOST_TEST(a.name == b.name);
  BOOST_TEST(a.description == b.description);
  BOOST_TEST_REQUIRE(a.dimensions.size() == b.dimensions.size());
  for (std::size_t i = 0; i < a.dimensions.size(); ++i) {
    const cb::Dimension& x = a.dimensions[i];
    const cb::Dimension& y = b.dimensions[i];
    BOOST_TEST(x.name == y.name);
    BOOST_TEST((x.level == y.level));
    BOOST_TEST(x.description == y.description);
    BOOST_TEST((x.min == y.min));
    BOOST_TEST((x.max == y.max));
    BOOST_TEST_REQUIRE(x.values.size() == y.values.size());
    for (std::size_t v = 0; v < x.values.size(); ++v) {
      BOOST_TEST(x.values[v].value == y.values[v].value);
      BOOST_TEST(x.values[v].description == y.values[v].description);
    }
  }
  BOOST_TEST_REQUIRE(a.codes.size() == b.codes.size());
  for (std::size_t i = 0; i < a.codes.size(); ++i) check_same_code(a.codes[i], b.codes[i]);
  BOOST_TEST_REQUIRE(a.propositions.size() == b.propositions.size());
  for (std::size_t i = 0; i < a.propositions.size(); ++i) {
    const cb::Proposition& x = a.propositions[i];
    const cb::Proposition& y = b.propositions[i];
    BOOST_TEST(x.key == y.key);
    BOOST_TEST(x.parent == y.parent);
    BOOST_TEST(x.text == y.text);
    BOOST_TEST_REQUIRE(x.links.size() == y.links.size());
    for (std::size_t l = 0; l < x.links.size(); ++l) {
      BOOST_TEST(x.links[l].code == y.links[l].code);
      BOOST_TEST(x.links[l].dimension == y.links[l].dimension);
      BOOST_TEST(x.links[l].value == y.links[l].value);
      BOOST_TEST((x.links[l].bearing == y.links[l].bearing));
      BOOST_TEST(x.links[l].note == y.links[l].note);
    }
  }
  BOOST_TEST_REQUIRE(a.exclusive_groups.size() == b.exclusive_groups.size());
  for (std::size_t i = 0; i < a.exclusive_groups.size(); ++i) {
    BOOST_TEST(a.exclusive_groups[i].name == b.exclusive_groups[i].name);
    BOOST_TEST(a.exclusive_groups[i].codes == b.exclusive_groups[i].codes,
               boost::test_tools::per_element());
  }
}

// ---- the store ----

struct StoreFixture {
  TempDir dir{"store-sync"};
  Store store = Store::create(dir / "store.sqlite");

  cb::LoadReport load(const cb::Codebook& book, const cb::LoadOptions& options = {}) {
    return cb::load_codebook(store, book, "<codebook/>", "codebook.xml", "ann", options);
  }

  std::int64_t count(const std::string& sql) { return store.db().execAndGet(sql).getInt64(); }

  std::int64_t code_id(const std::string& key) {
    const auto found = cb::find_code(store, key);
    BOOST_TEST_REQUIRE(found.has_value(), "no code " << key);
    return found->id;
  }

  // A one-paragraph source, inserted as the importer does.
  std::int64_t add_source(int n) {
    const std::string body = "Source number " + std::to_string(n) + " says something.";
    store::SourceContent c;
    c.type = "document";
    c.title = "Source " + std::to_string(n);
    c.format = "text";
    c.encoding = "UTF-8";
    c.original_sha256 = casebook::sha256_hex(body);
    c.original_name = "file.txt";
    c.origin_path = "/data/" + std::to_string(n) + ".txt";
    c.text = body;
    c.code_points = static_cast<std::int64_t>(body.size());
    store::PassageRecord p;
    p.span = {0, static_cast<std::size_t>(body.size())};
    p.kind = "paragraph";
    c.passages.push_back(p);
    c.sentences.push_back(p.span);
    WriteTransaction tx(store);
    store::record_object(store, c.original_sha256, static_cast<std::int64_t>(body.size()));
    const auto info = store::insert_source(store, c, "ann");
    tx.commit();
    return info.id;
  }

  // Codings are written directly: the coding module is not under test.
  std::int64_t add_coding(std::int64_t source_id, const std::string& key,
                          const std::string& coder = "ann", int start = 0) {
    SQLite::Statement q(store.db(),
                        "INSERT INTO codings(source_id, start_cp, end_cp, code_id, coder, unit, "
                        "quote, created_at) VALUES (?, ?, ?, ?, ?, 'range', 'Source', ?)");
    q.bind(1, source_id);
    q.bind(2, start);
    q.bind(3, start + 6);
    q.bind(4, code_id(key));
    q.bind(5, coder);
    q.bind(6, store::utc_now());
    q.exec();
    return store.db().getLastInsertRowid();
  }

  std::int64_t coding_code(std::int64_t coding_id) {
    SQLite::Statement q(store.db(), "SELECT code_id FROM codings WHERE id = ?");
    q.bind(1, coding_id);
    BOOST_TEST_REQUIRE(q.executeStep());
    return q.getColumn(0).getInt64();
  }

  std::int64_t audit_rows(const std::string& action) {
    SQLite::Statement q(store.db(), "SELECT count(*) FROM audit_log WHERE action = ?");
    q.bind(1, action);
    q.executeStep();
    return q.getColumn(0).getInt64();
  }

  nlohmann::json last_audit_detail() {
    const auto entries = store::recent_audit(store, 1);
    BOOST_TEST_REQUIRE(entries.size() == 1u);
    return nlohmann::json::parse(entries.front().detail);
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(store_sync_load, StoreFixture)

BOOST_AUTO_TEST_CASE(first_load_is_version_1_and_reads_back_the_same) {
  BOOST_TEST(cb::current_version(store) == 0);
  const cb::LoadReport report = load(sample());
  BOOST_TEST(report.version == 1);
  BOOST_TEST(!report.unchanged);
  BOOST_TEST(report.added.size() == 5u);
  BOOST_TEST(report.retired.empty());
  BOOST_TEST(cb::current_version(store) == 1);
  check_same(cb::read_codebook(store), sample());

  BOOST_TEST(count("SELECT count(*) FROM codebook_versions") == 1);
  BOOST_TEST(count("SELECT count(*) FROM codebook_versions WHERE version = 1 AND file_name = "
                   "'codebook.xml' AND loaded_by = 'ann' AND document = '<codebook/>' AND "
                   "length(sha256) = 64") == 1);
  BOOST_TEST(audit_rows("codebook.load") == 1);
  const auto entries = store::recent_audit(store, 1);
  BOOST_TEST(entries.front().target == "codebook v1");
  const auto detail = last_audit_detail();
  BOOST_TEST(detail["before"] == 0);
  BOOST_TEST(detail["after"] == 1);
  BOOST_TEST(detail["added"]["count"] == 5);
}

BOOST_AUTO_TEST_CASE(codes_are_read_depth_first_with_siblings_in_file_order) {
  load(sample());
  const cb::Codebook back = cb::read_codebook(store);
  std::vector<std::string> keys;
  for (const cb::Code& c : back.codes) keys.push_back(c.key);
  const std::vector<std::string> expected = {"expost", "expost.standardisation", "expost.pooling",
                                             "exante", "exante.trust"};
  BOOST_TEST(keys == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(identical_reload_is_unchanged_without_a_version_or_audit) {
  load(sample());
  const cb::LoadReport report = load(sample());
  BOOST_TEST(report.unchanged);
  BOOST_TEST(report.version == 1);
  BOOST_TEST(report.added.empty());
  BOOST_TEST(report.updated.empty());
  BOOST_TEST(cb::current_version(store) == 1);
  BOOST_TEST(audit_rows("codebook.load") == 1);
}

BOOST_AUTO_TEST_CASE(changed_text_makes_a_new_version_and_lists_the_updated_code) {
  load(sample());
  cb::Codebook next = sample();
  code_in(next, "exante.trust")->definition = "Trust between partners.";
  next.exclusive_groups.clear();
  const cb::LoadReport report = load(next);
  BOOST_TEST(!report.unchanged);
  BOOST_TEST(report.version == 2);
  BOOST_TEST(report.updated == std::vector<std::string>{"exante.trust"},
             boost::test_tools::per_element());
  check_same(cb::read_codebook(store), next);
  BOOST_TEST(audit_rows("codebook.load") == 2);
}

BOOST_AUTO_TEST_CASE(reordered_siblings_are_a_change) {
  load(sample());
  cb::Codebook next = sample();
  std::swap(next.codes[1], next.codes[2]);  // pooling before standardisation
  const cb::LoadReport report = load(next);
  BOOST_TEST(!report.unchanged);
  BOOST_TEST(report.version == 2);
  check_same(cb::read_codebook(store), next);
}

BOOST_AUTO_TEST_CASE(dry_run_reports_and_writes_nothing) {
  load(sample());
  cb::Codebook next = sample();
  next.codes.push_back(make_code("exante.capacity", "exante", "Capacity"));
  erase_code(next, "expost.pooling");
  next.exclusive_groups.clear();
  next.propositions[0].links.pop_back();
  cb::LoadOptions options;
  options.dry_run = true;
  const cb::LoadReport report = load(next, options);
  BOOST_TEST(report.version == 1);
  BOOST_TEST(report.added == std::vector<std::string>{"exante.capacity"},
             boost::test_tools::per_element());
  BOOST_TEST(report.retired == std::vector<std::string>{"expost.pooling"},
             boost::test_tools::per_element());
  BOOST_TEST(cb::current_version(store) == 1);
  BOOST_TEST(audit_rows("codebook.load") == 1);
  BOOST_TEST(!cb::find_code(store, "exante.capacity").has_value());
  BOOST_TEST(!cb::find_code(store, "expost.pooling")->retired);
  check_same(cb::read_codebook(store), sample());
}

BOOST_AUTO_TEST_CASE(a_dropped_dimension_with_coded_values_is_reported_and_kept) {
  load(sample());
  const auto source = add_source(1);
  const auto coding = add_coding(source, "expost.standardisation");
  SQLite::Statement q(store.db(),
                      "INSERT INTO coding_dimensions(coding_id, dimension, value) "
                      "VALUES (?, 'score', '7')");
  q.bind(1, coding);
  q.exec();

  cb::Codebook next = sample();
  next.dimensions.pop_back();  // score
  code_in(next, "expost.standardisation")->dimensions.pop_back();
  const cb::LoadReport report = load(next);
  BOOST_TEST(report.version == 2);
  BOOST_TEST(report.dropped_dimensions == std::vector<std::string>{"score"},
             boost::test_tools::per_element());
  BOOST_TEST(count("SELECT count(*) FROM coding_dimensions WHERE dimension = 'score'") == 1);
  BOOST_TEST(count("SELECT count(*) FROM dimensions WHERE name = 'score'") == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(store_sync_renames, StoreFixture)

BOOST_AUTO_TEST_CASE(rename_via_formerly_keeps_the_codings_and_the_old_key) {
  load(sample());
  const auto source = add_source(1);
  const std::int64_t old_id = code_id("expost.pooling");
  const auto coding = add_coding(source, "expost.pooling");

  cb::Codebook next = sample();
  cb::Code* pooling = code_in(next, "expost.pooling");
  pooling->key = "expost.shared_staff";
  pooling->formerly = {"expost.pooling"};
  next.propositions[0].links[1].code = "expost.shared_staff";
  next.exclusive_groups[0].codes[0] = "expost.shared_staff";
  const cb::LoadReport report = load(next);

  BOOST_TEST(report.version == 2);
  BOOST_TEST_REQUIRE(report.renamed.size() == 1u);
  BOOST_TEST(report.renamed[0].first == "expost.pooling");
  BOOST_TEST(report.renamed[0].second == "expost.shared_staff");
  BOOST_TEST(report.added.empty());
  BOOST_TEST(report.retired.empty());
  BOOST_TEST(coding_code(coding) == old_id);
  BOOST_TEST(code_id("expost.shared_staff") == old_id);

  const auto by_old_key = cb::find_code(store, "EXPOST.POOLING");  // any case
  BOOST_TEST_REQUIRE(by_old_key.has_value());
  BOOST_TEST(by_old_key->id == old_id);
  BOOST_TEST(by_old_key->code.key == "expost.shared_staff");
  BOOST_TEST(by_old_key->code.formerly == std::vector<std::string>{"expost.pooling"},
             boost::test_tools::per_element());
  check_same(cb::read_codebook(store), next);

  const auto detail = last_audit_detail();
  BOOST_TEST(detail["renamed"]["count"] == 1);
  BOOST_TEST(detail["renamed"]["codes"][0]["from"] == "expost.pooling");

  // The same file again changes nothing.
  BOOST_TEST(load(next).unchanged);
}

BOOST_AUTO_TEST_CASE(a_second_rename_still_finds_the_first_key) {
  load(sample());
  const std::int64_t id = code_id("exante.trust");
  cb::Codebook v2 = sample();
  code_in(v2, "exante.trust")->key = "exante.confidence";
  code_in(v2, "exante.confidence")->formerly = {"exante.trust"};
  v2.propositions[1].links[0].code = "exante.confidence";
  v2.exclusive_groups[0].codes[1] = "exante.confidence";
  load(v2);
  cb::Codebook v3 = v2;
  code_in(v3, "exante.confidence")->key = "exante.faith";
  code_in(v3, "exante.faith")->formerly = {"exante.confidence"};
  v3.propositions[1].links[0].code = "exante.faith";
  v3.exclusive_groups[0].codes[1] = "exante.faith";
  const cb::LoadReport report = load(v3);
  BOOST_TEST(report.renamed.size() == 1u);
  BOOST_TEST(cb::find_code(store, "exante.trust")->id == id);
  BOOST_TEST(cb::find_code(store, "exante.confidence")->id == id);
  BOOST_TEST(cb::find_code(store, "exante.faith")->id == id);
}

BOOST_AUTO_TEST_CASE(move_to_another_parent_keeps_the_codings) {
  load(sample());
  const auto source = add_source(1);
  const std::int64_t id = code_id("expost.pooling");
  const auto coding = add_coding(source, "expost.pooling");

  cb::Codebook next = sample();
  cb::Code pooling = *code_in(next, "expost.pooling");
  erase_code(next, "expost.pooling");
  pooling.parent = "exante";  // a move without a rename: the key stays
  next.codes.push_back(pooling);
  const cb::LoadReport report = load(next);

  BOOST_TEST_REQUIRE(report.moved.size() == 1u);
  BOOST_TEST(report.moved[0].first == "expost.pooling");
  BOOST_TEST(report.moved[0].second == "exante");
  BOOST_TEST(report.added.empty());
  BOOST_TEST(coding_code(coding) == id);
  BOOST_TEST(cb::find_code(store, "expost.pooling")->code.parent == "exante");
  const auto back = cb::read_codebook(store);
  BOOST_TEST(back.codes.back().key == "expost.pooling");
  BOOST_TEST(back.codes.back().parent == "exante");
}

BOOST_AUTO_TEST_CASE(formerly_naming_a_code_still_in_the_codebook_is_refused) {
  load(sample());
  cb::Codebook next = sample();
  cb::Code extra = make_code("expost.other", "expost", "Other");
  extra.formerly = {"expost.pooling"};  // but expost.pooling stays
  next.codes.push_back(extra);
  const auto e = expect_error(ErrorKind::Data, [&] { load(next); });
  BOOST_TEST(contains(e.what(), "expost.pooling"));
  BOOST_TEST(cb::current_version(store) == 1);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(store_sync_removed, StoreFixture)

BOOST_AUTO_TEST_CASE(removed_code_without_codings_is_retired) {
  load(sample());
  cb::Codebook next = sample();
  erase_code(next, "expost.pooling");
  next.propositions[0].links.pop_back();
  next.exclusive_groups.clear();
  const cb::LoadReport report = load(next);
  BOOST_TEST(report.retired == std::vector<std::string>{"expost.pooling"},
             boost::test_tools::per_element());
  BOOST_TEST(count("SELECT count(*) FROM codes WHERE key = 'expost.pooling' AND retired_at IS "
                   "NOT NULL") == 1);

  const auto found = cb::find_code(store, "expost.pooling");
  BOOST_TEST_REQUIRE(found.has_value());
  BOOST_TEST(found->retired);
  const auto e =
      expect_error(ErrorKind::NotFound, [&] { cb::require_code(store, "expost.pooling"); });
  BOOST_TEST(contains(e.what(), "retired"));
  check_same(cb::read_codebook(store), next);
}

BOOST_AUTO_TEST_CASE(removed_code_with_codings_is_refused_and_nothing_changes) {
  load(sample());
  const auto source = add_source(1);
  add_coding(source, "expost.pooling");
  add_coding(source, "expost.pooling", "bob");
  cb::Codebook next = sample();
  erase_code(next, "expost.pooling");
  next.propositions[0].links.pop_back();
  next.exclusive_groups.clear();
  next.codes.push_back(make_code("exante.capacity", "exante", "Capacity"));

  const auto e = expect_error(ErrorKind::Conflict, [&] { load(next); });
  BOOST_TEST(contains(e.what(), "expost.pooling (2 codings)"));
  BOOST_TEST(contains(e.hint(), "--reassign OLD=NEW"));
  BOOST_TEST(contains(e.hint(), "--force"));
  BOOST_TEST(cb::current_version(store) == 1);
  BOOST_TEST(audit_rows("codebook.load") == 1);
  BOOST_TEST(!cb::find_code(store, "expost.pooling")->retired);
  BOOST_TEST(!cb::find_code(store, "exante.capacity").has_value());
  check_same(cb::read_codebook(store), sample());

  // A dry run is refused the same way.
  cb::LoadOptions dry;
  dry.dry_run = true;
  expect_error(ErrorKind::Conflict, [&] { load(next, dry); });
}

BOOST_AUTO_TEST_CASE(reassign_moves_the_codings_to_the_new_code) {
  load(sample());
  const auto source = add_source(1);
  const auto first = add_coding(source, "expost.pooling");
  const auto second = add_coding(source, "expost.pooling", "bob");
  cb::Codebook next = sample();
  erase_code(next, "expost.pooling");
  next.propositions[0].links.pop_back();
  next.exclusive_groups.clear();
  next.codes.push_back(make_code("expost.shared_staff", "expost", "Shared staff"));

  cb::LoadOptions options;
  options.reassign = {{"expost.pooling", "expost.shared_staff"}};
  const cb::LoadReport report = load(next, options);
  BOOST_TEST(report.codings_reassigned == 2);
  BOOST_TEST(report.codings_removed == 0);
  const std::int64_t target = code_id("expost.shared_staff");
  BOOST_TEST(coding_code(first) == target);
  BOOST_TEST(coding_code(second) == target);
  BOOST_TEST(cb::find_code(store, "expost.pooling")->retired);
  const auto detail = last_audit_detail();
  BOOST_TEST(detail["reassigned"]["count"] == 2);
  BOOST_TEST(detail["reassigned"]["codes"][0]["to"] == "expost.shared_staff");
}

BOOST_AUTO_TEST_CASE(reassign_needs_a_removed_code_and_a_target_in_the_new_codebook) {
  load(sample());
  const auto source = add_source(1);
  add_coding(source, "expost.pooling");
  cb::Codebook next = sample();
  erase_code(next, "expost.pooling");
  next.propositions[0].links.pop_back();
  next.exclusive_groups.clear();

  cb::LoadOptions to_unknown;
  to_unknown.reassign = {{"expost.pooling", "nowhere"}};
  expect_error(ErrorKind::Usage, [&] { load(next, to_unknown); });
  cb::LoadOptions from_kept;
  from_kept.reassign = {{"exante.trust", "exante"}};
  const auto e = expect_error(ErrorKind::Usage, [&] { load(next, from_kept); });
  BOOST_TEST(contains(e.what(), "stays in the codebook"));
  BOOST_TEST(cb::current_version(store) == 1);
}

BOOST_AUTO_TEST_CASE(force_removes_the_codings_with_the_reason) {
  load(sample());
  const auto source = add_source(1);
  const auto coding = add_coding(source, "expost.pooling");
  cb::Codebook next = sample();
  erase_code(next, "expost.pooling");
  next.propositions[0].links.pop_back();
  next.exclusive_groups.clear();

  cb::LoadOptions options;
  options.force = true;
  const cb::LoadReport report = load(next, options);
  BOOST_TEST(report.codings_removed == 1);
  SQLite::Statement q(store.db(),
                      "SELECT removed_at IS NOT NULL, removed_by, removed_reason FROM codings "
                      "WHERE id = ?");
  q.bind(1, coding);
  BOOST_TEST_REQUIRE(q.executeStep());
  BOOST_TEST(q.getColumn(0).getInt() == 1);
  BOOST_TEST(q.getColumn(1).getString() == "ann");
  BOOST_TEST(q.getColumn(2).getString() ==
             "code expost.pooling removed from the codebook in version 2");
  BOOST_TEST(cb::code_usage(store, std::nullopt).count("expost.pooling") == 0u);
}

BOOST_AUTO_TEST_CASE(a_retired_code_that_reappears_is_reactivated) {
  load(sample());
  const std::int64_t id = code_id("expost.pooling");
  cb::Codebook without = sample();
  erase_code(without, "expost.pooling");
  without.propositions[0].links.pop_back();
  without.exclusive_groups.clear();
  load(without);
  BOOST_TEST(cb::find_code(store, "expost.pooling")->retired);

  const cb::LoadReport report = load(sample());
  BOOST_TEST(report.version == 3);
  BOOST_TEST(report.reactivated == std::vector<std::string>{"expost.pooling"},
             boost::test_tools::per_element());
  BOOST_TEST(report.added.empty());
  const auto found = cb::require_code(store, "expost.pooling");
  BOOST_TEST(found.id == id);
  BOOST_TEST(!found.retired);
  check_same(cb::read_codebook(store), sample());
}

BOOST_AUTO_TEST_CASE(a_missing_inductive_code_with_codings_is_refused_with_an_export_hint) {
  load(sample());
  cb::Code idea = make_code("exante.politics", "", "");
  const auto source = add_source(1);
  cb::add_inductive_code(store, idea, "ann");
  add_coding(source, "exante.politics");
  const auto e = expect_error(ErrorKind::Conflict, [&] { load(sample()); });
  BOOST_TEST(contains(e.what(), "exante.politics (1 coding)"));
  BOOST_TEST(contains(e.hint(), "casebook codebook export"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(store_sync_inductive, StoreFixture)

BOOST_AUTO_TEST_CASE(an_inductive_code_goes_under_its_parent_and_is_audited) {
  load(sample());
  cb::Code idea;
  idea.key = "exante.politics";
  idea.definition = "Party politics between the councils.";
  const std::int64_t id = cb::add_inductive_code(store, idea, "bob");

  const auto found = cb::require_code(store, "exante.politics");
  BOOST_TEST(found.id == id);
  BOOST_TEST(found.code.parent == "exante");
  BOOST_TEST(found.code.name == "politics");
  BOOST_TEST((found.code.origin == cb::Origin::Inductive));
  BOOST_TEST(cb::current_version(store) == 1);  // no new codebook version

  const auto back = cb::read_codebook(store);
  BOOST_TEST(back.codes.back().key == "exante.politics");  // after exante.trust
  BOOST_TEST(audit_rows("codebook.add") == 1);
  const auto entries = store::recent_audit(store, 1);
  BOOST_TEST(entries.front().coder == "bob");
  BOOST_TEST(entries.front().target == "code exante.politics");
  const auto detail = nlohmann::json::parse(entries.front().detail);
  BOOST_TEST(detail["origin"] == "inductive");
  BOOST_TEST(detail["id"] == id);
  BOOST_TEST(detail["definition"] == "Party politics between the councils.");
}

BOOST_AUTO_TEST_CASE(a_top_level_inductive_code_needs_no_parent) {
  load(sample());
  cb::add_inductive_code(store, make_code("context", "", "Context"), "ann");
  const auto found = cb::require_code(store, "context");
  BOOST_TEST(found.code.parent.empty());
  BOOST_TEST(found.code.name == "Context");
  BOOST_TEST(cb::read_codebook(store).codes.back().key == "context");
}

BOOST_AUTO_TEST_CASE(a_missing_parent_is_refused) {
  load(sample());
  const auto e = expect_error(ErrorKind::NotFound, [&] {
    cb::add_inductive_code(store, make_code("exantee.politics", "", ""), "ann");
  });
  BOOST_TEST(contains(e.what(), "exantee"));
  BOOST_TEST(contains(e.hint(), "exante"));
  BOOST_TEST(audit_rows("codebook.add") == 0);
}

BOOST_AUTO_TEST_CASE(an_existing_key_or_earlier_key_is_refused) {
  load(sample());
  expect_error(ErrorKind::Conflict,
               [&] { cb::add_inductive_code(store, make_code("Exante.Trust", "", ""), "ann"); });
  cb::Codebook next = sample();
  code_in(next, "expost.pooling")->key = "expost.shared";
  code_in(next, "expost.shared")->formerly = {"expost.pooling"};
  next.propositions[0].links[1].code = "expost.shared";
  next.exclusive_groups[0].codes[0] = "expost.shared";
  load(next);
  const auto e = expect_error(ErrorKind::Conflict, [&] {
    cb::add_inductive_code(store, make_code("expost.pooling", "", ""), "ann");
  });
  BOOST_TEST(contains(e.what(), "earlier key"));
  expect_error(ErrorKind::Usage,
               [&] { cb::add_inductive_code(store, make_code("bad key", "", ""), "ann"); });
}

BOOST_AUTO_TEST_CASE(joins_the_callers_transaction) {
  load(sample());
  {
    WriteTransaction tx(store);
    cb::add_inductive_code(store, make_code("exante.politics", "", ""), "ann");
    // Not committed: the code goes with the caller's rollback.
  }
  BOOST_TEST(!cb::find_code(store, "exante.politics").has_value());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(store_sync_lookup, StoreFixture)

BOOST_AUTO_TEST_CASE(find_code_ignores_case_and_returns_the_whole_code) {
  load(sample());
  const auto found = cb::find_code(store, "EXPOST.Standardisation");
  BOOST_TEST_REQUIRE(found.has_value());
  check_same_code(found->code, sample().codes[1]);
  BOOST_TEST(!found->retired);
  BOOST_TEST(!cb::find_code(store, "nothing").has_value());
}

BOOST_AUTO_TEST_CASE(require_code_names_the_nearest_keys) {
  load(sample());
  const auto e =
      expect_error(ErrorKind::NotFound, [&] { cb::require_code(store, "expost.standardization"); });
  BOOST_TEST(contains(e.what(), "expost.standardization"));
  BOOST_TEST(contains(e.hint(), "expost.standardisation"));
  const auto by_segment =
      expect_error(ErrorKind::NotFound, [&] { cb::require_code(store, "trust"); });
  BOOST_TEST(contains(by_segment.hint(), "exante.trust"));
}

BOOST_AUTO_TEST_CASE(code_and_descendants_follows_the_hierarchy) {
  load(sample());
  cb::add_inductive_code(store, make_code("expost.standardisation.forms", "", ""), "ann");
  const auto ids = cb::code_and_descendants(store, code_id("expost"));
  const std::set<std::int64_t> got(ids.begin(), ids.end());
  const std::set<std::int64_t> expected = {code_id("expost"), code_id("expost.standardisation"),
                                           code_id("expost.pooling"),
                                           code_id("expost.standardisation.forms")};
  BOOST_TEST(ids.size() == 4u);
  BOOST_TEST(got == expected, boost::test_tools::per_element());
  BOOST_TEST(cb::code_and_descendants(store, code_id("exante.trust")) ==
                 std::vector<std::int64_t>{code_id("exante.trust")},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(code_usage_counts_active_codings_and_sources) {
  load(sample());
  const auto one = add_source(1);
  const auto two = add_source(2);
  add_coding(one, "expost.pooling", "ann", 0);
  add_coding(one, "expost.pooling", "ann", 10);
  add_coding(two, "expost.pooling", "bob");
  add_coding(two, "exante.trust", "bob");
  const auto removed = add_coding(two, "exante", "ann");
  SQLite::Statement uncode(store.db(),
                           "UPDATE codings SET removed_at = 'x', removed_by = 'ann' WHERE id = ?");
  uncode.bind(1, removed);
  uncode.exec();

  const auto all = cb::code_usage(store, std::nullopt);
  BOOST_TEST(all.size() == 2u);
  BOOST_TEST(all.at("expost.pooling").codings == 3);
  BOOST_TEST(all.at("expost.pooling").sources == 2);
  BOOST_TEST(all.at("exante.trust").codings == 1);
  BOOST_TEST(all.count("exante") == 0u);  // its only coding was removed

  const auto ann = cb::code_usage(store, std::string("ann"));
  BOOST_TEST(ann.size() == 1u);
  BOOST_TEST(ann.at("expost.pooling").codings == 2);
  BOOST_TEST(ann.at("expost.pooling").sources == 1);
}

BOOST_AUTO_TEST_SUITE_END()
