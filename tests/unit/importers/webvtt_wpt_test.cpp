// The W3C web-platform-tests for WebVTT parsing, run against casebook's
// parser (importers/webvtt.hpp) in place from
// ../shared/testdata/transcripts/webvtt/w3c-wpt/:
//
//  * wpt-file-parsing: each NAME.vtt with NAME.js, a list of testharness
//    assertions. The assertions on the cue list's length and on each cue's
//    id, text, startTime and endTime are read from the .js; the three files
//    that assert those in loops (arrows, timings-negative,
//    timings-omitted-hours) have their expectations written out below.
//  * wpt-cue-parsing: each NAME.vtt with NAME.json, the cue text of cue i and
//    the DOM tree expected for it; the tree casebook builds is printed in the
//    same form and compared.
//
// Deliberate deviations (copied to the docs):
//  * Cue settings (align, line, position, size, vertical, region) and REGION
//    definitions are parsed only as far as the spec needs to find cues; their
//    values are not interpreted, so assertions on them (regions-*.js,
//    settings-*.js, nulls.js' align) are counted as "not applicable" and
//    skipped. casebook imports the words, not their placement on screen.
//  * Style sheets are not kept (stylesheets.js asserts nothing).
//  * Timestamps with more than 12 digits of hours are invalid (the spec
//    allows any number of digits); no recording is that long.
//  * Cue text nested more than 64 elements deep is flattened (deeper start
//    tags are ignored), to bound recursion on hostile input.
//  * HTML character references are decoded by the HTML parser casebook links
//    (gumbo), with its text-content rules; in a <v>/<lang> annotation a
//    legacy reference without ';' followed by letters ("&notit") is decoded
//    as in text, where HTML attribute rules would keep it literal.

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "importers/webvtt.hpp"
#include "test_support.hpp"

namespace vtt = casebook::importers::webvtt;
using casebook::testing::read_file;

namespace {

const std::filesystem::path kWpt =
    std::filesystem::path(CASEBOOK_TESTDATA) / "transcripts/webvtt/w3c-wpt";

// ---- Reading the expectations ----------------------------------------------

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// A JavaScript or JSON string literal starting at s[pos] (the quote);
// advances pos past the closing quote.
std::string read_string_literal(const std::string& s, std::size_t& pos) {
  const char quote = s[pos++];
  std::string out;
  while (pos < s.size() && s[pos] != quote) {
    char c = s[pos++];
    if (c != '\\') {
      out += c;
      continue;
    }
    c = s[pos++];
    switch (c) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'f':
        out += '\f';
        break;
      case 'b':
        out += '\b';
        break;
      case 'u': {
        char32_t cp = std::stoul(s.substr(pos, 4), nullptr, 16);
        pos += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && s.compare(pos, 2, "\\u") == 0) {
          const char32_t low = std::stoul(s.substr(pos + 2, 4), nullptr, 16);
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          pos += 6;
        }
        append_utf8(out, cp);
        break;
      }
      default:
        out += c;
    }
  }
  ++pos;
  return out;
}

// Expected values for one cue; unset fields are not asserted.
struct CueExpectation {
  std::optional<std::string> id, text;
  std::optional<double> start_s, end_s;
};

struct FileExpectation {
  std::optional<std::size_t> count;
  std::map<std::size_t, CueExpectation> cues;
  std::size_t not_applicable = 0;  // assertions on settings and regions
};

// Files whose assertions run in loops: written out here from their .js.
std::map<std::string, FileExpectation> loop_expectations() {
  std::map<std::string, FileExpectation> out;
  FileExpectation arrows;
  arrows.count = 6;
  for (std::size_t i = 0; i < 6; ++i) arrows.cues[i] = {"", "text" + std::to_string(i), {}, {}};
  out["arrows"] = arrows;

  FileExpectation negative;
  negative.count = 4;
  const double times[4][2] = {{0, 0}, {1, 0.999}, {60, 59.999}, {3600, 3599.999}};
  for (std::size_t i = 0; i < 4; ++i) {
    negative.cues[i] = {{}, "text" + std::to_string(i), times[i][0], times[i][1]};
  }
  out["timings-negative"] = negative;

  FileExpectation omitted;
  omitted.count = 3;
  for (std::size_t i = 0; i < 3; ++i) omitted.cues[i] = {{}, "text" + std::to_string(i), 0.0, 1.0};
  out["timings-omitted-hours"] = omitted;
  return out;
}

void set_field(CueExpectation& cue, const std::string& field, const std::string& raw_value,
               FileExpectation& file) {
  std::size_t pos = 0;
  const bool is_string = !raw_value.empty() && (raw_value[0] == '\'' || raw_value[0] == '"');
  if (field == "id" && is_string) {
    cue.id = read_string_literal(raw_value, pos);
  } else if (field == "text" && is_string) {
    cue.text = read_string_literal(raw_value, pos);
  } else if (field == "startTime") {
    cue.start_s = std::stod(raw_value);
  } else if (field == "endTime") {
    cue.end_s = std::stod(raw_value);
  } else {
    ++file.not_applicable;
  }
}

// Reads `assert_equals(cues.length, N)`, `assert_equals(cues[K].F, V)` and
// `var cue = cues[K]; ... assert_equals(cue.F, V)` from a .js file.
FileExpectation read_js(const std::string& js) {
  FileExpectation out;
  static const std::regex length(R"(assert_equals\(cues\.length,\s*(\d+))");
  static const std::regex indexed(
      R"(assert_equals\(cues\[(\d+)\]\.(\w+),\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[-\d.e]+))");
  // "var cue = cues[K]" binds the "cue.FIELD" assertions after it.
  static const std::regex via_var(
      R"(var cue = cues\[(\d+)\]|assert_equals\(cue\.(\w+),\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[-\d.e]+|\w+))");
  static const std::regex other_assert(R"(assert_\w+\()");
  std::smatch m;
  if (std::regex_search(js, m, length)) out.count = std::stoul(m[1]);
  std::size_t understood = out.count ? 1 : 0;
  for (auto it = std::sregex_iterator(js.begin(), js.end(), indexed); it != std::sregex_iterator();
       ++it, ++understood) {
    set_field(out.cues[std::stoul((*it)[1])], (*it)[2], (*it)[3], out);
  }
  std::optional<std::size_t> bound;
  for (auto it = std::sregex_iterator(js.begin(), js.end(), via_var); it != std::sregex_iterator();
       ++it) {
    if ((*it)[1].matched) {
      bound = std::stoul((*it)[1]);
      continue;
    }
    BOOST_REQUIRE_MESSAGE(bound, "cue.FIELD asserted without var cue = cues[K]");
    set_field(out.cues[*bound], (*it)[2], (*it)[3], out);
    ++understood;
  }
  // Every other assertion concerns settings or regions.
  const auto total = static_cast<std::size_t>(std::distance(
      std::sregex_iterator(js.begin(), js.end(), other_assert), std::sregex_iterator()));
  if (total > understood) out.not_applicable += total - understood;
  return out;
}

// ---- Checking a file ---------------------------------------------------------

std::int64_t to_ms(double seconds) {
  return std::llround(seconds * 1000);
}

// Returns the number of failed checks, reporting each.
std::size_t check_file(const std::string& name, const FileExpectation& expected,
                       const std::string& bytes) {
  std::size_t failures = 0;
  auto check = [&](bool ok, const std::string& what) {
    BOOST_TEST(ok, name << ": " << what);
    if (!ok) ++failures;
  };
  const auto parsed = vtt::parse_file(bytes);
  const std::vector<vtt::Cue> cues = parsed ? parsed->cues : std::vector<vtt::Cue>{};
  if (expected.count) {
    check(cues.size() == *expected.count, "cue count " + std::to_string(cues.size()) +
                                              ", expected " + std::to_string(*expected.count));
  }
  for (const auto& [i, cue] : expected.cues) {
    const std::string at = "cue " + std::to_string(i);
    if (i >= cues.size()) {
      check(false, at + " missing");
      continue;
    }
    if (cue.id)
      check(cues[i].id == *cue.id, at + " id \"" + cues[i].id + "\" != \"" + *cue.id + "\"");
    if (cue.text) {
      check(cues[i].text == *cue.text,
            at + " text \"" + cues[i].text + "\" != \"" + *cue.text + "\"");
    }
    if (cue.start_s) check(cues[i].start_ms == to_ms(*cue.start_s), at + " startTime");
    if (cue.end_s) check(cues[i].end_ms == to_ms(*cue.end_s), at + " endTime");
  }
  return failures;
}

// ---- Cue text trees ------------------------------------------------------------

std::string two_digits(std::int64_t v) {
  return (v < 10 ? "0" : "") + std::to_string(v);
}

std::string timestamp_text(std::int64_t ms) {
  const std::int64_t s = ms / 1000;
  std::string fraction = std::to_string(ms % 1000);
  fraction.insert(0, 3 - fraction.size(), '0');
  return two_digits(s / 3600) + ":" + two_digits(s / 60 % 60) + ":" + two_digits(s % 60) + "." +
         fraction;
}

std::string join_classes(const std::vector<std::string>& classes) {
  std::string out;
  for (const auto& c : classes) out += (out.empty() ? "" : " ") + c;
  return out;
}

// The tree as the WPT prints the DOM of getCueAsHTML(): "| " then two spaces
// per level; attributes in name order below their element.
void print_tree(const vtt::Node& node, std::size_t depth, std::string& out) {
  const std::string indent = "| " + std::string(2 * depth, ' ');
  using K = vtt::NodeKind;
  switch (node.kind) {
    case K::Text:
      out += indent + "\"" + node.text + "\"\n";
      return;
    case K::Timestamp:
      out += indent + "<?timestamp " + timestamp_text(node.timestamp_ms) + ">\n";
      return;
    case K::Root:
      break;
    default: {
      static const std::map<K, std::string> kElement = {
          {K::Class, "span"}, {K::Italic, "i"},    {K::Bold, "b"},     {K::Underline, "u"},
          {K::Ruby, "ruby"},  {K::RubyText, "rt"}, {K::Voice, "span"}, {K::Language, "span"}};
      out += indent + "<" + kElement.at(node.kind) + ">\n";
      const std::string attr_indent = "| " + std::string(2 * depth + 2, ' ');
      if (!node.classes.empty())
        out += attr_indent + "class=\"" + join_classes(node.classes) + "\"\n";
      if (node.kind == K::Language) out += attr_indent + "lang=\"" + node.annotation + "\"\n";
      if (node.kind == K::Voice) out += attr_indent + "title=\"" + node.annotation + "\"\n";
    }
  }
  const std::size_t child_depth = node.kind == K::Root ? 0 : depth + 1;
  for (const vtt::Node& child : node.children) print_tree(child, child_depth, out);
}

// The .json files: [{"text": ..., "expectedTree": ...}, ...].
std::vector<std::string> expected_trees(const std::string& json) {
  std::vector<std::string> trees;
  const std::string key = "\"expectedTree\":";
  for (std::size_t at = json.find(key); at != std::string::npos; at = json.find(key, at)) {
    std::size_t pos = json.find('"', at + key.size());
    trees.push_back(read_string_literal(json, pos));
    at = pos;
  }
  return trees;
}

std::vector<std::filesystem::path> files_with_extension(const std::filesystem::path& dir,
                                                        const std::string& ext) {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ext) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(webvtt_wpt)

BOOST_AUTO_TEST_CASE(file_parsing_matches_every_wpt_case) {
  const auto loops = loop_expectations();
  std::size_t files = 0, failed_files = 0, not_applicable = 0;
  for (const auto& js_path : files_with_extension(kWpt / "wpt-file-parsing", ".js")) {
    const std::string name = js_path.stem().string();
    const auto loop = loops.find(name);
    const FileExpectation expected =
        loop != loops.end() ? loop->second : read_js(read_file(js_path));
    not_applicable += expected.not_applicable;
    const std::string bytes = read_file(js_path.parent_path() / (name + ".vtt"));
    ++files;
    if (check_file(name, expected, bytes) > 0) ++failed_files;
  }
  BOOST_TEST(files == 37u);
  BOOST_TEST_MESSAGE("WPT file parsing: " << files - failed_files << "/" << files << " files pass; "
                                          << not_applicable
                                          << " settings/region assertions not applicable");
  BOOST_TEST(failed_files == 0u);
}

BOOST_AUTO_TEST_CASE(cue_text_parsing_matches_every_wpt_case) {
  std::size_t cases = 0, failed = 0;
  for (const auto& json_path : files_with_extension(kWpt / "wpt-cue-parsing", ".json")) {
    const std::string name = json_path.stem().string();
    const std::vector<std::string> trees = expected_trees(read_file(json_path));
    const auto parsed = vtt::parse_file(read_file(json_path.parent_path() / (name + ".vtt")));
    BOOST_REQUIRE(parsed);
    BOOST_TEST(parsed->cues.size() == trees.size(), name << ": cue count");
    for (std::size_t i = 0; i < trees.size() && i < parsed->cues.size(); ++i) {
      std::string actual;
      print_tree(vtt::parse_cue_text(parsed->cues[i].text), 0, actual);
      ++cases;
      const bool ok = actual == trees[i];
      BOOST_TEST(ok, name << " case " << i << " (" << parsed->cues[i].text << "):\n"
                          << actual << "expected:\n"
                          << trees[i]);
      if (!ok) ++failed;
    }
  }
  BOOST_TEST(cases == 77u);
  BOOST_TEST_MESSAGE("WPT cue text parsing: " << cases - failed << "/" << cases << " pass");
}

BOOST_AUTO_TEST_SUITE_END()
