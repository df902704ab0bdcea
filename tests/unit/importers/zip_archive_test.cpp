// ZipArchive: reading entries, and refusing damaged and hostile archives
// (zip bombs, lying sizes, path tricks, too many entries, encryption).

#include "importers/zip_archive.hpp"

#include <zip.h>

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "importers/zip_fixtures.hpp"
#include "test_support.hpp"

using casebook::ErrorKind;
using casebook::importers::read_small_zip_entry;
using casebook::importers::zip_entry_names;
using casebook::importers::ZipArchive;
using casebook::importers::ZipLimits;
using casebook::testing::contains;
using casebook::testing::expect_error;
using casebook::testing::make_zip;

namespace {

void put_u32(std::string& bytes, std::size_t at, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) bytes[at + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
}

// Rewrites the uncompressed size of every entry in both the local headers
// and the central directory, as a crafted archive would.
std::string with_declared_size(std::string zip, std::uint32_t size) {
  for (std::size_t at = zip.find("PK\x03\x04"); at != std::string::npos;
       at = zip.find("PK\x03\x04", at + 4)) {
    put_u32(zip, at + 22, size);
  }
  for (std::size_t at = zip.find("PK\x01\x02"); at != std::string::npos;
       at = zip.find("PK\x01\x02", at + 4)) {
    put_u32(zip, at + 24, size);
  }
  return zip;
}

std::string encrypted_zip() {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(source);
  zip_t* archive = zip_open_from_source(source, ZIP_TRUNCATE, &error);
  static const char kSecret[] = "secret text";
  zip_source_t* data = zip_source_buffer(archive, kSecret, sizeof kSecret - 1, 0);
  const zip_int64_t index = zip_file_add(archive, "word/document.xml", data, 0);
  const bool ok =
      zip_file_set_encryption(archive, static_cast<zip_uint64_t>(index), ZIP_EM_AES_256, "pw") == 0;
  zip_close(archive);
  std::string bytes;
  if (ok) {
    zip_stat_t st;
    zip_source_stat(source, &st);
    zip_source_open(source);
    bytes.resize(st.size);
    zip_source_read(source, bytes.data(), st.size);
    zip_source_close(source);
  }
  zip_source_free(source);
  zip_error_fini(&error);
  return bytes;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(zip_archive)

BOOST_AUTO_TEST_CASE(reads_entries_by_name) {
  const std::string bytes = make_zip(
      {{"mimetype", "application/x-test", true}, {"dir/a.xml", "<a>é</a>"}, {"empty.txt", ""}});
  ZipArchive zip("t.zip", bytes);
  BOOST_TEST(zip.names() == (std::vector<std::string>{"mimetype", "dir/a.xml", "empty.txt"}),
             boost::test_tools::per_element());
  BOOST_TEST(zip.contains("dir/a.xml"));
  BOOST_TEST(!zip.contains("dir/b.xml"));
  BOOST_TEST(zip.read("mimetype") == "application/x-test");
  BOOST_TEST(zip.read("dir/a.xml") == "<a>é</a>");
  BOOST_TEST(zip.read("empty.txt") == "");
  BOOST_TEST(!zip.read_if_present("nope").has_value());
  const auto e = expect_error(ErrorKind::Data, [&] { zip.read("word/document.xml"); });
  BOOST_TEST(contains(e.what(), "t.zip: the ZIP archive has no entry word/document.xml"));
}

BOOST_AUTO_TEST_CASE(refuses_bytes_that_are_not_a_zip) {
  const auto e = expect_error(ErrorKind::Data, [] { ZipArchive("notes.docx", "hello world"); });
  BOOST_TEST(contains(e.what(), "notes.docx: is not a readable ZIP archive"));
  BOOST_TEST(!e.hint().empty());
}

BOOST_AUTO_TEST_CASE(refuses_a_truncated_archive) {
  const std::string bytes = make_zip({{"a.xml", std::string(5000, 'x') + "tail"}});
  const std::string truncated = bytes.substr(0, bytes.size() / 2);
  const auto e = expect_error(ErrorKind::Data, [&] { ZipArchive("cut.docx", truncated); });
  BOOST_TEST(contains(e.what(), "cut.docx: "));
}

BOOST_AUTO_TEST_CASE(refuses_corrupt_compressed_data) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "line " + std::to_string(i * 7919 % 1000) + "\n";
  std::string bytes = make_zip({{"a.xml", text}});
  // Scribble over the middle of the deflated data (after the 30-byte local
  // header and the 5-byte name), leaving the directory intact.
  for (std::size_t i = 60; i < 120; ++i) bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
  ZipArchive zip("bad.docx", bytes);
  const auto e = expect_error(ErrorKind::Data, [&] { zip.read("a.xml"); });
  BOOST_TEST(contains(e.what(), "bad.docx: ZIP entry a.xml"));
}

BOOST_AUTO_TEST_CASE(refuses_a_highly_compressed_big_entry) {
  // 20 MiB of zeros deflate to about 20 KiB: a small zip bomb.
  const std::string bytes = make_zip({{"word/document.xml", std::string(20u << 20, '\0')}});
  BOOST_TEST(bytes.size() < (1u << 20));
  ZipArchive zip("bomb.docx", bytes);
  const auto e = expect_error(ErrorKind::Data, [&] { zip.read("word/document.xml"); });
  BOOST_TEST(contains(e.what(), "bomb.docx: ZIP entry word/document.xml expands"));
  BOOST_TEST(contains(e.what(), "zip bomb"));
}

BOOST_AUTO_TEST_CASE(refuses_an_entry_over_the_size_cap) {
  const std::string bytes = make_zip({{"big.xml", std::string(3000, 'a')}});
  ZipLimits limits;
  limits.max_entry_size = 1000;
  ZipArchive zip("big.docx", bytes, limits);
  const auto e = expect_error(ErrorKind::Data, [&] { zip.read("big.xml"); });
  BOOST_TEST(contains(e.what(), "big.docx: ZIP entry big.xml expands to more than"));
}

BOOST_AUTO_TEST_CASE(caps_the_total_read) {
  const std::string bytes =
      make_zip({{"a.xml", std::string(600, 'a')}, {"b.xml", std::string(600, 'b')}});
  ZipLimits limits;
  limits.max_total_read = 1000;
  ZipArchive zip("two.docx", bytes, limits);
  BOOST_TEST(zip.read("a.xml").size() == 600u);
  const auto e = expect_error(ErrorKind::Data, [&] { zip.read("b.xml"); });
  BOOST_TEST(contains(e.what(), "in all"));
}

BOOST_AUTO_TEST_CASE(never_reads_past_a_lying_declared_size) {
  const std::string honest = make_zip({{"a.xml", std::string(100000, 'z')}});
  const std::string lying = with_declared_size(honest, 10);
  const auto e = expect_error(ErrorKind::Data, [&] {
    ZipArchive zip("liar.docx", lying);
    zip.read("a.xml");
  });
  BOOST_TEST(contains(e.what(), "liar.docx"));
}

BOOST_AUTO_TEST_CASE(refuses_unsafe_entry_names) {
  for (const std::string name : {"../evil.xml", "word/../../evil.xml", "/etc/passwd",
                                 "word\\document.xml", "C:/x.xml", ".."}) {
    const std::string bytes = make_zip({{"ok.xml", "x"}, {name, "x"}});
    const auto e = expect_error(ErrorKind::Data, [&] { ZipArchive("trick.docx", bytes); });
    BOOST_TEST(contains(e.what(), "trick.docx: ZIP entry '" + name + "' has an unsafe name"),
               e.what());
  }
  // Dots inside a name are fine.
  const std::string dotted = make_zip({{"a..b/..c.xml", "x"}});
  ZipArchive fine("ok.docx", dotted);
  BOOST_TEST(fine.read("a..b/..c.xml") == "x");
}

BOOST_AUTO_TEST_CASE(refuses_too_many_entries) {
  std::vector<casebook::testing::ZipEntry> entries;
  for (int i = 0; i < 6; ++i) entries.push_back({"e" + std::to_string(i), "x"});
  ZipLimits limits;
  limits.max_entries = 5;
  const std::string bytes = make_zip(entries);
  const auto e = expect_error(ErrorKind::Data, [&] { ZipArchive("many.docx", bytes, limits); });
  BOOST_TEST(contains(e.what(), "many.docx: the ZIP archive has more than 5 entries"));
}

BOOST_AUTO_TEST_CASE(refuses_encrypted_entries) {
  const std::string bytes = encrypted_zip();
  BOOST_TEST_REQUIRE(!bytes.empty(), "this libzip cannot encrypt entries");
  const auto e = expect_error(ErrorKind::Data, [&] { ZipArchive("locked.docx", bytes); });
  BOOST_TEST(contains(e.what(), "locked.docx: ZIP entry word/document.xml is encrypted"));
}

BOOST_AUTO_TEST_CASE(sniff_helpers_never_throw) {
  const std::string bytes = make_zip({{"mimetype", "application/vnd.oasis.opendocument.text"},
                                      {"content.xml", std::string(5000, 'c')}});
  BOOST_TEST(zip_entry_names(bytes).size() == 2u);
  BOOST_TEST(zip_entry_names("plain text").empty());
  BOOST_TEST(zip_entry_names(bytes.substr(0, 40)).empty());
  BOOST_TEST(read_small_zip_entry(bytes, "mimetype", 100).value_or("") ==
             "application/vnd.oasis.opendocument.text");
  BOOST_TEST(!read_small_zip_entry(bytes, "content.xml", 100).has_value());
  BOOST_TEST(!read_small_zip_entry(bytes, "missing", 100).has_value());
  BOOST_TEST(!read_small_zip_entry("PK\x03\x04garbage", "mimetype", 100).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
