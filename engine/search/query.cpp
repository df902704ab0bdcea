#include "engine/search/query.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include "engine/core/error.hpp"
#include "engine/index/fields.hpp"
#include "engine/index/terms.hpp"
#include "engine/text/offsets.hpp"
#include "engine/text/segment.hpp"

namespace casebook::search {
namespace {

using Xapian::Query;

// ---- errors -----------------------------------------------------------------

// Positions are 0-based code points inside the parser and 1-based in messages,
// where "character 1" reads naturally.
std::string at(std::size_t cp) {
  return "character " + std::to_string(cp + 1);
}

[[noreturn]] void fail(const std::string& what, std::string hint) {
  throw_data("search query: " + what, std::move(hint));
}

std::string known_fields() {
  std::string names;
  for (const index::Field& f : index::kFields) {
    if (!names.empty()) names += ", ";
    names += f.name;
  }
  return names;
}

// ---- characters ---------------------------------------------------------------

bool is_space(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0d) || c == 0x85 || c == 0xa0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f ||
         c == 0x3000;
}

// Users paste text from word processors, so curly quotes count as quotes.
bool is_quote(char32_t c) {
  return c == '"' || c == 0x201c || c == 0x201d;
}

bool is_ascii_letter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Where a bare word or an unquoted field value stops.
bool ends_word(char32_t c) {
  return is_space(c) || is_quote(c) || c == '(' || c == ')';
}

// Decodes UTF-8 that is known to be valid into code points, keeping the byte
// offset of each (plus one past the end) so slices can be taken by code point.
void decode(std::string_view utf8, std::vector<char32_t>& cps, std::vector<std::size_t>& bytes) {
  std::size_t i = 0;
  while (i < utf8.size()) {
    auto b = static_cast<unsigned char>(utf8[i]);
    int extra = b < 0x80 ? 0 : b < 0xe0 ? 1 : b < 0xf0 ? 2 : 3;
    char32_t c = extra == 0 ? b : extra == 1 ? (b & 0x1f) : extra == 2 ? (b & 0x0f) : (b & 0x07);
    for (int k = 1; k <= extra; ++k) {
      c = (c << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3f);
    }
    cps.push_back(c);
    bytes.push_back(i);
    i += extra + 1;
  }
  bytes.push_back(utf8.size());
}

// ---- tokens -------------------------------------------------------------------

enum class Tok { Word, Phrase, Wildcard, Filter, And, Or, Not, Minus, Near, Adj, Open, Close, End };

struct Token {
  Tok kind = Tok::End;
  std::size_t pos = 0;                  // first code point of the token
  std::string text;                     // as typed, for messages
  std::vector<std::string> terms;       // Word, Phrase: exact terms; Wildcard: the folded prefix
  const index::Field* field = nullptr;  // Filter
  std::string value;                    // Filter: the value, unquoted and trimmed
  std::size_t value_pos = 0;            // Filter: first code point of the value
  unsigned window = 0;                  // Near, Adj: n of NEAR/n, 0 when not given
};

std::string describe(const Token& t) {
  switch (t.kind) {
    case Tok::End:
      return "the end of the query";
    case Tok::Phrase:
      return "the phrase at " + at(t.pos);
    default:
      return "\"" + t.text + "\" at " + at(t.pos);
  }
}

bool is_operand_start(Tok k) {
  return k == Tok::Word || k == Tok::Phrase || k == Tok::Wildcard || k == Tok::Filter ||
         k == Tok::Not || k == Tok::Minus || k == Tok::Open;
}

// ---- lexer --------------------------------------------------------------------

// Splits the query into tokens. Words and phrases are segmented and folded
// here, so a bare word with no letters or digits ("-", "&") simply vanishes.
class Lexer {
 public:
  Lexer(std::string_view query, text::Segmenter& segmenter, const index::TermMaker& terms)
      : query_(query), segmenter_(segmenter), terms_(terms) {
    decode(query, cps_, bytes_);
  }

  std::vector<Token> run() {
    std::vector<Token> out;
    while (true) {
      while (i_ < cps_.size() && is_space(cps_[i_])) ++i_;
      if (i_ >= cps_.size()) break;
      std::optional<Token> t = next();
      // "-" negates only what touches it: in "-& b" the "&" vanished, and the
      // "-" must not jump to "b".
      if (!out.empty() && out.back().kind == Tok::Minus && (!t || t->pos != out.back().pos + 1)) {
        out.pop_back();
      }
      if (t) out.push_back(std::move(*t));
    }
    Token end;
    end.pos = cps_.size();
    out.push_back(end);
    return out;
  }

 private:
  char32_t cp(std::size_t i) const { return i < cps_.size() ? cps_[i] : 0; }
  bool at_end(std::size_t i) const { return i >= cps_.size(); }

  std::string slice(std::size_t from, std::size_t to) const {
    return std::string(query_.substr(bytes_[from], bytes_[to] - bytes_[from]));
  }

  std::optional<Token> next() {
    std::size_t start = i_;
    char32_t c = cps_[i_];
    if (c == '(' || c == ')') {
      ++i_;
      return simple(c == '(' ? Tok::Open : Tok::Close, start);
    }
    if (is_quote(c)) return phrase();
    // "-" directly before something is negation; a lone "-" is punctuation.
    if (c == '-' && !at_end(i_ + 1) && !is_space(cp(i_ + 1)) && cp(i_ + 1) != ')') {
      ++i_;
      return simple(Tok::Minus, start);
    }
    if (looks_like_field()) return field();
    return word();
  }

  Token simple(Tok kind, std::size_t start) const {
    Token t;
    t.kind = kind;
    t.pos = start;
    t.text = slice(start, i_);
    return t;
  }

  // The index of the quote closing the one at `open`; fails if there is none.
  std::size_t closing_quote(std::size_t open) const {
    for (std::size_t j = open + 1; j < cps_.size(); ++j) {
      if (is_quote(cps_[j])) return j;
    }
    fail("unbalanced quote starting at " + at(open),
         "close the phrase with a second quote, e.g. \"housing budget\"");
  }

  std::optional<Token> phrase() {
    std::size_t open = i_;
    std::size_t close = closing_quote(open);
    i_ = close + 1;
    Token t = simple(Tok::Phrase, open);
    t.terms = exact_terms(open + 1, close);
    if (t.terms.empty()) {
      fail("the quotes at " + at(open) + " hold no words",
           "put the words of a phrase between the quotes, e.g. \"housing budget\"");
    }
    return t;
  }

  // Field syntax is ASCII letters, a colon, then something other than a space:
  // "case:B", "council:\"North Wold\"". "Note:" followed by a space is a word.
  bool looks_like_field() const {
    std::size_t j = i_;
    while (j < cps_.size() && is_ascii_letter(cps_[j])) ++j;
    return j > i_ && cp(j) == ':' && !at_end(j + 1) && !is_space(cp(j + 1));
  }

  std::optional<Token> field() {
    std::size_t start = i_;
    while (cps_[i_] != ':') ++i_;
    std::string name = slice(start, i_);
    ++i_;  // the colon
    const index::Field* f = index::find_field(name);
    if (f == nullptr) {
      std::size_t end = i_;
      while (!at_end(end) && !is_space(cps_[end])) ++end;
      fail("unknown field \"" + name + "\" at " + at(start),
           "the fields are: " + known_fields() + ". To search for the text itself, quote it: \"" +
               slice(start, end) + "\"");
    }
    Token t;
    t.kind = Tok::Filter;
    t.pos = start;
    t.field = f;
    t.value_pos = i_;
    t.value = field_value(*f, start);
    t.text = slice(start, i_);
    return t;
  }

  // The value after "field:", quoted or running to the next space or bracket.
  std::string field_value(const index::Field& f, std::size_t field_start) {
    std::string value;
    if (is_quote(cp(i_))) {
      std::size_t close = closing_quote(i_);
      value = slice(i_ + 1, close);
      i_ = close + 1;
    } else {
      std::size_t from = i_;
      while (!at_end(i_) && !ends_word(cps_[i_])) ++i_;
      value = slice(from, i_);
    }
    auto first = value.find_first_not_of(" \t\r\n");
    value = first == std::string::npos ? "" : value.substr(first);
    value.erase(value.find_last_not_of(" \t\r\n") + 1);
    if (value.empty()) {
      std::string example = std::string(f.name) + ":VALUE";
      if (cp(i_) == '(')
        example = "(" + std::string(f.name) + ":A OR " + std::string(f.name) + ":B)";
      fail("the field \"" + std::string(f.name) + "\" at " + at(field_start) + " has no value",
           "write " + example + " (" + std::string(f.help) + ")");
    }
    return value;
  }

  std::optional<Token> word() {
    std::size_t start = i_;
    while (!at_end(i_) && !ends_word(cps_[i_])) ++i_;
    Token t = simple(Tok::Word, start);
    if (keyword(t)) return t;
    if (std::find(cps_.begin() + start, cps_.begin() + i_, U'*') != cps_.begin() + i_) {
      return wildcard(t);
    }
    t.terms = exact_terms(start, i_);
    if (t.terms.empty()) return std::nullopt;  // punctuation only
    return t;
  }

  // Operators are upper case only, so "and", "or" and "not" stay words.
  bool keyword(Token& t) const {
    const std::string& s = t.text;
    if (s == "AND" || s == "OR" || s == "NOT") {
      t.kind = s == "AND" ? Tok::And : s == "OR" ? Tok::Or : Tok::Not;
      return true;
    }
    for (auto [name, kind] : {std::pair{std::string_view("NEAR"), Tok::Near},
                              std::pair{std::string_view("ADJ"), Tok::Adj}}) {
      if (s == name) {
        t.kind = kind;
        return true;
      }
      if (s.size() > name.size() && s.compare(0, name.size(), name) == 0 && s[name.size()] == '/') {
        t.kind = kind;
        t.window = window(s.substr(name.size() + 1), name, t.pos);
        return true;
      }
    }
    return false;
  }

  static unsigned window(std::string_view digits, std::string_view op, std::size_t pos) {
    unsigned n = 0;
    bool ok = !digits.empty();
    for (char c : digits) {
      if (c < '0' || c > '9' || n > kMaxWindow) {
        ok = false;
        break;
      }
      n = n * 10 + static_cast<unsigned>(c - '0');
    }
    if (!ok || n < 1 || n > kMaxWindow) {
      fail(std::string(op) + "/ at " + at(pos) + " needs a number of words from 1 to " +
               std::to_string(kMaxWindow),
           "write e.g. staff " + std::string(op) + "/5 queue");
    }
    return n;
  }

  // "budg*": the * may only end the word, after one word of 2+ characters.
  std::optional<Token> wildcard(Token t) {
    std::size_t star = t.pos;
    while (cps_[star] != '*') ++star;
    const std::string hint = "put the * at the end of at least 2 letters, e.g. budg*";
    if (star + 1 != i_) fail("a * can only end a word (" + at(star) + ")", hint);
    std::vector<text::WordToken> words;
    std::string prefix = slice(t.pos, star);
    segmenter_.words(prefix, [&](const text::WordToken& w) { words.push_back(w); });
    if (words.size() > 1) {
      fail("the wildcard at " + at(t.pos) + " must follow a single word, not \"" + prefix + "\"",
           hint);
    }
    if (words.empty() || words[0].cps.length() < 2) {
      fail("the wildcard at " + at(t.pos) + " needs at least 2 characters before the *", hint);
    }
    t.kind = Tok::Wildcard;
    t.terms.push_back(checked_term(words[0], t.pos));
    return t;
  }

  // Exact terms of the words in code points [from, to).
  std::vector<std::string> exact_terms(std::size_t from, std::size_t to) {
    std::vector<std::string> out;
    std::string text = slice(from, to);
    segmenter_.words(text, [&](const text::WordToken& w) {
      out.push_back(checked_term(w, from + w.cps.start));
    });
    return out;
  }

  std::string checked_term(const text::WordToken& w, std::size_t pos) const {
    std::string term = terms_.exact_term(w.bytes);
    if (term.empty()) {
      fail("the word at " + at(pos) + " is too long to search for",
           "search for a shorter part of it with a wildcard, e.g. budg*");
    }
    return term;
  }

  std::string_view query_;
  text::Segmenter& segmenter_;
  const index::TermMaker& terms_;
  std::vector<char32_t> cps_;
  std::vector<std::size_t> bytes_;
  std::size_t i_ = 0;
};

// ---- query building -----------------------------------------------------------

Query combine(Query::op op, const std::vector<Query>& parts) {
  return parts.size() == 1 ? parts[0] : Query(op, parts.begin(), parts.end());
}

// A parsed sub-expression. Unscored nodes (only filters and negations) hold
// MatchAll somewhere, whose weight is noise; they are used as filters or given
// weight 0 wherever they meet scored clauses.
struct Node {
  Query query;
  bool scored = false;
  bool hoisted_only = false;  // held only filters, all moved to the whole query
};

// The clauses joined by AND (explicitly or by juxtaposition) at one level.
class AndGroup {
 public:
  void add_filter(const index::Field& field, Query q) {
    auto it = std::find_if(fields_.begin(), fields_.end(),
                           [&](const auto& entry) { return entry.first == &field; });
    if (it == fields_.end()) {
      fields_.emplace_back(&field, std::vector<Query>{});
      it = fields_.end() - 1;
    }
    it->second.push_back(std::move(q));
  }

  void add(Node node) { (node.scored ? scored_ : unscored_).push_back(std::move(node.query)); }

  // A clause was consumed but kept elsewhere (a filter hoisted to the query).
  void note_hoisted() { hoisted_ = true; }
  bool only_hoisted() const { return empty() && hoisted_; }
  bool nothing_consumed() const { return empty() && !hoisted_; }

  bool has_filters() const { return !fields_.empty() || !unscored_.empty() || !negated_.empty(); }

  // `query` narrowed by this group's filters (OR within a field, AND across
  // fields and filter-only sub-groups) and without its negated clauses.
  Query apply_filters(Query query) const {
    std::vector<Query> filters;
    for (const auto& [field, values] : fields_) filters.push_back(combine(Query::OP_OR, values));
    filters.insert(filters.end(), unscored_.begin(), unscored_.end());
    if (!filters.empty()) query = Query(Query::OP_FILTER, query, combine(Query::OP_AND, filters));
    if (!negated_.empty()) query = Query(Query::OP_AND_NOT, query, combine(Query::OP_OR, negated_));
    return query;
  }

  void add_negated(Query q) { negated_.push_back(std::move(q)); }

  // The group's positive code:/coder: filters, gathered into one condition
  // and resolved when the group is complete (Parser::finish_coding).
  CodingFilter& coding() { return coding_; }
  CodingFilter take_coding() { return std::exchange(coding_, CodingFilter{}); }
  void add_resolved_filter(Query q) { unscored_.push_back(std::move(q)); }

  bool empty() const {
    return fields_.empty() && scored_.empty() && unscored_.empty() && negated_.empty() &&
           coding_.codes.empty() && coding_.coders.empty();
  }

  Node build() const {
    const bool scored = !scored_.empty();
    return Node{apply_filters(scored ? combine(Query::OP_AND, scored_) : Query::MatchAll), scored};
  }

 private:
  std::vector<Query> scored_;
  std::vector<std::pair<const index::Field*, std::vector<Query>>> fields_;
  std::vector<Query> unscored_;  // sub-groups of filters and resolved codings: more filters
  std::vector<Query> negated_;
  CodingFilter coding_;
  bool hoisted_ = false;
};

// Examples in date hints use the field's own name from the table.
std::string date_examples(const Token& t) {
  std::string name(t.field->name);
  return "e.g. " + name + ":2010..2015, " + name + ":2014-03, " + name + ":..2012 or " + name +
         ":2015..";
}

std::optional<int> date_end(std::string_view text, index::DateEnd end, const Token& t) {
  if (text.empty()) return std::nullopt;
  std::optional<int> n = index::date_to_number(text, end);
  if (!n) {
    fail("\"" + std::string(text) + "\" in " + std::string(t.field->name) + ":" + t.value + " at " +
             at(t.value_pos) + " is not a date",
         "dates are YYYY, YYYY-MM or YYYY-MM-DD, " + date_examples(t));
  }
  return n;
}

Query date_query(const Token& t) {
  const std::string& v = t.value;
  auto dots = v.find("..");
  std::string_view from = dots == std::string::npos ? v : std::string_view(v).substr(0, dots);
  std::string_view to = dots == std::string::npos ? v : std::string_view(v).substr(dots + 2);
  if (from.empty() && to.empty()) {
    fail("the date range at " + at(t.pos) + " has no dates", "write " + date_examples(t));
  }
  std::optional<int> lo = date_end(from, index::DateEnd::Lower, t);
  std::optional<int> hi = date_end(to, index::DateEnd::Upper, t);
  if (lo && hi && *lo > *hi) {
    fail("the date range " + v + " at " + at(t.value_pos) + " ends before it starts",
         "put the earlier date first, " + date_examples(t));
  }
  Xapian::valueno slot = index::kDateSlot;
  auto serialise = [](int n) { return Xapian::sortable_serialise(n); };
  if (lo && hi) return Query(Query::OP_VALUE_RANGE, slot, serialise(*lo), serialise(*hi));
  if (lo) return Query(Query::OP_VALUE_GE, slot, serialise(*lo));
  return Query(Query::OP_VALUE_LE, slot, serialise(*hi));
}

Query filter_query(const Token& t) {
  switch (t.field->kind) {
    case index::FieldKind::Filter:
      return Query(index::filter_term(*t.field, t.value));
    case index::FieldKind::DateRange:
      return date_query(t);
    case index::FieldKind::Coding:
      break;  // resolved with its group, see Parser::coding_filter
  }
  throw_internal("search query: unhandled field kind");
}

// ---- parser -------------------------------------------------------------------

// Recursive descent over the tokens:
//   or_expr  := and_expr (OR and_expr)*
//   and_expr := unary ([AND] unary)*
//   unary    := (NOT | -)* (filter | proximity)
//   proximity:= primary ((NEAR | ADJ) primary)*      operands: single words
//   primary  := word | phrase | wildcard | '(' or_expr ')'
// Recursion happens only through '(' and is capped at kMaxNesting.
class Parser {
 public:
  Parser(const std::vector<Token>& tokens, const index::TermMaker& terms, ParsedQuery& out,
         const Xapian::Database* vocabulary, const CodingResolver& resolve_codings)
      : tokens_(tokens),
        terms_(terms),
        out_(out),
        vocabulary_(vocabulary),
        resolve_codings_(resolve_codings) {}

  Node parse() {
    Node node = or_expr(true);
    if (peek().kind == Tok::Close) {
      fail("\")\" at " + at(peek().pos) + " has no matching \"(\"",
           "remove it or open the group with \"(\", e.g. (budget OR cuts) housing");
    }
    finish_coding(global_filters_);
    if (global_filters_.has_filters()) node.query = global_filters_.apply_filters(node.query);
    return node;
  }

 private:
  const Token& peek(std::size_t ahead = 0) const {
    return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
  }
  const Token& take() {
    const Token& t = peek();
    if (pos_ < tokens_.size() - 1) ++pos_;
    return t;
  }

  [[noreturn]] void needs_operand(const Token& op, const char* side) const {
    std::string example =
        op.kind == Tok::Minus ? "budget -housing" : "budget " + op.text + " housing";
    fail("\"" + op.text + "\" at " + at(op.pos) + " needs a search term " + side + " it",
         "write e.g. " + example);
  }

  Node or_expr(bool positive) {
    std::vector<Node> nodes{and_expr(positive)};
    while (peek().kind == Tok::Or) {
      const Token& op = take();
      if (!is_operand_start(peek().kind)) needs_operand(op, "after");
      nodes.push_back(and_expr(positive));
    }
    // "budget OR case:D": the filter went to the whole query, leaving nothing
    // in its branch; the branch drops out rather than matching everything.
    if (std::any_of(nodes.begin(), nodes.end(), [](const Node& n) { return !n.hoisted_only; })) {
      nodes.erase(
          std::remove_if(nodes.begin(), nodes.end(), [](const Node& n) { return n.hoisted_only; }),
          nodes.end());
    }
    if (nodes.size() == 1) return nodes[0];
    bool scored = std::any_of(nodes.begin(), nodes.end(), [](const Node& n) { return n.scored; });
    std::vector<Query> parts;
    for (const Node& n : nodes) {
      // MatchAll-based alternatives must not outweigh real matches.
      parts.push_back(scored && !n.scored ? Query(Query::OP_SCALE_WEIGHT, n.query, 0.0) : n.query);
    }
    return Node{combine(Query::OP_OR, parts), scored};
  }

  Node and_expr(bool positive) {
    AndGroup group;
    while (true) {
      const Token& t = peek();
      if (t.kind == Tok::Or || t.kind == Tok::And || t.kind == Tok::Near || t.kind == Tok::Adj) {
        if (group.nothing_consumed()) needs_operand(t, "before");
      }
      if (t.kind == Tok::And) {
        take();
        if (!is_operand_start(peek().kind)) needs_operand(t, "after");
        continue;
      }
      if (t.kind == Tok::Near || t.kind == Tok::Adj) {
        fail("\"" + t.text + "\" at " + at(t.pos) + " must follow a single word",
             "write e.g. staff " + t.text + " queue");
      }
      if (!is_operand_start(t.kind)) break;
      unary(group, positive);
    }
    finish_coding(group);
    if (group.only_hoisted()) return Node{Query::MatchAll, false, true};
    if (group.empty() && peek().kind == Tok::Close) {
      fail("\")\" at " + at(peek().pos) + " has no matching \"(\"",
           "remove it or open the group with \"(\", e.g. (budget OR cuts) housing");
    }
    if (group.empty()) {
      fail("expected a search term at " + at(peek().pos) + ", found " + describe(peek()),
           "write words, \"phrases\", field:value filters or (groups)");
    }
    return group.build();
  }

  // NOT and "-" bind to the next clause only; a run of them is counted in a
  // loop (not recursion) so "NOT NOT ... a" cannot exhaust the stack.
  void unary(AndGroup& group, bool positive) {
    bool negated = false;
    while (peek().kind == Tok::Not || peek().kind == Tok::Minus) {
      const Token& op = take();
      if (!is_operand_start(peek().kind)) needs_operand(op, "after");
      negated = !negated;
    }
    bool inner_positive = positive != negated;
    if (peek().kind == Tok::Filter) {
      const Token& t = take();
      // Outside parentheses a filter narrows the whole query.
      AndGroup& target = depth_ == 0 ? global_filters_ : group;
      if (depth_ == 0) {
        group.note_hoisted();
        if (!negated) out_.top_level_filters.emplace_back(t.field->name, t.value);
      }
      if (t.field->kind == index::FieldKind::Coding) {
        coding_filter(target, t, negated);
      } else {
        negated ? target.add_negated(filter_query(t))
                : target.add_filter(*t.field, filter_query(t));
      }
      return;
    }
    Node node = proximity(inner_positive);
    negated ? group.add_negated(std::move(node.query)) : group.add(std::move(node));
  }

  // A positive code:/coder: joins its group's single coding condition (so
  // code:X coder:alice is one coding); a negated one is a condition alone.
  void coding_filter(AndGroup& group, const Token& t, bool negated) {
    const bool is_code = t.field->name == index::kCodeField;
    if (!negated) {
      CodingFilter& f = group.coding();
      (is_code ? f.codes : f.coders).push_back(t.value);
      return;
    }
    CodingFilter f;
    (is_code ? f.codes : f.coders).push_back(t.value);
    f.negated = true;
    group.add_negated(resolve(f));
  }

  // Resolves the group's positive coding condition, if any, into a filter.
  void finish_coding(AndGroup& group) {
    CodingFilter f = group.take_coding();
    if (f.codes.empty() && f.coders.empty()) return;
    group.add_resolved_filter(resolve(f));
  }

  Query resolve(const CodingFilter& f) {
    out_.coding_filters.push_back(f);
    // Without a resolver the query is for validation only (see parse_query).
    return resolve_codings_ ? resolve_codings_(f) : Query();
  }

  Node proximity(bool positive) {
    Tok next = peek(1).kind;
    if (next != Tok::Near && next != Tok::Adj) return primary(positive);
    std::vector<Query> parts{proximity_operand(take(), peek(), positive)};
    const Token& first_op = peek();
    unsigned n = 0;
    while (peek().kind == Tok::Near || peek().kind == Tok::Adj) {
      const Token& op = take();
      if (op.kind != first_op.kind) {
        fail("NEAR and ADJ cannot be mixed (" + at(first_op.pos) + " and " + at(op.pos) + ")",
             "use one of them for the whole chain, e.g. a NEAR/5 b NEAR/5 c");
      }
      n = std::max(n, op.window == 0 ? kDefaultWindow : op.window);
      parts.push_back(proximity_operand(take(), op, positive));
    }
    // Xapian's window is the span of positions holding all the words; "within
    // n words" of each other is a span of n + 1 for two words, plus one for
    // each further word (as QueryParser does).
    auto window = static_cast<Xapian::termcount>(n + parts.size() - 1);
    Query::op op = first_op.kind == Tok::Near ? Query::OP_NEAR : Query::OP_PHRASE;
    return Node{Query(op, parts.begin(), parts.end(), window), true};
  }

  // One operand of NEAR/ADJ: a positional query (exact terms, or an OR of
  // them, which Xapian 1.4 accepts inside NEAR and PHRASE).
  Query proximity_operand(const Token& t, const Token& op, bool positive) {
    const bool single = (t.kind == Tok::Word || t.kind == Tok::Phrase) && t.terms.size() == 1;
    if (t.kind == Tok::Wildcard && vocabulary_ != nullptr) {
      if (positive) add_wildcard_prefix(t.terms[0]);
      return expand(t, op, t.terms[0], [](const std::string&) { return true; });
    }
    if (!single) {
      fail("\"" + op.text + "\" at " + at(op.pos) + " works between single words, not " +
               describe(t),
           "write e.g. staff " + op.text + " queue");
    }
    const std::string& exact = t.terms[0];
    if (t.kind == Tok::Phrase || vocabulary_ == nullptr) {
      if (positive) out_.exact_terms.insert(exact);
      return Query(exact);
    }
    // A bare word matches the indexed forms sharing its stem. The forms are
    // found among the words starting with what the word and its stem have in
    // common: "policy" stems to "polici", so "polic" (policy, policies).
    const std::string stem = terms_.stemmed_term(exact);
    if (positive) out_.stemmed_terms.insert(stem);
    const std::string stem_text = stem.substr(1);  // without the "Z"
    std::size_t common = 0;
    while (common < exact.size() && common < stem_text.size() &&
           exact[common] == stem_text[common]) {
      ++common;
    }
    auto same_stem = [&](const std::string& term) { return terms_.stemmed_term(term) == stem; };
    Query forms = expand(t, op, exact.substr(0, std::max<std::size_t>(common, 1)), same_stem);
    return forms.empty() ? Query(exact) : forms;
  }

  // OR of the indexed exact terms starting with `prefix` that `keep` accepts.
  template <typename Keep>
  Query expand(const Token& t, const Token& op, const std::string& prefix, Keep keep) {
    std::vector<Query> forms;
    for (auto it = vocabulary_->allterms_begin(prefix); it != vocabulary_->allterms_end(prefix);
         ++it) {
      const std::string term = *it;
      if (!term.empty() && term[0] >= 'A' && term[0] <= 'Z') continue;  // prefixed terms
      if (!keep(term)) continue;
      if (forms.size() == kMaxProximityExpansion) {
        fail(describe(t) + " next to \"" + op.text + "\" matches more than " +
                 std::to_string(kMaxProximityExpansion) + " different words",
             "make it more precise, e.g. a longer prefix before the *");
      }
      forms.emplace_back(term);
    }
    return combine(Query::OP_OR, forms.empty() ? std::vector<Query>{Query()} : forms);
  }

  Node primary(bool positive) {
    const Token& t = take();
    switch (t.kind) {
      case Tok::Word:
        return word(t, positive);
      case Tok::Phrase:
        return exact_phrase(t.terms, positive);
      case Tok::Wildcard:
        if (positive) add_wildcard_prefix(t.terms[0]);
        return Node{wildcard_query(t.terms[0]), true};
      case Tok::Open:
        return group(t, positive);
      default:
        fail("expected a search term at " + at(t.pos) + ", found " + describe(t),
             "write words, \"phrases\", field:value filters or (groups)");
    }
  }

  // A wildcard outside NEAR/ADJ. With a vocabulary it is expanded here, over
  // all of the index's words at once: Xapian expands a wildcard in each shard
  // of a sharded index on its own, which weighs the words differently from
  // one index. Like Xapian's WILDCARD_LIMIT_MOST_FREQUENT, a prefix of more
  // than kMaxWildcardExpansion words keeps the most frequent.
  Query wildcard_query(const std::string& prefix) {
    if (vocabulary_ == nullptr) {
      return Query(Query::OP_WILDCARD, prefix, kMaxWildcardExpansion,
                   Query::WILDCARD_LIMIT_MOST_FREQUENT);
    }
    std::vector<std::pair<Xapian::doccount, std::string>> words;
    for (auto it = vocabulary_->allterms_begin(prefix); it != vocabulary_->allterms_end(prefix);
         ++it) {
      words.emplace_back(it.get_termfreq(), *it);
    }
    if (words.size() > kMaxWildcardExpansion) {
      const auto more_frequent = [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
      };
      std::partial_sort(words.begin(), words.begin() + kMaxWildcardExpansion, words.end(),
                        more_frequent);
      words.resize(kMaxWildcardExpansion);
    }
    std::vector<std::string> terms;
    terms.reserve(words.size());
    for (auto& word : words) terms.push_back(std::move(word.second));
    return Query(Query::OP_SYNONYM, terms.begin(), terms.end());
  }

  void add_wildcard_prefix(const std::string& prefix) {
    std::vector<std::string>& prefixes = out_.wildcard_prefixes;
    if (std::find(prefixes.begin(), prefixes.end(), prefix) == prefixes.end()) {
      prefixes.push_back(prefix);
    }
  }

  // One bare word matches every form of itself; a word the segmenter split
  // ("ex-post") is a phrase of its parts, which needs the positional terms.
  Node word(const Token& t, bool positive) {
    if (t.terms.size() > 1) return exact_phrase(t.terms, positive);
    if (positive) out_.stemmed_terms.insert(terms_.stemmed_term(t.terms[0]));
    return Node{terms_.stem_query(t.terms[0]), true};
  }

  Node exact_phrase(const std::vector<std::string>& words, bool positive) {
    if (positive) out_.exact_terms.insert(words.begin(), words.end());
    if (words.size() == 1) return Node{Query(words[0]), true};
    std::vector<Query> parts(words.begin(), words.end());
    return Node{Query(Query::OP_PHRASE, parts.begin(), parts.end(), parts.size()), true};
  }

  Node group(const Token& open, bool positive) {
    if (++depth_ > kMaxNesting) {
      fail("parentheses nested more than " + std::to_string(kMaxNesting) + " deep at " +
               at(open.pos),
           "simplify the query; (a OR b) c needs only one level");
    }
    if (peek().kind == Tok::Close) {
      fail("empty parentheses at " + at(open.pos),
           "put search terms inside, e.g. (budget OR cuts)");
    }
    Node node = or_expr(positive);
    if (peek().kind != Tok::Close) {
      fail("unbalanced parenthesis: \"(\" at " + at(open.pos) + " is never closed",
           "close the group with \")\", e.g. (budget OR cuts) housing");
    }
    take();
    --depth_;
    return node;
  }

  const std::vector<Token>& tokens_;
  const index::TermMaker& terms_;
  ParsedQuery& out_;
  const Xapian::Database* vocabulary_;     // for expanding NEAR/ADJ operands; may be null
  const CodingResolver& resolve_codings_;  // may be empty
  std::size_t pos_ = 0;
  int depth_ = 0;
  AndGroup global_filters_;  // filters outside parentheses
};

void check_input(std::string_view query) {
  if (query.size() > kMaxQueryBytes) {
    throw_data("search query is too long (" + std::to_string(query.size()) +
                   " bytes; the limit is " + std::to_string(kMaxQueryBytes) + ")",
               "search for fewer terms at a time");
  }
  std::size_t bad = 0;
  if (!text::is_valid_utf8(query, &bad)) {
    fail("invalid UTF-8 at " + at(text::count_code_points(query.substr(0, bad))),
         "pass the query as UTF-8 text");
  }
  bool blank = std::all_of(query.begin(), query.end(),
                           [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); });
  if (blank) throw_data("search query is empty", "give words to search for, e.g. housing budget");
}

}  // namespace

ParsedQuery parse_query(std::string_view query, const Xapian::Database* vocabulary,
                        const CodingResolver& resolve_codings) {
  check_input(query);
  text::Segmenter segmenter;
  index::TermMaker terms;
  std::vector<Token> tokens = Lexer(query, segmenter, terms).run();
  if (tokens.size() == 1) {
    throw_data("search query has no words to search for: \"" + std::string(query) + "\"",
               "give words to search for, e.g. housing budget");
  }
  ParsedQuery out;
  Node node = Parser(tokens, terms, out, vocabulary, resolve_codings).parse();
  out.query = std::move(node.query);
  out.has_text = node.scored;
  return out;
}

namespace {

// What goes after "field:" in the help.
std::string value_placeholder(const index::Field& f) {
  switch (f.kind) {
    case index::FieldKind::DateRange:
      return "FROM..TO";
    case index::FieldKind::Coding:
      return f.name == index::kCodeField ? "KEY" : "NAME";
    case index::FieldKind::Filter:
      break;
  }
  return "VALUE";
}

}  // namespace

std::string query_syntax_help() {
  std::string help =
      "Search query syntax:\n"
      "  housing budget       passages with both words, in their English stemmed forms\n"
      "                       (\"budgets\" finds \"budget\"; use budg* for wider nets)\n"
      "  \"housing budget\"     the exact phrase; a quoted single word is matched exactly\n"
      "  budg*                words starting with budg (at least 2 characters before the *)\n"
      "  staff NEAR/5 queue   the words (any stemmed form, or a prefix*) at most 5 words\n"
      "                       apart, in either order (NEAR = NEAR/10)\n"
      "  staff ADJ/5 queue    the same, but in this order\n"
      "  a OR b   a AND b   a NOT b   -b   ( )\n"
      "                       upper-case operators; NOT binds tighter than AND, AND than "
      "OR;\n"
      "                       words next to each other are joined with AND\n"
      "Filters narrow the whole query without changing the ranking (inside ( ) only\n"
      "their group); the same field twice means either value, different fields must\n"
      "all match:\n";
  for (const index::Field& f : index::kFields) {
    std::string usage = std::string(f.name) + ":" + value_placeholder(f);
    usage.resize(std::max<std::size_t>(usage.size() + 1, 20), ' ');
    help += "  " + usage + " " + std::string(f.help) + "\n";
    if (f.kind == index::FieldKind::DateRange) {
      std::string indent(23, ' ');
      help += indent + "dates are YYYY, YYYY-MM or YYYY-MM-DD; " + std::string(f.name) +
              ":..2012 and\n" + indent + std::string(f.name) + ":2015.. leave one end open\n";
    }
  }
  help += "Quote values with spaces: " + std::string(index::kFields[0].name) +
          ":\"two words\". Values and field names ignore case.\n"
          "To search for text that looks like a field (re:budget), quote it: \"re:budget\".\n"
          "Coding filters find passages that share at least one character with an active\n"
          "coding. code: includes the code's sub-codes and accepts its former keys.\n"
          "code: and coder: in the same group describe ONE coding: code:X coder:alice is\n"
          "X coded by alice; code:X code:Y is X or Y; -code:X is passages without X.\n"
          "(code:X coder:alice) OR (code:Y coder:bob) keeps two codings apart. In blind\n"
          "mode only your own codings count. List the codes with 'casebook codebook show'.\n";
  return help;
}

}  // namespace casebook::search
