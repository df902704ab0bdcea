#pragma once
// Deterministic GUIDs for REFI-QDA: the same store always exports the same
// GUIDs, so two exports of one project are byte-identical and a re-export
// can be matched against an earlier one.

#include <string>
#include <string_view>

namespace casebook::refi {

// A name-based UUID (RFC 9562 version 8, the SHA-256 variant of version 5):
// the first 16 bytes of SHA-256(`name`) with the version and variant bits
// set, as lowercase 8-4-4-4-12. Names are "casebook:KIND:ID" (guid_for).
std::string name_based_guid(std::string_view name);

// The GUID of one casebook object: kind is "code", "source", "coding", ...
// and id its stable store id (or name, for users and variables).
std::string guid_for(std::string_view kind, std::string_view id);

// True for a lowercase 8-4-4-4-12 hexadecimal GUID.
bool is_guid(std::string_view text);

}  // namespace casebook::refi
