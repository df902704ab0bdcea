#pragma once
// Shared by gen_corpus and bench_search: how the generated corpus is laid out
// into directories (one case and one source type per directory, so filtered
// queries have a known selectivity) and the domain vocabulary the queries are
// drawn from. Changing anything here changes the generated corpus: bump
// kCorpusVersion so stale reused projects are not mistaken for current ones.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace casebook::bench {

inline constexpr int kCorpusVersion = 1;

// Cases A..M: directory i belongs to case kCaseIds[i % 13].
inline constexpr std::array<std::string_view, 13> kCaseIds{"A", "B", "C", "D", "E", "F", "G",
                                                           "H", "I", "J", "K", "L", "M"};
inline constexpr std::array<std::string_view, 4> kOutcomes{"merged", "dissolved", "continued",
                                                           "paused"};
// Directory i is imported with --type kTypes[i % 5]; 5 and 13 are coprime, so
// with 13 directories every case has one type and every type appears.
inline constexpr std::array<std::string_view, 5> kTypes{"interview", "minutes", "report", "press",
                                                        "focus-group"};

inline std::string_view case_of_dir(std::size_t dir) {
  return kCaseIds[dir % kCaseIds.size()];
}
inline std::string_view type_of_dir(std::size_t dir) {
  return kTypes[dir % kTypes.size()];
}
inline std::string_view outcome_of_case(std::size_t case_index) {
  return kOutcomes[case_index % kOutcomes.size()];
}
inline std::string dir_name(std::size_t dir) {
  std::string n = std::to_string(dir);
  return "dir-" + std::string(n.size() < 2 ? 2 - n.size() : 0, '0') + n;
}

// Domain words of local-government research, placed at mid-frequency ranks of
// the Zipf vocabulary (after the function words), most frequent first.
inline constexpr std::string_view kDomainWords[] = {
    "council",         "service",     "staff",          "budget",       "housing",
    "shared",          "officers",    "members",        "committee",    "services",
    "partnership",     "benefit",     "approval",       "decision",     "residents",
    "savings",         "report",      "management",     "investment",   "cabinet",
    "director",        "proposal",    "meeting",        "agreement",    "performance",
    "costs",           "queue",       "contract",       "finance",      "leader",
    "authority",       "funding",     "delivery",       "review",       "consultation",
    "options",         "business",    "customer",       "penalty",      "veto",
    "standardisation", "standard",    "standards",      "standardised", "procurement",
    "revenue",         "capital",     "audit",          "risk",         "governance",
    "board",           "manager",     "team",           "tenants",      "claims",
    "backlog",         "delays",      "targets",        "scrutiny",     "merger",
    "dissolution",     "arrangement", "transfer",       "employees",    "union",
    "pension",         "redundancy",  "restructuring",  "system",       "software",
    "platform",        "migration",   "records",        "contact",      "centre",
    "complaints",      "waste",       "collection",     "planning",     "licensing",
    "payments",        "grant",       "deficit",        "reserves",     "forecast",
    "opposition",      "vote",        "district",       "county",       "borough",
    "government",      "ministry",    "policy",         "strategy",     "programme",
    "project",         "phase",       "implementation", "transition",   "legacy",
    "culture",         "trust",       "conflict",       "tension",      "accountability",
    "sovereignty",     "autonomy",    "control",        "cooperation",  "collaboration",
    "integration",     "alignment",   "harmonisation",  "process",      "workload",
    "capacity",        "vacancies",   "sickness",       "morale",       "training",
    "efficiency",      "treasury",    "executive",      "joint",        "tax",
    "invest",          "investor",    "investments",    "partner",      "partners",
    "committed",       "commitment",  "approvals",      "approve",      "approved",
    "queues",          "queued",      "penalties",
};

// Collocations inserted as units, so phrase and proximity queries have hits
// beyond chance co-occurrence.
inline constexpr std::string_view kCollocations[] = {
    "shared service",
    "shared services",
    "housing benefit",
    "joint committee",
    "council tax",
    "chief executive",
    "business case",
    "customer contact centre",
    "staff in the queue",
    "the queue of staff",
    "budget approval",
    "approval of the budget",
    "veto by the council",
    "penalty for late payment",
    "investment in the partnership",
    "standardisation of services",
    "shared service partnership",
    "housing budget",
};

// Names written with capitals, as in minutes and interviews.
inline constexpr std::string_view kNames[] = {
    "North Wold",  "East Fen",     "Marshfield",    "Kingsbridge",
    "Cllr. Patel", "Mrs. Okafor",  "Mr. Lindqvist", "Dr. Evans",
    "Whitehall",   "the Treasury", "Unison",        "the Audit Commission",
};

}  // namespace casebook::bench
