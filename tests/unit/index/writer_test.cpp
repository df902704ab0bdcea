// IndexWriter on a real Xapian database in a temporary directory: documents
// hold positional exact terms, unpositioned Z stems, id and filter terms and
// the date value; replacing by passage id is idempotent; removing a source
// removes all its passages; commits make changes visible; a second writer is
// refused as Busy.

#include "engine/index/writer.hpp"

#include <xapian.h>

#include <boost/test/unit_test.hpp>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "engine/index/fields.hpp"
#include "test_support.hpp"

using casebook::ErrorKind;
using casebook::index::IndexWriter;
using casebook::index::open_index_for_reading;
using casebook::index::PassageDoc;
using casebook::testing::contains;
using casebook::testing::expect_error;
using casebook::testing::TempDir;

namespace {

struct IndexFixture {
  TempDir dir{"index"};
  std::filesystem::path db_dir = dir / "index-1";
};

PassageDoc passage(std::int64_t passage_id, std::int64_t source_id, std::string_view text) {
  PassageDoc doc;
  doc.passage_id = passage_id;
  doc.source_id = source_id;
  doc.text = text;
  doc.source_label = "Doc-" + std::to_string(source_id);
  doc.type = "minutes";
  return doc;
}

Xapian::docid doc_with(const Xapian::Database& db, const std::string& id_term) {
  auto it = db.postlist_begin(id_term);
  BOOST_TEST_REQUIRE((it != db.postlist_end(id_term)), "no document with " << id_term);
  return *it;
}

std::set<std::string> terms_of(const Xapian::Database& db, Xapian::docid did) {
  std::set<std::string> out;
  for (auto it = db.termlist_begin(did); it != db.termlist_end(did); ++it) out.insert(*it);
  return out;
}

std::vector<Xapian::termpos> positions(const Xapian::Database& db, Xapian::docid did,
                                       const std::string& term) {
  std::vector<Xapian::termpos> out;
  for (auto it = db.positionlist_begin(did, term); it != db.positionlist_end(did, term); ++it) {
    out.push_back(*it);
  }
  return out;
}

using Positions = std::vector<Xapian::termpos>;

}  // namespace

BOOST_FIXTURE_TEST_SUITE(index_writer, IndexFixture)

BOOST_AUTO_TEST_CASE(a_committed_passage_has_positional_exact_terms_and_z_stems) {
  const std::string text = "The council cut the housing budgets in 2014.";
  {
    IndexWriter writer(db_dir);
    PassageDoc doc = passage(1, 10, text);
    doc.source_label = "Int-7";
    doc.type = "interview";
    doc.council = "North Wold";
    doc.speaker = "Int-7";
    doc.cases = {"A", "B"};
    doc.outcomes = {"dissolved", "political"};
    doc.date = 20140302;
    writer.add_passage(doc);
    writer.commit();
    BOOST_TEST(writer.document_count() == 1u);
  }
  Xapian::Database db(db_dir.string());
  BOOST_TEST(db.get_doccount() == 1u);
  const Xapian::docid did = doc_with(db, "QP1");
  const auto terms = terms_of(db, did);
  for (const char* t :
       {"the", "council", "cut", "housing", "budgets", "in", "2014", "Zhous", "Zbudget", "QP1",
        "XSID10", "XSRC:int-7", "XTYPE:interview", "XCNCL:north wold", "XSPK:int-7", "XCASE:a",
        "XCASE:b", "XOUT:dissolved", "XOUT:political"}) {
    BOOST_TEST(terms.count(t) == 1u, "missing term " << t);
  }
  BOOST_TEST(terms.count("The") == 0u);  // folded
  // Words that are their own stem carry no Z term: the exact term serves.
  for (const char* t : {"Zthe", "Zcouncil", "Zcut", "Zin", "Z2014"}) {
    BOOST_TEST(terms.count(t) == 0u, "unexpected term " << t);
  }
  // Positions count every word from 1; the stems carry none.
  BOOST_TEST(positions(db, did, "the") == (Positions{1, 4}), boost::test_tools::per_element());
  BOOST_TEST(positions(db, did, "council") == (Positions{2}), boost::test_tools::per_element());
  BOOST_TEST(positions(db, did, "2014") == (Positions{8}), boost::test_tools::per_element());
  BOOST_TEST(positions(db, did, "Zbudget").empty());
  BOOST_TEST(positions(db, did, "XCASE:a").empty());
  // Each occurrence of a word counts ("the" is there twice).
  auto the = db.termlist_begin(did);
  the.skip_to("the");
  BOOST_TEST_REQUIRE(*the == "the");
  BOOST_TEST(the.get_wdf() == 2u);
  BOOST_TEST(db.get_document(did).get_data() == "1");
  BOOST_TEST(Xapian::sortable_unserialise(
                 db.get_document(did).get_value(casebook::index::kDateSlot)) == 20140302.0);
  // A phrase query finds it through the positions.
  Xapian::Enquire enquire(db);
  const std::vector<Xapian::Query> words = {Xapian::Query("housing"), Xapian::Query("budgets")};
  enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end()));
  BOOST_TEST(enquire.get_mset(0, 10).size() == 1u);
}

BOOST_AUTO_TEST_CASE(empty_metadata_adds_no_filter_terms_and_no_date) {
  {
    IndexWriter writer(db_dir);
    PassageDoc doc = passage(3, 4, "Just words.");
    doc.source_label.clear();
    doc.type.clear();
    writer.add_passage(doc);
    writer.commit();
  }
  Xapian::Database db(db_dir.string());
  const Xapian::docid did = doc_with(db, "QP3");
  for (const auto& t : terms_of(db, did)) {
    BOOST_TEST((t.rfind("XSRC", 0) != 0 && t.rfind("XTYPE", 0) != 0 && t.rfind("XCNCL", 0) != 0 &&
                t.rfind("XSPK", 0) != 0 && t.rfind("XCASE", 0) != 0 && t.rfind("XOUT", 0) != 0),
               "unexpected filter term " << t);
  }
  BOOST_TEST(db.get_document(did).get_value(casebook::index::kDateSlot).empty());
}

BOOST_AUTO_TEST_CASE(positions_count_words_too_long_to_index) {
  const std::string text = "alpha " + std::string(300, 'x') + " beta, gamma! \u00C9t\u00E9";
  {
    IndexWriter writer(db_dir);
    writer.add_passage(passage(1, 1, text));
    writer.commit();
  }
  Xapian::Database db(db_dir.string());
  const Xapian::docid did = doc_with(db, "QP1");
  BOOST_TEST(positions(db, did, "alpha") == (Positions{1}), boost::test_tools::per_element());
  BOOST_TEST(positions(db, did, "beta") == (Positions{3}), boost::test_tools::per_element());
  BOOST_TEST(positions(db, did, "gamma") == (Positions{4}), boost::test_tools::per_element());
  BOOST_TEST(positions(db, did, "\u00E9t\u00E9") == (Positions{5}),
             boost::test_tools::per_element());
  for (const auto& t : terms_of(db, did)) BOOST_TEST(t.size() <= 245u);
}

BOOST_AUTO_TEST_CASE(changes_are_visible_to_readers_only_after_commit) {
  IndexWriter writer(db_dir);
  writer.commit();  // create the database on disk
  const std::string text = "Minutes of the meeting.";
  writer.add_passage(passage(1, 1, text));
  BOOST_TEST(writer.uncommitted_bytes() == text.size());
  writer.add_passage(passage(2, 1, text));
  BOOST_TEST(writer.uncommitted_bytes() == 2 * text.size());
  BOOST_TEST(Xapian::Database(db_dir.string()).get_doccount() == 0u);
  writer.commit();
  BOOST_TEST(writer.uncommitted_bytes() == 0u);
  BOOST_TEST(Xapian::Database(db_dir.string()).get_doccount() == 2u);
}

BOOST_AUTO_TEST_CASE(replacing_a_source_means_removing_it_then_adding_its_passages) {
  const std::string first = "Original wording about libraries.";
  const std::string second = "Revised wording about parks.";
  {
    IndexWriter writer(db_dir);
    writer.remove_source(1);
    writer.add_passage(passage(5, 1, first));
    writer.commit();
    BOOST_TEST(writer.document_count() == 1u);
    // Replaying the same work (as after a crash) leaves one document.
    writer.remove_source(1);
    writer.add_passage(passage(5, 1, first));
    writer.commit();
    BOOST_TEST(writer.document_count() == 1u);
    writer.remove_source(1);
    writer.add_passage(passage(6, 1, second));
    writer.commit();
    BOOST_TEST(writer.document_count() == 1u);
  }
  Xapian::Database db(db_dir.string());
  BOOST_TEST(db.get_doccount() == 1u);
  BOOST_TEST(db.get_termfreq("QP5") == 0u);
  BOOST_TEST(db.get_termfreq("QP6") == 1u);
  BOOST_TEST(db.get_termfreq("parks") == 1u);
  BOOST_TEST(db.get_termfreq("libraries") == 0u);
  BOOST_TEST(db.get_termfreq("Zlibrari") == 0u);
}

BOOST_AUTO_TEST_CASE(remove_source_deletes_every_passage_of_that_source) {
  const std::string a = "First passage of source ten.";
  const std::string b = "Second passage of source ten.";
  const std::string c = "Only passage of source eleven.";
  {
    IndexWriter writer(db_dir);
    writer.add_passage(passage(1, 10, a));
    writer.add_passage(passage(2, 10, b));
    writer.add_passage(passage(3, 11, c));
    writer.commit();
    BOOST_TEST(writer.document_count() == 3u);
    writer.remove_source(10);
    writer.remove_source(99);  // nothing to remove: not an error
    writer.commit();
    BOOST_TEST(writer.document_count() == 1u);
  }
  Xapian::Database db(db_dir.string());
  BOOST_TEST(db.get_termfreq("XSID10") == 0u);
  BOOST_TEST(db.get_termfreq("QP1") == 0u);
  BOOST_TEST(db.get_termfreq("QP2") == 0u);
  BOOST_TEST(db.get_termfreq("QP3") == 1u);
  BOOST_TEST(db.get_termfreq("XSRC:doc-11") == 1u);
  BOOST_TEST(db.get_termfreq("XSRC:doc-10") == 0u);
}

BOOST_AUTO_TEST_CASE(a_second_writer_on_the_same_index_is_busy) {
  auto first = std::make_unique<IndexWriter>(db_dir);
  auto e = expect_error(ErrorKind::Busy, [&] { IndexWriter second(db_dir); });
  BOOST_TEST(contains(e.what(), db_dir.string()));
  BOOST_TEST(contains(e.hint(), "retry"));
  // Readers are not blocked by the writer.
  BOOST_TEST(open_index_for_reading(db_dir).get_doccount() == 0u);
  first.reset();
  IndexWriter again(db_dir);
  BOOST_TEST(again.document_count() == 0u);
}

BOOST_AUTO_TEST_CASE(reading_a_missing_index_is_not_found_with_a_reindex_hint) {
  auto e = expect_error(ErrorKind::NotFound, [&] { open_index_for_reading(dir / "index-9"); });
  BOOST_TEST(contains(e.hint(), "casebook reindex"));
  BOOST_TEST(!std::filesystem::exists(dir / "index-9"));
}

BOOST_AUTO_TEST_CASE(an_unopenable_index_is_an_internal_error_for_the_writer) {
  // A file where the index directory should be (Xapian reads it as a bad stub).
  casebook::testing::write_file(db_dir, "not an index\n");
  auto e = expect_error(ErrorKind::Internal, [&] { IndexWriter writer(db_dir); });
  BOOST_TEST(contains(e.hint(), "casebook reindex"));
}

BOOST_AUTO_TEST_SUITE_END()
