#include "engine/search/searcher.hpp"

#include <xapian.h>

#include <algorithm>
#include <map>

#include "engine/core/error.hpp"
#include "engine/index/fields.hpp"
#include "engine/index/shards.hpp"
#include "engine/index/terms.hpp"
#include "engine/index/writer.hpp"
#include "engine/search/coding_filter.hpp"
#include "engine/search/query.hpp"
#include "engine/store/sources.hpp"
#include "engine/text/segment.hpp"

namespace casebook::search {
namespace {

bool has_wildcard_prefix(const std::string& term, const std::vector<std::string>& prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](const std::string& p) { return term.rfind(p, 0) == 0; });
}

// The words of `text` that the query's positive terms match.
std::vector<text::Span> find_matches(const std::string& text, const ParsedQuery& parsed,
                                     text::Segmenter& segmenter, const index::TermMaker& terms) {
  std::vector<text::Span> matches;
  if (!parsed.has_text) return matches;
  segmenter.words(text, [&](const text::WordToken& word) {
    std::string exact = terms.exact_term(word.bytes);
    if (exact.empty()) return;
    if (parsed.exact_terms.count(exact) || parsed.stemmed_terms.count(terms.stemmed_term(exact)) ||
        has_wildcard_prefix(exact, parsed.wildcard_prefixes)) {
      matches.push_back(word.cps);
    }
  });
  return matches;
}

// Sources already read during one search: hits often share a source.
using SourceCache = std::map<std::int64_t, store::SourceInfo>;

const store::SourceInfo& source_of(project::Project& project, std::int64_t id, SourceCache& cache) {
  auto it = cache.find(id);
  if (it != cache.end()) return it->second;
  auto source = store::find_source_by_id(project.store(), id);
  if (!source) throw_internal("passage of a missing source " + std::to_string(id));
  return cache.emplace(id, std::move(*source)).first->second;
}

SearchHit make_hit(project::Project& project, const Xapian::MSetIterator& it,
                   const ParsedQuery& parsed, text::Segmenter& segmenter,
                   const index::TermMaker& terms, SourceCache& sources) {
  SearchHit hit;
  hit.rank = it.get_rank() + 1;
  hit.weight = parsed.has_text ? it.get_weight() : 0.0;
  hit.passage_id = std::stoll(it.get_document().get_data());
  auto ref = store::find_passage(project.store(), hit.passage_id);
  if (!ref && project.search_shards() != nullptr) {
    throw_data("the shards refer to passage " + std::to_string(hit.passage_id) +
                   ", which is not in the project: they are out of date or from another project",
               "make them again with 'casebook shard'");
  }
  if (!ref) {
    throw_internal("the index refers to passage " + std::to_string(hit.passage_id) +
                       ", which is not in the store",
                   "run 'casebook reindex' to rebuild the index from the store");
  }
  const store::SourceInfo& source = source_of(project, ref->source_id, sources);
  hit.source_label = source.label;
  hit.source_type = source.type;
  hit.source_date = source.date;
  hit.council = source.council;
  hit.cases = source.cases;
  hit.passage = ref->passage.n;
  hit.span = ref->passage.span;
  hit.speaker = ref->passage.speaker;
  hit.page = ref->passage.page;
  hit.text = store::passage_text(project.store(), hit.passage_id);
  hit.matches = find_matches(hit.text, parsed, segmenter, terms);
  return hit;
}

// "no passage has outcome:dissolve (values: aborted, dissolved)" for each
// top-level filter whose value is nowhere in the index.
std::vector<std::string> unknown_filter_values(const Xapian::Database& db,
                                               const ParsedQuery& parsed) {
  constexpr std::size_t kShown = 12;
  std::vector<std::string> warnings;
  for (const auto& [name, value] : parsed.top_level_filters) {
    const index::Field* field = index::find_field(name);
    if (field == nullptr || field->kind != index::FieldKind::Filter) continue;
    if (db.get_termfreq(index::filter_term(*field, value)) > 0) continue;
    const std::string prefix = std::string(field->prefix) + ":";
    std::string known;
    std::size_t count = 0;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it, ++count) {
      if (count < kShown) known += (known.empty() ? "" : ", ") + (*it).substr(prefix.size());
    }
    if (count > kShown) known += ", ... (" + std::to_string(count) + " in all)";
    warnings.push_back(
        "no passage has " + name + ":" + value +
        (known.empty() ? " (the index has no " + name + " values)" : "; the index has: " + known));
  }
  return warnings;
}

// The index a search reads: the project's own, or the shards it was given.
struct SearchIndex {
  Xapian::Database db;
  IndexLayout layout = IndexLayout::Single;
};

SearchIndex open_search_index(project::Project& project) {
  if (const index::OpenedShards* shards = project.search_shards()) {
    return {shards->db, IndexLayout::Sharded};
  }
  return {index::open_index_for_reading(project.index_dir()), IndexLayout::Single};
}

ParsedQuery parse_for(project::Project& project, const SearchIndex& index, const std::string& query,
                      const SearchOptions& options) {
  return parse_query(
      query, &index.db,
      store_coding_resolver(project.store(), index.db, options.visible_coder, index.layout));
}

// A remote shard that fails after it was opened (its server stopped, the
// network went) surfaces as a Xapian::NetworkError anywhere in a search.
template <typename Run>
auto answering_shards(Run run) -> decltype(run()) {
  try {
    return run();
  } catch (const Xapian::NetworkError& e) {
    throw_io("a shard stopped answering during the search: " + e.get_description(),
             "check that every xapian-tcpsrv is running, then search again");
  }
}

// Filters alone do not rank: such results come in store order.
void unranked(Xapian::Enquire& enquire) {
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
}

// Xapian counts in 32 bits; a limit beyond the database (kAllHits) means all.
Xapian::doccount clamp(std::size_t n, const Xapian::Database& db) {
  return static_cast<Xapian::doccount>(std::min<std::size_t>(n, db.get_doccount()));
}

SearchResult search_index(project::Project& project, const std::string& query,
                          const SearchOptions& options) {
  const SearchIndex index = open_search_index(project);
  const Xapian::Database& db = index.db;
  ParsedQuery parsed = parse_for(project, index, query, options);
  Xapian::Enquire enquire(db);
  enquire.set_query(parsed.query);
  if (!parsed.has_text) unranked(enquire);
  // checkatleast = the whole database makes the match count exact.
  const Xapian::doccount check_at_least = options.exact_total ? db.get_doccount() : 0;
  Xapian::MSet mset =
      enquire.get_mset(clamp(options.offset, db), clamp(options.limit, db), check_at_least);
  SearchResult result;
  result.total = mset.get_matches_estimated();
  result.total_lower = mset.get_matches_lower_bound();
  result.total_upper = mset.get_matches_upper_bound();
  text::Segmenter segmenter;
  index::TermMaker terms;
  SourceCache sources;
  // Remote shards then send the page's documents in one go, not one request
  // each. Only from the first hit: Xapian 1.4's MSet::fetch() indexes past
  // its items when the MSet starts at an offset (found by AddressSanitizer).
  if (options.offset == 0) mset.fetch();
  const store::ReadSnapshot snapshot(project.store());
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    result.hits.push_back(make_hit(project, it, parsed, segmenter, terms, sources));
  }
  if (result.total == 0) result.warnings = unknown_filter_values(db, parsed);
  return result;
}

std::vector<std::int64_t> matching_passages_in_index(project::Project& project,
                                                     const std::string& query,
                                                     const SearchOptions& options) {
  const SearchIndex index = open_search_index(project);
  const Xapian::Database& db = index.db;
  ParsedQuery parsed = parse_for(project, index, query, options);
  Xapian::Enquire enquire(db);
  enquire.set_query(parsed.query);
  unranked(enquire);  // the order is not wanted, so skip BM25 altogether
  Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  mset.fetch();  // remote shards send the documents in one go (the MSet starts at 0)
  std::vector<std::int64_t> ids;
  ids.reserve(mset.size());
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    ids.push_back(std::stoll(it.get_document().get_data()));
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

SearchResult search(project::Project& project, const std::string& query,
                    const SearchOptions& options) {
  return answering_shards([&] { return search_index(project, query, options); });
}

std::vector<std::int64_t> matching_passages(project::Project& project, const std::string& query,
                                            const SearchOptions& options) {
  return answering_shards([&] { return matching_passages_in_index(project, query, options); });
}

Snippet make_snippet(const std::string& text, const std::vector<text::Span>& matches,
                     std::size_t context) {
  const text::OffsetMap offsets(text);
  const std::size_t length = offsets.code_points();
  const std::size_t anchor = matches.empty() ? 0 : matches.front().start;
  const std::size_t anchor_end = matches.empty() ? 0 : matches.front().end;
  std::size_t from = anchor > context ? anchor - context : 0;
  std::size_t to = std::min(length, std::max(anchor_end, from) + context);
  if (matches.empty()) to = std::min(length, 2 * context);

  Snippet snippet;
  snippet.cut_before = from > 0;
  auto push = [&](std::size_t a, std::size_t b, bool match) {
    if (a >= b) return;
    std::string piece(offsets.slice({a, b}));
    std::replace(piece.begin(), piece.end(), '\n', ' ');
    snippet.parts.push_back({std::move(piece), match});
  };
  std::size_t cursor = from;
  for (const text::Span& m : matches) {
    if (m.end <= from || m.start >= to || m.start < cursor) continue;
    push(cursor, m.start, false);
    push(m.start, m.end, true);
    cursor = m.end;
    to = std::max(to, m.end);  // a match is shown whole
  }
  push(cursor, to, false);
  snippet.cut_after = to < length;
  return snippet;
}

std::vector<text::Span> find_query_matches(const std::string& text, const std::string& query) {
  const ParsedQuery parsed = parse_query(query);
  text::Segmenter segmenter;
  const index::TermMaker terms;
  return find_matches(text, parsed, segmenter, terms);
}

}  // namespace casebook::search
