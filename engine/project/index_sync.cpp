#include "engine/project/index_sync.hpp"

#include <cstdlib>

#include "engine/core/error.hpp"
#include "engine/index/fields.hpp"
#include "engine/project/write_lock.hpp"
#include "engine/store/cases.hpp"
#include "engine/store/sources.hpp"

namespace casebook::project {
namespace fs = std::filesystem;

std::size_t index_flush_bytes() {
  if (const char* mb = std::getenv("CASEBOOK_INDEX_FLUSH_MB")) {
    long value = std::strtol(mb, nullptr, 10);
    if (value > 0) return static_cast<std::size_t>(value) << 20;
  }
  // Measured (docs/benchmarks.md): 1-2 MB between commits imports as fast as
  // 8 MB with half the peak memory, and bounds memory however big an import.
  return std::size_t{2} << 20;
}

namespace {

std::vector<std::string> outcome_terms(store::Store& store, std::int64_t source_id) {
  std::vector<std::string> out;
  SQLite::Statement q(store.db(),
                      "SELECT c.outcome, c.sub_outcome FROM source_cases sc "
                      "JOIN cases c ON c.id = sc.case_id WHERE sc.source_id = ?");
  q.bind(1, source_id);
  while (q.executeStep()) {
    for (int col = 0; col < 2; ++col) {
      if (!q.getColumn(col).isNull()) out.push_back(q.getColumn(col).getString());
    }
  }
  return out;
}

}  // namespace

void for_each_passage_doc(store::Store& store, std::int64_t source_id,
                          const std::function<void(const index::PassageDoc&)>& sink) {
  auto source = store::find_source_by_id(store, source_id);
  if (!source) return;  // deleted since it was queued: nothing to index
  const std::string text = store::load_text(store, source_id);
  const text::OffsetMap offsets(text);
  index::PassageDoc doc;
  doc.source_id = source_id;
  doc.source_label = source->label;
  doc.type = source->type;
  doc.council = source->council;
  doc.cases = source->cases;
  doc.outcomes = outcome_terms(store, source_id);
  doc.date = index::date_to_number(source->date);
  for (const store::PassageRecord& p : store::load_passages(store, source_id)) {
    doc.passage_id = p.id;
    doc.speaker = p.speaker;
    doc.text = offsets.slice(p.span);
    sink(doc);
  }
}

IndexSync::IndexSync(Project& project)
    : project_(project), writer_(project.index_dir()), flush_bytes_(index_flush_bytes()) {}

void IndexSync::apply(const store::OutboxEntry& entry) {
  writer_.remove_source(entry.source_id);
  if (entry.action == store::IndexAction::Index) {
    for_each_passage_doc(project_.store(), entry.source_id,
                         [&](const index::PassageDoc& doc) { writer_.add_passage(doc); });
  }
  applied_.push_back(entry.id);
  last_seen_ = entry.id;
}

std::size_t IndexSync::apply_pending() {
  std::size_t count = 0;
  for (const store::OutboxEntry& entry : store::pending_index_work(project_.store(), last_seen_)) {
    apply(entry);
    ++count;
    if (writer_.uncommitted_bytes() >= flush_bytes_) commit();
  }
  return count;
}

void IndexSync::commit() {
  writer_.commit();
  if (applied_.empty()) return;
  store::WriteTransaction tx(project_.store());
  store::mark_index_work_done(project_.store(), applied_);
  tx.commit();
  applied_.clear();
}

void IndexSync::finish() {
  commit();
}

std::size_t reconcile_index_if_idle(Project& project) {
  if (store::count_pending_index_work(project.store()) == 0) return 0;
  auto lock = WriteLock::try_acquire(project.lock_file());
  if (!lock) return 0;
  IndexSync sync(project);
  std::size_t applied = sync.apply_pending();
  sync.finish();
  return applied;
}

std::int64_t rebuild_index(Project& project,
                           const std::function<void(const RebuildProgress&)>& progress) {
  // A damaged pointer or a deleted index is exactly what a rebuild repairs.
  fs::path current;
  try {
    current = project.index_dir();
  } catch (const Error&) {
  }
  // Directories left by an interrupted rebuild are not live: clear them.
  for (const auto& entry : fs::directory_iterator(project.data_dir())) {
    const std::string name = entry.path().filename().string();
    if (entry.is_directory() && name.rfind("index-", 0) == 0 && entry.path() != current) {
      fs::remove_all(entry.path());
    }
  }
  // Next free index-N beside the current one.
  int n = 1;
  for (;; ++n) {
    fs::path candidate = project.data_dir() / ("index-" + std::to_string(n));
    if (!fs::exists(candidate) && candidate != current) break;
  }
  const std::string fresh_name = "index-" + std::to_string(n);
  const fs::path fresh = project.data_dir() / fresh_name;

  auto pending = store::pending_index_work(project.store());
  auto sources = store::list_sources(project.store());
  RebuildProgress state{0, static_cast<std::int64_t>(sources.size())};
  std::int64_t passages = 0;
  try {
    index::IndexWriter writer(fresh);
    std::size_t flush = index_flush_bytes();
    for (const store::SourceInfo& source : sources) {
      for_each_passage_doc(project.store(), source.id, [&](const index::PassageDoc& doc) {
        writer.add_passage(doc);
        ++passages;
      });
      if (writer.uncommitted_bytes() >= flush) writer.commit();
      ++state.sources_done;
      if (progress) progress(state);
    }
    writer.commit();
  } catch (...) {
    std::error_code ec;
    fs::remove_all(fresh, ec);  // the live index was never touched
    throw;
  }
  project.set_index_dir(fresh_name);
  // Everything queued before the rebuild is now in the fresh index.
  std::vector<std::int64_t> done;
  for (const auto& entry : pending) done.push_back(entry.id);
  {
    store::WriteTransaction tx(project.store());
    store::mark_index_work_done(project.store(), done);
    tx.commit();
  }
  std::error_code ec;
  if (!current.empty()) fs::remove_all(current, ec);
  return passages;
}

}  // namespace casebook::project
