#include "engine/harvest/http_client.hpp"

#include <algorithm>
#include <cctype>

#include "engine/core/error.hpp"
#include "engine/harvest/curl_library.hpp"

namespace casebook::harvest {
namespace {

struct EasyDeleter {
  void operator()(CURL* curl) const { curl_api().easy_cleanup(curl); }
};

// Collects the body, refusing to grow past the cap: returning less than was
// offered makes libcurl abort the transfer with CURLE_WRITE_ERROR.
struct BodySink {
  std::string body;
  std::size_t max_bytes = 0;
  bool overflowed = false;

  static std::size_t write(char* data, std::size_t size, std::size_t count, void* user) {
    auto* sink = static_cast<BodySink*>(user);
    const std::size_t n = size * count;
    if (sink->body.size() + n > sink->max_bytes) {
      sink->overflowed = true;
      return 0;
    }
    sink->body.append(data, n);
    return n;
  }
};

std::string megabytes(std::size_t bytes) {
  return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MB";
}

std::string hint_for(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
      return "check the host name in the URL, and that this machine is online";
    case CURLE_COULDNT_CONNECT:
      return "check the URL and that the server is up; retry later";
    case CURLE_OPERATION_TIMEDOUT:
      return "the server is slow or not answering; retry later (documents already harvested "
             "are skipped) or allow more time with --timeout";
    case CURLE_TOO_MANY_REDIRECTS:
      return "the server redirects in a loop or too often; open the URL in a browser to see "
             "where it leads";
    case CURLE_UNSUPPORTED_PROTOCOL:
      return "only http:// and https:// URLs are fetched (redirects included)";
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
      return "the server's TLS certificate could not be verified; check the URL (https)";
    default:
      return "retry later; run the same command again to fetch only what is missing";
  }
}

void set(CURL* curl, CURLoption option, long value) {
  curl_api().easy_setopt(curl, option, value);
}
void set(CURL* curl, CURLoption option, const char* value) {
  curl_api().easy_setopt(curl, option, value);
}

}  // namespace

struct HttpClient::Handle {
  std::unique_ptr<CURL, EasyDeleter> curl;
  char error_buffer[CURL_ERROR_SIZE] = {};
};

std::string default_user_agent() {
  return std::string("casebook/") + CASEBOOK_VERSION +
         " (+https://github.com/casebook; research harvesting)";
}

std::string media_type_of(const std::string& content_type) {
  std::string type = content_type.substr(0, content_type.find(';'));
  type.erase(
      std::remove_if(type.begin(), type.end(), [](unsigned char c) { return std::isspace(c); }),
      type.end());
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return type;
}

std::string charset_of(const std::string& content_type) {
  std::string lower = content_type;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::size_t at = lower.find("charset=");
  if (at == std::string::npos) return {};
  std::size_t start = at + 8;
  std::size_t end = content_type.find(';', start);
  std::string value = content_type.substr(start, end == std::string::npos ? end : end - start);
  auto is_junk = [](unsigned char c) { return std::isspace(c) || c == '"' || c == '\''; };
  while (!value.empty() && is_junk(value.back())) value.pop_back();
  std::size_t first = 0;
  while (first < value.size() && is_junk(value[first])) ++first;
  return value.substr(first);
}

std::string url_encode(const std::string& value) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

HttpClient::HttpClient(HttpOptions options)
    : options_(std::move(options)), handle_(std::make_unique<Handle>()) {
  handle_->curl.reset(curl_api().easy_init());
  if (!handle_->curl) {
    throw_internal("libcurl could not create a transfer handle", "this is usually out of memory");
  }
  if (options_.user_agent.empty()) options_.user_agent = default_user_agent();
}

HttpClient::~HttpClient() = default;

HttpResponse HttpClient::get(const std::string& url) {
  const CurlApi& api = curl_api();
  CURL* curl = handle_->curl.get();
  BodySink sink;
  sink.max_bytes = options_.max_body_bytes;
  handle_->error_buffer[0] = '\0';

  api.easy_reset(curl);  // nothing carries over from the previous request but the connection
  set(curl, CURLOPT_URL, url.c_str());
  set(curl, CURLOPT_USERAGENT, options_.user_agent.c_str());
  set(curl, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM
  set(curl, CURLOPT_FOLLOWLOCATION, 1L);
  set(curl, CURLOPT_MAXREDIRS, options_.max_redirects);
#if LIBCURL_VERSION_NUM >= 0x075500  // 7.85: the string form replaces the deprecated bitmask
  set(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  set(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
  set(curl, CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
  set(curl, CURLOPT_REDIR_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
  set(curl, CURLOPT_CONNECTTIMEOUT, options_.connect_timeout_seconds);
  set(curl, CURLOPT_TIMEOUT, options_.timeout_seconds);
  set(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
  set(curl, CURLOPT_LOW_SPEED_TIME, options_.stall_seconds);
  set(curl, CURLOPT_ACCEPT_ENCODING, "");  // whatever libcurl can decode; the cap applies after
  set(curl, CURLOPT_ERRORBUFFER, handle_->error_buffer);
  api.easy_setopt(curl, CURLOPT_WRITEFUNCTION, &BodySink::write);
  api.easy_setopt(curl, CURLOPT_WRITEDATA, &sink);

  const CURLcode code = api.easy_perform(curl);
  if (code != CURLE_OK) {
    if (sink.overflowed) {
      throw_io(url + ": the response is larger than " + megabytes(options_.max_body_bytes) +
                   "; the download was stopped",
               "this is not a committee paper casebook will import; if it is, raise the limit "
               "with --max-size");
    }
    std::string reason = handle_->error_buffer[0] ? handle_->error_buffer : api.easy_strerror(code);
    throw_io(url + ": " + reason, hint_for(code));
  }

  HttpResponse response;
  response.url = url;
  api.easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  char* final_url = nullptr;
  if (api.easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &final_url) == CURLE_OK && final_url) {
    response.final_url = final_url;
  } else {
    response.final_url = url;
  }
  char* content_type = nullptr;
  if (api.easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &content_type) == CURLE_OK && content_type) {
    response.content_type = content_type;
  }
  response.body = std::move(sink.body);
  return response;
}

}  // namespace casebook::harvest
