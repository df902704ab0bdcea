#pragma once
// Helpers for the REFI-QDA import tests: small .qdpx packages built in
// memory (each test writes the quirk it covers), and reading the codings of
// a project back as plain tuples to compare.

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <memory>
#include <ostream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "engine/coding/codings.hpp"
#include "engine/core/error.hpp"
#include "engine/refi/reader.hpp"
#include "engine/refi/to_project.hpp"
#include "engine/store/sources.hpp"
#include "importers/zip_fixtures.hpp"
#include "project_fixture.hpp"

namespace casebook::testing {

// A minimal project.qde: one user "ann", codes `codes_xml`, one text source
// at `path` with `selections_xml`, and `extra` inside <Project>.
inline std::string qde(const std::string& ns, const std::string& codes_xml,
                       const std::string& source_xml, const std::string& extra = {}) {
  const std::string xmlns = ns.empty() ? std::string() : " xmlns=\"" + ns + "\"";
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project" + xmlns +
         " name=\"t\" origin=\"test\"><Users><User guid=\"U1\" name=\"ann\"/></Users>"
         "<CodeBook><Codes>" +
         codes_xml + "</Codes></CodeBook><Sources>" + source_xml + "</Sources>" + extra +
         "</Project>";
}

inline std::string selection(long start, long end, const std::string& code_guid,
                             const std::string& user = "U1") {
  return "<PlainTextSelection guid=\"S" + std::to_string(start) + "-" + std::to_string(end) +
         "\" startPosition=\"" + std::to_string(start) + "\" endPosition=\"" + std::to_string(end) +
         "\" creatingUser=\"" + user + "\"><Coding guid=\"C" + std::to_string(start) +
         "\" creatingUser=\"" + user + "\"><CodeRef targetGUID=\"" + code_guid +
         "\"/></Coding></PlainTextSelection>";
}

// A coding as plain values, comparable and printable in failed checks.
struct CodingRow {
  std::string source;
  std::size_t start = 0, end = 0;
  std::string code, coder, quote, review;
  auto tie() const { return std::tie(source, start, end, code, coder, quote, review); }
  bool operator==(const CodingRow& o) const { return tie() == o.tie(); }
  bool operator<(const CodingRow& o) const { return tie() < o.tie(); }
};

inline std::ostream& operator<<(std::ostream& out, const CodingRow& r) {
  return out << r.source << " " << r.start << "-" << r.end << " " << r.code << " by " << r.coder
             << " (" << r.review << "): " << r.quote;
}

inline std::vector<CodingRow> coding_rows(store::Store& store) {
  coding::CodingFilter filter;
  filter.include_rejected = true;
  std::vector<CodingRow> out;
  for (const coding::CodingView& c : coding::list_codings(store, filter)) {
    out.push_back(
        {c.source_label, c.span.start, c.span.end, c.code, c.coder, c.quote, c.review_status});
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline refi::ReadProject read_package(const std::string& bytes,
                                      const std::string& name = "t.qdpx") {
  return refi::read_qdpx(name, bytes);
}

}  // namespace casebook::testing
