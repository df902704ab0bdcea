// The WebVTT importer: speaker turns from <v> spans and "Name:" prefixes,
// paragraphs from unlabelled captions, lenient Teams timings, and every
// .vtt file of the webvtt-py fixtures and the Teams example.

#include "importers/webvtt.hpp"

#include <boost/test/unit_test.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/text/offsets.hpp"
#include "importers/importer.hpp"
#include "test_support.hpp"

namespace ci = casebook::importers;
namespace vtt = casebook::importers::webvtt;
using casebook::ErrorKind;
using casebook::testing::contains;
using casebook::testing::expect_error;
using casebook::text::OffsetMap;

namespace {

const std::string kSubtitles = std::string(CASEBOOK_TESTDATA) + "/transcripts/subtitles-webvtt-py/";
const std::string kTeams =
    std::string(CASEBOOK_TESTDATA) + "/transcripts/teams-format/teams-style-example-transcript.vtt";

ci::ImportedSource import_vtt(const std::string& bytes, const std::string& path = "talk.vtt") {
  ci::ImportedSource out =
      ci::format_named("webvtt").make()->import({path, bytes, std::nullopt, std::nullopt});
  ci::validate(out, path);
  return out;
}

ci::ImportedSource import_file(const std::string& path) {
  return import_vtt(casebook::testing::read_file(path), path);
}

std::vector<std::string> passage_texts(const ci::ImportedSource& s) {
  const OffsetMap map(s.text);
  std::vector<std::string> out;
  for (const auto& p : s.passages) out.emplace_back(map.slice(p.span));
  return out;
}

std::string import_error(const std::string& path) {
  const auto e = expect_error(ErrorKind::Data, [&] { import_file(path); });
  return e.what();
}

bool any_note_contains(const ci::ImportedSource& s, const std::string& needle) {
  for (const auto& note : s.notes) {
    if (contains(note, needle)) return true;
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(webvtt_parser)

BOOST_AUTO_TEST_CASE(parses_ids_times_settings_and_text) {
  const auto parsed =
      vtt::parse_file("WEBVTT\n\nintro\n01:02:03.004 --> 01:02:04.000 align:start\nHello\nthere\n");
  BOOST_REQUIRE(parsed);
  BOOST_REQUIRE_EQUAL(parsed->cues.size(), 1u);
  BOOST_TEST(parsed->cues[0].id == "intro");
  BOOST_TEST(parsed->cues[0].start_ms == 3723004);
  BOOST_TEST(parsed->cues[0].end_ms == 3724000);
  BOOST_TEST(parsed->cues[0].settings == "align:start");
  BOOST_TEST(parsed->cues[0].text == "Hello\nthere");
  BOOST_TEST(parsed->cues[0].line == 4u);
}

BOOST_AUTO_TEST_CASE(rejects_files_without_the_signature) {
  BOOST_TEST(!vtt::parse_file("WEBVTTX\n").has_value());
  BOOST_TEST(!vtt::parse_file("WEBVT").has_value());
  BOOST_TEST(!vtt::parse_file("").has_value());
  BOOST_TEST(vtt::parse_file("\xEF\xBB\xBFWEBVTT").has_value());
}

BOOST_AUTO_TEST_CASE(teams_unpadded_timings_only_when_lenient) {
  const std::string file = "WEBVTT\n\n0:0:0.0 --> 0:0:5.320\n<v Ann>Hi.</v>\n";
  BOOST_TEST(vtt::parse_file(file)->cues.empty());
  vtt::ParseOptions lenient;
  lenient.lenient_timings = true;
  const auto parsed = vtt::parse_file(file, lenient);
  BOOST_REQUIRE_EQUAL(parsed->cues.size(), 1u);
  BOOST_TEST(parsed->cues[0].end_ms == 5320);
  BOOST_TEST(parsed->lenient_timing_lines == 1u);
}

BOOST_AUTO_TEST_CASE(voice_parts_split_a_cue_between_speakers) {
  const auto parts =
      vtt::voice_parts(vtt::parse_cue_text("<v Ann>Yes.</v> <v.loud Bob>No &amp; never"));
  BOOST_REQUIRE_EQUAL(parts.size(), 3u);
  BOOST_TEST(parts[0].speaker == "Ann");
  BOOST_TEST(parts[0].text == "Yes.");
  BOOST_TEST(!parts[1].voiced);
  BOOST_TEST(parts[2].speaker == "Bob");
  BOOST_TEST(parts[2].text == "No & never");
}

BOOST_AUTO_TEST_CASE(hostile_input_is_bounded) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<b>";
  deep += "x";
  BOOST_TEST(vtt::plain_text(vtt::parse_cue_text(deep)) == "x");
  BOOST_TEST(!vtt::parse_timestamp("99999999999999999999:00:00.000").has_value());
  BOOST_TEST(*vtt::parse_timestamp("100:00:00.000") == 360000000);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(webvtt_importer)

BOOST_AUTO_TEST_CASE(sniffed_by_signature_whatever_the_extension) {
  BOOST_TEST(
      ci::format_for({"x.txt", "WEBVTT\n\n00:01.000 --> 00:02.000\nHi", std::nullopt, std::nullopt})
          .format == "webvtt");
  BOOST_TEST(
      ci::format_for({"x.txt", "\xEF\xBB\xBFWEBVTT\r\n", std::nullopt, std::nullopt}).format ==
      "webvtt");
  BOOST_TEST(ci::format_for({"x.txt", "WEBVTTING is fun", std::nullopt, std::nullopt}).format ==
             "text");
}

BOOST_AUTO_TEST_CASE(teams_example_gives_one_turn_per_speaker_change) {
  const auto s = import_file(kTeams);
  BOOST_TEST(s.format == "webvtt");
  BOOST_TEST(s.suggested_type == "interview");
  BOOST_REQUIRE_EQUAL(s.passages.size(), 12u);
  BOOST_TEST(s.passages[0].kind == "turn");
  BOOST_TEST(s.passages[0].speaker == "John Smith");
  BOOST_TEST(s.passages[0].start_ms == 10087);
  BOOST_TEST(s.passages[0].end_ms == 13130);
  BOOST_TEST(s.passages[1].speaker == "Jane Doe");
  const auto texts = passage_texts(s);
  BOOST_TEST(texts[0] == "Hello, I am the interviewer.");
  BOOST_TEST(texts[1] ==
             "Nice. I am the student being interviewed, and I have many things to say.");
  BOOST_TEST(contains(texts[7], "Handling the edge cases \u2014 multiline speech"));
  BOOST_TEST(texts[11] == "Thank you for the opportunity to interview.");
}

BOOST_AUTO_TEST_CASE(consecutive_cues_of_a_speaker_merge) {
  const auto s = import_vtt(
      "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ann>One.</v>\n\n00:02.000 --> 00:03.000\n"
      "<v Ann>Two.\n\n00:03.000 --> 00:04.000\n<v Bob>Three.</v>\n");
  BOOST_REQUIRE_EQUAL(s.passages.size(), 2u);
  BOOST_TEST(passage_texts(s)[0] == "One. Two.");
  BOOST_TEST(s.passages[0].start_ms == 1000);
  BOOST_TEST(s.passages[0].end_ms == 3000);
  BOOST_TEST(s.passages[1].speaker == "Bob");
}

BOOST_AUTO_TEST_CASE(zoom_name_prefixes_become_speakers) {
  const auto s = import_vtt(
      "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nJane Doe: Hello there.\n\n2\n"
      "00:00:02.000 --> 00:00:03.000\nSam: Hi Jane.\n\n3\n00:00:03.000 --> 00:00:04.000\n"
      "Jane Doe: How are you?\n");
  BOOST_REQUIRE_EQUAL(s.passages.size(), 3u);
  BOOST_TEST(s.passages[0].speaker == "Jane Doe");
  BOOST_TEST(passage_texts(s)[0] == "Hello there.");
  BOOST_TEST(s.passages[1].speaker == "Sam");
  BOOST_TEST(s.suggested_type == "interview");
}

BOOST_AUTO_TEST_CASE(a_lone_colon_in_captions_is_not_a_speaker) {
  const auto s = import_vtt(
      "WEBVTT\n\n00:01.000 --> 00:02.000\nNote: this is a caption.\n\n00:02.000 --> 00:03.000\n"
      "And another one.\n\n00:03.000 --> 00:04.000\nAnd a third.\n");
  BOOST_REQUIRE_EQUAL(s.passages.size(), 1u);
  BOOST_TEST(s.passages[0].speaker.empty());
  BOOST_TEST(s.suggested_type.empty());
}

BOOST_AUTO_TEST_CASE(old_teams_timings_are_accepted_with_a_note) {
  const auto s = import_vtt(
      "WEBVTT\n\n0:0:0.0 --> 0:0:5.320\n<v Ann>Hello.</v>\n\n0:0:5.320 --> 0:0:9.5\n<v "
      "Bob>Hi.</v>\n");
  BOOST_REQUIRE_EQUAL(s.passages.size(), 2u);
  BOOST_TEST(s.passages[1].start_ms == 5320);
  BOOST_TEST(s.passages[1].end_ms == 9500);
  BOOST_TEST(any_note_contains(s, "accepted 2 timing lines with unpadded times"));
}

BOOST_AUTO_TEST_CASE(unlabelled_captions_form_paragraphs_at_pauses) {
  const auto s = import_vtt(
      "WEBVTT\n\n00:01.000 --> 00:02.000\nFirst <i>line</i>\n\n00:02.500 --> 00:03.000\nsecond.\n\n"
      "00:05.000 --> 00:06.000\nAfter a pause.\n");
  const auto texts = passage_texts(s);
  BOOST_REQUIRE_EQUAL(texts.size(), 2u);
  BOOST_TEST(texts[0] == "First line second.");
  BOOST_TEST(s.passages[0].kind == "paragraph");
  BOOST_TEST(s.passages[1].start_ms == 5000);
}

BOOST_AUTO_TEST_CASE(long_unlabelled_paragraphs_break_at_a_sentence_end) {
  std::string file = "WEBVTT\n\n";
  for (int i = 0; i < 40; ++i) {
    file += "00:" + std::string(i < 10 ? "0" : "") + std::to_string(i) +
            ".000 --> 00:" + std::string(i + 1 < 10 ? "0" : "") + std::to_string(i + 1) +
            ".000\nThis caption has some thirty characters in it.\n\n";
  }
  const auto s = import_vtt(file);
  BOOST_TEST(s.passages.size() >= 2u);
  for (const auto& text : passage_texts(s)) BOOST_TEST(text.back() == '.');
}

BOOST_AUTO_TEST_CASE(bom_file_gives_its_captions) {
  const auto s = import_file(kSubtitles + "captions_with_bom.vtt");
  BOOST_REQUIRE_EQUAL(s.passages.size(), 1u);
  BOOST_TEST(passage_texts(s)[0] ==
             "Caption text #1 Caption text #2 Caption text #3 Caption text #4");
  BOOST_TEST(s.passages[0].start_ms == 500);
  BOOST_TEST(s.passages[0].end_ms == 21580);
}

BOOST_AUTO_TEST_CASE(valid_fixture_files_give_their_words) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> files = {
      {"comments.vtt",
       {"- Ta en kopp varmt te.", "- Det \u00e4r inte varmt.", "Det smakar som te."}},
      {"cue_tags.vtt", {"When the moon hits your eye", "Like a big-a pizza pie", "That's amore"}},
      {"metadata_headers.vtt", {"Caption text #1 Caption text #2"}},
      {"metadata_headers_multiline.vtt", {"Caption text #1 Caption text #2"}},
      {"missing_caption_text.vtt", {"Caption text #1", "Caption text #3 Caption text #4"}},
      {"one_caption.vtt", {"Caption text #1"}},
      {"sample.vtt", {"Caption text #1 Caption text #2", "Caption text #16"}},
      {"styles.vtt", {"- Hello world."}},
      {"using_identifiers.vtt", {"Caption text #1 Caption text #2 Caption text #3"}},
      {"youtube_dl.vtt", {"yeah yeah what", "this will happen is I'm telling"}},
      {"invalid_timeframe_in_cue_text.vtt", {"Caption text #1", "Caption text #2", "#3"}},
  };
  for (const auto& [name, wanted] : files) {
    const auto s = import_file(kSubtitles + name);
    for (const auto& w : wanted) BOOST_TEST(contains(s.text, w), name << " lacks " << w);
    for (const char* unwanted :
         {"NOTE", "Kyle", "-->", "<", "papayawhip", "Kind:", "second caption"}) {
      BOOST_TEST(!contains(s.text, unwanted), name << " has " << unwanted);
    }
    BOOST_TEST(s.suggested_type.empty(), name);
  }
}

BOOST_AUTO_TEST_CASE(a_cue_with_a_bad_timing_line_is_skipped_with_a_note) {
  const auto s = import_file(kSubtitles + "invalid_timeframe.vtt");
  BOOST_TEST(!contains(s.text, "Caption text #2"));
  BOOST_TEST(passage_texts(s)[1] ==
             "Caption text #3 Caption text #4 Caption text #5 "
             "Caption text #6 Caption text #7");
  BOOST_TEST(any_note_contains(s,
                               "skipped 1 cue whose timing line is not valid WebVTT (line 6 "
                               "\"00:00:07.000 --> 00:00:1d.890\")"));
}

BOOST_AUTO_TEST_CASE(text_without_a_timing_line_is_ignored_with_a_note) {
  const auto s = import_file(kSubtitles + "missing_timeframe.vtt");
  BOOST_TEST(!contains(s.text, "Caption text #2"));
  BOOST_TEST(contains(s.text, "Caption text #7"));
  BOOST_TEST(any_note_contains(
      s, "ignored 1 block of text without a timing line (line 6 \"Caption text #2\")"));
}

BOOST_AUTO_TEST_CASE(files_that_cannot_be_imported_say_why) {
  BOOST_TEST(contains(import_error(kSubtitles + "empty.vtt"), "empty.vtt: contains no text"));
  BOOST_TEST(
      contains(import_error(kSubtitles + "no_captions.vtt"), "no_captions.vtt: has no cues"));
  BOOST_TEST(contains(import_error(kSubtitles + "invalid.vtt"),
                      "invalid.vtt: is not a WebVTT file: its first line must be WEBVTT"));
  const auto e = expect_error(ErrorKind::Data, [] {
    import_vtt("WEBVTT\n\n00:01.000 --> 00:02.000\n<i></i>\n", "blank.vtt");
  });
  BOOST_TEST(contains(e.what(), "blank.vtt: has cues, but none of them holds any text"));
}

BOOST_AUTO_TEST_SUITE_END()
