#pragma once
// A small HTTP GET client over libcurl for harvesting public documents.
// Everything it does is bounded: connect and total timeouts, a stall timeout,
// a cap on the body size, a limited number of redirects, and only http and
// https (a redirect to file:// or ftp:// is refused). It identifies itself
// with a User-Agent that names casebook, so a council's web team can see who
// is fetching and why.

#include <cstddef>
#include <memory>
#include <string>

namespace casebook::harvest {

struct HttpOptions {
  long connect_timeout_seconds = 15;
  long timeout_seconds = 120;  // the whole transfer
  long stall_seconds = 30;     // abort when nothing arrives for this long
  long max_redirects = 5;
  std::size_t max_body_bytes = std::size_t{256} << 20;
  std::string user_agent;  // empty: default_user_agent()
};

struct HttpResponse {
  long status = 0;
  std::string url;           // the URL asked for
  std::string final_url;     // after redirects
  std::string content_type;  // as sent, empty when absent
  std::string body;
};

// "casebook/VERSION (+https://github.com/casebook; research harvesting)"
std::string default_user_agent();

// The charset parameter of a Content-Type value ("text/html; charset=ISO-8859-1"
// gives "ISO-8859-1"), unquoted; empty when there is none.
std::string charset_of(const std::string& content_type);

// The media type of a Content-Type value, lower case, without parameters.
std::string media_type_of(const std::string& content_type);

// Percent-encodes a query parameter value (RFC 3986 unreserved characters
// are kept).
std::string url_encode(const std::string& value);

// What the harvester needs from HTTP; tests substitute an in-memory fake.
class Fetcher {
 public:
  virtual ~Fetcher() = default;
  // The response to GET `url`, whatever its status. Error(Io) naming the URL
  // when no response arrives (refused, timed out, too large, bad redirect).
  virtual HttpResponse get(const std::string& url) = 0;
};

// The libcurl implementation. One handle is reused for all requests, so
// connections to the council's server are kept alive between them.
class HttpClient : public Fetcher {
 public:
  explicit HttpClient(HttpOptions options = {});
  ~HttpClient() override;
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResponse get(const std::string& url) override;

 private:
  struct Handle;
  HttpOptions options_;
  std::unique_ptr<Handle> handle_;
};

}  // namespace casebook::harvest
