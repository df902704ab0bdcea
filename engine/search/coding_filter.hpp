#pragma once
// Resolving the search language's coding filters (code:KEY, coder:NAME; see
// query.hpp) through the store: codes and their sub-codes, active codings,
// and the passages those codings overlap, turned into a Xapian filter.
//
// Cost: one SQL query for the matching codings (by code through
// codings_by_code), one read of the passage spans of each source they touch,
// a sweep matching codings to passages, then one posting-list lookup per
// passage to find its document. Ranges of passages are never expanded into
// an OR of terms: the documents go into a PostingSource over sorted docids,
// so a code applied to 100k passages stays a flat, cheap filter.

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/search/query.hpp"
#include "engine/store/store.hpp"

namespace casebook::search {

// Ids of the passages (ascending, no repeats) overlapping an active coding
// that matches `filter`, ignoring filter.negated. A passage and a coding
// overlap when they share a code point of the same source.
//
// With `visible_coder` (blind mode) only that coder's codings count, and a
// coder: value naming anyone else is Error(Usage). An unknown code key is
// Error(Data) naming it, with the closest keys in the hint.
std::vector<std::int64_t> coded_passage_ids(store::Store& store, const CodingFilter& filter,
                                            const std::optional<std::string>& visible_coder);

// How the index being searched is laid out, which decides how a set of
// passages is matched: one database looks the docids up once and matches
// them from memory; shards get the passages' id terms instead, because
// Xapian hands a custom matcher each shard's own docids, and remote shards
// (xapian-tcpsrv) cannot run it at all.
enum class IndexLayout { Single, Sharded };

// A boolean (weightless) query matching the documents of `passage_ids` in
// `db`; passages missing from the index are skipped. MatchNothing if none.
Xapian::Query passage_set_query(const Xapian::Database& db,
                                const std::vector<std::int64_t>& passage_ids,
                                IndexLayout layout = IndexLayout::Single);

// The resolver the searcher passes to parse_query: both of the above.
// `store` and `db` must outlive it.
CodingResolver store_coding_resolver(store::Store& store, const Xapian::Database& db,
                                     std::optional<std::string> visible_coder,
                                     IndexLayout layout = IndexLayout::Single);

}  // namespace casebook::search
