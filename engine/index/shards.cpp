#include "engine/index/shards.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>

#include "engine/core/error.hpp"
#include "engine/core/random_id.hpp"

namespace casebook::index {
namespace {

namespace fs = std::filesystem;

// Metadata keys of the stamp every shard carries.
constexpr const char* kProjectKey = "casebook.shard.project";
constexpr const char* kSetKey = "casebook.shard.set";
constexpr const char* kNumberKey = "casebook.shard.number";
constexpr const char* kCountKey = "casebook.shard.count";
constexpr const char* kGenerationKey = "casebook.shard.generation";
constexpr const char* kDocumentsKey = "casebook.shard.documents";

constexpr int kMaxShards = 1024;
// A list of at most kMaxShards short lines; anything far larger is not one.
constexpr std::uintmax_t kMaxStubBytes = 1 << 20;

std::optional<long long> parse_integer(const std::string& text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return std::stoll(text);
}

std::string shard_dir_name(int number) {
  return "shard-" + std::to_string(number);
}

void stamp_shard(Xapian::WritableDatabase& shard, const ShardStamp& stamp) {
  shard.set_metadata(kProjectKey, stamp.project_id);
  shard.set_metadata(kSetKey, stamp.set_id);
  shard.set_metadata(kNumberKey, std::to_string(stamp.number));
  shard.set_metadata(kCountKey, std::to_string(stamp.count));
  shard.set_metadata(kGenerationKey, std::to_string(stamp.generation));
  shard.set_metadata(kDocumentsKey, std::to_string(stamp.documents));
}

void write_stub(const fs::path& file, int count) {
  std::ofstream out(file);
  out << "# casebook shards: search them with --shards " << file.filename().string()
      << "\n# To serve them remotely, run one xapian-tcpsrv per shard and list them here as\n"
         "# 'remote HOST:PORT' lines instead (see docs/shards.md).\n";
  for (int i = 1; i <= count; ++i) out << "auto " << shard_dir_name(i) << '\n';
  if (!out.flush()) throw_io("cannot write " + file.string(), "check the disk and permissions");
}

// The stamp a shard carries, or Error(Data) naming it when it has none.
ShardStamp read_stamp(const Xapian::Database& db, const std::string& name) {
  ShardStamp stamp;
  stamp.project_id = db.get_metadata(kProjectKey);
  stamp.set_id = db.get_metadata(kSetKey);
  auto number = parse_integer(db.get_metadata(kNumberKey));
  auto count = parse_integer(db.get_metadata(kCountKey));
  auto generation = parse_integer(db.get_metadata(kGenerationKey));
  auto documents = parse_integer(db.get_metadata(kDocumentsKey));
  if (stamp.project_id.empty() || stamp.set_id.empty() || !number || !count || !generation ||
      !documents || *count < 1 || *count > kMaxShards || *number < 1 || *number > *count) {
    throw_data("shard " + name + " is not a casebook shard (it has no valid shard stamp)",
               "make shards from a project with 'casebook shard N --out DIR'");
  }
  stamp.number = static_cast<int>(*number);
  stamp.count = static_cast<int>(*count);
  stamp.generation = *generation;
  stamp.documents = *documents;
  return stamp;
}

Xapian::Database open_one(const ShardAddress& shard, const OpenShardsOptions& options) {
  if (shard.remote) {
    return Xapian::Remote::open(shard.host, shard.port, options.timeout_ms,
                                options.connect_timeout_ms);
  }
  return Xapian::Database(shard.path.string());
}

struct OpenedShard {
  std::string name;
  ShardStamp stamp;
  Xapian::Database db;
};

std::string shard_list(const std::vector<int>& numbers) {
  std::string out;
  for (int n : numbers) out += (out.empty() ? "" : ", ") + std::to_string(n);
  return out;
}

const char* kPartialHint =
    "start it (see docs/shards.md), or add --allow-partial to search the shards that answer "
    "(results would be partial)";

}  // namespace

ShardAddress parse_shard_address(const std::string& spec) {
  ShardAddress address;
  address.name = spec;
  const auto colon = spec.rfind(':');
  const bool looks_remote = colon != std::string::npos && spec.find('/') == std::string::npos;
  if (!looks_remote) {
    if (spec.empty()) throw_usage("--shard: empty shard address", "give HOST:PORT or a directory");
    address.path = spec;
    return address;
  }
  auto port = parse_integer(spec.substr(colon + 1));
  if (!port || *port < 1 || *port > 65535) {
    throw_usage("--shard " + spec + ": the port must be a number from 1 to 65535",
                "give HOST:PORT, e.g. localhost:7001, or the path of a shard directory");
  }
  address.remote = true;
  address.host = colon == 0 ? "localhost" : spec.substr(0, colon);
  address.port = static_cast<unsigned>(*port);
  return address;
}

std::vector<ShardAddress> read_shard_stub(const fs::path& stub) {
  std::error_code ec;
  if (fs::is_regular_file(stub, ec) && fs::file_size(stub, ec) > kMaxStubBytes) {
    throw_data("the shard list " + stub.string() + " is larger than " +
                   std::to_string(kMaxStubBytes / 1024) + " KiB, too large for a list of shards",
               "give the stub file written by 'casebook shard', one shard per line");
  }
  std::ifstream in(stub);
  if (!in) {
    throw_not_found("cannot read the shard list " + stub.string(),
                    "give a stub file written by 'casebook shard' or one of your own");
  }
  std::vector<ShardAddress> shards;
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::istringstream words(line);
    std::string kind, where, extra;
    words >> kind >> where >> extra;
    if (kind.empty() || kind[0] == '#') continue;
    const std::string at = stub.string() + " line " + std::to_string(line_number);
    if (where.empty() || !extra.empty()) {
      throw_data(at + ": expected 'remote HOST:PORT' or 'auto PATH', found \"" + line + "\"",
                 "one shard per line");
    }
    if (kind == "remote") {
      ShardAddress address;
      try {
        address = parse_shard_address(where);
      } catch (const Error& e) {
        throw_data(at + ": " + where + " is not HOST:PORT (" + e.what() + ")",
                   "write 'remote HOST:PORT', e.g. 'remote localhost:7001'");
      }
      if (!address.remote) {
        throw_data(at + ": " + where + " is not HOST:PORT",
                   "remote shards are served by xapian-tcpsrv; the prog method is not supported");
      }
      shards.push_back(std::move(address));
    } else if (kind == "auto" || kind == "glass") {
      ShardAddress address;
      address.name = where;
      address.path = fs::path(where).is_absolute() ? fs::path(where) : stub.parent_path() / where;
      shards.push_back(std::move(address));
    } else {
      throw_data(at + ": unknown shard kind \"" + kind + "\"",
                 "use 'remote HOST:PORT' or 'auto PATH'");
    }
  }
  if (shards.empty()) {
    throw_data("the shard list " + stub.string() + " names no shard",
               "add 'remote HOST:PORT' or 'auto PATH' lines");
  }
  return shards;
}

ShardSetWriter::ShardSetWriter(const fs::path& out_dir, int count, const ShardOrigin& origin)
    : out_dir_(out_dir) {
  if (count < 1 || count > kMaxShards) {
    throw_usage("shard: the number of shards must be from 1 to " + std::to_string(kMaxShards));
  }
  std::error_code ec;
  if (fs::exists(out_dir, ec)) {
    throw_conflict("shard: " + out_dir.string() + " already exists",
                   "give a new directory, or remove the old shards first");
  }
  const fs::path parent = out_dir.parent_path().empty() ? fs::path(".") : out_dir.parent_path();
  partial_ = parent / ("." + out_dir.filename().string() + ".partial");
  fs::remove_all(partial_, ec);  // left by a split that was killed
  if (!fs::create_directories(partial_, ec) || ec) {
    throw_io("shard: cannot create " + partial_.string() + ": " + ec.message(),
             "check that the parent directory exists and is writable");
  }
  try {
    for (int i = 1; i <= count; ++i) {
      shards_.emplace_back((partial_ / shard_dir_name(i)).string(), Xapian::DB_CREATE);
    }
  } catch (...) {
    fs::remove_all(partial_, ec);
    throw;
  }
  stamp_ = ShardStamp{origin.project_id, random_hex_id(), 0, count, origin.generation, 0};
}

ShardSetWriter::~ShardSetWriter() {
  if (finished_) return;
  shards_.clear();  // close the databases before removing their files
  std::error_code ignored;
  fs::remove_all(partial_, ignored);
}

void ShardSetWriter::add(Xapian::docid docid, const Xapian::Document& doc, std::size_t text_bytes) {
  const auto n = static_cast<Xapian::docid>(shards_.size());
  shards_[(docid - 1) % n].replace_document((docid - 1) / n + 1, doc);
  ++stamp_.documents;
  uncommitted_bytes_ += text_bytes;
  if (uncommitted_bytes_ >= flush_bytes_) commit_all();
}

void ShardSetWriter::commit_all() {
  for (Xapian::WritableDatabase& shard : shards_) shard.commit();
  uncommitted_bytes_ = 0;
}

std::vector<Xapian::doccount> ShardSetWriter::finish() {
  std::vector<Xapian::doccount> sizes;
  for (std::size_t i = 0; i < shards_.size(); ++i) {
    stamp_.number = static_cast<int>(i) + 1;
    stamp_shard(shards_[i], stamp_);
    shards_[i].commit();
    sizes.push_back(shards_[i].get_doccount());
    shards_[i].close();
  }
  write_stub(partial_ / "shards.stub", static_cast<int>(shards_.size()));
  std::error_code ec;
  fs::rename(partial_, out_dir_, ec);
  if (ec) throw_io("shard: cannot move the shards to " + out_dir_.string() + ": " + ec.message());
  finished_ = true;
  return sizes;
}

std::vector<Xapian::doccount> split_index(const fs::path& index_dir, const fs::path& out_dir,
                                          int count, const ShardOrigin& origin) {
  const Xapian::Database source(index_dir.string());
  ShardSetWriter writer(out_dir, count, origin);
  for (auto it = source.postlist_begin(""); it != source.postlist_end(""); ++it) {
    const Xapian::Document doc = source.get_document(*it);
    writer.add(*it, doc, doc.get_data().size());
  }
  return writer.finish();
}

OpenedShards open_shards(const std::vector<ShardAddress>& shards,
                         const OpenShardsOptions& options) {
  if (shards.empty()) throw_usage("no shard given", "give --shard HOST:PORT or --shards FILE");
  OpenedShards result;
  std::vector<OpenedShard> opened;
  for (const ShardAddress& shard : shards) {
    try {
      Xapian::Database db = open_one(shard, options);
      opened.push_back({shard.name, read_stamp(db, shard.name), db});
    } catch (const Xapian::Error& e) {
      const std::string why = "shard " + shard.name + " is unavailable: " + e.get_description();
      if (!options.allow_partial) throw_io(why, kPartialHint);
      result.missing.push_back(why);
    }
  }
  if (opened.empty()) {
    throw_io("no shard answered (" + std::to_string(shards.size()) + " listed)",
             "start the shard servers (see docs/shards.md)");
  }
  std::sort(opened.begin(), opened.end(), [](const OpenedShard& a, const OpenedShard& b) {
    return a.stamp.number < b.stamp.number;
  });
  const ShardStamp& first = opened.front().stamp;
  std::map<int, std::string> by_number;
  for (const OpenedShard& shard : opened) {
    if (shard.stamp.set_id != first.set_id || shard.stamp.count != first.count) {
      throw_data(
          "shards " + opened.front().name + " and " + shard.name + " come from different splits",
          "list the shards of one 'casebook shard' run");
    }
    auto [it, inserted] = by_number.emplace(shard.stamp.number, shard.name);
    if (!inserted) {
      throw_data("shards " + it->second + " and " + shard.name + " are the same shard (" +
                     std::to_string(shard.stamp.number) + " of " +
                     std::to_string(shard.stamp.count) + ")",
                 "list each shard once");
    }
  }
  std::vector<int> absent;
  for (int i = 1; i <= first.count; ++i) {
    if (!by_number.count(i)) absent.push_back(i);
  }
  if (!absent.empty()) {
    const std::string which =
        "shard(s) " + shard_list(absent) + " of " + std::to_string(first.count);
    if (!options.allow_partial) {
      throw_data(which + " not listed, so results would be partial",
                 "list every shard of the set (the stub file written by 'casebook shard' "
                 "lists them all), or add --allow-partial");
    }
    result.missing.push_back("results are partial: " + which + " missing");
  }
  for (const OpenedShard& shard : opened) result.db.add_database(shard.db);
  result.stamp = first;
  result.stamp.number = 0;
  return result;
}

}  // namespace casebook::index
