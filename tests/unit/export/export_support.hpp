#pragma once
// Helpers for the export writer tests: documents that exercise every corner
// (specials of every format, emoji, CJK, combining marks, curly quotes,
// control characters, long words), ZIP reading for the XLSX and DOCX
// packages, and running an external program in a directory.

#include <sys/wait.h>
#include <zip.h>

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/export/document.hpp"

namespace casebook::testing {

namespace ex = casebook::exporting;

// Every character a writer must escape or replace, in every place text can
// appear.
inline const std::string kNastyText =
    "Specials \\ { } $ & # ^ _ % ~ [x] <b> | * ` \" ' -- --- ,, << >> !` ?` @cite "
    "\xE2\x80\x9C"
    "curly"
    "\xE2\x80\x9D \xE2\x80\x98"
    "single"
    "\xE2\x80\x99 "  // “curly” ‘single’
    "en\xE2\x80\x93"
    "em\xE2\x80\x94"
    "dots\xE2\x80\xA6 nb\xC2\xA0sp \xE2\x80\xA2 \xC2\xA7 "
    "\xE2\x82\xAC \xC2\xA3 \xC2\xA9 "  // – — … NBSP • § € £ ©
    "caf\xC3\xA9 \xC5\x81\xC3\xB3"
    "d\xC5\xBA "              // café Łódź
    "\xC7\x8E \xE1\xBB\x87 "  // ǎ ệ (accent commands)
    "q\xCC\x83 "              // q + combining tilde (no precomposed form)
    "\xF0\x9F\x98\x80 \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB "  // 😀 👩‍💻
    "\xE6\xBC\xA2\xE5\xAD\x97\xE3\x81\x8B\xE3\x81\xAA "               // 漢字かな
    "\xC4\xA6 \xC5\xBF "                                              // Ħ ſ (not in T1)
    "ctrl\x01\x07\x1F end "
    "https://example.org/a/really/long/path/with/many/segments/index.html?q=1&r=2 "
    "Donaudampfschifffahrtsgesellschaftskapit\xC3\xA4nsm\xC3\xBCtze "
    "0123456789012345678901234567890123456789 "
    "_x0041_ \\end{document}";

inline ex::Paragraph plain(const std::string& text) {
  return {ex::Span{text, ex::Style::Plain}};
}

// A document with a title, headings, a paragraph with styles and line
// breaks, a table of quotes (several paragraphs per cell), a numeric
// column, notes, a second table with the same id, and an empty table.
inline ex::Document nasty_document() {
  ex::Document d;
  d.title = "Title " + kNastyText;
  d.blocks.emplace_back(ex::Heading{1, "Heading " + kNastyText});
  d.blocks.emplace_back(ex::Heading{2, "Sub-heading # 2"});
  d.blocks.emplace_back(
      ex::Paragraph{{"Plain " + kNastyText + " ", ex::Style::Plain},
                    {"emphasis *x*", ex::Style::Emphasis},
                    {" and ", ex::Style::Plain},
                    {"strong _y_", ex::Style::Strong},
                    {"\n- second line\n1. third line\n# fourth", ex::Style::Plain}});
  ex::Table quotes;
  quotes.id = "quotes:trust & power";
  quotes.caption = "Caption " + kNastyText;
  quotes.columns = {{"Source " + kNastyText, ex::Align::Left, 1},
                    {"Quote", ex::Align::Left, 4},
                    {"Count", ex::Align::Right, 0.7}};
  quotes.rows.push_back({ex::Cell("Interview 1"),
                         ex::Cell::of({plain("First quote: " + kNastyText),
                                       {{"Second ", ex::Style::Plain},
                                        {"quote", ex::Style::Emphasis},
                                        {" here", ex::Style::Strong}},
                                       plain("Third\nwith a line break")}),
                         ex::Cell("12")});
  quotes.rows.push_back(
      {ex::Cell("*starts with a star"), ex::Cell("[starts with a bracket]"), ex::Cell("3.50")});
  quotes.rows.push_back({ex::Cell(""), ex::Cell("- dash\n1. number\n+ plus"), ex::Cell("007")});
  quotes.notes = {"Note " + kNastyText, "Table: not a caption"};
  d.blocks.emplace_back(quotes);
  d.blocks.emplace_back(plain("Between the tables."));
  ex::Table again;
  again.id = "quotes:trust & power";  // the same id again
  again.caption = "Second table";
  again.columns = {{"Code", ex::Align::Left, 1}, {"Description", ex::Align::Left, 3}};
  for (int i = 0; i < 40; ++i) {
    again.rows.push_back(
        {ex::Cell("code " + std::to_string(i)),
         ex::Cell("A description long enough to wrap in its column, number " + std::to_string(i))});
  }
  d.blocks.emplace_back(again);
  ex::Table empty;
  empty.id = "empty";
  empty.caption = "No rows";
  empty.columns = {{"A", ex::Align::Left, 1}, {"B", ex::Align::Right, 1}};
  d.blocks.emplace_back(empty);
  return d;
}

// ---- ZIP packages ----

struct ZipEntryInfo {
  std::string name;
  std::uint16_t dos_time = 0;
  std::uint16_t dos_date = 0;
};

inline std::uint32_t little_endian(const std::string& bytes, std::size_t at, int size) {
  std::uint32_t value = 0;
  for (int i = size - 1; i >= 0; --i) {
    value = (value << 8) | static_cast<unsigned char>(bytes.at(at + static_cast<std::size_t>(i)));
  }
  return value;
}

// The local file headers of a ZIP archive, in order, with their raw DOS
// date and time (as stored, whatever the time zone).
inline std::vector<ZipEntryInfo> zip_local_headers(const std::string& bytes) {
  std::vector<ZipEntryInfo> entries;
  std::size_t at = 0;
  while (at + 30 <= bytes.size() && little_endian(bytes, at, 4) == 0x04034b50) {
    const std::uint32_t flags = little_endian(bytes, at + 6, 2);
    if (flags & 0x8) throw std::runtime_error("data descriptors are not expected");
    ZipEntryInfo entry;
    entry.dos_time = static_cast<std::uint16_t>(little_endian(bytes, at + 10, 2));
    entry.dos_date = static_cast<std::uint16_t>(little_endian(bytes, at + 12, 2));
    const std::uint32_t compressed = little_endian(bytes, at + 18, 4);
    const std::uint32_t name_length = little_endian(bytes, at + 26, 2);
    const std::uint32_t extra_length = little_endian(bytes, at + 28, 2);
    entry.name = bytes.substr(at + 30, name_length);
    entries.push_back(entry);
    at += 30 + name_length + extra_length + compressed;
  }
  return entries;
}

// Every entry of a ZIP archive held in memory, by name.
inline std::map<std::string, std::string> unzip(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) throw std::runtime_error("zip source failed");
  zip_t* raw = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (raw == nullptr) {
    zip_source_free(source);
    throw std::runtime_error(std::string("not a valid ZIP: ") + zip_error_strerror(&error));
  }
  std::unique_ptr<zip_t, void (*)(zip_t*)> archive(raw, [](zip_t* z) { zip_discard(z); });
  std::map<std::string, std::string> entries;
  const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(i), 0, &st) < 0) {
      throw std::runtime_error("zip stat failed");
    }
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(
        zip_fopen_index(archive.get(), static_cast<zip_uint64_t>(i), 0), zip_fclose);
    if (!file) throw std::runtime_error(std::string("cannot open entry ") + st.name);
    std::string content(static_cast<std::size_t>(st.size), '\0');
    if (zip_fread(file.get(), content.data(), st.size) != static_cast<zip_int64_t>(st.size)) {
      throw std::runtime_error(std::string("cannot read entry ") + st.name);
    }
    entries[st.name] = content;
  }
  zip_error_fini(&error);
  return entries;
}

// ---- external programs ----

inline bool program_available(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

// Runs `command` in `dir` with no input; returns its exit status.
inline int run_in(const std::filesystem::path& dir, const std::string& command) {
  const std::string line = "cd '" + dir.string() + "' && " + command + " </dev/null";
  const int status = std::system(line.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// How often `needle` occurs in `haystack`.
inline std::size_t count_of(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

}  // namespace casebook::testing
