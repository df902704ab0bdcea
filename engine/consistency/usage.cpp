// Check "usage": codes in the codebook that nothing is coded with, and codes
// only one coder applies while others code the project too.

#include <map>
#include <set>

#include "engine/consistency/snapshot.hpp"

namespace casebook::consistency::detail {
namespace {

// Codes with a coding of their own or of a sub-code: a parent that only
// groups its children is "used" through them, so it is not reported.
std::set<std::int64_t> used_codes(const Snapshot& snapshot) {
  std::set<std::int64_t> used;
  for (const auto& c : snapshot.codings) {
    const CodeRow* code = snapshot.code(c.code_id);
    // Stop at a code already marked: its ancestors are marked too.
    while (code && used.insert(code->id).second) {
      code = code->parent_id ? snapshot.code(*code->parent_id) : nullptr;
    }
  }
  return used;
}

Finding unused(const CodeRow& code) {
  Finding f;
  f.check = "usage";
  f.kind = "unused-code";
  f.severity = Severity::Warning;
  f.codes = {code.key};
  f.explanation = "code " + code.key +
                  " is never used (no coding of it or of a sub-code): look for passages it fits "
                  "(its indicative queries), or retire it if the concept does not occur";
  return f;
}

Finding one_coder(const std::string& code, const std::string& coder, std::size_t codings,
                  std::size_t coders) {
  Finding f;
  f.check = "usage";
  f.kind = "one-coder";
  f.severity = Severity::Note;
  f.codes = {code};
  f.coders = {coder};
  f.measures = {{"codings", static_cast<double>(codings)}};
  f.explanation = "code " + code + " is used by " + coder + " only (" + std::to_string(codings) +
                  " coding(s)) of the project's " + std::to_string(coders) +
                  " coders: compare how the others read its definition";
  return f;
}

}  // namespace

std::vector<Finding> check_usage(const Snapshot& snapshot) {
  std::vector<Finding> out;
  const auto used = used_codes(snapshot);
  for (const auto& code : snapshot.codes) {
    if (!code.retired && !used.count(code.id)) out.push_back(unused(code));
  }
  if (snapshot.coders.size() < 2) return out;
  // code key -> coder -> codings (the code's own, sub-codes apart).
  std::map<std::string, std::map<std::string, std::size_t>> by_code;
  for (const auto& c : snapshot.codings) ++by_code[c.code][c.coder];
  for (const auto& [code, coders] : by_code) {
    if (coders.size() == 1) {
      out.push_back(
          one_coder(code, coders.begin()->first, coders.begin()->second, snapshot.coders.size()));
    }
  }
  return out;
}

}  // namespace casebook::consistency::detail
