// casebook agree: inter-coder agreement, either on the project's codings
// (--coders a,b[,c...], by passage, sentence, source or character) or on a
// reliability data table from elsewhere (--table FILE.csv). docs/agreement.md
// explains every coefficient.

#include <cmath>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli/context.hpp"
#include "engine/agreement/table.hpp"
#include "engine/core/error.hpp"
#include "engine/intercoder/intercoder.hpp"

namespace casebook::cli {
namespace {

namespace ag = agreement;

struct AgreeArgs {
  std::string table, level = "nominal";
  std::vector<std::string> labels, missing;
  std::vector<std::string> coders, codes, sources;
  std::string unit = "passage", dimension, overlap = "union";
  double threshold = 90;
  std::size_t bootstrap = 1000;
  std::uint64_t seed = 1;
  std::size_t categories = 0;
  bool json = false, csv = false;
};

// ---- formatting ------------------------------------------------------------------

std::string fixed(double v, int digits = 3) {
  if (!std::isfinite(v)) return "-";
  std::ostringstream out;
  out << std::fixed << std::setprecision(digits) << v;
  return out.str();
}

std::string value_text(const ag::Coefficient& c) {
  return c.value ? fixed(*c.value) : "undefined";
}

nlohmann::json optional_number(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json coefficient_json(const ag::Coefficient& c) {
  nlohmann::json j = {{"id", c.id},
                      {"label", c.label},
                      {"value", optional_number(c.value)},
                      {"basis", c.basis == ag::Basis::Agreement ? "agreement" : "disagreement"},
                      {"observed", c.observed},
                      {"expected", c.expected},
                      {"units", c.units},
                      {"pairable_values", c.pairable_values},
                      {"note", c.note}};
  if (!c.value) j["undefined_reason"] = c.undefined_reason;
  if (c.interval) {
    j["interval"] = {{"level", c.interval->level},         {"low", c.interval->low},
                     {"high", c.interval->high},           {"samples", c.interval->samples},
                     {"undefined", c.interval->undefined}, {"seed", c.interval->seed}};
  }
  return j;
}

nlohmann::json report_json(const ag::AgreementReport& r) {
  nlohmann::json coefficients = nlohmann::json::array();
  for (const auto& c : r.coefficients) coefficients.push_back(coefficient_json(c));
  return {{"level", ag::level_name(r.level)},
          {"units", r.units},
          {"coders", r.coders},
          {"categories", r.categories},
          {"coefficients", coefficients}};
}

const std::vector<std::string> kCsvHeader = {"scope",           "coefficient", "label",    "value",
                                             "basis",           "observed",    "expected", "units",
                                             "pairable_values", "ci_low",      "ci_high",  "note"};

void write_csv_rows(const std::string& scope, const ag::AgreementReport& r) {
  for (const auto& c : r.coefficients) {
    write_csv_row(
        std::cout,
        {scope, c.id, c.label, c.value ? fixed(*c.value, 6) : "",
         c.basis == ag::Basis::Agreement ? "agreement" : "disagreement", fixed(c.observed, 6),
         fixed(c.expected, 6), std::to_string(c.units), std::to_string(c.pairable_values),
         c.interval ? fixed(c.interval->low, 6) : "", c.interval ? fixed(c.interval->high, 6) : "",
         c.value ? c.note : c.undefined_reason});
  }
}

// Every coefficient of one report, one per line.
void print_report(const ag::AgreementReport& r) {
  Table t({"coefficient", "value", "observed", "expected", "units", "values", "note"});
  for (const auto& c : r.coefficients) {
    std::string value = value_text(c);
    if (c.interval) {
      value += " [" + fixed(c.interval->low) + ", " + fixed(c.interval->high) + "]";
    }
    const std::string basis = c.basis == ag::Basis::Agreement ? "" : " D";
    t.add({c.label, value, fixed(c.observed) + basis, fixed(c.expected) + basis,
           std::to_string(c.units), std::to_string(c.pairable_values),
           one_line(c.value ? c.note : c.undefined_reason, 70)});
  }
  t.print(std::cout);
}

const ag::Coefficient* find(const ag::AgreementReport& r, const std::string& id) {
  for (const auto& c : r.coefficients)
    if (c.id == id) return &c;
  return nullptr;
}

std::string cell(const ag::AgreementReport& r, const std::string& id) {
  const ag::Coefficient* c = find(r, id);
  return c ? value_text(*c) : "-";
}

// ---- options to engine settings ----------------------------------------------------

ag::AgreementOptions coefficient_options(const AgreeArgs& a) {
  ag::AgreementOptions o;
  o.bootstrap_samples = a.bootstrap;
  o.seed = a.seed;
  if (a.categories) o.categories = a.categories;
  return o;
}

intercoder::Options project_options(const AgreeArgs& a) {
  if (!(a.threshold > 0 && a.threshold <= 100)) {
    throw_usage("--threshold " + fixed(a.threshold, 1) + " is not a percentage in (0, 100]",
                "e.g. --threshold 90");
  }
  intercoder::Options o;
  o.coefficients = coefficient_options(a);
  o.segments.threshold = a.threshold / 100.0;
  if (a.overlap == "union") {
    o.segments.base = ag::OverlapBase::Union;
  } else if (a.overlap == "own") {
    o.segments.base = ag::OverlapBase::Own;
  } else {
    throw_usage("--overlap " + a.overlap + " is not known", "use union or own");
  }
  return o;
}

// ---- a table from elsewhere ---------------------------------------------------------

int agree_table(const AgreeArgs& a) {
  ag::TableOptions options;
  options.level = ag::parse_level(a.level);
  options.label_order = a.labels;
  options.missing_markers = a.missing;
  const ag::ReliabilityData data = ag::read_reliability_table(a.table, options);
  const ag::AgreementReport report = ag::compute_agreement(data, coefficient_options(a));
  if (a.json) {
    print_json(report_json(report));
  } else if (a.csv) {
    write_csv_row(std::cout, kCsvHeader);
    write_csv_rows(a.table, report);
  } else {
    std::cout << a.table << ": " << report.units << " units, " << report.coders << " coders, "
              << ag::level_name(report.level) << " data\n\n";
    print_report(report);
  }
  return 0;
}

// ---- the project's codings ------------------------------------------------------------

void print_unit_summary(const intercoder::UnitAgreement& u, std::size_t coders) {
  const std::string kappa = coders == 2 ? "cohen_kappa" : "fleiss_kappa";
  Table t({"code", "agreement", coders == 2 ? "Cohen's kappa" : "Fleiss' kappa", "alpha",
           "Gwet's AC1", "Brennan-Prediger"});
  auto row = [&](const std::string& name, const ag::AgreementReport& r) {
    t.add({name, cell(r, "percent_agreement"), cell(r, kappa),
           cell(r, "krippendorff_alpha_nominal"), cell(r, "gwet_ac1"),
           cell(r, "brennan_prediger")});
  };
  for (const auto& c : u.codes) row(c.code, c.report);
  row("(all codes)", u.pooled.report);
  t.print(std::cout);
}

nlohmann::json unit_json(const intercoder::UnitAgreement& u,
                         const intercoder::ProjectCodings& codings) {
  nlohmann::json codes = nlohmann::json::array();
  for (const auto& c : u.codes)
    codes.push_back({{"code", c.code}, {"report", report_json(c.report)}});
  return {{"unit", intercoder::to_string(u.unit)},
          {"coders", codings.coders},
          {"sources", codings.sources.size()},
          {"units", u.units},
          {"codes", codes},
          {"all_codes", report_json(u.pooled.report)}};
}

nlohmann::json alpha_json(const ag::AlphaResult& a) {
  return {{"value", a.defined ? nlohmann::json(a.alpha) : nlohmann::json(nullptr)},
          {"observed", a.observed},
          {"expected", a.expected},
          {"observed_length", a.observed_length},
          {"expected_length", a.expected_length},
          {"pairable_length", a.pairable_length}};
}

std::string alpha_text(const ag::AlphaResult& a) {
  return a.defined ? fixed(a.alpha) : "undefined";
}

std::string code_name(const intercoder::ProjectCodings& codings, int index) {
  return index >= 0 && static_cast<std::size_t>(index) < codings.codes.size()
             ? codings.codes[static_cast<std::size_t>(index)]
             : "(all codes)";
}

nlohmann::json character_json(const intercoder::CharacterAgreementReport& r,
                              const intercoder::ProjectCodings& codings) {
  nlohmann::json codes = nlohmann::json::array();
  for (const auto& c : r.codes) {
    codes.push_back({{"code", c.code},
                     {"u_alpha", alpha_json(c.unitized.u)},
                     {"binary_u_alpha", alpha_json(c.unitized.binary)},
                     {"character_alpha", alpha_json(c.character.alpha)},
                     {"character_percent_agreement", c.character.percent_agreement}});
  }
  nlohmann::json out = {{"unit", "character"},
                        {"coders", codings.coders},
                        {"sources", codings.sources.size()},
                        {"code_points", r.length},
                        {"codes", codes}};
  if (r.segments) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : r.segments->rows) {
      rows.push_back({{"code", code_name(codings, row.code)},
                      {"agreements", row.agreements},
                      {"disagreements", row.disagreements},
                      {"percent", row.percent}});
    }
    out["segments"] = {{"rows", rows},
                       {"percent", r.segments->total.percent},
                       {"kappa", r.segments->kappa.defined ? nlohmann::json(r.segments->kappa.value)
                                                           : nlohmann::json(nullptr)}};
    nlohmann::json presence = nlohmann::json::array();
    for (const auto& row : r.presence->rows) {
      presence.push_back({{"code", code_name(codings, row.code)},
                          {"both", row.both},
                          {"only_first", row.only_a},
                          {"only_second", row.only_b},
                          {"neither", row.neither},
                          {"percent", row.percent}});
    }
    out["presence"] = presence;
    nlohmann::json frequency = nlohmann::json::array();
    for (const auto& row : r.frequency->rows) {
      frequency.push_back({{"code", code_name(codings, row.code)},
                           {"agree", row.agree},
                           {"disagree", row.disagree},
                           {"percent", row.percent}});
    }
    out["frequency"] = frequency;
  }
  return out;
}

void print_character(const intercoder::CharacterAgreementReport& r,
                     const intercoder::ProjectCodings& codings, const AgreeArgs& a) {
  Table t({"code", "u-alpha", "character alpha", "character agreement"});
  for (const auto& c : r.codes) {
    t.add({c.code, alpha_text(c.unitized.u), alpha_text(c.character.alpha),
           fixed(c.character.percent_agreement)});
  }
  t.print(std::cout);
  if (!r.segments) return;
  std::cout << "\nSegment agreement (overlap >= " << fixed(a.threshold, 0) << "%, " << a.overlap
            << " base; each coder's segments judged from their side):\n";
  Table s({"code", "agree", "disagree", "percent"});
  for (const auto& row : r.segments->rows) {
    s.add({code_name(codings, row.code), std::to_string(row.agreements),
           std::to_string(row.disagreements), fixed(100 * row.percent, 1) + "%"});
  }
  s.add({"(all codes)", std::to_string(r.segments->total.agreements),
         std::to_string(r.segments->total.disagreements),
         fixed(100 * r.segments->total.percent, 1) + "%"});
  s.print(std::cout);
  std::cout << "kappa (Brennan-Prediger, as MAXQDA): "
            << (r.segments->kappa.defined ? fixed(r.segments->kappa.value) : "undefined") << "\n";
  std::cout << "\nCode present in document:\n";
  Table p({"code", "both", "only " + codings.coders[0], "only " + codings.coders[1], "neither",
           "percent"});
  for (const auto& row : r.presence->rows) {
    p.add({code_name(codings, row.code), std::to_string(row.both), std::to_string(row.only_a),
           std::to_string(row.only_b), std::to_string(row.neither),
           fixed(100 * row.percent, 1) + "%"});
  }
  p.print(std::cout);
}

void print_scope(const intercoder::ProjectCodings& codings, const std::string& unit) {
  std::string coders;
  for (const auto& c : codings.coders) coders += (coders.empty() ? "" : ", ") + c;
  std::cout << "Agreement of " << coders << " on " << codings.codes.size() << " code(s) in "
            << codings.sources.size() << " source(s), by " << unit << "\n\n";
}

int agree_project(Context& ctx, const AgreeArgs& a) {
  project::Project project = ctx.open_project();
  coding::require_sees_all(ctx.viewer(project), "agreement");
  const intercoder::Unit unit = intercoder::parse_unit(a.unit);
  const intercoder::Options options = project_options(a);
  const auto codings = intercoder::load_codings(project.store(), {a.coders, a.codes, a.sources});
  if (!a.dimension.empty()) {
    const auto d =
        intercoder::dimension_agreement(project.store(), codings, unit, a.dimension, options);
    if (a.json) {
      print_json({{"dimension", d.dimension}, {"unit", a.unit}, {"report", report_json(d.report)}});
    } else if (a.csv) {
      write_csv_row(std::cout, kCsvHeader);
      write_csv_rows(d.dimension, d.report);
    } else {
      print_scope(codings, a.unit);
      std::cout << "Dimension " << d.dimension << " (" << ag::level_name(d.report.level)
                << "), where the coders coded the same code on the same " << a.unit << ":\n\n";
      print_report(d.report);
    }
    return 0;
  }
  if (unit == intercoder::Unit::Character) {
    const auto r = intercoder::character_agreement(codings, options);
    if (a.json) {
      print_json(character_json(r, codings));
    } else {
      print_scope(codings, "character");
      print_character(r, codings, a);
    }
    return 0;
  }
  const auto u = intercoder::unit_agreement(project.store(), codings, unit, options);
  if (a.json) {
    print_json(unit_json(u, codings));
  } else if (a.csv) {
    write_csv_row(std::cout, kCsvHeader);
    for (const auto& c : u.codes) write_csv_rows(c.code, c.report);
    write_csv_rows("(all codes)", u.pooled.report);
  } else {
    print_scope(codings, a.unit);
    std::cout << u.units << " " << a.unit << "s; a code is present on a " << a.unit
              << " when a coding of it touches the " << a.unit << ".\n\n";
    print_unit_summary(u, codings.coders.size());
    std::cout << "\nEvery coefficient with observed and expected values: --json or --csv; "
                 "docs/agreement.md explains them.\n";
  }
  return 0;
}

int agree(Context& ctx, const AgreeArgs& a) {
  if (a.table.empty() && a.coders.empty()) {
    throw_usage("give --coders (the project's codings) or --table FILE.csv",
                "e.g. casebook agree --coders alice,bob");
  }
  if (!a.table.empty()) {
    if (!a.coders.empty()) {
      throw_usage("--table and --coders cannot be combined",
                  "--table reads coders from the table's header");
    }
    return agree_table(a);
  }
  return agree_project(ctx, a);
}

}  // namespace

void register_agree(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<AgreeArgs>();
  auto* cmd = app.add_subcommand("agree", "inter-coder agreement: kappa, alpha, AC1 and more");
  cmd->add_option("--coders", a->coders, "the coders to compare (two or more)")->delimiter(',');
  cmd->add_option("--codes", a->codes, "only these codes (each with its sub-codes)")
      ->delimiter(',');
  cmd->add_option("--sources", a->sources, "only these sources (default: those the coders coded)")
      ->delimiter(',');
  cmd->add_option("--unit", a->unit, "passage (default), sentence, source or character");
  cmd->add_option("--dimension", a->dimension,
                  "compare a dimension's values (e.g. strength) at its level");
  cmd->add_option("--threshold", a->threshold,
                  "segment overlap for agreement at --unit character, in percent (default 90)");
  cmd->add_option("--overlap", a->overlap,
                  "overlap base: union (|A and B| / |A or B|, default) or own (/ |A|)");
  cmd->add_option("--table", a->table, "a reliability data table (CSV: unit, coder columns)");
  cmd->add_option("--level", a->level, "--table data: nominal (default), ordinal, interval, ratio");
  cmd->add_option("--labels", a->labels, "--table: the categories in order (ordinal labels)")
      ->delimiter(',');
  cmd->add_option("--missing", a->missing, "--table: cell values that mean missing, e.g. NA")
      ->delimiter(',');
  cmd->add_option("--bootstrap", a->bootstrap,
                  "resamples for alpha's confidence interval (default 1000, 0 = none)");
  cmd->add_option("--seed", a->seed, "seed of the bootstrap (default 1)");
  cmd->add_option("--categories", a->categories,
                  "number of categories for Brennan-Prediger and AC1 (default: those in the data)");
  auto* json = cmd->add_flag("--json", a->json, "print JSON");
  cmd->add_flag("--csv", a->csv, "print CSV")->excludes(json);
  cmd->footer(examples({"casebook agree --coders alice,bob",
                        "casebook agree --coders alice,bob,carol --codes expost --unit sentence",
                        "casebook agree --coders alice,bob --unit character --threshold 80",
                        "casebook agree --coders alice,bob --dimension strength",
                        "casebook agree --table ratings.csv --level ordinal --csv"}));
  cmd->callback([&ctx, a] { ctx.run = [&ctx, a] { return agree(ctx, *a); }; });
}

}  // namespace casebook::cli
