// TextBuilder: spans correct by construction, canonical and trimmed passages.

#include "importers/text_builder.hpp"

#include <boost/test/unit_test.hpp>
#include <ostream>
#include <string>

#include "engine/core/error.hpp"
#include "engine/text/offsets.hpp"
#include "span_printing.hpp"

namespace ci = casebook::importers;
using casebook::Error;
using casebook::ErrorKind;
using casebook::text::OffsetMap;
using casebook::text::Span;

namespace {

void add(ci::TextBuilder& b, const std::string& kind, const std::string& text) {
  b.begin_passage(kind);
  b.append(text);
  b.end_passage();
}

template <class F>
ErrorKind kind_of_error(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.kind();
  }
  BOOST_FAIL("expected a casebook::Error");
  return ErrorKind::Usage;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(importers_text_builder)

BOOST_AUTO_TEST_CASE(joins_trimmed_passages_with_blank_lines) {
  ci::TextBuilder b("doc.md");
  add(b, "heading", "Hello");
  add(b, "paragraph", "  World \n");
  add(b, "paragraph", " \n\t ");            // dropped: nothing but whitespace
  add(b, "quote", "\u00A0Zo\u00EB\u3000");  // no-break and ideographic spaces trimmed
  const ci::ImportedSource out = b.finish();
  BOOST_TEST(out.text == "Hello\n\nWorld\n\nZo\u00EB");
  BOOST_REQUIRE(out.passages.size() == 3u);
  BOOST_TEST((out.passages[0].span == Span{0, 5}));
  BOOST_TEST((out.passages[1].span == Span{7, 12}));
  BOOST_TEST((out.passages[2].span == Span{14, 17}));  // code points, not bytes
  BOOST_TEST(out.passages[0].kind == "heading");
  BOOST_TEST(out.passages[2].kind == "quote");
}

BOOST_AUTO_TEST_CASE(byte_order_marks_at_a_passage_edge_are_trimmed) {
  // Found by fuzz.markdown: a BOM after indentation started the text with U+FEFF.
  ci::TextBuilder b("doc.md");
  add(b, "paragraph", "      \uFEFF   Apache License\uFEFF");
  add(b, "paragraph", "\uFEFF\uFEFFVersion 2.0 \uFEFF ");
  add(b, "paragraph", "\uFEFF \uFEFF");    // dropped: nothing visible
  add(b, "paragraph", "zero\uFEFFwidth");  // inside a passage it stays
  const ci::ImportedSource out = b.finish();
  BOOST_TEST(out.text == "Apache License\n\nVersion 2.0\n\nzero\uFEFFwidth");
  BOOST_REQUIRE(out.passages.size() == 3u);
  BOOST_TEST((out.passages[1].span == Span{16, 27}));
}

BOOST_AUTO_TEST_CASE(pieces_are_joined_then_normalised) {
  ci::TextBuilder b("doc.md");
  b.begin_passage("paragraph");
  b.append("Cafe");
  b.append("\u0301 ");  // combining acute arrives in a separate piece
  b.append("ok\r\nnext");
  b.end_passage();
  const ci::ImportedSource out = b.finish();
  BOOST_TEST(out.text == "Caf\u00E9 ok\nnext");
  BOOST_REQUIRE(out.passages.size() == 1u);
  BOOST_TEST((out.passages[0].span == Span{0, 12}));
}

BOOST_AUTO_TEST_CASE(keeps_speaker_and_page) {
  ci::TextBuilder b("hearing.vtt");
  b.begin_passage("turn", "Cllr Smith", 3);
  b.append("I move the motion.");
  b.end_passage();
  const ci::ImportedSource out = b.finish();
  BOOST_REQUIRE(out.passages.size() == 1u);
  BOOST_TEST(out.passages[0].speaker == "Cllr Smith");
  BOOST_TEST(out.passages[0].page == 3);
  BOOST_TEST(out.passages[0].kind == "turn");
}

BOOST_AUTO_TEST_CASE(spans_slice_back_to_each_passage_with_astral_characters) {
  ci::TextBuilder b("many.md");
  std::vector<std::string> expected;
  for (int i = 0; i < 2000; ++i) {
    expected.push_back("p" + std::to_string(i) + " \U0001F600 na\u00EFve \U0001D518");
    add(b, "paragraph", "  " + expected.back() + "\n");
  }
  const ci::ImportedSource out = b.finish();
  BOOST_REQUIRE(out.passages.size() == expected.size());
  const OffsetMap map(out.text);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    BOOST_TEST(map.slice(out.passages[i].span) == expected[i]);
  }
  BOOST_TEST(out.passages.back().span.end == casebook::text::count_code_points(out.text));
  BOOST_CHECK_NO_THROW(ci::validate(out, "many.md"));
}

BOOST_AUTO_TEST_CASE(passage_count_tells_whether_a_passage_was_kept) {
  ci::TextBuilder b("x.md");
  add(b, "paragraph", "one");
  BOOST_TEST(b.passage_count() == 1u);
  add(b, "paragraph", "   ");
  BOOST_TEST(b.passage_count() == 1u);
  BOOST_TEST(!b.in_passage());
  b.begin_passage("paragraph");
  BOOST_TEST(b.in_passage());
}

BOOST_AUTO_TEST_CASE(finish_resets_the_builder) {
  ci::TextBuilder b("x.md");
  add(b, "paragraph", "first");
  BOOST_TEST(b.finish().text == "first");
  add(b, "paragraph", "second");
  const ci::ImportedSource again = b.finish();
  BOOST_TEST(again.text == "second");
  BOOST_REQUIRE(again.passages.size() == 1u);
  BOOST_TEST((again.passages[0].span == Span{0, 6}));
}

BOOST_AUTO_TEST_CASE(misuse_is_an_internal_error) {
  BOOST_TEST((kind_of_error([] { ci::TextBuilder("x").append("a"); }) == ErrorKind::Internal));
  BOOST_TEST((kind_of_error([] { ci::TextBuilder("x").end_passage(); }) == ErrorKind::Internal));
  BOOST_TEST((kind_of_error([] {
                ci::TextBuilder b("x");
                b.begin_passage("paragraph");
                b.begin_passage("paragraph");
              }) == ErrorKind::Internal));
  BOOST_TEST((kind_of_error([] {
                ci::TextBuilder b("x");
                b.begin_passage("paragraph");
                b.finish();
              }) == ErrorKind::Internal));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_a_data_error_naming_the_file) {
  ci::TextBuilder b("broken.docx");
  b.begin_passage("paragraph");
  b.append("ok \xC3(");
  try {
    b.end_passage();
    BOOST_FAIL("expected an error");
  } catch (const Error& e) {
    BOOST_TEST((e.kind() == ErrorKind::Data));
    BOOST_TEST(std::string(e.what()).find("broken.docx") != std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()
