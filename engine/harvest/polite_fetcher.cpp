#include "engine/harvest/polite_fetcher.hpp"

#include <thread>

namespace casebook::harvest {

PoliteFetcher::PoliteFetcher(Fetcher& inner, std::chrono::milliseconds delay)
    : inner_(inner), delay_(delay) {}

HttpResponse PoliteFetcher::get(const std::string& url) {
  if (last_start_ && delay_.count() > 0) {
    // sleep_until returns at once when the time has already passed (a slow
    // import between two downloads counts towards the delay).
    std::this_thread::sleep_until(*last_start_ + delay_);
  }
  last_start_ = std::chrono::steady_clock::now();
  ++requests_;
  return inner_.get(url);
}

}  // namespace casebook::harvest
