// The Markdown importer: what a reader sees becomes the text, each leaf block
// a passage of the right kind, front matter becomes metadata.

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <iterator>
#include <ostream>
#include <string>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/text/offsets.hpp"
#include "importers/importer.hpp"
#include "span_printing.hpp"
#include "test_support.hpp"

namespace ci = casebook::importers;
using casebook::Error;
using casebook::ErrorKind;
using casebook::text::OffsetMap;
using casebook::text::Span;

namespace {

const std::string kDir = std::string(CASEBOOK_TESTDATA) + "/text-encodings/unstructured/";

ci::ImportedSource import_md(const std::string& markdown, const std::string& path = "doc.md") {
  ci::ImportedSource out =
      ci::format_named("markdown").make()->import({path, markdown, std::nullopt, std::nullopt});
  ci::validate(out, path);
  return out;
}

std::vector<std::string> passage_texts(const ci::ImportedSource& s) {
  const OffsetMap map(s.text);
  std::vector<std::string> out;
  for (const auto& p : s.passages) out.emplace_back(map.slice(p.span));
  return out;
}

std::vector<std::string> kinds(const ci::ImportedSource& s) {
  std::vector<std::string> out;
  for (const auto& p : s.passages) out.push_back(p.kind);
  return out;
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "\n\n") + p;
  return out;
}

// The spans a correct importer must produce for `parts` joined by join().
std::vector<Span> expected_spans(const std::vector<std::string>& parts) {
  std::vector<Span> out;
  std::size_t at = 0;
  for (const auto& p : parts) {
    const std::size_t n = casebook::text::count_code_points(p);
    out.push_back({at, at + n});
    at += n + 2;
  }
  return out;
}

std::vector<Span> spans(const ci::ImportedSource& s) {
  std::vector<Span> out;
  for (const auto& p : s.passages) out.push_back(p.span);
  return out;
}

const char kDocument[] = R"(---
title: "Council minutes"
date: 2023-06-20
event:
  title: nested keys are not the document's title
  date: 1999-01-01
---
# Main *title*

Some **bold** and _emph_ text with [a link](http://example.org) and ![alt text](i.png) and `x = 1`.
Second line<br>after html\
hard break

- item one
- item **two**

> quoted
> text

    indented code

```python
print("hi")
```

<div>
html block
</div>

***

Sub heading
-----------
)";

}  // namespace

BOOST_AUTO_TEST_SUITE(importers_markdown)

BOOST_AUTO_TEST_CASE(blocks_become_passages_of_the_right_kind) {
  const ci::ImportedSource s = import_md(kDocument);
  const std::vector<std::string> expected = {
      "Main title",
      "Some bold and emph text with a link and alt text and x = 1.\nSecond lineafter html\n"
      "hard break",
      "item one",
      "item two",
      "quoted\ntext",
      "indented code",
      "print(\"hi\")",
      "Sub heading"};
  BOOST_TEST(s.text == join(expected));
  BOOST_TEST(passage_texts(s) == expected, boost::test_tools::per_element());
  BOOST_TEST(spans(s) == expected_spans(expected), boost::test_tools::per_element());
  BOOST_TEST((s.passages.at(0).span == Span{0, 10}));
  BOOST_TEST(s.passages.at(1).span.start == 12u);
  const std::vector<std::string> expected_kinds = {"heading", "paragraph", "list-item", "list-item",
                                                   "quote",   "code",      "code",      "heading"};
  BOOST_TEST(kinds(s) == expected_kinds, boost::test_tools::per_element());
  BOOST_TEST(s.format == "markdown");
  BOOST_TEST(s.encoding == "UTF-8");
}

BOOST_AUTO_TEST_CASE(passages_carry_the_path_of_the_headings_above_them) {
  const auto s = import_md(
      "Preamble.\n\n# Minutes\n\nPresent: all.\n\n## 5. Shared services\n\n"
      "Agreed.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n## 6. Any *other* business\n\n"
      "None.\n\n# Appendix\n\n- item\n");
  std::vector<std::string> paths;
  for (const auto& p : s.passages) paths.push_back(p.heading_path);
  const std::vector<std::string> expected = {"",
                                             "",
                                             "Minutes",
                                             "Minutes",
                                             "Minutes > 5. Shared services",
                                             "Minutes > 5. Shared services",
                                             "Minutes > 5. Shared services",
                                             "Minutes",
                                             "Minutes > 6. Any other business",
                                             "",
                                             "Appendix"};
  BOOST_TEST(paths == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(table_rows_are_passages_with_tab_separated_cells) {
  const ci::ImportedSource s = import_md(
      "| Option | Cost |\n|---|---:|\n| Stay | £1.2m |\n| ~~Leave~~ **Exit** | £0.4m |\n\n"
      "See https://example.org\n");
  BOOST_TEST(passage_texts(s) ==
                 (std::vector<std::string>{"Option\tCost", "Stay\t£1.2m", "Leave Exit\t£0.4m",
                                           "See https://example.org"}),
             boost::test_tools::per_element());
  BOOST_TEST(
      kinds(s) == (std::vector<std::string>{"table-row", "table-row", "table-row", "paragraph"}),
      boost::test_tools::per_element());
  // Spans are code points: "£" is one.
  BOOST_TEST(s.passages[1].span == (Span{13, 23}));
}

BOOST_AUTO_TEST_CASE(front_matter_gives_title_and_date_and_is_not_text) {
  const ci::ImportedSource s = import_md(kDocument);
  BOOST_TEST(s.title == "Council minutes");
  BOOST_TEST(s.date == "2023-06-20");
  BOOST_TEST(s.text.find("title:") == std::string::npos);
  BOOST_TEST(s.text.find("2023") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(title_falls_back_to_the_first_level_one_heading) {
  BOOST_TEST(import_md("## Intro\n\nText\n\n# Real *Title*\n\n# Second\n").title == "Real Title");
  BOOST_TEST(import_md("Setext Title\n============\n\nbody\n").title == "Setext Title");
  BOOST_TEST(import_md("## Only level two\n\nbody\n").title.empty());
  BOOST_TEST(import_md("---\ndate: 2020-01-02\n---\n# From heading\n").title == "From heading");
}

BOOST_AUTO_TEST_CASE(front_matter_dates) {
  BOOST_TEST(import_md("---\ndate: 2023-06-20T10:00:00Z\n---\nx\n").date == "2023-06-20");
  BOOST_TEST(import_md("---\ndate: '2021-01-05'\n---\nx\n").date == "2021-01-05");
  const ci::ImportedSource bad = import_md("---\ndate: June 5\n---\nx\n");
  BOOST_TEST(bad.date.empty());
  BOOST_REQUIRE(bad.notes.size() == 1u);
  BOOST_TEST(bad.notes[0].find("June 5") != std::string::npos);
  BOOST_TEST(import_md("---\ndate: 2021-13-05\n---\nx\n").date.empty());
}

BOOST_AUTO_TEST_CASE(front_matter_only_counts_at_the_very_start_and_when_closed) {
  const ci::ImportedSource unclosed = import_md("---\ntitle: x\n");
  BOOST_TEST(unclosed.title.empty());
  BOOST_TEST(unclosed.text == "title: x");

  const ci::ImportedSource late = import_md("\n---\ntitle: x\n---\nbody\n");
  BOOST_TEST(late.title.empty());
  BOOST_TEST(late.text.find("title: x") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(nearest_container_decides_the_kind) {
  const ci::ImportedSource s =
      import_md("- > quote in a list item\n\n<!-- -->\n\n> - list item in a quote\n");
  BOOST_TEST(passage_texts(s) ==
                 (std::vector<std::string>{"quote in a list item", "list item in a quote"}),
             boost::test_tools::per_element());
  BOOST_TEST(kinds(s) == (std::vector<std::string>{"quote", "list-item"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(inline_markup_is_dropped_and_its_text_kept) {
  const ci::ImportedSource s = import_md(
      "Fish &amp; chips &copy; 2020 &#x1F600; a <span class=\"x\">b</span> c "
      "![an *alt*](x.png) <http://x.org> \\*not emphasis\\*\n");
  BOOST_TEST(s.text ==
             "Fish & chips \u00A9 2020 \U0001F600 a b c an alt http://x.org *not emphasis*");
}

BOOST_AUTO_TEST_CASE(nfc_and_astral_characters_count_as_code_points) {
  const ci::ImportedSource s = import_md("# Cafe\u0301 \U0001F600\n\nn\u00E4chste \U0001D518\n");
  BOOST_TEST(s.text == "Caf\u00E9 \U0001F600\n\nn\u00E4chste \U0001D518");
  BOOST_TEST(spans(s) == (std::vector<Span>{{0, 6}, {8, 17}}), boost::test_tools::per_element());
  BOOST_TEST(s.title == "Caf\u00E9 \U0001F600");
}

BOOST_AUTO_TEST_CASE(crlf_markdown_matches_lf) {
  const std::string lf = "# T\n\npara one\nline two\n\n- a\n- b\n";
  std::string crlf;
  for (char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const ci::ImportedSource a = import_md(lf), b = import_md(crlf);
  BOOST_TEST(a.text == "T\n\npara one\nline two\n\na\n\nb");
  BOOST_TEST(b.text == a.text);
  BOOST_TEST(spans(b) == spans(a), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(real_umlaut_files_in_both_encodings) {
  const std::string utf8_path = kDir + "umlauts-utf8.md", latin_path = kDir + "umlauts-non-utf8.md";
  BOOST_TEST(ci::format_for(
                 {utf8_path, casebook::testing::read_file(utf8_path), std::nullopt, std::nullopt})
                 .format == "markdown");
  const ci::ImportedSource utf8 = import_md(casebook::testing::read_file(utf8_path), utf8_path);
  const ci::ImportedSource latin = import_md(casebook::testing::read_file(latin_path), latin_path);
  BOOST_TEST(utf8.text == "k\u00F6nnen\n\nk\u00F6nnen\n\n\u00E4\u00F6\u00FC\u00DF");
  BOOST_TEST(kinds(utf8) == (std::vector<std::string>{"heading", "paragraph", "paragraph"}),
             boost::test_tools::per_element());
  BOOST_TEST(utf8.title.empty());  // a level-2 heading is not a title
  BOOST_TEST(latin.text == utf8.text);
  BOOST_TEST(spans(latin) == spans(utf8), boost::test_tools::per_element());
  BOOST_TEST(!latin.notes.empty());
}

BOOST_AUTO_TEST_CASE(markdown_without_visible_text_is_a_data_error) {
  for (const std::string doc :
       {"<!-- only a comment -->\n\n***\n", "   \n\n", "---\ntitle: x\n---\n"}) {
    try {
      import_md(doc, "notes/blank.md");
      BOOST_FAIL("expected an error");
    } catch (const Error& e) {
      BOOST_TEST((e.kind() == ErrorKind::Data));
      BOOST_TEST(std::string(e.what()).find("notes/blank.md") != std::string::npos, e.what());
      BOOST_TEST(std::string(e.what()).find("contains no text") != std::string::npos, e.what());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
