#pragma once
// URL and file-name helpers for harvesting: what the user typed as a base
// URL, links as ModernGov servers write them (relative, http on an https
// site, with raw spaces), and a file name that tells the importers the
// format of a downloaded body.

#include <string>

namespace casebook::harvest {

// The base URL of a ModernGov site without a trailing slash (and without a
// pasted "/mgWebService.asmx..." tail). Error(Usage) unless http:// or https://.
std::string normalize_base_url(const std::string& base_url);

// `link` made absolute against the site root `base_url` (already
// normalized): absolute links are kept, "//host/x" takes the base's scheme,
// "/x" the base's origin, "x" is taken relative to the site root. An
// http:// link to the base's own host is upgraded to https when the base is
// https (ModernGov often writes http links on https sites). Spaces and other
// bytes that may not appear in a URL are percent-encoded.
std::string resolve_document_url(const std::string& base_url, const std::string& link);

// "https://host:8080/a/b?x" -> "host:8080"
std::string host_of(const std::string& url);

// A file name for a downloaded document: its title made safe for a file
// name (at most 80 bytes, never cutting a UTF-8 character), with the
// extension the Content-Type implies, else the one of the URL's path when it
// names a document format, else ".bin" (the importers then sniff the bytes).
std::string document_file_name(const std::string& title, const std::string& content_type,
                               const std::string& url);

}  // namespace casebook::harvest
