// The search query language (engine/search/query.hpp): parsed without a
// vocabulary (as codebook validation does) and with one (a small in-memory
// index built the way the indexer builds it) and a coding resolver (as the
// searcher does), then run on that index, so a query the parser accepts but
// Xapian rejects (a Xapian::Error escaping) is a finding too.

#include <xapian.h>

#include "engine/index/fields.hpp"
#include "engine/index/terms.hpp"
#include "engine/search/query.hpp"
#include "engine/text/segment.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace casebook;

namespace {

struct Corpus {
  Corpus() : db(std::string(), Xapian::DB_BACKEND_INMEMORY) {
    const char* const texts[] = {
        "The council cut the housing budget in 2014.",
        "Budgets were debated at length; budgeting reached the budget office.",
        "Staff waited in the long queue outside. The queue staff were helpful.",
        "Die Straße war ex-post gesperrt. Post ex ante reasoning here.",
        "Losses and loss of trust: the partnership dissolved.",
    };
    text::Segmenter segmenter;
    index::TermMaker terms;
    int n = 0;
    for (const char* text : texts) {
      Xapian::Document doc;
      Xapian::termpos pos = 0;
      segmenter.words(text, [&](const text::WordToken& w) {
        const std::string exact = terms.exact_term(w.bytes);
        if (exact.empty()) return;
        doc.add_posting(exact, ++pos);
        const std::string stemmed = terms.indexed_stem(exact);
        if (!stemmed.empty()) doc.add_term(stemmed);
      });
      doc.add_boolean_term(index::filter_term("case", n % 2 == 0 ? "A" : "B"));
      doc.add_boolean_term(index::filter_term("type", "interview"));
      doc.add_value(index::kDateSlot, Xapian::sortable_serialise(20100101 + 10000 * n));
      db.add_document(doc);
      ++n;
    }
  }
  Xapian::WritableDatabase db;
};

Xapian::Query resolve(const search::CodingFilter& filter) {
  if (!filter.codes.empty() && filter.codes.front() == "unknown") {
    throw_data("no code with the key 'unknown'", "run casebook codes");
  }
  return Xapian::Query(index::filter_term("case", "A"));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Corpus corpus;
  const std::string_view query = fuzz::as_view(data, size);
  fuzz::expect_errors([&] { (void)search::parse_query(query); });
  fuzz::expect_errors([&] {
    const search::ParsedQuery parsed = search::parse_query(query, &corpus.db, resolve);
    Xapian::Enquire enquire(corpus.db);
    enquire.set_query(parsed.query);
    (void)enquire.get_mset(0, 10);
  });
  return 0;
}
