// The SubRip (.srt) and SubViewer (.sbv) importers on the webvtt-py fixtures
// (valid and invalid) and on synthetic speaker-labelled subtitles.

#include <boost/test/unit_test.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/text/offsets.hpp"
#include "importers/importer.hpp"
#include "test_support.hpp"

namespace ci = casebook::importers;
using casebook::ErrorKind;
using casebook::testing::contains;
using casebook::testing::expect_error;
using casebook::text::OffsetMap;

namespace {

const std::string kDir = std::string(CASEBOOK_TESTDATA) + "/transcripts/subtitles-webvtt-py/";

ci::ImportedSource import_as(const std::string& format, const std::string& bytes,
                             const std::string& path) {
  ci::ImportedSource out =
      ci::format_named(format).make()->import({path, bytes, std::nullopt, std::nullopt});
  ci::validate(out, path);
  return out;
}

ci::ImportedSource import_file(const std::string& format, const std::string& name) {
  return import_as(format, casebook::testing::read_file(kDir + name), kDir + name);
}

std::vector<std::string> passage_texts(const ci::ImportedSource& s) {
  const OffsetMap map(s.text);
  std::vector<std::string> out;
  for (const auto& p : s.passages) out.emplace_back(map.slice(p.span));
  return out;
}

std::string error_of(const std::string& format, const std::string& name) {
  const auto e = expect_error(ErrorKind::Data, [&] { import_file(format, name); });
  return e.what();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(srt_importer)

BOOST_AUTO_TEST_CASE(sniffed_by_its_first_block) {
  BOOST_TEST(ci::format_for(
                 {"x.txt", "1\r\n00:00:00,500 --> 00:00:07,000\r\nHi", std::nullopt, std::nullopt})
                 .format == "srt");
  BOOST_TEST(ci::format_for({"notes.txt", "1\nsome text\n", std::nullopt, std::nullopt}).format ==
             "text");
}

BOOST_AUTO_TEST_CASE(sample_gives_times_and_text) {
  const auto s = import_file("srt", "sample.srt");
  BOOST_TEST(s.format == "srt");
  BOOST_REQUIRE_EQUAL(s.passages.size(), 1u);
  BOOST_TEST(passage_texts(s)[0] ==
             "Caption text #1 Caption text #2 Caption text #3 Caption text #4 Caption text #5");
  BOOST_TEST(s.passages[0].start_ms == 500);
  BOOST_TEST(s.passages[0].end_ms == 23880);
}

BOOST_AUTO_TEST_CASE(one_caption_and_missing_text) {
  BOOST_TEST(passage_texts(import_file("srt", "one_caption.srt"))[0] == "Caption text #1");
  // The empty cue leaves a pause of almost 5 s: a new paragraph.
  BOOST_TEST(passage_texts(import_file("srt", "missing_caption_text.srt")) ==
             (std::vector<std::string>{"Caption text #1",
                                       "Caption text #3 Caption text #4 Caption text #5"}));
}

BOOST_AUTO_TEST_CASE(speakers_crlf_and_missing_numbers) {
  const auto s =
      import_as("srt",
                "1\r\n00:00:01,000 --> 00:00:02,000\r\nInterviewer: How did it go?\r\n\r\n"
                "00:00:02,000 --> 00:00:04,000\r\nRespondent: <i>Well</i>, it went\r\nfine.\r\n"
                "3\r\n00:00:04,000 --> 00:00:05,000\r\nRespondent: Mostly.\r\n\r\n"
                "4\r\n00:00:06,000 --> 00:00:07,000\r\n<v Interviewer>Thanks.\r\n",
                "talk.srt");
  const auto texts = passage_texts(s);
  BOOST_REQUIRE_EQUAL(texts.size(), 3u);
  BOOST_TEST(s.passages[0].speaker == "Interviewer");
  BOOST_TEST(texts[1] == "Well, it went fine. Mostly.");
  BOOST_TEST(s.passages[1].speaker == "Respondent");
  BOOST_TEST(s.passages[1].start_ms == 2000);
  BOOST_TEST(s.passages[1].end_ms == 5000);
  BOOST_TEST(s.passages[2].speaker == "Interviewer");
  BOOST_TEST(s.suggested_type == "interview");
}

BOOST_AUTO_TEST_CASE(malformed_files_name_the_line) {
  BOOST_TEST(contains(error_of("srt", "invalid_format1.srt"),
                      "invalid_format1.srt: line 2: expected a timing line such as "
                      "\"00:00:01,000 --> 00:00:04,000\" after subtitle number 1, found the end "
                      "of the file"));
  BOOST_TEST(contains(error_of("srt", "invalid_format2.srt"),
                      "invalid_format2.srt: line 1: expected a subtitle number or a timing line"));
  BOOST_TEST(
      contains(error_of("srt", "invalid_format3.srt"),
               "invalid_format3.srt: line 2: expected a timing line such as "
               "\"00:00:01,000 --> 00:00:04,000\" after subtitle number 1, found \"some text\""));
  BOOST_TEST(contains(error_of("srt", "invalid_format4.srt"),
                      "invalid_format4.srt: line 1: expected a subtitle number or a timing line"));
  BOOST_TEST(contains(error_of("srt", "invalid_timeframe.srt"),
                      "invalid_timeframe.srt: line 6: expected a timing line such as "
                      "\"00:00:01,000 --> 00:00:04,000\" after subtitle number 2, found "
                      "\"00:00:07,000 --> 00:00:11.890\""));
  BOOST_TEST(contains(error_of("srt", "missing_timeframe.srt"),
                      "missing_timeframe.srt: line 6: expected a timing line such as "
                      "\"00:00:01,000 --> 00:00:04,000\" after subtitle number 2, found "
                      "\"Caption text #2\""));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(sbv_importer)

BOOST_AUTO_TEST_CASE(sample_and_two_captions) {
  const auto s = import_file("sbv", "sample.sbv");
  BOOST_TEST(s.format == "sbv");
  const auto texts = passage_texts(s);
  BOOST_REQUIRE_EQUAL(texts.size(), 1u);
  BOOST_TEST(texts[0] ==
             "Caption text #1 Caption text #2 Caption text #3 (line 1) Caption text #3 (line 2) "
             "Caption text #4 Caption text #5");
  BOOST_TEST(s.passages[0].start_ms == 378);
  BOOST_TEST(passage_texts(import_file("sbv", "two_captions.sbv"))[0] ==
             "Caption text #1 Caption text #2 (line 1) Caption text #2 (line 2)");
  BOOST_TEST(contains(import_file("sbv", "missing_caption_text.sbv").text, "Caption text #3"));
}

BOOST_AUTO_TEST_CASE(malformed_files_name_the_line) {
  BOOST_TEST(contains(error_of("sbv", "invalid_format.sbv"),
                      "invalid_format.sbv: line 1: expected a timing line such as "
                      "\"0:00:01.000,0:00:04.000\", found \"some text\"; this is not a valid "
                      "SubViewer (.sbv) file"));
  BOOST_TEST(contains(error_of("sbv", "invalid_timeframe.sbv"),
                      "invalid_timeframe.sbv: line 7: expected a timing line such as "
                      "\"0:00:01.000,0:00:04.000\", found \"0:00:13.f89,0:00:15.489\""));
  BOOST_TEST(contains(error_of("sbv", "missing_timeframe.sbv"),
                      "missing_timeframe.sbv: line 4: expected a timing line such as "
                      "\"0:00:01.000,0:00:04.000\", found \"Caption text #2\""));
}

BOOST_AUTO_TEST_SUITE_END()
