// MAXQDA-style agreement tables: presence and frequency of codes per
// document, and matching of segments by overlap.
#include "engine/agreement/segments.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <utility>

#include "engine/core/error.hpp"

namespace casebook::agreement {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void check_document(const CodedDocument& d) {
  auto check = [&d](const std::vector<CodedSegment>& segs, const char* coder) {
    for (const CodedSegment& s : segs) {
      if (s.start < 0 || s.start >= s.end) {
        throw_data("source " + std::to_string(d.source) + ", coder " + coder + ": segment [" +
                       std::to_string(s.start) + ", " + std::to_string(s.end) +
                       ") is empty, reversed or before the start of the text",
                   "a segment needs 0 <= start < end, in code points");
      }
    }
  };
  check(d.coder_a, "A");
  check(d.coder_b, "B");
}

// The codes to report: the caller's, or every code used, ascending.
std::vector<int> codes_to_report(const std::vector<CodedDocument>& documents,
                                 const std::vector<int>& codes) {
  std::vector<int> out = codes;
  if (out.empty()) {
    for (const CodedDocument& d : documents) {
      for (const CodedSegment& s : d.coder_a) out.push_back(s.value);
      for (const CodedSegment& s : d.coder_b) out.push_back(s.value);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::map<int, int> count_by_code(const std::vector<CodedSegment>& segs) {
  std::map<int, int> counts;
  for (const CodedSegment& s : segs) ++counts[s.value];
  return counts;
}

// Each document's segment counts by code, for coder A and coder B.
std::vector<std::pair<std::map<int, int>, std::map<int, int>>> counts_per_document(
    const std::vector<CodedDocument>& documents) {
  std::vector<std::pair<std::map<int, int>, std::map<int, int>>> out;
  for (const CodedDocument& d : documents) {
    out.emplace_back(count_by_code(d.coder_a), count_by_code(d.coder_b));
  }
  return out;
}

int count_of(const std::map<int, int>& counts, int code) {
  const auto it = counts.find(code);
  return it == counts.end() ? 0 : it->second;
}

Kappa make_kappa(double observed, double chance) {
  Kappa k;
  k.observed = observed;
  k.chance = chance;
  k.defined = chance < 1.0 && !std::isnan(observed);
  k.value = k.defined ? (observed - chance) / (1.0 - chance) : kNaN;
  return k;
}

// Cohen's kappa and percent agreement of a presence row.
void finish_presence(PresenceRow& r) {
  const double n = r.both + r.only_a + r.only_b + r.neither;
  if (n == 0) {
    r.kappa = make_kappa(kNaN, 1.0);
    return;
  }
  r.percent = (r.both + r.neither) / n;
  const double pa = (r.both + r.only_a) / n, pb = (r.both + r.only_b) / n;
  r.kappa = make_kappa(r.percent, pa * pb + (1 - pa) * (1 - pb));
}

double share(int part, int whole) {
  return whole > 0 ? static_cast<double>(part) / whole : 0.0;
}

}  // namespace

PresenceTable code_presence(const std::vector<CodedDocument>& documents,
                            const std::vector<int>& codes) {
  for (const CodedDocument& d : documents) check_document(d);
  PresenceTable table;
  table.total.code = kGap;
  const auto counts = counts_per_document(documents);
  for (int code : codes_to_report(documents, codes)) {
    PresenceRow r;
    r.code = code;
    for (const auto& [in_a, in_b] : counts) {
      const bool a = count_of(in_a, code) > 0;
      const bool b = count_of(in_b, code) > 0;
      (a && b ? r.both : a ? r.only_a : b ? r.only_b : r.neither)++;
    }
    finish_presence(r);
    table.total.both += r.both;
    table.total.only_a += r.only_a;
    table.total.only_b += r.only_b;
    table.total.neither += r.neither;
    table.rows.push_back(r);
  }
  finish_presence(table.total);
  return table;
}

FrequencyTable code_frequency(const std::vector<CodedDocument>& documents,
                              const std::vector<int>& codes) {
  for (const CodedDocument& d : documents) check_document(d);
  FrequencyTable table;
  table.total.code = kGap;
  const auto counts = counts_per_document(documents);
  for (int code : codes_to_report(documents, codes)) {
    FrequencyRow r;
    r.code = code;
    for (const auto& [in_a, in_b] : counts) {
      const int a = count_of(in_a, code);
      const int b = count_of(in_b, code);
      if (a == 0 && b == 0) continue;  // the code is not in play in this document
      (a == b ? r.agree : r.disagree)++;
    }
    r.percent = share(r.agree, r.agree + r.disagree);
    table.total.agree += r.agree;
    table.total.disagree += r.disagree;
    table.rows.push_back(r);
  }
  table.total.percent = share(table.total.agree, table.total.agree + table.total.disagree);
  return table;
}

double segment_overlap(const CodedSegment& judged, const CodedSegment& other, OverlapBase base) {
  const Position common = std::min(judged.end, other.end) - std::max(judged.start, other.start);
  if (common <= 0) return 0.0;
  const Position whole = base == OverlapBase::Own ? judged.end - judged.start
                                                  : std::max(judged.end, other.end) -
                                                        std::min(judged.start, other.start);
  return static_cast<double>(common) / static_cast<double>(whole);
}

namespace {

std::vector<CodedSegment> of_code(const std::vector<CodedSegment>& segs, int code) {
  std::vector<CodedSegment> out;
  for (const CodedSegment& s : segs) {
    if (s.value == code) out.push_back(s);
  }
  std::sort(out.begin(), out.end(), [](const CodedSegment& a, const CodedSegment& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  return out;
}

// The best overlap of `judged` with any of `others` (sorted by start, with
// running maxima of their ends), visiting only segments that can overlap it.
double best_overlap(const CodedSegment& judged, const std::vector<CodedSegment>& others,
                    const std::vector<Position>& max_end, OverlapBase base) {
  // The first segment whose running maximum end passes judged.start: none
  // before it reaches into the judged segment.
  auto first = std::upper_bound(max_end.begin(), max_end.end(), judged.start) - max_end.begin();
  double best = 0.0;
  for (auto i = static_cast<std::size_t>(first); i < others.size() && others[i].start < judged.end;
       ++i) {
    best = std::max(best, segment_overlap(judged, others[i], base));
  }
  return best;
}

// Judges each of `mine` against `theirs`, adding to the row and the list.
void judge(const std::vector<CodedSegment>& mine, const std::vector<CodedSegment>& theirs,
           std::int64_t source, int coder, const SegmentOptions& options, SegmentRow& row,
           std::vector<SegmentDisagreement>& disagreements) {
  std::vector<Position> max_end;
  for (const CodedSegment& s : theirs) {
    max_end.push_back(max_end.empty() ? s.end : std::max(max_end.back(), s.end));
  }
  // A hair of tolerance so that 9 of 10 code points meets a 0.9 threshold.
  const double threshold = options.threshold - 1e-12;
  for (const CodedSegment& s : mine) {
    const double best = best_overlap(s, theirs, max_end, options.base);
    if (best >= threshold) {
      ++row.agreements;
    } else {
      ++row.disagreements;
      disagreements.push_back({source, coder, s, best});
    }
  }
}

}  // namespace

SegmentTable segment_agreement(const std::vector<CodedDocument>& documents,
                               const SegmentOptions& options, const std::vector<int>& codes) {
  if (!(options.threshold > 0.0 && options.threshold <= 1.0)) {
    throw_usage("overlap threshold " + std::to_string(options.threshold) + " is outside (0, 1]",
                "give the share of overlap that counts as agreement, e.g. 0.9 for 90%");
  }
  for (const CodedDocument& d : documents) check_document(d);
  SegmentTable table;
  table.total.code = kGap;
  for (int code : codes_to_report(documents, codes)) {
    SegmentRow r;
    r.code = code;
    for (const CodedDocument& d : documents) {
      const auto a = of_code(d.coder_a, code), b = of_code(d.coder_b, code);
      judge(a, b, d.source, 0, options, r, table.disagreements);
      judge(b, a, d.source, 1, options, r, table.disagreements);
    }
    if (r.agreements + r.disagreements == 0) continue;  // no segment: not in the table
    r.percent = share(r.agreements, r.agreements + r.disagreements);
    table.total.agreements += r.agreements;
    table.total.disagreements += r.disagreements;
    table.rows.push_back(r);
  }
  const int segments = table.total.agreements + table.total.disagreements;
  table.total.percent = share(table.total.agreements, segments);
  const double chance = table.rows.empty() ? 1.0 : 1.0 / static_cast<double>(table.rows.size());
  table.kappa = make_kappa(segments > 0 ? table.total.percent : kNaN, chance);
  std::sort(table.disagreements.begin(), table.disagreements.end(),
            [](const SegmentDisagreement& x, const SegmentDisagreement& y) {
              if (x.source != y.source) return x.source < y.source;
              if (x.coder != y.coder) return x.coder < y.coder;
              if (x.segment.start != y.segment.start) return x.segment.start < y.segment.start;
              return x.segment.end < y.segment.end;
            });
  return table;
}

}  // namespace casebook::agreement
