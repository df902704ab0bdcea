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
  std::string project_id;       // the project the index belongs to
  std::string set_id;           // the same in every shard of one split
  int number = 0;               // 1-based place in the set
  int count = 0;                // shards in the set
  std::int64_t generation = 0;  // the store's index generation when split
  std::int64_t documents = 0;   // documents in the whole index when split
};

// Where the index being split comes from.
struct ShardOrigin {
  std::string project_id;
  std::int64_t generation = 0;  // the store's index generation
};

// Writes a new set of `count` shards into `out_dir` (which must not exist),
// named shard-1 ... shard-N, each stamped with `origin`, plus `shards.stub`
// listing them. Built in a hidden directory beside `out_dir` and renamed
// into place by finish(), so a writer destroyed before finish() (an error, a
// kill) leaves nothing.
class ShardSetWriter {
 public:
  ShardSetWriter(const std::filesystem::path& out_dir, int count, const ShardOrigin& origin);
  ShardSetWriter(const ShardSetWriter&) = delete;
  ShardSetWriter& operator=(const ShardSetWriter&) = delete;
  ~ShardSetWriter();

  // Adds the document the whole index holds as `docid` to the shard it
  // belongs to, under the docid that keeps its place when the shards are
  // searched together. `text_bytes` is what the document's text weighs, for
  // committing every `flush_bytes` of text (bounding memory).
  void add(Xapian::docid docid, const Xapian::Document& doc, std::size_t text_bytes);
  void set_flush_bytes(std::size_t bytes) { flush_bytes_ = bytes; }

  // Stamps and commits every shard, writes the stub, moves the set into
  // place. Returns the documents in each shard.
  std::vector<Xapian::doccount> finish();

 private:
  void commit_all();

  std::filesystem::path out_dir_;
  std::filesystem::path partial_;
  ShardStamp stamp_;
  std::vector<Xapian::WritableDatabase> shards_;
  std::size_t flush_bytes_ = std::size_t{2} << 20;
  std::size_t uncommitted_bytes_ = 0;
  bool finished_ = false;
};

// Splits the index at `index_dir` into a new shard set by copying its
// documents (see ShardSetWriter). Copying reads every term's positions back
// from the index, so a project rebuilds its shards from the store instead
// (project::shard_project_index), which is several times faster.
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
  ShardStamp stamp;                  // of the set (number is 0)
  std::vector<std::string> missing;  // with allow_partial: what did not answer, and why
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
