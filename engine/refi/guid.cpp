#include "engine/refi/guid.hpp"

#include <cstddef>

#include "engine/core/sha256.hpp"

namespace casebook::refi {
namespace {

constexpr std::size_t kGuidLength = 36;

bool is_dash_position(std::size_t i) {
  return i == 8 || i == 13 || i == 18 || i == 23;
}

int hex_value(char c) {
  return c <= '9' ? c - '0' : c - 'a' + 10;
}

char hex_digit(int value) {
  return "0123456789abcdef"[value & 0xf];
}

}  // namespace

std::string name_based_guid(std::string_view name) {
  std::string hex = sha256_hex(name).substr(0, 32);
  // Version 8 in the high nibble of byte 6; variant 10xx in byte 8.
  hex[12] = '8';
  hex[16] = hex_digit(0x8 | (hex_value(hex[16]) & 0x3));
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

std::string guid_for(std::string_view kind, std::string_view id) {
  std::string name = "casebook:";
  name += kind;
  name += ':';
  name += id;
  return name_based_guid(name);
}

bool is_guid(std::string_view text) {
  if (text.size() != kGuidLength) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_dash_position(i)) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

}  // namespace casebook::refi
