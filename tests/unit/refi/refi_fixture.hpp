#pragma once
// A small coded project for the REFI-QDA export tests: two cases with typed
// attributes, a codebook with a dimension, a proposition and an exclusive
// group, three sources (one with emoji, combining marks and CJK), codings by
// two coders on the same span, one rejected and one removed coding, and
// memos on the project, a code, a source, a case and a coding.

#include <SQLiteCpp/SQLiteCpp.h>

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/cases/case_sheet.hpp"
#include "engine/codebook/store_sync.hpp"
#include "engine/coding/codings.hpp"
#include "engine/coding/memos.hpp"
#include "engine/coding/review.hpp"
#include "engine/coding/targets.hpp"
#include "engine/store/cases.hpp"
#include "project_fixture.hpp"

namespace casebook::testing {

// NFC text whose code points, UTF-8 bytes and UTF-16 units all differ:
// a ZWJ emoji family (5 code points), q + combining dot (no precomposed
// form, so NFC keeps 2 code points), CJK, and an astral emoji.
inline const std::string kUnicodeText =
    "Caf\u00e9 \U0001F469\u200D\U0001F469\u200D\U0001F467 met q\u0307uietly.\n\n"
    "\u65E5\u672C\u8A9E\u306E\u8CC7\u6599 \U0001F389 was shared.\n\n"
    "The queue grew.";

inline codebook::Codebook refi_codebook(bool with_exante = true) {
  codebook::Codebook book;
  book.name = "refi test";
  book.description = "Codes for the export tests.";
  book.dimensions = {{"direction",
                      codebook::Level::Nominal,
                      "Which way it points",
                      {{"negative", "bad for the partnership"}, {"positive", ""}},
                      {},
                      {}}};
  auto make = [](const std::string& key, const std::string& parent, const std::string& name) {
    codebook::Code c;
    c.key = key;
    c.parent = parent;
    c.name = name;
    return c;
  };
  codebook::Code expost = make("expost", "", "Ex-post");
  expost.colour = "#aa3300";
  expost.definition = "Interdependence after joining.\nSecond line with a \\ backslash.";
  expost.inclusion = "Delays, queues";
  expost.typical_examples = {"We queued for months."};
  expost.dimensions = {{"direction", false}};
  codebook::Code queue = make("expost.queue", "expost", "Queuing");
  queue.dimensions = {{"direction", false}};
  codebook::Code exante = make("exante", "", "Ex-ante");
  book.codes = {expost, queue};
  if (with_exante) book.codes.push_back(exante);
  codebook::Proposition p3{"P3", "", "Ex-post interdependence dissolves partnerships", {}};
  p3.links = {{"expost", "direction", "negative", codebook::Bearing::Supports, "", 0}};
  book.propositions = {p3};
  book.exclusive_groups = {{"timing", {"expost.queue"}, 0}};
  return book;
}

struct RefiProject : TextProject {
  store::SourceInfo unicode, minutes, press;
  std::int64_t ann_queue = 0, bob_queue = 0, rejected = 0, removed = 0;

  RefiProject() {
    {
      store::WriteTransaction tx(project.store());
      store::import_cases(
          project.store(),
          cases::parse_case_sheet("id,outcome,sub_outcome,population:integer,cost:decimal,"
                                  "start:date,joint:boolean,note:text\n"
                                  "A,dissolved,early,120000,1.5,2008-04-01,true,first\n"
                                  "B,sustained,,90000,2.25,2010,false,\n",
                                  "cases.csv"),
          "cases.csv", "sam");
      codebook::load_codebook(project.store(), refi_codebook(), "<codebook/>", "cb.xml", "sam", {});
      tx.commit();
    }
    unicode = add_source(kUnicodeText, "interview", "uni");
    minutes = add_source("The board noted the queue for housing staff.", "minutes", "min-a");
    press = add_source("Nothing coded here.", "press", "press-b");
    link(unicode, "A");
    link(minutes, "A");
    link(press, "B");
    ann_queue = code(unicode, "\u65E5\u672C\u8A9E\u306E\u8CC7\u6599 \U0001F389", "expost.queue",
                     "ann", {{"direction", "negative"}});
    bob_queue =
        code(unicode, "\u65E5\u672C\u8A9E\u306E\u8CC7\u6599 \U0001F389", "expost.queue", "bob");
    code(unicode, "\U0001F469\u200D\U0001F469\u200D\U0001F467 met q\u0307uietly", "expost", "ann");
    rejected = code(minutes, "queue for housing staff", "expost", "ann");
    removed = code(minutes, "The board", "expost", "bob");
    store::WriteTransaction tx(project.store());
    coding::reject_codings(project.store(), {rejected}, coding::Viewer{"sam", false},
                           "not ex-post");
    coding::remove_codings(project.store(), {removed}, coding::Viewer{"bob", false}, "slip");
    const coding::Viewer sam{"sam", false};
    memo(coding::MemoKind::Project, "", "Project memo", sam);
    memo(coding::MemoKind::Code, "expost", "Watch the boundary with exante", sam);
    memo(coding::MemoKind::Source, unicode.label, "Long interview", sam);
    memo(coding::MemoKind::Case, "A", "Case A dissolved in 2015", sam);
    memo(coding::MemoKind::Coding, std::to_string(ann_queue), "Strong example", sam);
    tx.commit();
  }

  void link(const store::SourceInfo& s, const std::string& c) {
    SQLite::Statement q(project.store().db(),
                        "INSERT INTO source_cases (source_id, case_id) SELECT ?, id FROM cases "
                        "WHERE label = ?");
    q.bind(1, s.id);
    q.bind(2, c);
    q.exec();
  }

  std::int64_t code(const store::SourceInfo& s, const std::string& match, const std::string& key,
                    const std::string& coder,
                    std::vector<std::pair<std::string, std::string>> dims = {}) {
    store::WriteTransaction tx(project.store());
    const auto text = coding::load_source_text(project.store(), s.label);
    const auto target = coding::match_target(text, match);
    auto r = coding::add_codings(project.store(), {target}, {key, std::move(dims), ""}, coder);
    BOOST_REQUIRE(r.added.size() == 1u);
    tx.commit();
    return r.added[0];
  }

  void memo(coding::MemoKind kind, const std::string& ref, const std::string& text,
            const coding::Viewer& viewer) {
    const auto target = coding::resolve_memo_target(project.store(), kind, ref, viewer);
    coding::add_memo(project.store(), target, text, viewer.coder);
  }
};

}  // namespace casebook::testing
