#pragma once
// Lets Boost.Test print text::Span values in failure messages (found by ADL).

#include <ostream>

#include "engine/text/offsets.hpp"

namespace casebook::text {
inline std::ostream& boost_test_print_type(std::ostream& os, const Span& s) {
  return os << "[" << s.start << ", " << s.end << ")";
}
}  // namespace casebook::text
