#include "cli/context.hpp"

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>

#include "engine/core/error.hpp"
#include "engine/project/index_sync.hpp"
#include "engine/project/write_lock.hpp"
#include "engine/text/offsets.hpp"

namespace casebook::cli {

project::Project Context::open_project() const {
  std::optional<std::filesystem::path> dir;
  if (!project_dir.empty()) dir = project_dir;
  project::Project project = project::Project::open(dir);
  try {
    std::size_t replayed = project::reconcile_index_if_idle(project);
    if (replayed > 0) {
      std::cerr << "casebook: indexed " << replayed
                << " source(s) left pending by an interrupted command\n";
    }
  } catch (const std::exception& e) {
    // The store is intact; only the index is behind. Let the command go on
    // (check reports it, reindex repairs it).
    std::cerr << "casebook: warning: could not bring the index up to date: " << e.what()
              << "\n  hint: run 'casebook reindex'\n";
  }
  return project;
}

std::string Context::coder_identity() const {
  if (!coder.empty()) return coder;
  if (const char* env = std::getenv("CASEBOOK_CODER"); env != nullptr && *env != '\0') return env;
  if (const passwd* pw = ::getpwuid(::getuid()); pw != nullptr && pw->pw_name != nullptr) {
    return pw->pw_name;
  }
  return "unknown";
}

std::string Context::require_coder() const {
  if (!coder.empty()) return coder;
  if (const char* env = std::getenv("CASEBOOK_CODER"); env != nullptr && *env != '\0') return env;
  throw_usage("who is coding? this command records your name",
              "give --coder NAME (before the command), or set CASEBOOK_CODER=NAME");
}

coding::Viewer Context::viewer(project::Project& project) const {
  const coding::BlindSettings blind = coding::blind_settings(project.store());
  if (!blind.on) return coding::Viewer{coder_identity(), false};
  return coding::viewer_for(project.store(), require_coder());
}

void Context::write(const std::function<void(project::Project&)>& change) const {
  project::Project project = open_project();
  project::WriteLock lock(project.lock_file(), project::write_lock_wait());
  store::WriteTransaction tx(project.store());
  change(project);
  tx.commit();
}

std::string one_line(std::string_view text, std::size_t max) {
  std::string out;
  std::size_t cps = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const bool lead = (c & 0xC0) != 0x80;
    if (lead && cps == max) return out + "...";
    if (lead) ++cps;
    out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : static_cast<char>(c));
  }
  return out;
}

void Table::print(std::ostream& out) const {
  std::vector<std::size_t> widths(header_.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], text::count_code_points(row[i]));
    }
  };
  measure(header_);
  for (const auto& row : rows_) measure(row);
  auto print_row = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      out << row[i];
      if (i + 1 < row.size()) {
        out << std::string(widths[i] - text::count_code_points(row[i]) + 2, ' ');
      }
    }
    out << '\n';
  };
  print_row(header_);
  for (const auto& row : rows_) print_row(row);
}

void write_csv_row(std::ostream& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out << ',';
    const std::string& c = cells[i];
    if (c.find_first_of(",\"\n\r") == std::string::npos) {
      out << c;
      continue;
    }
    out << '"';
    for (char ch : c) {
      if (ch == '"') out << '"';
      out << ch;
    }
    out << '"';
  }
  out << "\r\n";
}

void print_json(const nlohmann::json& value) {
  std::cout << value.dump(2) << '\n';
}

bool stdout_is_terminal() {
  return ::isatty(STDOUT_FILENO) == 1;
}
bool stderr_is_terminal() {
  return ::isatty(STDERR_FILENO) == 1;
}

std::string examples(const std::vector<std::string>& lines) {
  std::string out = "\nExamples:\n";
  for (const auto& l : lines) out += "  " + l + "\n";
  return out;
}

}  // namespace casebook::cli
