#pragma once
// Politeness towards a council's web server: requests start at least
// `delay` apart, whatever the caller does between them. The wait happens
// here, in the harvester's fetcher, so nothing else has to remember it.

#include <chrono>
#include <optional>

#include "engine/harvest/http_client.hpp"

namespace casebook::harvest {

class PoliteFetcher : public Fetcher {
 public:
  // `inner` must outlive this object.
  PoliteFetcher(Fetcher& inner, std::chrono::milliseconds delay);

  HttpResponse get(const std::string& url) override;
  std::size_t requests() const { return requests_; }

 private:
  Fetcher& inner_;
  std::chrono::milliseconds delay_;
  std::optional<std::chrono::steady_clock::time_point> last_start_;
  std::size_t requests_ = 0;
};

}  // namespace casebook::harvest
