// Transcripts written as paragraphs: speaker label forms, Teams DOCX-style
// timing paragraphs, the "is it a transcript?" test (committee papers must
// not pass), and the plain-text importer's use of it.

#include "importers/transcript.hpp"

#include <boost/test/unit_test.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/text/offsets.hpp"
#include "importers/importer.hpp"
#include "test_support.hpp"

namespace ci = casebook::importers;
using casebook::testing::contains;
using casebook::text::OffsetMap;

namespace {

const std::string kQualCoder =
    std::string(CASEBOOK_TESTDATA) + "/refi-qda/qualcoder-examples/transcript.txt";

ci::ImportedSource import_text(const std::string& bytes, std::optional<bool> transcript = {}) {
  ci::InputFile file{"talk.txt", bytes, std::nullopt, std::nullopt};
  file.transcript = transcript;
  ci::ImportedSource out = ci::format_named("text").make()->import(file);
  ci::validate(out, file.path);
  return out;
}

std::vector<std::string> passage_texts(const ci::ImportedSource& s) {
  const OffsetMap map(s.text);
  std::vector<std::string> out;
  for (const auto& p : s.passages) out.emplace_back(map.slice(p.span));
  return out;
}

// The one turn `paragraph` gives when a label is required.
ci::SpeakerTurn only_turn(const std::string& paragraph) {
  const auto turns = ci::find_speaker_turns({paragraph}, true);
  BOOST_REQUIRE_MESSAGE(turns, paragraph);
  BOOST_REQUIRE_EQUAL(turns->size(), 1u);
  return turns->front();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(transcript_labels)

BOOST_AUTO_TEST_CASE(label_forms) {
  struct Case {
    std::string paragraph, speaker;
    std::int64_t start_ms;
    std::string text;
  };
  const std::vector<Case> cases = {
      {"Interviewer: How long have you lived here?", "Interviewer", -1,
       "How long have you lived here?"},
      {"INT: Thanks.", "INT", -1, "Thanks."},
      {"Int-7: Go on.", "Int-7", -1, "Go on."},
      {"R1: Ten years.", "R1", -1, "Ten years."},
      {"Respondent 3: I agree.", "Respondent 3", -1, "I agree."},
      {"Dr Jane Smith: The data show it.", "Dr Jane Smith", -1, "The data show it."},
      {"interviewer : spaced colon", "interviewer", -1, "spaced colon"},
      {"[00:12:31] Jane: At a time.", "Jane", 751000, "At a time."},
      {"Jane [00:12:31]: Time after.", "Jane", 751000, "Time after."},
      {"(00:12:31) Jane: In parentheses.", "Jane", 751000, "In parentheses."},
      {"Jane 00:12:31\nOn the next line.", "Jane", 751000, "On the next line."},
      {"Speaker 1  0:05\nOtter style.", "Speaker 1", 5000, "Otter style."},
      {"[id1] QualCoder style.", "id1", -1, "QualCoder style."},
  };
  for (const auto& c : cases) {
    const auto turn = only_turn(c.paragraph);
    BOOST_TEST(turn.speaker == c.speaker, c.paragraph);
    BOOST_TEST(turn.start_ms == c.start_ms, c.paragraph);
    BOOST_TEST(turn.text == c.text, c.paragraph);
  }
}

BOOST_AUTO_TEST_CASE(prose_openings_are_not_labels) {
  for (const std::string p :
       {"Note: the council will meet again.", "Recommendation: approve the plan.",
        "Resolved: that the minutes be signed.", "The chair said, in summary: no.",
        "At 10:30 the meeting resumed.", "See https://example.org for details."}) {
    const auto turns = ci::find_speaker_turns({p, p, p, p}, false);
    BOOST_TEST(!turns.has_value(), p);
  }
}

BOOST_AUTO_TEST_CASE(turns_get_end_times_from_the_next_start) {
  const auto turns = ci::find_speaker_turns(
      {"[00:00:01] Ann: Hi.", "[00:00:04] Bob: Hello.", "[00:00:09] Ann: Bye.", "Still Ann."},
      false);
  BOOST_REQUIRE(turns);
  BOOST_REQUIRE_EQUAL(turns->size(), 3u);
  BOOST_TEST((*turns)[0].end_ms == 4000);
  BOOST_TEST((*turns)[1].end_ms == 9000);
  BOOST_TEST((*turns)[2].end_ms == -1);
  BOOST_TEST((*turns)[2].text == "Bye.\nStill Ann.");
}

BOOST_AUTO_TEST_CASE(teams_docx_paragraphs) {
  const auto turns = ci::find_speaker_turns(
      {"0:0:0.0 --> 0:0:1.510", "Some Body", "OK. Yeah.", "0:0:3.270 --> 0:0:4.300", "Other Person",
       "Yes.", "0:0:4.300 --> 0:0:9.0", "Some Body", "Right then."},
      false);
  BOOST_REQUIRE(turns);
  BOOST_REQUIRE_EQUAL(turns->size(), 3u);
  BOOST_TEST((*turns)[0].speaker == "Some Body");
  BOOST_TEST((*turns)[0].end_ms == 1510);
  BOOST_TEST((*turns)[0].text == "OK. Yeah.");
  BOOST_TEST((*turns)[1].start_ms == 3270);
  BOOST_TEST((*turns)[2].end_ms == 9000);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(transcript_plain_text)

BOOST_AUTO_TEST_CASE(qualcoder_transcript_is_recognised) {
  const auto s = import_text(casebook::testing::read_file(kQualCoder));
  BOOST_TEST(s.format == "text");
  BOOST_TEST(s.suggested_type == "interview");
  BOOST_REQUIRE_EQUAL(s.passages.size(), 7u);
  const std::vector<std::string> speakers = {"id1", "id2", "id3", "id1", "id3", "id1", "id2"};
  for (std::size_t i = 0; i < speakers.size(); ++i) {
    BOOST_TEST(s.passages[i].kind == "turn");
    BOOST_TEST(s.passages[i].speaker == speakers[i]);
  }
  const auto texts = passage_texts(s);
  BOOST_TEST(texts[0].rfind("hello, I like the course.", 0) == 0u);
  BOOST_TEST(texts[6] == "Hmm, I will ask the tutor for more help as I am really struggling.");
  BOOST_TEST(!contains(s.text, "[id1]"));
  BOOST_REQUIRE(!s.notes.empty());
  BOOST_TEST(s.notes.back() ==
             "recognised as a transcript: 7 turns, 3 speakers; pass --no-transcript to import "
             "as plain paragraphs");
}

BOOST_AUTO_TEST_CASE(no_transcript_keeps_plain_paragraphs) {
  const std::string bytes = casebook::testing::read_file(kQualCoder);
  const auto s = import_text(bytes, false);
  BOOST_TEST(s.suggested_type.empty());
  BOOST_TEST(s.passages.size() == 7u);
  BOOST_TEST(s.passages[0].kind == "paragraph");
  BOOST_TEST(s.text.rfind("[id1] hello", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(committee_minutes_are_not_a_transcript) {
  const std::string minutes =
      "Planning Committee, 4 March 2024\n\n"
      "Present: Cllrs Adams, Brown and Clark.\n\n"
      "Note: the applicant spoke for five minutes.\n\n"
      "Resolved: that planning permission be granted.\n\n"
      "Note: Cllr Brown abstained.\n\n"
      "Resolved: that the minutes of 5 February be approved.\n\n"
      "Recommendation: approve the revised budget.\n\n"
      "Officer comment: the scheme meets policy H3.\n\n"
      "The meeting closed at 9.15pm.\n";
  const auto s = import_text(minutes);
  BOOST_TEST(s.suggested_type.empty());
  BOOST_TEST(s.passages.size() == 9u);
  for (const auto& p : s.passages) BOOST_TEST(p.kind == "paragraph");
}

BOOST_AUTO_TEST_CASE(forced_transcript_with_few_labels) {
  const auto s = import_text("Intro text.\n\nAnn: One.\n\nMore from Ann.\n\nBob: Two.\n", true);
  const auto texts = passage_texts(s);
  BOOST_REQUIRE_EQUAL(texts.size(), 3u);
  BOOST_TEST(s.passages[0].kind == "paragraph");
  BOOST_TEST(texts[1] == "One.\nMore from Ann.");
  BOOST_TEST(s.passages[1].speaker == "Ann");
  BOOST_TEST(s.passages[2].speaker == "Bob");
  BOOST_TEST(s.suggested_type == "interview");
}

BOOST_AUTO_TEST_SUITE_END()
