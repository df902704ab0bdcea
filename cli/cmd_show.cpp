// casebook show SOURCE: print a source's text with passage numbers and offsets.

#include <algorithm>
#include <iostream>

#include "cli/context.hpp"
#include "engine/coding/codings.hpp"
#include "engine/core/error.hpp"
#include "engine/store/sources.hpp"

namespace casebook::cli {
namespace {

struct ShowArgs {
  std::string label;
  int passage = 0;
  bool sentences = false;
  bool json = false;
};

std::string range(const text::Span& s) {
  return "[" + std::to_string(s.start) + ", " + std::to_string(s.end) + ")";
}

void print_header(const store::SourceInfo& s) {
  std::cout << s.label << ": " << s.title << "\n";
  std::cout << "  type " << s.type;
  if (!s.date.empty()) std::cout << ", date " << s.date;
  if (!s.council.empty()) std::cout << ", council " << s.council;
  if (!s.cases.empty()) {
    std::cout << ", case";
    for (const auto& c : s.cases) std::cout << ' ' << c;
  }
  std::cout << "\n  " << s.passage_count << " passages, " << s.code_points
            << " characters (code points), from " << s.original_name << " (" << s.format << ", "
            << s.encoding << ")\n";
  for (const auto& [name, value] : s.attributes) std::cout << "  " << name << ": " << value << '\n';
  const store::Provenance& from = s.provenance;
  if (!from.url.empty()) {
    std::cout << "  retrieved from " << from.url;
    if (!from.retrieved_at.empty()) std::cout << " at " << from.retrieved_at;
    if (from.http_status != 0) std::cout << " (HTTP " << from.http_status << ")";
    if (!from.content_type.empty()) std::cout << ", " << from.content_type;
    std::cout << '\n';
  }
  if (!from.note.empty()) std::cout << "  provenance: " << from.note << '\n';
  std::cout << '\n';
}

// 754123 ms -> "00:12:34"
std::string clock_time(std::int64_t ms) {
  const std::int64_t seconds = ms / 1000;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%02lld:%02lld:%02lld",
                static_cast<long long>(seconds / 3600), static_cast<long long>(seconds / 60 % 60),
                static_cast<long long>(seconds % 60));
  return buffer;
}

// The codings of a source visible to the viewer (blind mode: their own).
std::vector<coding::CodingView> visible_codings(Context& ctx, project::Project& project,
                                                const store::SourceInfo& source) {
  coding::CodingFilter filter;
  filter.sources = {source.label};
  filter.only_coder = ctx.viewer(project).only();
  return coding::list_codings(project.store(), filter);
}

void print_codings_in(const store::PassageRecord& p,
                      const std::vector<coding::CodingView>& codings) {
  for (const auto& c : codings) {
    if (c.span.start >= p.span.end || c.span.end <= p.span.start) continue;
    std::cout << "  ▸ coding " << c.id << "  " << c.code << "  " << c.coder << "  [" << c.span.start
              << ", " << c.span.end << ")";
    for (const auto& [name, value] : c.dims) std::cout << "  " << name << "=" << value;
    std::cout << '\n';
  }
}

void print_passage(const store::PassageRecord& p, std::string_view text) {
  std::cout << "¶" << p.n << "  " << range(p.span) << "  " << p.kind;
  if (!p.speaker.empty()) std::cout << "  speaker " << p.speaker;
  if (p.page > 0) std::cout << "  page " << p.page;
  if (p.start_ms >= 0) {
    std::cout << "  " << clock_time(p.start_ms);
    if (p.end_ms >= 0) std::cout << "–" << clock_time(p.end_ms);
  }
  if (!p.heading_path.empty()) std::cout << "  under " << p.heading_path;
  std::cout << '\n' << text << "\n";
}

nlohmann::json passage_json(const store::PassageRecord& p, std::string_view text) {
  return {{"passage", p.n},           {"start", p.span.start}, {"end", p.span.end},
          {"kind", p.kind},           {"speaker", p.speaker},  {"page", p.page},
          {"start_ms", p.start_ms},   {"end_ms", p.end_ms},    {"heading_path", p.heading_path},
          {"text", std::string(text)}};
}

int show(Context& ctx, const ShowArgs& args) {
  project::Project project = ctx.open_project();
  store::SourceInfo source = store::require_source(project.store(), args.label);
  const std::string text = store::load_text(project.store(), source.id);
  const text::OffsetMap offsets(text);
  auto passages = store::load_passages(project.store(), source.id);
  if (args.passage != 0) {
    if (args.passage < 1 || args.passage > static_cast<int>(passages.size())) {
      throw_usage(source.label + " has passages 1 to " + std::to_string(passages.size()) +
                      ", not " + std::to_string(args.passage),
                  "show them all with 'casebook show " + source.label + "'");
    }
    passages = {passages[args.passage - 1]};
  }
  const auto codings = visible_codings(ctx, project, source);
  if (args.json) {
    nlohmann::json out = {{"label", source.label},
                          {"title", source.title},
                          {"type", source.type},
                          {"code_points", source.code_points},
                          {"passages", nlohmann::json::array()},
                          {"codings", nlohmann::json::array()}};
    for (const auto& c : codings) {
      out["codings"].push_back({{"id", c.id},
                                {"code", c.code},
                                {"coder", c.coder},
                                {"start", c.span.start},
                                {"end", c.span.end},
                                {"quote", c.quote}});
    }
    for (const auto& p : passages)
      out["passages"].push_back(passage_json(p, offsets.slice(p.span)));
    if (args.sentences) {
      out["sentences"] = nlohmann::json::array();
      for (const auto& s : store::load_sentences(project.store(), source.id)) {
        out["sentences"].push_back(
            {{"start", s.start}, {"end", s.end}, {"text", std::string(offsets.slice(s))}});
      }
    }
    print_json(out);
    return 0;
  }
  print_header(source);
  if (args.sentences) {
    int n = 0;
    for (const auto& s : store::load_sentences(project.store(), source.id)) {
      bool in_shown = std::any_of(passages.begin(), passages.end(), [&](const auto& p) {
        return s.start >= p.span.start && s.end <= p.span.end;
      });
      ++n;
      if (in_shown) std::cout << "s" << n << "  " << range(s) << "  " << offsets.slice(s) << '\n';
    }
    return 0;
  }
  for (const auto& p : passages) {
    print_passage(p, offsets.slice(p.span));
    print_codings_in(p, codings);
    std::cout << '\n';
  }
  return 0;
}

}  // namespace

void register_show(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ShowArgs>();
  auto* cmd = app.add_subcommand("show", "print a source's text with passage numbers and offsets");
  cmd->add_option("SOURCE", args->label, "source label, e.g. Int-7")->required();
  cmd->add_option("--passage,-p", args->passage, "only passage N");
  cmd->add_flag("--sentences", args->sentences, "list sentences with their offsets instead");
  cmd->add_flag("--json", args->json, "print JSON");
  cmd->footer(examples({"casebook show Int-7", "casebook show Doc-12 --passage 4",
                        "casebook show Int-7 --sentences --json"}));
  cmd->callback([&ctx, args] { ctx.run = [&ctx, args] { return show(ctx, *args); }; });
}

}  // namespace casebook::cli
