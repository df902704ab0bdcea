#include "engine/core/random_id.hpp"

#include <cstdio>
#include <random>

namespace casebook {

std::string random_hex_id() {
  std::random_device device;  // the OS's entropy source, not a seeded generator
  std::string id;
  for (int i = 0; i < 4; ++i) {
    char part[9];
    std::snprintf(part, sizeof part, "%08x", static_cast<unsigned>(device()));
    id += part;
  }
  return id;
}

}  // namespace casebook
