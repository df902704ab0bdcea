#include "cli/context.hpp"

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "engine/project/index_sync.hpp"
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
