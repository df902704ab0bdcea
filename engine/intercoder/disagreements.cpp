#include "engine/intercoder/disagreements.hpp"

#include <algorithm>
#include <map>
#include <numeric>

#include "engine/codebook/store_sync.hpp"
#include "engine/core/error.hpp"
#include "engine/intercoder/intercoder.hpp"

namespace casebook::intercoder {
namespace {

using coding::CodingView;

double overlap_ratio(const text::Span& a, const text::Span& b) {
  const std::size_t inter_start = std::max(a.start, b.start);
  const std::size_t inter_end = std::min(a.end, b.end);
  if (inter_end <= inter_start) return 0.0;
  const std::size_t uni = std::max(a.end, b.end) - std::min(a.start, b.start);
  return static_cast<double>(inter_end - inter_start) / static_cast<double>(uni);
}

bool overlaps(const text::Span& a, const text::Span& b) {
  return a.start < b.end && b.start < a.end;
}

// The code two codings are compared by: the code itself, or, when codes were
// named, the most specific named code it falls under (as agreement counts a
// sub-code under its parent).
using ComparedCode = std::map<std::string, std::string>;

ComparedCode compared_codes(store::Store& store, const std::vector<std::string>& codes) {
  ComparedCode out;
  std::map<std::string, std::size_t> breadth;  // how many codes the naming code covers
  SQLite::Statement key(store.db(), "SELECT key FROM codes WHERE id = ?");
  for (const auto& k : codes) {
    const auto found = codebook::find_code(store, k);
    const codebook::CodeRecord code = found ? *found : codebook::require_code(store, k);
    const auto ids = codebook::code_and_descendants(store, code.id);
    for (auto id : ids) {
      key.reset();
      key.bind(1, id);
      if (!key.executeStep()) continue;
      const std::string covered = key.getColumn(0).getString();
      auto it = breadth.find(covered);
      if (it == breadth.end() || ids.size() < it->second) {
        breadth[covered] = ids.size();
        out[covered] = code.code.key;
      }
    }
  }
  return out;
}

const std::string& compared(const ComparedCode& map, const CodingView& c) {
  const auto it = map.find(c.code);
  return it == map.end() ? c.code : it->second;
}

struct Pair {
  std::size_t a = 0, b = 0;
  double ratio = 0;
};

// Same-code codings of the two coders paired one to one, best overlap first.
std::vector<Pair> pair_same_codes(const std::vector<CodingView>& a,
                                  const std::vector<CodingView>& b, const ComparedCode& codes) {
  std::vector<Pair> candidates;
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t j = 0; j < b.size(); ++j) {
      if (compared(codes, a[i]) == compared(codes, b[j]) && overlaps(a[i].span, b[j].span)) {
        candidates.push_back({i, j, overlap_ratio(a[i].span, b[j].span)});
      }
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Pair& x, const Pair& y) { return x.ratio > y.ratio; });
  std::vector<bool> used_a(a.size()), used_b(b.size());
  std::vector<Pair> out;
  for (const Pair& p : candidates) {
    if (used_a[p.a] || used_b[p.b]) continue;
    used_a[p.a] = used_b[p.b] = true;
    out.push_back(p);
  }
  return out;
}

Disagreement make(DisagreementKind kind, std::vector<CodingView> first,
                  std::vector<CodingView> second) {
  Disagreement d;
  d.kind = kind;
  d.span = {std::string::npos, 0};
  d.resolved = true;
  for (const auto* side : {&first, &second}) {
    for (const CodingView& c : *side) {
      d.source_label = c.source_label;
      d.span.start = std::min(d.span.start, c.span.start);
      d.span.end = std::max(d.span.end, c.span.end);
      if (c.review_status == "unreviewed") d.resolved = false;
    }
  }
  d.first = std::move(first);
  d.second = std::move(second);
  return d;
}

// Codings left without a same-code partner: those that overlap codings of
// the other coder (with other codes) form "different code" groups; the rest
// were coded by one coder only.
void unpaired_disagreements(const std::vector<CodingView>& a, const std::vector<CodingView>& b,
                            const std::vector<bool>& paired_a, const std::vector<bool>& paired_b,
                            std::vector<Disagreement>& out) {
  // Union-find over a's and b's unpaired codings (b indices offset by a.size()).
  std::vector<std::size_t> parent(a.size() + b.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto root = [&](std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t j = 0; j < b.size(); ++j) {
      if (!paired_a[i] && !paired_b[j] && overlaps(a[i].span, b[j].span)) {
        parent[root(i)] = root(a.size() + j);
      }
    }
  }
  std::map<std::size_t, std::pair<std::vector<CodingView>, std::vector<CodingView>>> groups;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!paired_a[i]) groups[root(i)].first.push_back(a[i]);
  }
  for (std::size_t j = 0; j < b.size(); ++j) {
    if (!paired_b[j]) groups[root(a.size() + j)].second.push_back(b[j]);
  }
  for (auto& [key, g] : groups) {
    const bool both = !g.first.empty() && !g.second.empty();
    out.push_back(make(both ? DisagreementKind::DifferentCode : DisagreementKind::OnlyOne,
                       std::move(g.first), std::move(g.second)));
  }
}

void source_disagreements(const std::vector<CodingView>& a, const std::vector<CodingView>& b,
                          double threshold, const ComparedCode& codes,
                          std::vector<Disagreement>& out) {
  std::vector<bool> paired_a(a.size()), paired_b(b.size());
  for (const Pair& p : pair_same_codes(a, b, codes)) {
    paired_a[p.a] = paired_b[p.b] = true;
    if (p.ratio < threshold) {
      out.push_back(make(DisagreementKind::Boundaries, {a[p.a]}, {b[p.b]}));
    } else if (a[p.a].dims != b[p.b].dims) {
      out.push_back(make(DisagreementKind::Dimensions, {a[p.a]}, {b[p.b]}));
    }
  }
  unpaired_disagreements(a, b, paired_a, paired_b, out);
}

}  // namespace

const char* to_string(DisagreementKind kind) {
  switch (kind) {
    case DisagreementKind::OnlyOne:
      return "only one coded";
    case DisagreementKind::DifferentCode:
      return "different codes";
    case DisagreementKind::Boundaries:
      return "different boundaries";
    case DisagreementKind::Dimensions:
      return "different dimension values";
  }
  return "";
}

std::vector<Disagreement> find_disagreements(store::Store& store, const DisagreementScope& scope) {
  if (!(scope.threshold > 0 && scope.threshold <= 1)) {
    throw_usage("the overlap threshold must be a share in (0, 1]", "e.g. 90 percent");
  }
  const auto coders = resolve_coders(store, {scope.first, scope.second});
  coding::CodingFilter filter;
  filter.coders = coders;
  filter.codes = scope.codes;
  filter.sources = scope.sources;
  filter.include_rejected = true;  // the coders' own work, reviewed or not
  std::map<std::int64_t, std::pair<std::vector<CodingView>, std::vector<CodingView>>> by_source;
  std::vector<std::int64_t> order;  // sources as list_codings orders them
  for (auto& c : coding::list_codings(store, filter)) {
    if (!by_source.count(c.source_id)) order.push_back(c.source_id);
    auto& sides = by_source[c.source_id];
    (c.coder == coders[0] ? sides.first : sides.second).push_back(std::move(c));
  }
  const ComparedCode codes = compared_codes(store, scope.codes);
  std::vector<Disagreement> out;
  for (std::int64_t id : order) {
    std::vector<Disagreement> found;
    source_disagreements(by_source[id].first, by_source[id].second, scope.threshold, codes, found);
    std::stable_sort(found.begin(), found.end(), [](const Disagreement& x, const Disagreement& y) {
      return std::make_pair(x.span.start, x.span.end) < std::make_pair(y.span.start, y.span.end);
    });
    for (auto& d : found) {
      if (scope.include_resolved || !d.resolved) out.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace casebook::intercoder
