#include "engine/intercoder/intercoder.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "engine/codebook/store_sync.hpp"
#include "engine/core/error.hpp"
#include "engine/store/sources.hpp"
#include "engine/text/ascii.hpp"

namespace casebook::intercoder {
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

struct Span {
  std::int64_t start = 0, end = 0;
};

std::string json_list(const std::vector<std::string>& items) {
  return nlohmann::json(items).dump();
}

std::vector<std::string> coders_with_codings(store::Store& store) {
  SQLite::Statement q(store.db(),
                      "SELECT DISTINCT coder FROM codings WHERE removed_at IS NULL ORDER BY coder");
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

// code id -> index into the compared codes. A code given by the user brings
// its sub-codes with it; without codes, every code the coders used counts.
using CodeIndex = std::map<std::int64_t, std::vector<int>>;

CodeIndex resolve_codes(store::Store& store, const Scope& scope,
                        const std::vector<std::string>& coders, std::vector<std::string>& keys) {
  CodeIndex index;
  if (!scope.codes.empty()) {
    for (const auto& k : scope.codes) {
      const auto found = codebook::find_code(store, k);
      const codebook::CodeRecord code = found ? *found : codebook::require_code(store, k);
      if (std::find(keys.begin(), keys.end(), code.code.key) != keys.end()) {
        throw_usage("code '" + k + "' is named twice", "name each code once in --codes");
      }
      const int i = static_cast<int>(keys.size());
      keys.push_back(code.code.key);
      for (auto id : codebook::code_and_descendants(store, code.id)) index[id].push_back(i);
    }
    return index;
  }
  SQLite::Statement q(store.db(),
                      "SELECT DISTINCT k.id, k.key FROM codings g JOIN codes k ON k.id = g.code_id "
                      "WHERE g.removed_at IS NULL AND g.coder IN (SELECT value FROM json_each(?)) "
                      "ORDER BY k.key");
  q.bind(1, json_list(coders));
  while (q.executeStep()) {
    index[q.getColumn(0).getInt64()].push_back(static_cast<int>(keys.size()));
    keys.push_back(q.getColumn(1).getString());
  }
  if (keys.empty()) throw_not_found("these coders have no codings", "code some passages first");
  return index;
}

std::vector<std::int64_t> resolve_sources(store::Store& store, const Scope& scope,
                                          const std::vector<std::string>& coders,
                                          const CodeIndex& codes) {
  std::vector<std::int64_t> out;
  if (!scope.sources.empty()) {
    for (const auto& label : scope.sources) {
      const std::int64_t id = store::require_source(store, label).id;
      if (std::find(out.begin(), out.end(), id) != out.end()) {
        throw_usage("source '" + label + "' is named twice", "name each source once in --sources");
      }
      out.push_back(id);
    }
    return out;
  }
  std::vector<std::int64_t> code_ids;
  for (const auto& [id, i] : codes) code_ids.push_back(id);
  SQLite::Statement q(store.db(),
                      "SELECT DISTINCT source_id FROM codings WHERE removed_at IS NULL "
                      "AND coder IN (SELECT value FROM json_each(?1)) "
                      "AND code_id IN (SELECT value FROM json_each(?2)) ORDER BY source_id");
  q.bind(1, json_list(coders));
  q.bind(2, nlohmann::json(code_ids).dump());
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

SourceCodings load_source(store::Store& store, std::int64_t id, const ProjectCodings& scope,
                          const CodeIndex& codes) {
  SourceCodings s;
  s.id = id;
  SQLite::Statement info(store.db(),
                         "SELECT s.label, t.code_points FROM sources s "
                         "JOIN source_texts t ON t.source_id = s.id WHERE s.id = ?");
  info.bind(1, id);
  if (!info.executeStep()) throw_internal("source " + std::to_string(id) + " has no text");
  s.label = info.getColumn(0).getString();
  s.length = info.getColumn(1).getInt64();
  s.by_coder.resize(scope.coders.size());
  SQLite::Statement q(store.db(),
                      "SELECT coder, code_id, start_cp, end_cp FROM codings "
                      "WHERE source_id = ? AND removed_at IS NULL ORDER BY start_cp, end_cp, id");
  q.bind(1, id);
  while (q.executeStep()) {
    const auto coder =
        std::find(scope.coders.begin(), scope.coders.end(), q.getColumn(0).getString());
    const auto code = codes.find(q.getColumn(1).getInt64());
    if (coder == scope.coders.end() || code == codes.end()) continue;
    const std::int64_t end = std::min<std::int64_t>(q.getColumn(3).getInt64(), s.length);
    const std::int64_t start = q.getColumn(2).getInt64();
    if (start >= end) continue;  // a span past the text (integrity problem, see casebook audit)
    auto& segments = s.by_coder[static_cast<std::size_t>(coder - scope.coders.begin())];
    for (int k : code->second) segments.push_back({start, end, k});
  }
  return s;
}

std::vector<Span> units_of(store::Store& store, const SourceCodings& source, Unit unit) {
  if (unit == Unit::Source) return {{0, source.length}};
  SQLite::Statement q(store.db(),
                      unit == Unit::Passage
                          ? "SELECT start_cp, end_cp FROM passages WHERE source_id = ? "
                            "ORDER BY start_cp"
                          : "SELECT start_cp, end_cp FROM sentences WHERE source_id = ? "
                            "ORDER BY start_cp");
  q.bind(1, source.id);
  std::vector<Span> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64()});
  return out;
}

// Calls `visit(u)` for each unit (sorted, not overlapping) that shares a
// code point with [start, end).
template <class Visit>
void units_overlapping(const std::vector<Span>& units, std::int64_t start, std::int64_t end,
                       Visit visit) {
  auto it = std::upper_bound(units.begin(), units.end(), start,
                             [](std::int64_t pos, const Span& u) { return pos < u.end; });
  for (; it != units.end() && it->start < end; ++it) {
    visit(static_cast<std::size_t>(it - units.begin()));
  }
}

}  // namespace

Unit parse_unit(const std::string& name) {
  const std::string n = text::ascii_lower(name);
  if (n == "passage") return Unit::Passage;
  if (n == "sentence") return Unit::Sentence;
  if (n == "source") return Unit::Source;
  if (n == "character") return Unit::Character;
  throw_usage("unit '" + name + "' is not known", "use passage, sentence, source or character");
}

const char* to_string(Unit unit) {
  switch (unit) {
    case Unit::Passage:
      return "passage";
    case Unit::Sentence:
      return "sentence";
    case Unit::Source:
      return "source";
    case Unit::Character:
      return "character";
  }
  return "passage";
}

std::vector<std::string> resolve_coders(store::Store& store,
                                        const std::vector<std::string>& wanted) {
  const auto known = coders_with_codings(store);
  std::vector<std::string> out;
  for (const auto& w : wanted) {
    auto it = std::find_if(known.begin(), known.end(),
                           [&](const std::string& k) { return text::ascii_iequals(k, w); });
    if (it == known.end()) {
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
      throw_usage("coder '" + w + "' has no codings in this project",
                  "coders with codings: " + (list.empty() ? std::string("none") : list));
    }
    if (std::find(out.begin(), out.end(), *it) != out.end()) {
      throw_usage("coder '" + w + "' is named twice", "name each coder once in --coders");
    }
    out.push_back(*it);
  }
  if (out.size() < 2) {
    throw_usage("agreement needs at least two coders", "e.g. --coders alice,bob");
  }
  return out;
}

ProjectCodings load_codings(store::Store& store, const Scope& scope) {
  ProjectCodings out;
  out.coders = resolve_coders(store, scope.coders);
  out.code_index = resolve_codes(store, scope, out.coders, out.codes);
  for (std::int64_t id : resolve_sources(store, scope, out.coders, out.code_index)) {
    out.sources.push_back(load_source(store, id, out, out.code_index));
  }
  if (out.sources.empty()) {
    throw_not_found("these coders have not coded any source with these codes",
                    "check --coders and --codes, or name the sources with --sources");
  }
  return out;
}

UnitAgreement unit_agreement(store::Store& store, const ProjectCodings& codings, Unit unit,
                             const Options& options) {
  if (unit == Unit::Character) {
    throw_usage("character agreement is computed by character_agreement",
                "use --unit passage, sentence or source here");
  }
  const std::size_t coders = codings.coders.size();
  const std::size_t codes = codings.codes.size();
  // presence[k] holds units × coders cells for code k, 0 (absent) or 1 (present).
  std::vector<std::vector<double>> presence(codes);
  std::size_t unit_total = 0;
  for (const SourceCodings& source : codings.sources) {
    const auto units = units_of(store, source, unit);
    for (auto& cells : presence) cells.resize(cells.size() + units.size() * coders, 0.0);
    for (std::size_t c = 0; c < coders; ++c) {
      for (const auto& seg : source.by_coder[c]) {
        auto& cells = presence[static_cast<std::size_t>(seg.value)];
        units_overlapping(units, seg.start, seg.end,
                          [&](std::size_t u) { cells[(unit_total + u) * coders + c] = 1.0; });
      }
    }
    unit_total += units.size();
  }
  UnitAgreement out;
  out.unit = unit;
  out.units = unit_total;
  const std::vector<std::string> labels = {"absent", "present"};
  std::vector<double> pooled;
  for (std::size_t k = 0; k < codes; ++k) {
    pooled.insert(pooled.end(), presence[k].begin(), presence[k].end());
    agreement::ReliabilityData data(agreement::Level::Nominal, codings.coders, labels,
                                    std::move(presence[k]));
    out.codes.push_back(
        {codings.codes[k], agreement::compute_agreement(data, options.coefficients)});
  }
  agreement::ReliabilityData all(agreement::Level::Nominal, codings.coders, labels,
                                 std::move(pooled));
  out.pooled = {"", agreement::compute_agreement(all, options.coefficients)};
  return out;
}

DimensionAgreement dimension_agreement(store::Store& store, const ProjectCodings& codings,
                                       Unit unit, const std::string& dimension,
                                       const Options& options) {
  if (unit == Unit::Character) {
    throw_usage("dimension values are compared on units", "use --unit passage, sentence or source");
  }
  SQLite::Statement dim(store.db(), "SELECT name, level FROM dimensions WHERE name = ?");
  dim.bind(1, dimension);
  if (!dim.executeStep()) {
    throw_not_found("there is no dimension '" + dimension + "' in the codebook",
                    "'casebook codebook show' lists the dimensions");
  }
  DimensionAgreement out;
  out.dimension = dim.getColumn(0).getString();
  const agreement::Level level = agreement::parse_level(dim.getColumn(1).getString());
  std::vector<std::string> labels;
  SQLite::Statement values(store.db(),
                           "SELECT value FROM dimension_values WHERE dimension = ? "
                           "ORDER BY position");
  values.bind(1, out.dimension);
  while (values.executeStep()) labels.push_back(values.getColumn(0).getString());
  const bool categorical = level == agreement::Level::Nominal || level == agreement::Level::Ordinal;

  // (source, unit, code) -> per coder the values given (a set: one coder
  // may code the unit twice).
  std::map<std::tuple<std::size_t, std::size_t, int>, std::vector<std::set<double>>> cells;
  const std::size_t coders = codings.coders.size();
  SQLite::Statement q(store.db(),
                      "SELECT g.coder, g.code_id, g.start_cp, g.end_cp, cd.value "
                      "FROM codings g JOIN coding_dimensions cd ON cd.coding_id = g.id "
                      "WHERE g.source_id = ? AND g.removed_at IS NULL "
                      "AND cd.dimension = ? COLLATE NOCASE");
  for (std::size_t s = 0; s < codings.sources.size(); ++s) {
    const SourceCodings& source = codings.sources[s];
    const auto units = units_of(store, source, unit);
    q.reset();
    q.bind(1, source.id);
    q.bind(2, out.dimension);
    while (q.executeStep()) {
      const auto coder =
          std::find(codings.coders.begin(), codings.coders.end(), q.getColumn(0).getString());
      if (coder == codings.coders.end()) continue;
      const auto c = static_cast<std::size_t>(coder - codings.coders.begin());
      const auto code = codings.code_index.find(q.getColumn(1).getInt64());
      if (code == codings.code_index.end()) continue;  // not among the compared codes
      const std::int64_t start = q.getColumn(2).getInt64();
      const std::int64_t end = std::min(q.getColumn(3).getInt64(), source.length);
      const std::string text = q.getColumn(4).getString();
      double value = kMissing;
      if (categorical) {
        const auto it = std::find_if(labels.begin(), labels.end(), [&](const std::string& l) {
          return text::ascii_iequals(l, text);
        });
        if (it == labels.end()) continue;  // a value the codebook no longer allows
        value = static_cast<double>(it - labels.begin());
      } else {
        char* rest = nullptr;
        value = std::strtod(text.c_str(), &rest);
        if (rest == text.c_str() || *rest != '\0' || !std::isfinite(value)) continue;
      }
      for (int k : code->second) {
        units_overlapping(units, start, end, [&](std::size_t u) {
          auto& per_coder = cells[{s, u, k}];
          per_coder.resize(coders);
          per_coder[c].insert(value);
        });
      }
    }
  }
  std::vector<double> flat;
  flat.reserve(cells.size() * coders);
  for (const auto& [key, per_coder] : cells) {
    for (const auto& given : per_coder) {
      flat.push_back(given.size() == 1 ? *given.begin() : kMissing);
    }
  }
  agreement::ReliabilityData data(
      level, codings.coders, categorical ? labels : std::vector<std::string>{}, std::move(flat));
  out.report = agreement::compute_agreement(data, options.coefficients);
  return out;
}

CharacterAgreementReport character_agreement(const ProjectCodings& codings,
                                             const Options& options) {
  std::vector<agreement::Continuum> continua;
  for (const SourceCodings& s : codings.sources) continua.push_back({s.length, s.by_coder});
  CharacterAgreementReport out;
  for (const auto& s : codings.sources) out.length += s.length;
  for (std::size_t k = 0; k < codings.codes.size(); ++k) {
    const auto binary = agreement::binary_for_code(continua, static_cast<int>(k));
    out.codes.push_back(
        {codings.codes[k], agreement::unitized_alphas(binary), agreement::character_alpha(binary)});
  }
  if (codings.coders.size() == 2) {
    std::vector<agreement::CodedDocument> documents;
    for (const SourceCodings& s : codings.sources) {
      documents.push_back({s.id, s.by_coder[0], s.by_coder[1]});
    }
    out.presence = agreement::code_presence(documents);
    out.frequency = agreement::code_frequency(documents);
    out.segments = agreement::segment_agreement(documents, options.segments);
  }
  return out;
}

}  // namespace casebook::intercoder
