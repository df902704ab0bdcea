#include "engine/consistency/snapshot.hpp"

#include <algorithm>
#include <set>

namespace casebook::consistency::detail {

const CodeRow* Snapshot::code(std::int64_t id) const {
  const auto it = std::lower_bound(codes.begin(), codes.end(), id,
                                   [](const CodeRow& c, std::int64_t v) { return c.id < v; });
  return it != codes.end() && it->id == id ? &*it : nullptr;
}

namespace {

std::vector<CodingRow> load_codings(store::Store& store, bool include_rejected) {
  SQLite::Statement q(store.db(),
                      "SELECT c.id, c.source_id, s.label, c.start_cp, c.end_cp, c.code_id, k.key, "
                      "       c.coder, c.quote, c.created_at "
                      "FROM codings c JOIN sources s ON s.id = c.source_id "
                      "JOIN codes k ON k.id = c.code_id "
                      "WHERE c.removed_at IS NULL AND (? OR c.review_status <> 'rejected') "
                      "ORDER BY c.source_id, c.start_cp, c.end_cp, c.id");
  q.bind(1, include_rejected ? 1 : 0);
  std::vector<CodingRow> out;
  while (q.executeStep()) {
    CodingRow r;
    r.id = q.getColumn(0).getInt64();
    r.source_id = q.getColumn(1).getInt64();
    r.source_label = q.getColumn(2).getString();
    r.span = {static_cast<std::size_t>(q.getColumn(3).getInt64()),
              static_cast<std::size_t>(q.getColumn(4).getInt64())};
    r.code_id = q.getColumn(5).getInt64();
    r.code = q.getColumn(6).getString();
    r.coder = q.getColumn(7).getString();
    r.quote = q.getColumn(8).getString();
    r.created_at = q.getColumn(9).getString();
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<CodeRow> load_codes(store::Store& store) {
  SQLite::Statement q(store.db(),
                      "SELECT id, key, parent_id, retired_at IS NOT NULL FROM codes ORDER BY id");
  std::vector<CodeRow> out;
  while (q.executeStep()) {
    CodeRow r;
    r.id = q.getColumn(0).getInt64();
    r.key = q.getColumn(1).getString();
    if (!q.getColumn(2).isNull()) r.parent_id = q.getColumn(2).getInt64();
    r.retired = q.getColumn(3).getInt() != 0;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

Snapshot load_snapshot(store::Store& store, bool include_rejected) {
  Snapshot s;
  s.include_rejected = include_rejected;
  s.codings = load_codings(store, include_rejected);
  s.codes = load_codes(store);
  std::set<std::string> coders;
  for (const auto& c : s.codings) coders.insert(c.coder);
  s.coders.assign(coders.begin(), coders.end());
  return s;
}

std::string span_text(const text::Span& span) {
  return std::to_string(span.start) + ":" + std::to_string(span.end);
}

std::string describe(const CodingRow& c) {
  return c.coder + "'s coding " + std::to_string(c.id) + " (" + c.code + ", " + c.source_label +
         " " + span_text(c.span) + ")";
}

std::string shorten(const std::string& text, std::size_t max) {
  std::string out;
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char byte = static_cast<unsigned char>(text[i]);
    const bool starts_point = (byte & 0xC0) != 0x80;
    if (starts_point && points++ == max) return out + "...";
    out += (byte == '\n' || byte == '\t' || byte == '\r') ? ' ' : text[i];
  }
  return out;
}

Finding coding_finding(const std::string& check, const std::string& kind, Severity severity,
                       const CodingRow& c, std::string explanation) {
  Finding f;
  f.check = check;
  f.kind = kind;
  f.severity = severity;
  f.codes = {c.code};
  f.codings = {c.id};
  f.coders = {c.coder};
  f.source = c.source_label;
  f.span = c.span;
  f.explanation = std::move(explanation);
  return f;
}

}  // namespace casebook::consistency::detail
