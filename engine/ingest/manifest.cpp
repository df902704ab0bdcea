#include "engine/ingest/manifest.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "engine/cases/csv.hpp"
#include "engine/core/error.hpp"
#include "engine/project/files.hpp"
#include "engine/text/encoding.hpp"
#include "engine/text/normalize.hpp"

namespace casebook::ingest {
namespace fs = std::filesystem;
namespace {

constexpr std::uintmax_t kMaxManifestBytes = 64u << 20;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return s;
}

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

// "A; B|C" -> {"A", "B", "C"}
std::vector<std::string> split_cases(const std::string& cell) {
  std::vector<std::string> out;
  std::string current;
  for (char c : cell + ";") {
    if (c == ';' || c == '|' || c == ',') {
      if (!trimmed(current).empty()) out.push_back(trimmed(current));
      current.clear();
    } else {
      current += c;
    }
  }
  return out;
}

// Column name -> index, with "case" and "cases" the same column.
std::map<std::string, std::size_t> read_header(const cases::csv::Record& header,
                                               const fs::path& manifest,
                                               std::vector<std::string>& names) {
  std::map<std::string, std::size_t> columns;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    std::string name = lower(trimmed(header.fields[i].value));
    if (name == "case") name = "cases";
    if (name == "retrieved_at") name = "retrieved";
    names.push_back(name);
    if (name.empty()) continue;
    if (!columns.emplace(name, i).second) {
      throw_data(manifest.string() + ": column '" + name + "' appears twice in the header",
                 "keep one column of each name");
    }
  }
  if (!columns.count("path")) {
    throw_data(manifest.string() + ": the header has no 'path' column",
               "the first row names the columns: path,label,type,cases,council,date,url,"
               "retrieved,provenance,... (only path is required)");
  }
  return columns;
}

bool is_known_column(const std::string& name) {
  static const std::set<std::string> known = {
      "path",   "label",    "type", "cases",     "council",    "date",        "title",
      "format", "encoding", "url",  "retrieved", "provenance", "http_status", "content_type"};
  return known.count(name) > 0;
}

int parse_status(const std::string& value, const std::string& where) {
  if (value.empty()) return 0;
  if (value.size() > 3 ||
      !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    throw_data(where + ": http_status '" + value + "' is not an HTTP status code",
               "use a number such as 200, or leave the cell empty");
  }
  return std::stoi(value);
}

SourceRequest request_from_row(const cases::csv::Record& row,
                               const std::map<std::string, std::size_t>& columns,
                               const std::vector<std::string>& names,
                               const cases::csv::Reader& reader, const fs::path& manifest) {
  auto cell = [&](const std::string& name) -> std::string {
    auto it = columns.find(name);
    if (it == columns.end() || it->second >= row.fields.size()) return {};
    return trimmed(row.fields[it->second].value);
  };
  const std::string where = manifest.string() + ": " + reader.where(row.line, columns.at("path"));
  const std::string path = cell("path");
  if (path.empty()) {
    throw_data(where + " is empty", "every row names the file it describes in the path column");
  }
  SourceRequest request;
  request.path = fs::path(path).is_absolute() ? fs::path(path) : manifest.parent_path() / path;
  std::error_code ec;
  if (!fs::is_regular_file(request.path, ec)) {
    throw_data(where + ": no such file: " + request.path.string(),
               "paths are relative to the manifest's folder; check the spelling");
  }
  request.label = cell("label");
  request.type = cell("type");
  request.cases = split_cases(cell("cases"));
  request.council = cell("council");
  request.date = cell("date");
  request.title = cell("title");
  if (!cell("format").empty()) request.format = cell("format");
  if (!cell("encoding").empty()) request.encoding = cell("encoding");
  request.provenance.url = cell("url");
  request.provenance.retrieved_at = cell("retrieved");
  request.provenance.note = cell("provenance");
  request.provenance.content_type = cell("content_type");
  request.provenance.http_status =
      parse_status(cell("http_status"), manifest.string() + ": row " + std::to_string(row.line));
  for (std::size_t i = 0; i < names.size() && i < row.fields.size(); ++i) {
    if (names[i].empty() || is_known_column(names[i])) continue;
    const std::string value = trimmed(row.fields[i].value);
    if (!value.empty()) request.attributes[names[i]] = value;
  }
  return request;
}

}  // namespace

std::vector<SourceRequest> read_manifest(const fs::path& path) {
  const std::string bytes = project::read_input_file(path, kMaxManifestBytes);
  const text::DecodedText decoded = text::decode_to_utf8(bytes, path.string(), std::nullopt);
  const std::string text = text::canonicalize(decoded.utf8);
  cases::csv::Reader reader(text, cases::csv::sniff_separator(text), path.string());
  cases::csv::Record header;
  if (!reader.next(header)) {
    throw_data(path.string() + ": the manifest is empty",
               "write a header row (path,label,type,cases,...) and one row per file");
  }
  std::vector<std::string> names;
  const auto columns = read_header(header, path, names);
  reader.name_columns(names);

  std::vector<SourceRequest> requests;
  std::map<std::string, int> seen;  // canonical path -> row
  cases::csv::Record row;
  while (reader.next(row)) {
    SourceRequest request = request_from_row(row, columns, names, reader, path);
    const std::string key = fs::weakly_canonical(request.path).string();
    if (auto [it, fresh] = seen.emplace(key, row.line); !fresh) {
      throw_data(path.string() + ": row " + std::to_string(row.line) + " lists " +
                     request.path.string() + ", already listed on row " +
                     std::to_string(it->second),
                 "list each file once");
    }
    requests.push_back(std::move(request));
  }
  if (requests.empty()) {
    throw_data(path.string() + ": the manifest lists no files",
               "add one row per file under the header");
  }
  return requests;
}

}  // namespace casebook::ingest
