#pragma once
#include <string>
#include <string_view>

namespace casebook {

// Lower-case hexadecimal SHA-256 of `bytes` (64 characters).
std::string sha256_hex(std::string_view bytes);

}  // namespace casebook
