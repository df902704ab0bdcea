#pragma once
// Identifiers that must not collide between machines or runs (a project's
// identity, a shard set), drawn from the operating system's random source.

#include <string>

namespace casebook {

// 128 random bits as 32 lowercase hex digits.
std::string random_hex_id();

}  // namespace casebook
