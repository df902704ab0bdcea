// Splitting an index into shards and opening them as one: docids, weights and
// ranks survive the split; every shard carries its stamp; an incomplete,
// mixed or duplicated set is refused (or, when asked, opened as partial);
// shard addresses and stub files are parsed with errors that name the line.

#include "engine/index/shards.hpp"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace fs = std::filesystem;
using casebook::ErrorKind;
using casebook::index::open_shards;
using casebook::index::OpenShardsOptions;
using casebook::index::parse_shard_address;
using casebook::index::read_shard_stub;
using casebook::index::ShardAddress;
using casebook::index::ShardOrigin;
using casebook::index::split_index;
using casebook::testing::expect_error;
using casebook::testing::TempDir;
using casebook::testing::write_file;

namespace {

const std::vector<std::string> kTexts = {
    "the council shared its revenues service",
    "the partnership dissolved after the council left",
    "queues grew and the council paid for bed and breakfast",
    "a joint committee of three councils",
    "savings came through for the partnership",
    "the shared service kept its own budget",
    "nobody in the benefits team saw the cost",
    "the council gave notice under clause 21",
};

// An index of kTexts, with one docid left unused (as a deleted passage
// leaves it), so the split must keep docids rather than renumber.
fs::path make_index(const TempDir& dir) {
  const fs::path path = dir / "index";
  Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE);
  Xapian::TermGenerator terms;
  terms.set_stemmer(Xapian::Stem("en"));
  Xapian::docid did = 1;
  for (const std::string& text : kTexts) {
    if (did == 4) ++did;
    Xapian::Document doc;
    doc.set_data(text);
    terms.set_document(doc);
    terms.index_text(text);
    db.replace_document(did++, doc);
  }
  db.commit();
  return path;
}

ShardAddress local(const fs::path& path) {
  ShardAddress a;
  a.name = path.string();
  a.path = path;
  return a;
}

std::vector<ShardAddress> set_of(const fs::path& dir, int count) {
  std::vector<ShardAddress> shards;
  for (int i = 1; i <= count; ++i) shards.push_back(local(dir / ("shard-" + std::to_string(i))));
  return shards;
}

struct Hit {
  Xapian::docid did;
  double weight;
  std::string data;
  bool operator==(const Hit& o) const {
    return did == o.did && data == o.data && std::abs(weight - o.weight) < 1e-9;
  }
};
[[maybe_unused]] std::ostream& operator<<(std::ostream& out, const Hit& h) {
  return out << h.did << ":" << h.weight << ":" << h.data;
}

std::vector<Hit> search(const Xapian::Database& db, const std::string& query) {
  Xapian::QueryParser parser;
  parser.set_database(db);
  parser.set_stemmer(Xapian::Stem("en"));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  Xapian::Enquire enquire(db);
  enquire.set_query(parser.parse_query(query));
  std::vector<Hit> hits;
  const Xapian::MSet mset = enquire.get_mset(0, 100);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    hits.push_back({*it, it.get_weight(), it.get_document().get_data()});
  }
  return hits;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(index_shards)

BOOST_AUTO_TEST_CASE(a_split_keeps_docids_weights_and_ranks) {
  TempDir dir("shards");
  const fs::path index = make_index(dir);
  const auto sizes = split_index(index, dir / "out", 3, ShardOrigin{"p1", 7});
  BOOST_TEST(sizes.size() == 3u);
  BOOST_TEST(sizes[0] + sizes[1] + sizes[2] == kTexts.size());
  BOOST_TEST(fs::exists(dir / "out" / "shards.stub"));

  const Xapian::Database whole(index.string());
  // Listed backwards: the stamps put them in order.
  auto shards = set_of(dir / "out", 3);
  std::reverse(shards.begin(), shards.end());
  const auto opened = open_shards(shards);
  BOOST_TEST(opened.missing.empty());
  BOOST_TEST(opened.stamp.project_id == "p1");
  BOOST_TEST(opened.stamp.generation == 7);
  BOOST_TEST(opened.stamp.count == 3);
  BOOST_TEST(opened.stamp.documents == static_cast<std::int64_t>(kTexts.size()));
  BOOST_TEST(opened.db.get_doccount() == whole.get_doccount());
  BOOST_TEST(opened.db.get_lastdocid() >= whole.get_lastdocid());
  for (auto it = whole.postlist_begin(""); it != whole.postlist_end(""); ++it) {
    BOOST_TEST(opened.db.get_document(*it).get_data() == whole.get_document(*it).get_data());
  }
  for (const char* q : {"council", "shared service", "partnership OR budget", "\"the council\""}) {
    const auto expected = search(whole, q);
    BOOST_TEST(!expected.empty(), q);
    BOOST_TEST(search(opened.db, q) == expected, q);
  }
}

BOOST_AUTO_TEST_CASE(the_stub_lists_the_shards_it_was_written_with) {
  TempDir dir("shards");
  split_index(make_index(dir), dir / "out", 2, ShardOrigin{"p", 1});
  const auto listed = read_shard_stub(dir / "out" / "shards.stub");
  BOOST_TEST_REQUIRE(listed.size() == 2u);
  BOOST_TEST(listed[0].path == dir / "out" / "shard-1");
  BOOST_TEST(!listed[1].remote);
  BOOST_TEST(open_shards(listed).db.get_doccount() == kTexts.size());
}

BOOST_AUTO_TEST_CASE(a_split_refuses_a_bad_count_or_an_existing_directory_and_leaves_nothing) {
  TempDir dir("shards");
  const fs::path index = make_index(dir);
  expect_error(ErrorKind::Usage, [&] { split_index(index, dir / "a", 0, {"p", 1}); });
  expect_error(ErrorKind::Usage, [&] { split_index(index, dir / "a", 5000, {"p", 1}); });
  BOOST_TEST(!fs::exists(dir / "a"));
  fs::create_directory(dir / "taken");
  expect_error(
      ErrorKind::Conflict,
      [&] {
        split_index(index, dir / "taken", 2, {"p", 1});
      },
      "already exists");
  BOOST_TEST(fs::is_empty(dir / "taken"));
  // A split of something that is not an index fails and cleans up.
  fs::create_directory(dir / "empty");
  BOOST_CHECK_THROW(split_index(dir / "empty", dir / "b", 2, {"p", 1}), Xapian::Error);
  BOOST_TEST(!fs::exists(dir / "b"));
  BOOST_TEST(!fs::exists(dir / ".b.partial"));
}

BOOST_AUTO_TEST_CASE(an_incomplete_set_is_refused_unless_partial_results_are_allowed) {
  TempDir dir("shards");
  split_index(make_index(dir), dir / "out", 3, {"p", 1});
  auto two = set_of(dir / "out", 3);
  two.erase(two.begin() + 1);
  expect_error(
      ErrorKind::Data, [&] { open_shards(two); }, "shard(s) 2 of 3 not listed");
  OpenShardsOptions partial;
  partial.allow_partial = true;
  const auto opened = open_shards(two, partial);
  BOOST_TEST_REQUIRE(opened.missing.size() == 1u);
  BOOST_TEST(casebook::testing::contains(opened.missing[0], "2 of 3 missing"));
  BOOST_TEST(opened.db.get_doccount() < kTexts.size());
}

BOOST_AUTO_TEST_CASE(a_shard_that_cannot_be_opened_is_an_io_error_naming_it) {
  TempDir dir("shards");
  split_index(make_index(dir), dir / "out", 2, {"p", 1});
  auto shards = set_of(dir / "out", 2);
  shards[1] = local(dir / "gone");
  expect_error(
      ErrorKind::Io, [&] { open_shards(shards); }, (dir / "gone").string());
  OpenShardsOptions partial;
  partial.allow_partial = true;
  const auto opened = open_shards(shards, partial);
  BOOST_TEST(opened.missing.size() == 2u);  // why it is missing, and that results are partial
  shards[0] = local(dir / "gone-too");
  expect_error(
      ErrorKind::Io, [&] { open_shards(shards, partial); }, "no shard answered");
}

BOOST_AUTO_TEST_CASE(mixed_duplicated_and_foreign_databases_are_refused) {
  TempDir dir("shards");
  const fs::path index = make_index(dir);
  split_index(index, dir / "one", 2, {"p", 1});
  split_index(index, dir / "two", 2, {"p", 1});
  OpenShardsOptions partial;
  partial.allow_partial = true;
  const std::vector<ShardAddress> mixed{local(dir / "one" / "shard-1"),
                                        local(dir / "two" / "shard-2")};
  expect_error(
      ErrorKind::Data, [&] { open_shards(mixed, partial); }, "different splits");
  const std::vector<ShardAddress> twice{local(dir / "one" / "shard-1"),
                                        local(dir / "one" / "shard-1"),
                                        local(dir / "one" / "shard-2")};
  expect_error(
      ErrorKind::Data, [&] { open_shards(twice, partial); }, "same shard");
  expect_error(
      ErrorKind::Data, [&] { open_shards({local(index)}, partial); }, "not a casebook shard");
  expect_error(ErrorKind::Usage, [&] { open_shards({}); });
}

BOOST_AUTO_TEST_CASE(addresses_are_remote_with_a_port_and_local_otherwise) {
  const ShardAddress remote = parse_shard_address("search-1.example.org:7001");
  BOOST_TEST(remote.remote);
  BOOST_TEST(remote.host == "search-1.example.org");
  BOOST_TEST(remote.port == 7001u);
  const ShardAddress here = parse_shard_address(":7002");
  BOOST_TEST(here.remote);
  BOOST_TEST(here.host == "localhost");
  const ShardAddress dir = parse_shard_address("shards/shard-1");
  BOOST_TEST(!dir.remote);
  BOOST_TEST(dir.path == fs::path("shards/shard-1"));
  BOOST_TEST(!parse_shard_address("./odd:name").remote);
  for (const char* bad : {"host:", "host:0", "host:65536", "host:http", "host:-1"}) {
    expect_error(
        ErrorKind::Usage, [&] { parse_shard_address(bad); }, bad);
  }
  expect_error(ErrorKind::Usage, [&] { parse_shard_address(""); });
}

BOOST_AUTO_TEST_CASE(stub_files_skip_comments_accept_crlf_and_name_bad_lines) {
  TempDir dir("shards");
  write_file(dir / "ok.stub",
             "# two machines\r\n\r\nremote a.example:7001\r\n  remote :7002  \r\nauto rel/shard\r\n"
             "glass /abs/shard\r\n");
  const auto listed = read_shard_stub(dir / "ok.stub");
  BOOST_TEST_REQUIRE(listed.size() == 4u);
  BOOST_TEST(listed[0].host == "a.example");
  BOOST_TEST(listed[1].port == 7002u);
  BOOST_TEST(listed[2].path == dir / "rel" / "shard");
  BOOST_TEST(listed[3].path == fs::path("/abs/shard"));

  write_file(dir / "kind.stub", "remote a:1\nprog xapian-progsrv /x\n");
  expect_error(
      ErrorKind::Data, [&] { read_shard_stub(dir / "kind.stub"); }, "kind.stub line 2");
  write_file(dir / "port.stub", "remote a:b\n");
  expect_error(
      ErrorKind::Data, [&] { read_shard_stub(dir / "port.stub"); }, "port.stub line 1");
  write_file(dir / "extra.stub", "auto one two\n");
  expect_error(
      ErrorKind::Data, [&] { read_shard_stub(dir / "extra.stub"); }, "line 1");
  write_file(dir / "empty.stub", "# nothing\n\n");
  expect_error(
      ErrorKind::Data, [&] { read_shard_stub(dir / "empty.stub"); }, "names no shard");
  expect_error(
      ErrorKind::NotFound, [&] { read_shard_stub(dir / "missing.stub"); }, "missing.stub");
  write_file(dir / "huge.stub", std::string(2 << 20, 'x'));
  expect_error(
      ErrorKind::Data, [&] { read_shard_stub(dir / "huge.stub"); }, "huge.stub");
}

BOOST_AUTO_TEST_SUITE_END()
