// casebook codebook: load a codebook file (validated; a new version keeps
// every coding), show it with usage counts, export it, and add inductive
// codes while coding.

#include <fstream>
#include <iostream>

#include "cli/cmd_import_refi.hpp"
#include "cli/context.hpp"
#include "engine/codebook/store_sync.hpp"
#include "engine/codebook/xml.hpp"
#include "engine/core/error.hpp"
#include "engine/project/files.hpp"

namespace casebook::cli {
namespace {

constexpr std::uintmax_t kMaxCodebookBytes = 16u << 20;

struct CodebookArgs {
  std::string file;
  std::vector<std::string> reassign;
  bool force = false, dry_run = false, json = false;
  std::string code;    // show one code
  std::string output;  // export
  // add
  std::string key, name, definition, inclusion, exclusion, colour, memo;
  std::vector<std::string> takes;
};

std::pair<std::string, std::string> parse_reassign(const std::string& arg) {
  const auto eq = arg.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == arg.size()) {
    throw_usage("--reassign '" + arg + "' is not OLD=NEW",
                "e.g. --reassign expost.delay=expost.veto");
  }
  return {arg.substr(0, eq), arg.substr(eq + 1)};
}

void print_list(const char* what, const std::vector<std::string>& keys) {
  if (keys.empty()) return;
  std::cout << "  " << what << ":";
  for (const auto& k : keys) std::cout << ' ' << k;
  std::cout << "\n";
}

void print_pairs(const char* what, const char* arrow,
                 const std::vector<std::pair<std::string, std::string>>& pairs) {
  if (pairs.empty()) return;
  std::cout << "  " << what << ":";
  for (const auto& [a, b] : pairs) std::cout << ' ' << a << arrow << (b.empty() ? "(top)" : b);
  std::cout << "\n";
}

int load(Context& ctx, const CodebookArgs& args) {
  const std::string coder = ctx.require_coder();
  // Read once: the same bytes are validated and kept as the version's document.
  const std::string document = project::read_input_file(args.file, kMaxCodebookBytes);
  const codebook::Codebook book = codebook::read_codebook_xml(document, args.file);
  codebook::LoadOptions options;
  for (const auto& r : args.reassign) options.reassign.push_back(parse_reassign(r));
  options.force = args.force;
  options.dry_run = args.dry_run;
  codebook::LoadReport report;
  ctx.write([&](project::Project& project) {
    report = codebook::load_codebook(project.store(), book, document,
                                     std::filesystem::path(args.file).filename().string(), coder,
                                     options);
  });
  if (report.unchanged) {
    std::cout << "The codebook is unchanged (version " << report.version << ")\n";
    return 0;
  }
  std::cout << (args.dry_run ? "Would load " : "Loaded ") << args.file
            << (args.dry_run ? "" : " as codebook version " + std::to_string(report.version))
            << ": " << book.codes.size() << " codes, " << book.dimensions.size() << " dimensions, "
            << book.propositions.size() << " propositions\n";
  print_list("added", report.added);
  print_list("changed", report.updated);
  print_pairs("renamed", " -> ", report.renamed);
  print_pairs("moved", " under ", report.moved);
  print_list("retired", report.retired);
  if (report.codings_reassigned)
    std::cout << "  codings reassigned: " << report.codings_reassigned << "\n";
  if (report.codings_removed)
    std::cout << "  codings removed (forced): " << report.codings_removed << "\n";
  return 0;
}

int depth_of(const codebook::Codebook& book, const codebook::Code& code) {
  int depth = 0;
  for (const codebook::Code* c = &code; !c->parent.empty(); ++depth) {
    c = book.find_code(c->parent);
    if (!c) break;
  }
  return depth;
}

void print_code_detail(const codebook::Codebook& book, const codebook::Code& c,
                       const codebook::CodeUsage& usage) {
  std::cout << c.key << "  " << c.name
            << (c.origin == codebook::Origin::Inductive ? "  (inductive)" : "")
            << "\n  used: " << usage.codings << " codings in " << usage.sources << " sources\n";
  if (!c.parent.empty()) std::cout << "  parent: " << c.parent << "\n";
  if (!c.colour.empty()) std::cout << "  colour: " << c.colour << "\n";
  const std::pair<const char*, const std::string*> fields[] = {{"definition", &c.definition},
                                                               {"include", &c.inclusion},
                                                               {"exclude", &c.exclusion},
                                                               {"memo", &c.memo}};
  for (const auto& [label, value] : fields) {
    if (!value->empty()) std::cout << "  " << label << ": " << *value << "\n";
  }
  for (const auto& e : c.typical_examples) std::cout << "  typical: " << e << "\n";
  for (const auto& e : c.atypical_examples) std::cout << "  atypical: " << e << "\n";
  for (const auto& q : c.queries) std::cout << "  query: " << q << "\n";
  for (const auto& d : c.dimensions) {
    std::cout << "  dimension: " << d.dimension << (d.required ? " (required)" : "") << "\n";
  }
  for (const auto& f : c.formerly) std::cout << "  formerly: " << f << "\n";
  for (const auto& p : book.propositions) {
    for (const auto& link : p.links) {
      if (link.code != c.key) continue;
      std::cout << "  " << codebook::to_string(link.bearing) << " " << p.key
                << (link.dimension.empty() ? "" : " when " + link.dimension + "=" + link.value)
                << "\n";
    }
  }
}

void print_tree(const codebook::Codebook& book,
                const std::map<std::string, codebook::CodeUsage>& usage, int version) {
  std::cout << "Codebook" << (book.name.empty() ? "" : " \"" + book.name + "\"") << ", version "
            << version << ": " << book.codes.size() << " codes\n\n";
  Table table({"code", "name", "codings", "sources", "definition"});
  for (const auto& c : book.codes) {
    const auto u = usage.count(c.key) ? usage.at(c.key) : codebook::CodeUsage{};
    table.add({std::string(2 * depth_of(book, c), ' ') + c.key,
               c.name + (c.origin == codebook::Origin::Inductive ? " (inductive)" : ""),
               std::to_string(u.codings), std::to_string(u.sources), one_line(c.definition, 60)});
  }
  table.print(std::cout);
  if (!book.dimensions.empty()) {
    std::cout << "\nDimensions\n";
    for (const auto& d : book.dimensions) {
      std::cout << "  " << d.name << " (" << codebook::to_string(d.level) << ")";
      for (std::size_t i = 0; i < d.values.size(); ++i)
        std::cout << (i ? " | " : ": ") << d.values[i].value;
      std::cout << "\n";
    }
  }
  if (!book.propositions.empty()) {
    std::cout << "\nPropositions\n";
    for (const auto& p : book.propositions) {
      std::cout << "  " << p.key << "  " << one_line(p.text, 90) << "\n";
    }
  }
}

nlohmann::json code_json(const codebook::Code& c, const codebook::CodeUsage& u) {
  nlohmann::json dims = nlohmann::json::array();
  for (const auto& d : c.dimensions)
    dims.push_back({{"dimension", d.dimension}, {"required", d.required}});
  return {{"key", c.key},
          {"parent", c.parent},
          {"name", c.name},
          {"colour", c.colour},
          {"origin", codebook::to_string(c.origin)},
          {"definition", c.definition},
          {"inclusion", c.inclusion},
          {"exclusion", c.exclusion},
          {"memo", c.memo},
          {"typical", c.typical_examples},
          {"atypical", c.atypical_examples},
          {"queries", c.queries},
          {"dimensions", dims},
          {"formerly", c.formerly},
          {"codings", u.codings},
          {"sources", u.sources}};
}

int show(Context& ctx, const CodebookArgs& args) {
  project::Project project = ctx.open_project();
  const codebook::Codebook book = codebook::read_codebook(project.store());
  const int version = codebook::current_version(project.store());
  const auto usage = codebook::code_usage(project.store(), ctx.viewer(project).only());
  auto usage_of = [&](const std::string& key) {
    return usage.count(key) ? usage.at(key) : codebook::CodeUsage{};
  };
  if (!args.code.empty()) {
    const auto record = codebook::require_code(project.store(), args.code);
    const codebook::Code* c = book.find_code(record.code.key);
    if (args.json) {
      print_json(code_json(*c, usage_of(c->key)));
    } else {
      print_code_detail(book, *c, usage_of(c->key));
    }
    return 0;
  }
  if (args.json) {
    nlohmann::json codes = nlohmann::json::array();
    for (const auto& c : book.codes) codes.push_back(code_json(c, usage_of(c.key)));
    print_json({{"name", book.name}, {"version", version}, {"codes", codes}});
    return 0;
  }
  if (book.codes.empty()) {
    std::cout << "No codebook yet: casebook codebook load FILE (see docs/codebook.md), or add "
                 "codes while coding with casebook codebook add KEY\n";
    return 0;
  }
  print_tree(book, usage, version);
  return 0;
}

int export_codebook(Context& ctx, const CodebookArgs& args) {
  project::Project project = ctx.open_project();
  const std::string xml = codebook::write_codebook_xml(codebook::read_codebook(project.store()));
  if (args.output.empty() || args.output == "-") {
    std::cout << xml;
    return 0;
  }
  project::write_file_atomically(args.output, xml);
  std::cout << "Wrote the codebook to " << args.output << "\n";
  return 0;
}

int add(Context& ctx, const CodebookArgs& args) {
  const std::string coder = ctx.require_coder();
  codebook::Code code;
  code.key = args.key;
  code.name = args.name;
  code.definition = args.definition;
  code.inclusion = args.inclusion;
  code.exclusion = args.exclusion;
  code.colour = args.colour;
  code.memo = args.memo;
  for (const auto& d : args.takes) code.dimensions.push_back({d, false});
  code.origin = codebook::Origin::Inductive;
  ctx.write([&](project::Project& project) {
    codebook::add_inductive_code(project.store(), code, coder);
  });
  std::cout << "Added inductive code " << code.key << "\n";
  return 0;
}

}  // namespace

void register_codebook(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<CodebookArgs>();
  auto* cmd = app.add_subcommand("codebook",
                                 "the codebook: load, show, export, import (REFI-QDA), add codes");
  cmd->require_subcommand(1);

  auto* load_cmd =
      cmd->add_subcommand("load", "validate a codebook file and make it the current version");
  load_cmd->add_option("FILE", args->file, "codebook XML (docs/codebook.md)")->required();
  load_cmd
      ->add_option("--reassign", args->reassign,
                   "OLD=NEW: move the codings of a code the new file drops to another code")
      ->allow_extra_args(false);
  load_cmd->add_flag("--force", args->force,
                     "drop codes that have codings anyway (their codings are removed, recorded)");
  load_cmd->add_flag("--dry-run", args->dry_run, "report what would change, write nothing");

  auto* show_cmd =
      cmd->add_subcommand("show", "the code tree with usage counts, or one code in full");
  show_cmd->add_option("CODE", args->code, "one code's definition, criteria, examples, queries");
  show_cmd->add_flag("--json", args->json, "print JSON");

  auto* export_cmd = cmd->add_subcommand("export", "write the current codebook as XML");
  export_cmd->add_option("-o,--out,--output", args->output,
                         "file to write (default: standard output)");

  auto* import_cmd = cmd->add_subcommand(
      "import", "add the codes of a REFI-QDA codebook (.qdc) or project (.qdpx)");
  import_cmd->add_option("FILE", args->file, "REFI-QDA codebook or project file")->required();
  import_cmd->add_flag("--json", args->json, "print JSON");

  auto* add_cmd = cmd->add_subcommand("add", "add an inductive code while coding");
  add_cmd->add_option("KEY", args->key, "PARENT.NEW (under PARENT) or NEW (top level)")->required();
  add_cmd->add_option("--name", args->name, "display name (default: the last part of KEY)");
  add_cmd->add_option("--definition", args->definition, "what the code means");
  add_cmd->add_option("--include", args->inclusion, "inclusion criteria");
  add_cmd->add_option("--exclude", args->exclusion, "exclusion criteria");
  add_cmd->add_option("--colour", args->colour, "#rrggbb");
  add_cmd->add_option("--memo", args->memo, "a memo on the code");
  add_cmd->add_option("--dimension", args->takes, "a dimension the code takes (repeatable)")
      ->allow_extra_args(false);

  cmd->footer(examples({"casebook --coder sam codebook load corpora/interdependence/codebook.xml",
                        "casebook codebook show", "casebook codebook show expost.veto",
                        "casebook codebook export -o codebook-v2.xml",
                        "casebook codebook add expost.it_outage --definition \"...\""}));
  cmd->callback([&ctx, args, load_cmd, show_cmd, export_cmd, add_cmd, import_cmd] {
    ctx.run = [&ctx, args, load_cmd, show_cmd, export_cmd, add_cmd, import_cmd] {
      if (load_cmd->parsed()) return load(ctx, *args);
      if (import_cmd->parsed()) return import_refi_codebook(ctx, args->file, args->json);
      if (export_cmd->parsed()) return export_codebook(ctx, *args);
      if (add_cmd->parsed()) return add(ctx, *args);
      (void)show_cmd;
      return show(ctx, *args);
    };
  });
}

}  // namespace casebook::cli
