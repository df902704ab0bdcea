#include "engine/coding/memos.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

#include "engine/codebook/store_sync.hpp"
#include "engine/core/error.hpp"
#include "engine/store/audit.hpp"
#include "engine/store/sources.hpp"

namespace casebook::coding {
namespace {

constexpr std::pair<MemoKind, const char*> kKinds[] = {{MemoKind::Project, "project"},
                                                       {MemoKind::Code, "code"},
                                                       {MemoKind::Source, "source"},
                                                       {MemoKind::Case, "case"},
                                                       {MemoKind::Coding, "coding"}};

std::int64_t parse_id(const std::string& ref, const char* what) {
  std::int64_t id = 0;
  const auto [ptr, ec] = std::from_chars(ref.data(), ref.data() + ref.size(), id);
  if (ref.empty() || ec != std::errc() || ptr != ref.data() + ref.size() || id < 1) {
    throw_usage(std::string(what) + " '" + ref + "' is not a number",
                "'casebook codings' lists codings with their ids");
  }
  return id;
}

std::int64_t case_id(store::Store& store, const std::string& label) {
  SQLite::Statement q(store.db(), "SELECT id FROM cases WHERE label = ? COLLATE NOCASE");
  q.bind(1, label);
  if (!q.executeStep()) {
    throw_not_found("case '" + label + "' does not exist", "'casebook cases' lists the cases");
  }
  return q.getColumn(0).getInt64();
}

void require_visible_coding(store::Store& store, std::int64_t id, const Viewer& viewer) {
  SQLite::Statement q(store.db(), "SELECT coder FROM codings WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep() || !viewer.may_see(q.getColumn(0).getString())) {
    throw_not_found("coding " + std::to_string(id) + " does not exist" +
                        (viewer.blind ? " among your codings (blind mode)" : ""),
                    "'casebook codings' lists codings with their ids");
  }
}

// The user-facing name of a target, looked up from its kind and id.
std::string target_label(store::Store& store, MemoKind kind, std::int64_t id) {
  switch (kind) {
    case MemoKind::Project:
      return "project";
    case MemoKind::Coding:
      return std::to_string(id);
    case MemoKind::Source: {
      const auto s = store::find_source_by_id(store, id);
      return s ? s->label : std::to_string(id);
    }
    case MemoKind::Code: {
      SQLite::Statement q(store.db(), "SELECT key FROM codes WHERE id = ?");
      q.bind(1, id);
      return q.executeStep() ? q.getColumn(0).getString() : std::to_string(id);
    }
    case MemoKind::Case: {
      SQLite::Statement q(store.db(), "SELECT label FROM cases WHERE id = ?");
      q.bind(1, id);
      return q.executeStep() ? q.getColumn(0).getString() : std::to_string(id);
    }
  }
  return {};
}

}  // namespace

MemoKind parse_memo_kind(const std::string& name) {
  for (const auto& [kind, text] : kKinds) {
    if (name == text) return kind;
  }
  throw_usage("'" + name + "' is not something a memo can be attached to",
              "use project, code, source, case or coding");
}

const char* to_string(MemoKind kind) {
  for (const auto& [k, text] : kKinds) {
    if (k == kind) return text;
  }
  return "project";
}

MemoTarget resolve_memo_target(store::Store& store, MemoKind kind, const std::string& ref,
                               const Viewer& viewer) {
  MemoTarget t{kind, 0, ref};
  switch (kind) {
    case MemoKind::Project:
      t.label = "project";
      break;
    case MemoKind::Code: {
      const auto code = codebook::require_code(store, ref);
      t.id = code.id;
      t.label = code.code.key;
      break;
    }
    case MemoKind::Source: {
      const auto source = store::require_source(store, ref);
      t.id = source.id;
      t.label = source.label;
      break;
    }
    case MemoKind::Case:
      t.id = case_id(store, ref);
      t.label = target_label(store, kind, t.id);
      break;
    case MemoKind::Coding:
      t.id = parse_id(ref, "coding");
      require_visible_coding(store, t.id, viewer);
      break;
  }
  return t;
}

std::int64_t insert_memo(store::Store& store, MemoKind kind, std::int64_t target_id,
                         const std::string& text, const std::string& coder) {
  SQLite::Statement q(store.db(),
                      "INSERT INTO memos(target_kind, target_id, text, coder, created_at) "
                      "VALUES (?, ?, ?, ?, ?)");
  q.bind(1, to_string(kind));
  q.bind(2, target_id);
  q.bind(3, text);
  q.bind(4, coder);
  q.bind(5, store::utc_now());
  q.exec();
  return store.db().getLastInsertRowid();
}

std::int64_t add_memo(store::Store& store, const MemoTarget& target, const std::string& text,
                      const std::string& coder) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw_usage("the memo is empty", "give its text, e.g. --memo \"why I coded this\"");
  }
  const std::int64_t id = insert_memo(store, target.kind, target.id, text, coder);
  store::append_audit(store, coder, "memo.add",
                      std::string(to_string(target.kind)) + " " + target.label,
                      {{"memo", id}, {"text", text}});
  return id;
}

void set_memo_removed(store::Store& store, std::int64_t memo_id, bool removed,
                      const std::string& coder) {
  SQLite::Statement q(store.db(), "UPDATE memos SET removed_at = ?, removed_by = ? WHERE id = ?");
  if (removed) {
    q.bind(1, store::utc_now());
    q.bind(2, coder);
  } else {
    q.bind(1);
    q.bind(2);
  }
  q.bind(3, memo_id);
  q.exec();
}

void remove_memo(store::Store& store, std::int64_t memo_id, const Viewer& viewer) {
  SQLite::Statement q(store.db(),
                      "SELECT coder, text, target_kind, target_id FROM memos "
                      "WHERE id = ? AND removed_at IS NULL");
  q.bind(1, memo_id);
  if (!q.executeStep() || !viewer.may_see(q.getColumn(0).getString())) {
    throw_not_found("memo " + std::to_string(memo_id) + " does not exist or is already removed",
                    "'casebook memo list' shows memos with their ids");
  }
  const std::string text = q.getColumn(1).getString();
  const std::string kind = q.getColumn(2).getString();
  const auto target_id = q.getColumn(3).getInt64();
  set_memo_removed(store, memo_id, true, viewer.coder);
  store::append_audit(store, viewer.coder, "memo.remove",
                      kind + " " + target_label(store, parse_memo_kind(kind), target_id),
                      {{"memo", memo_id}, {"text", text}});
}

std::vector<MemoView> list_memos(store::Store& store, const std::optional<MemoTarget>& target,
                                 const Viewer& viewer) {
  SQLite::Statement q(store.db(),
                      "SELECT id, target_kind, target_id, text, coder, created_at FROM memos "
                      "WHERE removed_at IS NULL AND (?1 IS NULL OR target_kind = ?1) "
                      "AND (?1 IS NULL OR target_id = ?2) AND (?3 IS NULL OR coder = ?3) "
                      "ORDER BY id");
  if (target) {
    q.bind(1, to_string(target->kind));
    q.bind(2, target->id);
  } else {
    q.bind(1);
    q.bind(2);
  }
  if (const auto only = viewer.only()) {
    q.bind(3, *only);
  } else {
    q.bind(3);
  }
  std::vector<MemoView> out;
  while (q.executeStep()) {
    MemoView m;
    m.id = q.getColumn(0).getInt64();
    const MemoKind kind = parse_memo_kind(q.getColumn(1).getString());
    const auto id = q.getColumn(2).getInt64();
    m.target = {kind, id, target_label(store, kind, id)};
    m.text = q.getColumn(3).getString();
    m.coder = q.getColumn(4).getString();
    m.created_at = q.getColumn(5).getString();
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace casebook::coding
