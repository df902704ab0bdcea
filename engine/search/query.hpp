#pragma once
// The casebook search query language, parsed by hand into a Xapian::Query.
//
// Words are split with text::Segmenter::words and folded with
// index::TermMaker, exactly as the indexer does, so a query word and an
// indexed word always meet. Filter fields come from index::kFields.
//
// Syntax (query_syntax_help() prints the user-facing version):
//
//   budget cuts        Bare words match any form of the word through its stemmed
//                      term ("budgets" finds "budget"). Clauses next to each other
//                      are combined with AND and ranked by BM25. A bare word the
//                      segmenter splits into several words ("ex-post", "10:30")
//                      is an exact phrase of those words, as in Xapian.
//   "housing budget"   An exact phrase (exact terms, OP_PHRASE). A quoted single
//                      word is matched exactly, without stemming. Straight and
//                      curly double quotes (U+201C, U+201D) are all quotes.
//   budg*              Words starting with the prefix (OP_WILDCARD over exact
//                      terms, the 1000 most frequent expansions). The prefix must
//                      be one word of at least 2 characters; the * may only end
//                      a word. Wildcards do not work inside quotes.
//   a NEAR/n b         The words at most n word positions apart, in either order:
//                      for two words at positions p and q, |p - q| <= n, so
//                      NEAR/1 means next to each other. This is Xapian's
//                      QueryParser meaning: OP_NEAR with window n + k - 1 for k
//                      words (Xapian's window is the span of positions that must
//                      hold all k words), so with more than two words at most
//                      n - 1 other words may fall inside the span. NEAR without
//                      /n means NEAR/10. Operands are single words (bare or
//                      quoted), matched exactly. a NEAR/3 b NEAR/5 c uses the
//                      largest n for the whole chain (a bare NEAR counts as 10).
//   a ADJ/n b          As NEAR/n, but the words must come in the written order
//                      (OP_PHRASE with the same window). NEAR and ADJ cannot be
//                      mixed in one chain.
//   AND OR NOT ( )     Boolean operators, upper case only ("and", "or", "not" are
//                      ordinary words). Precedence: NOT binds tighter than AND,
//                      AND tighter than OR. "a NOT b" is a AND_NOT b, "-b" is the
//                      same as "NOT b", and a group with only negations (a query
//                      starting with NOT) matches everything else. Parentheses
//                      always group, even inside a word ("budget(s)" is
//                      "budget (s)").
//   field:value        A filter from index::kFields; values may be quoted
//                      (council:"North Wold") and ignore case. Field names ignore
//                      case too. Filters of the same field are OR'ed, different
//                      fields AND'ed, and the result is applied with OP_FILTER,
//                      so filters never change the ranking. Filters written
//                      outside parentheses apply to the WHOLE query, wherever
//                      they stand, as in Xapian's QueryParser:
//                      "veto OR queue case:B" is (veto OR queue) in case B.
//                      Inside parentheses they apply to that group only:
//                      "budget OR (cuts case:B)". A query of only filters
//                      matches every passage that passes them (MatchAll
//                      filtered). Filters may be negated (-case:B).
//   date:FROM..TO      A FieldKind::DateRange field (its name, like every field
//                      name, comes from the table): a range on the value slot
//                      index::kDateSlot. FROM and TO are YYYY, YYYY-MM or
//                      YYYY-MM-DD; partial dates cover their whole year or month
//                      (date:2014-03 is all of March 2014). Either end may be
//                      left open: date:..2012, date:2015.. (OP_VALUE_RANGE, or
//                      OP_VALUE_GE / OP_VALUE_LE for an open end, on
//                      sortable_serialise(yyyymmdd)).
//   code:KEY           Coding filters (index::FieldKind::Coding): not index terms
//   coder:NAME         but conditions on the store's codings, resolved through a
//                      CodingResolver (the searcher's reads the store). A passage
//                      matches when an active coding (not removed, not rejected
//                      in review) shares
//                      at least one code point with it, in the same source
//                      (coding.start < passage.end and coding.end > passage.start).
//                      code:KEY is the code with that key or former key (alias),
//                      ignoring case, together with all its sub-codes; coder:NAME
//                      ignores case too. The rule for combining them: the code:
//                      and coder: filters of one AND group (the whole query for
//                      filters outside parentheses, else one parenthesised group)
//                      are ONE condition on ONE coding: "code:X coder:alice" is a
//                      coding of X by alice, not X by anyone and anything by
//                      alice. Several code: values in that group mean any of
//                      them (code:X code:Y = a coding of X or Y), so do several
//                      coder: values; either field left out means any code / any
//                      coder. A negated one stands alone: -code:X is the passages
//                      without any active coding of X (or its sub-codes), by
//                      anyone; -coder:bob the passages bob coded nothing in. To
//                      OR coding conditions of different codings, put each in
//                      its own group: (code:X coder:alice) OR (code:Y coder:bob).
//                      The resolver may restrict codings further (blind mode:
//                      only the searching coder's codings count) and rejects an
//                      unknown code key.
//
// What counts as a field: ASCII letters, a colon, then a character that is not
// a space (for example "re:budget"). Such a word must name a known field, or
// the query is rejected with the list of fields; quote it to search for the
// text itself ("re:budget"). A word ending in a colon ("Note:") is an ordinary
// word.
//
// Errors are casebook::Error of kind Data (thrown with throw_data). Messages
// give positions as 1-based code point numbers ("character 1" is the first
// character of the query) and hints show the right syntax. Any input is safe:
// the query is limited to kMaxQueryBytes, parentheses to kMaxNesting levels,
// and the parser never recurses without consuming a parenthesis.

#include <xapian.h>

#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace casebook::search {

// Limits that keep parsing cheap and bounded whatever the input.
inline constexpr std::size_t kMaxQueryBytes = 8192;
inline constexpr int kMaxNesting = 64;        // levels of parentheses
inline constexpr unsigned kMaxWindow = 1000;  // largest n in NEAR/n and ADJ/n
inline constexpr unsigned kDefaultWindow = 10;
inline constexpr Xapian::termcount kMaxWildcardExpansion = 1000;

// One coding condition of a query (see "code:KEY" above). Values are as
// typed; resolving them (keys to codes, names to coders) is the resolver's job.
struct CodingFilter {
  std::vector<std::string> codes;   // code keys, any of them; empty: any code
  std::vector<std::string> coders;  // coder names, any of them; empty: any coder
  bool negated = false;             // -code:X: passages WITHOUT such a coding
};

// Turns a coding condition into a boolean Xapian query matching the passages
// that have such a coding (whatever `negated` says: the parser applies the
// negation). May throw casebook::Error (unknown code key, blind mode).
using CodingResolver = std::function<Xapian::Query(const CodingFilter&)>;

struct ParsedQuery {
  Xapian::Query query;  // the full query, filters applied
  // False when no word, phrase or wildcard contributes to the ranking: the
  // query holds only filters and/or negations (case:B, NOT budget). Relevance
  // is then meaningless; sort such results another way.
  bool has_text = false;
  // For marking matches in snippets. Positive clauses only: words under NOT
  // or "-" are not listed.
  std::set<std::string> exact_terms;           // phrases, quoted words, NEAR/ADJ, split words
  std::set<std::string> stemmed_terms;         // "Z" terms of single bare words
  std::vector<std::string> wildcard_prefixes;  // folded prefixes, in query order, no repeats
  // Filters written outside parentheses, as field:value pairs, in query order
  // (for "no passage has outcome:dissolve" hints when nothing matches).
  std::vector<std::pair<std::string, std::string>> top_level_filters;
  // Every coding condition, in the order they were resolved. When this is not
  // empty and parse_query had no resolver, `query` is only good for
  // validation: the conditions match nothing there.
  std::vector<CodingFilter> coding_filters;
};

// Most word forms one NEAR/ADJ operand may expand to (see parse_query).
inline constexpr std::size_t kMaxProximityExpansion = 64;

// Parses `query` (UTF-8). Throws casebook::Error (kind Data) for an empty,
// malformed or over-long query.
//
// `vocabulary`, when given, is the index the query will run on. Xapian 1.4
// positions only exact terms and cannot put wildcards inside NEAR/ADJ, so
// with a vocabulary a bare NEAR/ADJ operand becomes the OR of the indexed
// words that share its stem ("loss" -> loss OR losses), and a wildcard
// operand (loss*) the OR of the indexed words with its prefix, at most
// kMaxProximityExpansion of them. Without one, operands match exactly and
// wildcards are refused there. Elsewhere a wildcard becomes, with a
// vocabulary, the synonym of its indexed words (the kMaxWildcardExpansion
// most frequent), expanded once over the whole vocabulary even when it is
// several shards; without one, Xapian's own OP_WILDCARD.
//
// `resolve_codings` turns code:/coder: conditions into queries (the searcher
// passes one that reads the store). Without one the query still parses, so
// queries can be checked without a project (codebook indicative queries), but
// its coding conditions match nothing; they are listed in coding_filters.
ParsedQuery parse_query(std::string_view query, const Xapian::Database* vocabulary = nullptr,
                        const CodingResolver& resolve_codings = {});

// Multi-line help on the syntax for `casebook search --help`; the filter
// fields are listed from index::kFields.
std::string query_syntax_help();

}  // namespace casebook::search
