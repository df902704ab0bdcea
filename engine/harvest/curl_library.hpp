#pragma once
// libcurl, loaded when the first HTTP client is made rather than when casebook
// starts. Linking it would make every command pay for what only `harvest`
// uses: libcurl brings in about thirty shared libraries (TLS, Kerberos, LDAP,
// RTMP), and loading and initialising them cost about 6 ms of the 14 ms that
// `casebook --version` took, on every search and every code command.

#include <curl/curl.h>

namespace casebook::harvest {

// The libcurl entry points the client uses, typed from curl.h so a mismatch
// with the installed header is a compile error.
struct CurlApi {
  decltype(&::curl_easy_init) easy_init = nullptr;
  decltype(&::curl_easy_cleanup) easy_cleanup = nullptr;
  decltype(&::curl_easy_reset) easy_reset = nullptr;
  decltype(&::curl_easy_setopt) easy_setopt = nullptr;
  decltype(&::curl_easy_perform) easy_perform = nullptr;
  decltype(&::curl_easy_getinfo) easy_getinfo = nullptr;
  decltype(&::curl_easy_strerror) easy_strerror = nullptr;
};

// The process's libcurl (libcurl.so.4), loaded and globally initialised on the
// first call; later calls return the same table. Error(Internal) naming the
// library and the package to install when it cannot be loaded or lacks a
// symbol; a later call tries again.
const CurlApi& curl_api();

// Loads and initialises the libcurl at `library` (a soname or path) each
// time it is called, with the errors above; curl_api() calls it once. Tests
// use it to check what a missing library reports.
CurlApi load_curl_library(const char* library);

}  // namespace casebook::harvest
