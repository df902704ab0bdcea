#include "engine/coding/undo.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "engine/codebook/store_sync.hpp"
#include "engine/codebook/xml.hpp"
#include "engine/coding/codings.hpp"
#include "engine/coding/memos.hpp"
#include "engine/coding/review.hpp"
#include "engine/coding/snapshot.hpp"
#include "engine/coding/suggestions.hpp"
#include "engine/coding/viewer.hpp"
#include "engine/core/error.hpp"
#include "engine/store/audit.hpp"

namespace casebook::coding {
namespace {

using nlohmann::json;

std::vector<std::int64_t> ids_in(const json& detail, const char* key) {
  std::vector<std::int64_t> out;
  if (detail.contains(key) && detail[key].is_array()) {
    for (const auto& v : detail[key]) out.push_back(v.get<std::int64_t>());
  }
  return out;
}

// Ids among `ids` whose coding is active (true) or removed (false).
std::vector<std::int64_t> codings_in_state(store::Store& store,
                                           const std::vector<std::int64_t>& ids, bool active) {
  SQLite::Statement q(store.db(), "SELECT removed_at IS NULL FROM codings WHERE id = ?");
  std::vector<std::int64_t> out;
  for (auto id : ids) {
    q.reset();
    q.bind(1, id);
    if (q.executeStep() && (q.getColumn(0).getInt() != 0) == active) out.push_back(id);
  }
  return out;
}

std::string undo_code_add(store::Store& store, const json& detail, const std::string& coder) {
  const auto active = codings_in_state(store, ids_in(detail, "codings"), true);
  if (active.empty()) {
    throw_conflict("the codings this change added have all been removed since",
                   "'casebook log' shows what happened to them");
  }
  mark_codings_removed(store, active, coder, "undo");
  return "removed " + std::to_string(active.size()) + " coding(s) of " +
         detail.value("code", std::string());
}

// Review decisions: the codings' earlier review states come back; a recode
// also removes the reviewer's replacement coding.
std::string undo_review(store::Store& store, const json& detail, const std::string& coder) {
  restore_review_states(store, detail.at("before"));
  const auto before = detail.at("before").size();
  if (detail.contains("new_coding")) {
    const auto replacement =
        codings_in_state(store, {detail["new_coding"].get<std::int64_t>()}, true);
    mark_codings_removed(store, replacement, coder, "undo");
    return "coding " + std::to_string(detail.value("coding", std::int64_t{0})) +
           " is back to its review state before the recode; the recoded coding is removed";
  }
  return "the review of " + std::to_string(before) + " coding(s) is as it was before";
}

std::string undo_code_remove(store::Store& store, const json& detail) {
  const auto removed = codings_in_state(store, ids_in(detail, "codings"), false);
  if (removed.empty()) {
    throw_conflict("the codings this change removed are all active again",
                   "'casebook log' shows what happened to them");
  }
  restore_codings(store, removed);
  return "restored " + std::to_string(removed.size()) + " coding(s)";
}

std::string undo_memo(store::Store& store, const json& detail, bool was_add,
                      const std::string& coder) {
  const auto memo = detail.value("memo", std::int64_t{0});
  set_memo_removed(store, memo, was_add, coder);
  return std::string(was_add ? "removed" : "restored") + " memo " + std::to_string(memo);
}

std::string undo_suggestion_decision(store::Store& store, const json& detail,
                                     const std::string& coder) {
  const auto codings = codings_in_state(store, ids_in(detail, "codings"), true);
  if (!codings.empty()) mark_codings_removed(store, codings, coder, "undo");
  reopen_suggestion(store, detail.value("suggestion", std::int64_t{0}));
  return "suggestion " + std::to_string(detail.value("suggestion", std::int64_t{0})) +
         " is open again" + (codings.empty() ? "" : ", its coding removed");
}

std::string undo_autocode(store::Store& store, const json& detail, const std::string& coder) {
  // Suggestions still pending are withdrawn; those already decided stay,
  // with the codings accepting them made.
  SQLite::Statement q(store.db(),
                      "DELETE FROM suggestions WHERE owner = ? AND id BETWEEN ? AND ? "
                      "AND status = 'pending'");
  q.bind(1, coder);
  q.bind(2, detail.value("first_id", std::int64_t{0}));
  q.bind(3, detail.value("last_id", std::int64_t{-1}));
  const int withdrawn = q.exec();
  return "withdrew " + std::to_string(withdrawn) + " pending suggestion(s)";
}

std::string undo_codebook_add(store::Store& store, const json& detail) {
  const std::string key = detail.value("key", std::string());
  const auto code = codebook::find_code(store, key);
  if (!code || code->retired) throw_conflict("code " + key + " is no longer in the codebook");
  SQLite::Statement used(store.db(),
                         "SELECT count(*) FROM codings WHERE code_id = ? AND removed_at IS NULL");
  used.bind(1, code->id);
  used.executeStep();
  if (used.getColumn(0).getInt() > 0) {
    throw_conflict("code " + key + " has codings now, so adding it cannot be undone",
                   "remove them first (casebook codings --code " + key +
                       ", then casebook uncode ID), or keep the code");
  }
  // A retired code keeps its row, like every code dropped from the codebook.
  SQLite::Statement retire(store.db(), "UPDATE codes SET retired_at = ? WHERE id = ?");
  retire.bind(1, store::utc_now());
  retire.bind(2, code->id);
  retire.exec();
  return "retired code " + key;
}

std::string undo_codebook_load(store::Store& store, const json& detail, const std::string& coder) {
  const int before = detail.value("before", 0);
  codebook::Codebook previous;
  std::string document;
  if (before > 0) {
    SQLite::Statement q(store.db(), "SELECT document FROM codebook_versions WHERE version = ?");
    q.bind(1, before);
    if (!q.executeStep())
      throw_internal("codebook version " + std::to_string(before) + " is missing");
    document = q.getColumn(0).getString();
    previous = codebook::read_codebook_xml(document, "codebook version " + std::to_string(before));
  }
  // Loading the previous version follows the usual rules: refused if codings
  // made since would lose their code.
  const auto report = codebook::load_codebook(store, previous, document,
                                              "undo: version " + std::to_string(before), coder, {});
  return "codebook version " + std::to_string(before) + " is current again (as version " +
         std::to_string(report.version) + ")";
}

std::string undo_blind(store::Store& store, const json& detail, const std::string& coder) {
  BlindSettings before;
  before.on = detail["before"].value("on", false);
  before.supervisors = detail["before"].value("supervisors", std::vector<std::string>{});
  set_blind(store, before, coder);
  return std::string("blind mode is ") + (before.on ? "on" : "off") + " again";
}

// A merge is undone only while everything it wrote is as it wrote it:
// otherwise someone's later work would be lost with it.
void check_unchanged_since_merge(store::Store& store, std::int64_t id, const json& written) {
  if (coding_state(store, id) != written) {
    throw_conflict("coding " + std::to_string(id) +
                       " has changed since the merge (reviewed, removed, or given memos or "
                       "dimension values), so the merge cannot be undone without losing that",
                   "undo or revert those changes first; 'casebook log' shows them");
  }
}

// Codings (not added by the merge) that replaced a coding it added.
void check_nothing_refers_to(store::Store& store, const std::vector<std::int64_t>& added) {
  const std::set<std::int64_t> ours(added.begin(), added.end());
  SQLite::Statement q(store.db(), "SELECT id FROM codings WHERE recoded_from = ?");
  for (const std::int64_t id : added) {
    q.reset();
    q.bind(1, id);
    while (q.executeStep()) {
      if (ours.count(q.getColumn(0).getInt64())) continue;
      throw_conflict("coding " + std::to_string(id) +
                         ", added by the merge, was recoded since (as coding " +
                         q.getColumn(0).getString() + ")",
                     "undo the recode first");
    }
  }
}

// Undo of `casebook merge`: codings it added are deleted (they came from the
// other copy, which still has them), codings it updated get their earlier
// review, removal, dimension values and memos back. Codes it added are undone
// separately: each was its own codebook.add entry, next on the undo stack.
std::string undo_merge(store::Store& store, const json& detail) {
  std::vector<std::int64_t> added;
  for (const auto& a : detail.at("added")) {
    check_unchanged_since_merge(store, a.at("id").get<std::int64_t>(), a.at("state"));
    added.push_back(a.at("id").get<std::int64_t>());
  }
  for (const auto& u : detail.at("updated")) {
    check_unchanged_since_merge(store, u.at("id").get<std::int64_t>(), u.at("after"));
    if (u.contains("kept_both_as")) {
      check_unchanged_since_merge(store, u.at("kept_both_as").get<std::int64_t>(),
                                  u.at("kept_both_state"));
      added.push_back(u.at("kept_both_as").get<std::int64_t>());
    }
  }
  check_nothing_refers_to(store, added);
  for (const auto& u : detail.at("updated")) {
    restore_coding_state(store, u.at("id").get<std::int64_t>(), u.at("before"));
  }
  // Newest first: a recode the merge brought refers to the coding it replaced.
  std::sort(added.rbegin(), added.rend());
  delete_codings(store, added);
  return "removed " + std::to_string(added.size()) + " coding(s) the merge added and put back " +
         std::to_string(detail.at("updated").size()) + " coding(s) it updated";
}

std::string reverse(store::Store& store, const store::AuditEntry& entry, const std::string& coder) {
  const json detail = json::parse(entry.detail, nullptr, false);
  if (detail.is_discarded())
    throw_internal("audit entry " + std::to_string(entry.id) + " is damaged");
  const std::string& a = entry.action;
  if (a == "code.add") return undo_code_add(store, detail, coder);
  if (a == "code.remove") return undo_code_remove(store, detail);
  if (a == "memo.add") return undo_memo(store, detail, true, coder);
  if (a == "memo.remove") return undo_memo(store, detail, false, coder);
  if (a == "suggestion.accept" || a == "suggestion.reject" || a == "suggestion.skip") {
    return undo_suggestion_decision(store, detail, coder);
  }
  if (a == "suggestion.autocode") return undo_autocode(store, detail, coder);
  if (a == "review.accept" || a == "review.reject" || a == "review.recode") {
    return undo_review(store, detail, coder);
  }
  if (a == "codebook.add") return undo_codebook_add(store, detail);
  if (a == "codebook.load") return undo_codebook_load(store, detail, coder);
  if (a == "blind.set") return undo_blind(store, detail, coder);
  if (a == "project.merge") {
    const auto recorded = [](const json& items, const char* key) {
      return std::all_of(items.begin(), items.end(),
                         [key](const json& item) { return item.contains(key); });
    };
    if (!recorded(detail.at("added"), "state") || !recorded(detail.at("updated"), "before")) {
      throw_conflict("this merge (log entry " + std::to_string(entry.id) +
                         ") was made by an earlier casebook that did not record what it changed",
                     "restore a backup from before the merge");
    }
    return undo_merge(store, detail);
  }
  throw_conflict("your last change (" + a + " " + entry.target + ", log entry " +
                     std::to_string(entry.id) + ") cannot be undone",
                 "imports, cases and speakers are changed again with their own commands "
                 "(e.g. casebook import --replace, casebook cases import)");
}

// The coder's newest entry that is neither an undo nor undone. Changes
// written by set_blind/load_codebook during an undo carry their own audit
// entries; those are marked as part of the undo (undoes is set on them too).
std::optional<store::AuditEntry> last_undoable(store::Store& store, const std::string& coder) {
  SQLite::Statement q(store.db(),
                      "SELECT a.id FROM audit_log a WHERE a.coder = ? AND a.undoes IS NULL "
                      "AND a.action <> 'undo' "
                      "AND NOT EXISTS (SELECT 1 FROM audit_log u WHERE u.undoes = a.id) "
                      "ORDER BY a.id DESC LIMIT 1");
  q.bind(1, coder);
  if (!q.executeStep()) return std::nullopt;
  return store::find_audit(store, q.getColumn(0).getInt64());
}

}  // namespace

UndoResult undo_last(store::Store& store, const std::string& coder) {
  const auto entry = last_undoable(store, coder);
  if (!entry) {
    throw_not_found("there is nothing of " + coder + "'s left to undo",
                    "'casebook log --coder " + coder + "' shows your changes");
  }
  const std::int64_t first_new =
      store.db().execAndGet("SELECT coalesce(max(id), 0) FROM audit_log").getInt64();
  UndoResult result;
  result.undone_id = entry->id;
  result.action = entry->action;
  result.target = entry->target;
  result.summary = reverse(store, *entry, coder);
  // Entries the reversal wrote itself (a codebook load, a blind setting)
  // belong to the undo: they must not be undone by the next undo.
  SQLite::Statement mark(store.db(), "UPDATE audit_log SET undoes = ? WHERE id > ? AND coder = ?");
  mark.bind(1, entry->id);
  mark.bind(2, first_new);
  mark.bind(3, coder);
  mark.exec();
  result.audit_id = store::append_audit(
      store, coder, "undo", entry->target,
      {{"undone", entry->id}, {"action", entry->action}, {"summary", result.summary}}, entry->id);
  return result;
}

}  // namespace casebook::coding
