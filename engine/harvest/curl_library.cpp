#include "engine/harvest/curl_library.hpp"

#include <dlfcn.h>

#include <memory>
#include <string>

#include "engine/core/error.hpp"

namespace casebook::harvest {
namespace {

// libcurl's soname since 7.16 (2006); Debian's libcurl4 package provides it.
constexpr const char* kLibraryName = "libcurl.so.4";
constexpr const char* kInstallHint =
    "install libcurl (Debian: apt-get install libcurl4), or run bash scripts/install-deps.sh";

std::string last_dl_error() {
  const char* message = dlerror();
  return message ? message : "unknown reason";
}

template <typename Function>
void resolve(void* library, const char* name, const char* symbol, Function& slot) {
  void* address = dlsym(library, symbol);
  if (!address) {
    throw_internal(std::string(name) + " has no " + symbol + ": " + last_dl_error(), kInstallHint);
  }
  slot = reinterpret_cast<Function>(address);
}

struct LibraryCloser {
  void operator()(void* library) const { dlclose(library); }
};

}  // namespace

// Never unloaded once it works: handles made from it live until the process
// ends, and libcurl must not be cleaned up while one may exist. A library
// that fails a check is closed again.
CurlApi load_curl_library(const char* name) {
  std::unique_ptr<void, LibraryCloser> owned(dlopen(name, RTLD_NOW | RTLD_LOCAL));
  if (!owned) {
    throw_internal(std::string("libcurl could not be loaded: ") + last_dl_error(), kInstallHint);
  }
  void* library = owned.get();
  CurlApi api;
  decltype(&::curl_global_init) global_init = nullptr;
  resolve(library, name, "curl_global_init", global_init);
  resolve(library, name, "curl_easy_init", api.easy_init);
  resolve(library, name, "curl_easy_cleanup", api.easy_cleanup);
  resolve(library, name, "curl_easy_reset", api.easy_reset);
  resolve(library, name, "curl_easy_setopt", api.easy_setopt);
  resolve(library, name, "curl_easy_perform", api.easy_perform);
  resolve(library, name, "curl_easy_getinfo", api.easy_getinfo);
  resolve(library, name, "curl_easy_strerror", api.easy_strerror);
  // curl_global_init is not thread-safe; the static below runs it exactly once.
  if (global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    throw_internal("libcurl could not be initialised",
                   "check the installation of libcurl and its TLS library");
  }
  owned.release();  // kept for the life of the process
  return api;
}

const CurlApi& curl_api() {
  // A function-local static: initialised once, thread-safely, and retried on
  // the next call if loading threw.
  static const CurlApi api = load_curl_library(kLibraryName);
  return api;
}

}  // namespace casebook::harvest
