// Deterministic GUIDs and the "casebook:" description block (engine/refi).

#include "engine/refi/guid.hpp"

#include <boost/test/unit_test.hpp>
#include <set>
#include <string>

#include "engine/refi/block.hpp"

namespace refi = casebook::refi;

BOOST_AUTO_TEST_SUITE(refi_guid)

BOOST_AUTO_TEST_CASE(guids_are_lowercase_8_4_4_4_12_version_8) {
  const std::string guid = refi::guid_for("code", "1");
  BOOST_TEST(refi::is_guid(guid));
  BOOST_TEST(guid.size() == 36u);
  BOOST_TEST(guid[14] == '8');                                          // version
  BOOST_TEST(std::string("89ab").find(guid[19]) != std::string::npos);  // RFC variant
  BOOST_TEST(!refi::is_guid("ABCDEF01-2345-6789-abcd-ef0123456789"));
  BOOST_TEST(!refi::is_guid("abcdef01-2345-6789-abcd-ef012345678"));
}

BOOST_AUTO_TEST_CASE(guids_depend_only_on_kind_and_id) {
  BOOST_TEST(refi::guid_for("code", "1") == refi::guid_for("code", "1"));
  BOOST_TEST(refi::guid_for("code", "1") == refi::name_based_guid("casebook:code:1"));
  std::set<std::string> seen;
  for (const char* kind : {"code", "source", "coding", "selection", "case", "memo"}) {
    for (int id = 1; id <= 50; ++id) seen.insert(refi::guid_for(kind, std::to_string(id)));
  }
  BOOST_TEST(seen.size() == 300u);
}

BOOST_AUTO_TEST_CASE(guid_matches_its_definition) {
  // python3 -c "import hashlib;h=hashlib.sha256(b'casebook:code:1').hexdigest()[:32];
  //   h=h[:12]+'8'+h[13:16]+'89ab'[int(h[16],16)&3]+h[17:];print(h)"
  // The first 16 bytes of SHA-256("casebook:code:1") (1754f451eda01293 61de...),
  // version 8 and variant bits set.
  BOOST_TEST(refi::guid_for("code", "1") == "1754f451-eda0-8293-a1de-2d7c40837a8f");
}

BOOST_AUTO_TEST_CASE(block_round_trips_line_breaks_and_backslashes) {
  refi::Block block;
  block.add("key", "expost.queue");
  block.add("memo", "two\nlines with a \\ and a \\n literal");
  block.add("dimension", "direction required");
  block.add_if("empty", "");
  const std::string description = refi::with_block("Human text.\n\nMore.", block);
  BOOST_TEST(description.find("\n\ncasebook:\n  key: expost.queue\n") != std::string::npos);
  const auto [text, back] = refi::split_block(description);
  BOOST_TEST(text == "Human text.\n\nMore.");
  BOOST_REQUIRE(back.fields.size() == 3u);
  BOOST_TEST(back.fields[1].second == "two\nlines with a \\ and a \\n literal");
  BOOST_TEST(back.fields[2].first == "dimension");
}

BOOST_AUTO_TEST_CASE(description_without_block_is_all_text) {
  const auto [text, block] = refi::split_block("Just words.");
  BOOST_TEST(text == "Just words.");
  BOOST_TEST(block.empty());
  const auto [only_text, only_block] = refi::split_block(refi::with_block("", [] {
    refi::Block b;
    b.add("case", "A");
    return b;
  }()));
  BOOST_TEST(only_text.empty());
  BOOST_TEST(only_block.fields.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
