#include "engine/harvest/urls.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>
#include <utility>

#include "engine/core/error.hpp"
#include "engine/harvest/http_client.hpp"

namespace casebook::harvest {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool starts_with_nocase(const std::string& s, std::string_view prefix) {
  return s.size() >= prefix.size() && lower(s.substr(0, prefix.size())) == prefix;
}

// "https://host/x" -> {"https", "host"}; the rest of the URL is not needed here.
std::pair<std::string, std::string> scheme_and_host(const std::string& url) {
  std::size_t colon = url.find("://");
  if (colon == std::string::npos) return {};
  std::size_t host_start = colon + 3;
  std::size_t host_end = url.find_first_of("/?#", host_start);
  return {lower(url.substr(0, colon)),
          url.substr(host_start, host_end == std::string::npos ? host_end : host_end - host_start)};
}

// Bytes that may not appear raw in a URL (space, controls, non-ASCII) as %XX;
// everything else, '%' included, is kept so encoded links stay as they are.
std::string encode_unsafe_bytes(const std::string& url) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : url) {
    if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' ||
        c == '`' || c == '{' || c == '|' || c == '}') {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string extension_for_media_type(const std::string& media_type) {
  static const std::array<std::pair<std::string_view, std::string_view>, 13> kTable = {{
      {"application/pdf", "pdf"},
      {"text/html", "html"},
      {"application/xhtml+xml", "html"},
      {"text/plain", "txt"},
      {"text/markdown", "md"},
      {"text/csv", "csv"},
      {"application/rtf", "rtf"},
      {"text/rtf", "rtf"},
      {"application/msword", "doc"},
      {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"},
      {"application/vnd.oasis.opendocument.text", "odt"},
      {"application/vnd.ms-excel", "xls"},
      {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"},
  }};
  for (const auto& [type, ext] : kTable) {
    if (media_type == type) return std::string(ext);
  }
  return {};
}

// The extension of the URL's last path segment when it names a document
// rather than a script (mgConvert2PDF.aspx says nothing about the body).
std::string extension_of_url_path(const std::string& url) {
  std::size_t path_start = url.find("://");
  path_start = url.find('/', path_start == std::string::npos ? 0 : path_start + 3);
  if (path_start == std::string::npos) return {};
  std::string path = url.substr(path_start, url.find_first_of("?#", path_start) - path_start);
  std::string name = path.substr(path.rfind('/') + 1);
  std::size_t dot = name.rfind('.');
  if (dot == std::string::npos || dot + 1 == name.size()) return {};
  std::string ext = lower(name.substr(dot + 1));
  static const std::array<std::string_view, 6> kScripts = {"aspx", "asp", "ashx",
                                                           "php",  "cgi", "jsp"};
  if (std::find(kScripts.begin(), kScripts.end(), ext) != kScripts.end()) return {};
  if (ext.size() > 5 ||
      !std::all_of(ext.begin(), ext.end(), [](unsigned char c) { return std::isalnum(c); })) {
    return {};
  }
  return ext;
}

// Cuts UTF-8 text to at most `max_bytes` without splitting a character.
std::string utf8_prefix(const std::string& s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

}  // namespace

std::string normalize_base_url(const std::string& base_url) {
  std::string url = trim(base_url);
  if (!starts_with_nocase(url, "http://") && !starts_with_nocase(url, "https://")) {
    throw_usage("BASE_URL '" + base_url + "' is not an http:// or https:// URL",
                "give the address of the council's ModernGov site, for example "
                "https://democracy.example.gov.uk");
  }
  if (scheme_and_host(url).second.empty()) {
    throw_usage("BASE_URL '" + base_url + "' names no host",
                "for example https://democracy.example.gov.uk");
  }
  std::size_t service = lower(url).find("/mgwebservice.asmx");
  if (service != std::string::npos) url.erase(service);
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

std::string host_of(const std::string& url) {
  return scheme_and_host(url).second;
}

std::string resolve_document_url(const std::string& base_url, const std::string& link) {
  std::string ref = trim(link);
  auto [base_scheme, base_host] = scheme_and_host(base_url);
  std::string url;
  if (starts_with_nocase(ref, "http://") || starts_with_nocase(ref, "https://")) {
    url = ref;
  } else if (ref.rfind("//", 0) == 0) {
    url = base_scheme + ":" + ref;
  } else if (!ref.empty() && ref[0] == '/') {
    url = base_scheme + "://" + base_host + ref;
  } else {
    url = base_url + "/" + ref;
  }
  auto [scheme, host] = scheme_and_host(url);
  if (base_scheme == "https" && scheme == "http" && lower(host) == lower(base_host)) {
    url = "https" + url.substr(4);
  }
  return encode_unsafe_bytes(url);
}

std::string document_file_name(const std::string& title, const std::string& content_type,
                               const std::string& url) {
  std::string stem;
  for (unsigned char c : trim(title)) {
    bool keep = std::isalnum(c) || c == ' ' || c == '-' || c == '_' || c == '.' || c == ',' ||
                c == '(' || c == ')' || c >= 0x80;
    stem += keep ? static_cast<char>(c) : '_';
  }
  stem = utf8_prefix(stem, 80);
  while (!stem.empty() && (stem.back() == '.' || stem.back() == ' ')) stem.pop_back();
  if (stem.empty()) stem = "document";

  std::string ext = extension_for_media_type(media_type_of(content_type));
  if (ext.empty()) ext = extension_of_url_path(url);
  if (ext.empty()) ext = "bin";
  const std::string suffix = "." + ext;  // a title "Report.pdf" stays Report.pdf
  if (stem.size() > suffix.size() && lower(stem.substr(stem.size() - suffix.size())) == suffix) {
    return stem;
  }
  return stem + suffix;
}

}  // namespace casebook::harvest
