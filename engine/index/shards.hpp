#pragma once
// The index split into shards, each a Xapian database of its own, searched
// together as one. A shard is a local directory or a database served by
// Xapian's remote backend (`xapian-tcpsrv`), so one corpus can be spread over
// several machines.
//
// Splitting keeps every document's docid: document d of the index goes to
// shard (d - 1) mod N as docid (d - 1) div N + 1, which is exactly how Xapian
// numbers the documents of N databases searched together. Shards opened in
// their order therefore give the same docids, weights, ranks and ties as the
// index they came from. Each shard carries its place in the set in its
// metadata, so the order shards are listed in does not matter.

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace casebook::index {

// Where one shard lives.
struct ShardAddress {
  std::string name;  // as the user gave it, for messages
  bool remote = false;
  std::string host;  // remote only
  unsigned port = 0;
  std::filesystem::path path;  // local only
};

// "HOST:PORT" (or ":PORT" for this machine) is a remote shard; anything else
// is the path of a local shard directory. Error(Usage) naming `spec` for a
// bad port.
ShardAddress parse_shard_address(const std::string& spec);

// A stub file in Xapian's format, one shard per line: "remote HOST:PORT",
// or "auto PATH" / "glass PATH" (relative to the stub's directory); blank
// lines and lines starting with # are skipped. Error(Data) naming the file
// and line for anything else.
std::vector<ShardAddress> read_shard_stub(const std::filesystem::path& stub);

// What splitting recorded in every shard.
struct ShardStamp {
  std::string project_id;        // the project the index belongs to
  std::string set_id;            // the same in every shard of one split
  int number = 0;                // 1-based place in the set
  int count = 0;                 // shards in the set
  std::int64_t generation = 0;   // the store's index generation when split
  std::int64_t documents = 0;    // documents in the whole index when split
};

// Where the index being split comes from.
struct ShardOrigin {
  std::string project_id;
  std::int64_t generation = 0;  // the store's index generation
};

// Splits the index at `index_dir` into `count` shards in `out_dir` (which
// must not exist), named shard-1 ... shard-N, each stamped with `origin`,
// plus `shards.stub` listing them. Built in a temporary directory beside
// `out_dir` and renamed into place, so a failed split leaves nothing.
// Returns the documents in each shard.
std::vector<Xapian::doccount> split_index(const std::filesystem::path& index_dir,
                                          const std::filesystem::path& out_dir, int count,
                                          const ShardOrigin& origin);

struct OpenShardsOptions {
  // Search what answers when a shard is down or missing, instead of
  // refusing; the result then says which shards are missing.
  bool allow_partial = false;
  // Milliseconds to wait for a remote shard to accept and to answer.
  unsigned connect_timeout_ms = 5000;
  unsigned timeout_ms = 30000;
};

// The shards opened as one database.
struct OpenedShards {
  Xapian::Database db;
  ShardStamp stamp;                   // of the set (number is 0)
  std::vector<std::string> missing;   // with allow_partial: what did not answer, and why
};

// Opens every shard, checks that they form one complete set (same set id,
// each number once, all of them present), and combines them in set order.
// A shard that cannot be opened is Error(Io) naming it and saying results
// would be partial, unless options.allow_partial, which notes it in
// `missing`; mixing shards of different splits, or a shard listed twice, is
// Error(Data) whatever the options.
OpenedShards open_shards(const std::vector<ShardAddress>& shards,
                         const OpenShardsOptions& options = {});

}  // namespace casebook::index
