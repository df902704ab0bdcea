#include "engine/evidence/matrix.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "engine/core/error.hpp"
#include "engine/text/ascii.hpp"

namespace casebook::evidence {
namespace {

const std::vector<std::string>& fixed_axes() {
  static const std::vector<std::string> axes{"codes", "cases", "outcome", "sub-outcome",
                                             "type",  "class", "coder"};
  return axes;
}

std::string canonical_axis(const EvidenceSet& evidence, const std::string& raw) {
  const std::string a = text::ascii_lower(raw);
  if (a == "code") return "codes";
  if (a == "case") return "cases";
  if (a == "types" || a == "source-type") return "type";
  if (a == "coders") return "coder";
  if (a == "sub_outcome") return "sub-outcome";
  if (std::find(fixed_axes().begin(), fixed_axes().end(), a) != fixed_axes().end()) return a;
  std::set<std::string> attributes;
  for (const CaseRecord& c : evidence.cases) {
    for (const auto& [name, value] : c.attributes) {
      if (text::ascii_iequals(name, raw)) return "attribute:" + name;
      attributes.insert(name);
    }
  }
  std::string known;
  for (const std::string& s : fixed_axes()) known += (known.empty() ? "" : ", ") + s;
  for (const std::string& s : attributes) known += ", " + s;
  throw_usage("'" + raw + "' is not a matrix axis", "use one of: " + known);
}

bool is_case_axis(const std::string& axis) {
  return axis == "cases" || axis == "outcome" || axis == "sub-outcome" ||
         axis.rfind("attribute:", 0) == 0;
}

std::string case_value(const CaseRecord& c, const std::string& axis) {
  if (axis == "cases") return c.label;
  if (axis == "outcome") return c.outcome.empty() ? "(none)" : c.outcome;
  if (axis == "sub-outcome") return c.sub_outcome.empty() ? "(none)" : c.sub_outcome;
  const auto it = c.attributes.find(axis.substr(10));
  return it == c.attributes.end() || it->second.empty() ? "(none)" : it->second;
}

std::string grouping_name(const std::string& axis) {
  if (axis == "cases") return "case";
  if (axis.rfind("attribute:", 0) == 0) return axis.substr(10);
  return axis;
}

struct Axis {
  std::vector<std::string> keys;
  std::vector<std::string> names;
};

Axis axis_keys(const EvidenceSet& evidence, const std::string& axis, const MatrixSpec& spec) {
  Axis a;
  auto add = [&](const std::string& k, const std::string& name) {
    if (std::find(a.keys.begin(), a.keys.end(), k) == a.keys.end()) {
      a.keys.push_back(k);
      a.names.push_back(name);
    }
  };
  if (axis == "codes") {
    for (const codebook::Code& c : evidence.codebook.codes) add(c.key, c.name);
    // Retired or inductive codes still carrying evidence come after.
    for (const EvidenceCoding& e : evidence.codings) add(e.code, e.code);
    (void)spec;
  } else if (is_case_axis(axis)) {
    const Grouping g = group_cases(evidence, grouping_name(axis));
    for (const std::string& k : g.groups) add(k, k);
  } else {
    std::set<std::string> values;
    for (const EvidenceCoding& e : evidence.codings) {
      if (axis == "type") values.insert(e.source_type);
      if (axis == "class") values.insert(std::string(store::class_name(e.source_class)));
      if (axis == "coder") values.insert(e.coder);
    }
    for (const std::string& v : values) add(v, v);
  }
  return a;
}

// The keys a coding falls under on an axis.
std::vector<std::string> keys_of(const EvidenceSet& evidence, const EvidenceCoding& e,
                                 const std::string& axis, const MatrixSpec& spec) {
  if (axis == "codes") {
    if (spec.include_sub_codes) return e.code_path;
    return {e.code};
  }
  if (axis == "type") return {e.source_type};
  if (axis == "class") return {std::string(store::class_name(e.source_class))};
  if (axis == "coder") return {e.coder};
  std::vector<std::string> out;
  for (const std::string& label : e.cases) {
    if (const CaseRecord* c = evidence.find_case(label)) {
      const std::string v = case_value(*c, axis);
      if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
    }
  }
  return out;
}

std::size_t index_of(const std::vector<std::string>& keys, const std::string& key) {
  const auto it = std::find_if(keys.begin(), keys.end(),
                               [&](const std::string& k) { return text::ascii_iequals(k, key); });
  return it == keys.end() ? keys.size() : static_cast<std::size_t>(it - keys.begin());
}

double measure(const EvidenceSet& evidence, const std::vector<std::size_t>& members,
               MatrixCount count) {
  if (count == MatrixCount::Codings) return static_cast<double>(members.size());
  std::set<std::string> distinct;
  for (std::size_t i : members) {
    const EvidenceCoding& e = evidence.codings[i];
    if (count == MatrixCount::Sources) {
      distinct.insert(e.source_label);
    } else {
      distinct.insert(e.cases.begin(), e.cases.end());
    }
  }
  return static_cast<double>(distinct.size());
}

bool overlap(const EvidenceCoding& a, const EvidenceCoding& b) {
  return a.source_id == b.source_id && a.span.start < b.span.end && b.span.start < a.span.end;
}

void fill_co_occurrence(const EvidenceSet& evidence, const MatrixSpec& spec, MatrixResult& m) {
  // Codings by source, so only codings of the same source are compared.
  std::map<std::int64_t, std::vector<std::size_t>> by_source;
  for (std::size_t i = 0; i < evidence.codings.size(); ++i)
    by_source[evidence.codings[i].source_id].push_back(i);
  for (const auto& [source, indexes] : by_source) {
    for (std::size_t i : indexes) {
      std::set<std::size_t> met;  // columns of the codes of other codings overlapping i
      for (std::size_t j : indexes) {
        if (j == i || !overlap(evidence.codings[i], evidence.codings[j])) continue;
        for (const std::string& k : keys_of(evidence, evidence.codings[j], "codes", spec))
          met.insert(index_of(m.columns, k));
      }
      for (const std::string& own : keys_of(evidence, evidence.codings[i], "codes", spec)) {
        const std::size_t r = index_of(m.rows, own);
        if (r == m.rows.size()) continue;
        // The diagonal holds a code's own codings; that a coding sits under
        // its parent code is not a co-occurrence.
        std::set<std::size_t> columns = met;
        columns.insert(index_of(m.columns, own));
        for (std::size_t c : columns) {
          if (c < m.columns.size()) m.members[r][c].push_back(i);
        }
      }
    }
  }
}

}  // namespace

MatrixCount parse_matrix_count(const std::string& name) {
  const std::string n = text::ascii_lower(name);
  if (n == "codings") return MatrixCount::Codings;
  if (n == "sources") return MatrixCount::Sources;
  if (n == "cases") return MatrixCount::Cases;
  throw_usage("cannot count '" + name + "' in a matrix", "count codings, sources or cases");
}

const char* to_string(MatrixCount count) {
  switch (count) {
    case MatrixCount::Codings:
      return "codings";
    case MatrixCount::Sources:
      return "sources";
    case MatrixCount::Cases:
      return "cases";
  }
  return "codings";
}

MatrixResult build_matrix(const EvidenceSet& evidence, const MatrixSpec& spec) {
  MatrixResult m;
  m.row_axis = canonical_axis(evidence, spec.rows);
  m.column_axis = canonical_axis(evidence, spec.columns);
  if (m.row_axis == m.column_axis && m.row_axis != "codes") {
    throw_usage(
        "a matrix needs two different axes (only codes by codes is a co-occurrence matrix)");
  }
  if (spec.per_source && !is_case_axis(m.column_axis)) {
    throw_usage(
        "--per-source divides by the sources of each column's cases",
        "use it with columns that group cases: cases, outcome, sub-outcome or an attribute");
  }
  const Axis rows = axis_keys(evidence, m.row_axis, spec);
  const Axis columns = axis_keys(evidence, m.column_axis, spec);
  m.rows = rows.keys;
  m.row_names = rows.names;
  m.columns = columns.keys;
  m.members.assign(m.rows.size(), std::vector<std::vector<std::size_t>>(m.columns.size()));

  if (m.row_axis == "codes" && m.column_axis == "codes") {
    fill_co_occurrence(evidence, spec, m);
  } else {
    for (std::size_t i = 0; i < evidence.codings.size(); ++i) {
      const EvidenceCoding& e = evidence.codings[i];
      const auto row_keys = keys_of(evidence, e, m.row_axis, spec);
      const auto column_keys = keys_of(evidence, e, m.column_axis, spec);
      for (const std::string& rk : row_keys) {
        const std::size_t r = index_of(m.rows, rk);
        if (r == m.rows.size()) continue;
        for (const std::string& ck : column_keys) {
          const std::size_t c = index_of(m.columns, ck);
          if (c < m.columns.size()) m.members[r][c].push_back(i);
        }
      }
    }
  }

  if (spec.per_source) {
    for (const std::string& column : m.columns) {
      std::set<std::int64_t> sources;
      for (const CaseRecord& c : evidence.cases) {
        if (case_value(c, m.column_axis) == column)
          sources.insert(c.sources.begin(), c.sources.end());
      }
      m.column_sources.push_back(sources.size());
    }
  }
  m.values.assign(m.rows.size(), std::vector<double>(m.columns.size(), 0.0));
  for (std::size_t r = 0; r < m.rows.size(); ++r) {
    for (std::size_t c = 0; c < m.columns.size(); ++c) {
      double v = measure(evidence, m.members[r][c], spec.count);
      if (spec.per_source)
        v = m.column_sources[c] == 0 ? 0.0 : v / static_cast<double>(m.column_sources[c]);
      m.values[r][c] = v;
    }
  }
  return m;
}

std::pair<std::size_t, std::size_t> find_cell(const MatrixResult& matrix, const std::string& cell) {
  const auto comma = cell.rfind(',');
  if (comma == std::string::npos) {
    throw_usage("--cell '" + cell + "' needs the form ROW,COLUMN",
                "e.g. --cell expost.standardisation,A");
  }
  auto locate = [](const std::vector<std::string>& keys, const std::string& key, const char* what) {
    const std::size_t i = index_of(keys, key);
    if (i == keys.size()) {
      std::string known;
      for (std::size_t k = 0; k < keys.size() && k < 20; ++k) known += (k ? ", " : "") + keys[k];
      throw_usage(std::string("no ") + what + " '" + key + "' in this matrix",
                  "use one of: " + known);
    }
    return i;
  };
  return {locate(matrix.rows, cell.substr(0, comma), "row"),
          locate(matrix.columns, cell.substr(comma + 1), "column")};
}

}  // namespace casebook::evidence
