#include "cli/evidence_args.hpp"

#include "engine/text/ascii.hpp"

namespace casebook::cli {

void add_evidence_options(CLI::App* cmd, evidence::EvidenceOptions& options) {
  cmd->add_flag("--include-unreviewed", options.include_unreviewed,
                "count codings not yet reviewed too (default: accepted codings only)");
  cmd->add_option("--codes", options.codes, "only these codes (and their sub-codes)")
      ->delimiter(',');
  cmd->add_option("--coders", options.coders, "only these coders' codings")->delimiter(',');
}

void add_triangulation_options(CLI::App* cmd, evidence::TriangulationOptions& o) {
  cmd->add_option("--by", o.by, "group cases by: outcome, sub-outcome, case, or a case attribute")
      ->capture_default_str();
  cmd->add_option("--min-sources", o.min_sources,
                  "corroborated needs at least this many supporting sources...")
      ->capture_default_str();
  cmd->add_option("--min-types", o.min_types,
                  "...of at least this many types (interview, document, press)")
      ->capture_default_str();
  cmd->add_option("--min-informants", o.min_informants, "or at least this many informants...")
      ->capture_default_str();
  cmd->add_option("--min-councils", o.min_councils, "...from at least this many councils")
      ->capture_default_str();
  cmd->add_option("--min-contradicting", o.min_contradicting,
                  "contested from this many codings of counter-evidence")
      ->capture_default_str();
}

std::string grouping_of(const std::string& by) {
  std::string out;
  std::size_t start = 0;
  while (start <= by.size()) {
    const std::size_t end = std::min(by.find(',', start), by.size());
    const std::string part = by.substr(start, end - start);
    if (!text::ascii_iequals(part, "proposition") && !text::ascii_iequals(part, "propositions") &&
        !part.empty()) {
      out += (out.empty() ? "" : ",") + part;
    }
    start = end + 1;
  }
  return out.empty() ? "outcome" : out;
}

std::string left_out_note(const evidence::EvidenceSet& e) {
  if (e.left_out_unreviewed == 0) return {};
  return "note: " + std::to_string(e.left_out_unreviewed) +
         " unreviewed codings are left out (reviewed evidence only); review them with "
         "'casebook review', or add --include-unreviewed for a first look";
}

}  // namespace casebook::cli
