#include "engine/store/cases.hpp"

#include "engine/core/error.hpp"
#include "engine/store/audit.hpp"
#include "engine/store/outbox.hpp"

namespace casebook::store {
namespace {

void declare_attribute(Store& store, const cases::AttributeColumn& column,
                       const std::string& sheet_name) {
  const std::string type(cases::type_name(column.type));
  SQLite::Statement get(store.db(), "SELECT type FROM case_attribute_defs WHERE name = ?");
  get.bind(1, column.name);
  if (get.executeStep()) {
    std::string existing = get.getColumn(0).getString();
    if (existing != type) {
      throw_conflict(
          sheet_name + ": column '" + column.name + "' holds " + type +
              " values, but the project already has it as " + existing,
          "declare the column's type in its header, e.g. '" + column.name + ":" + existing + "'");
    }
    return;
  }
  SQLite::Statement insert(store.db(), "INSERT INTO case_attribute_defs(name, type) VALUES (?, ?)");
  insert.bind(1, column.name);
  insert.bind(2, type);
  insert.exec();
}

std::map<std::string, CaseAttribute> load_case_attributes(Store& store, std::int64_t id) {
  SQLite::Statement q(store.db(),
                      "SELECT a.name, d.type, a.value FROM case_attributes a "
                      "JOIN case_attribute_defs d ON d.name = a.name WHERE a.case_id = ? "
                      "ORDER BY a.name");
  q.bind(1, id);
  std::map<std::string, CaseAttribute> out;
  while (q.executeStep()) {
    out[q.getColumn(0).getString()] = {q.getColumn(1).getString(), q.getColumn(2).getString()};
  }
  return out;
}

CaseInfo read_case(Store& store, SQLite::Statement& q) {
  CaseInfo c;
  c.id = q.getColumn(0).getInt64();
  c.label = q.getColumn(1).getString();
  c.outcome = q.getColumn(2).getString();
  c.sub_outcome = q.getColumn(3).getString();
  c.source_count = q.getColumn(4).getInt64();
  c.attributes = load_case_attributes(store, c.id);
  return c;
}

constexpr const char* kCaseSelect =
    "SELECT c.id, c.label, coalesce(c.outcome, ''), coalesce(c.sub_outcome, ''), "
    "(SELECT count(*) FROM source_cases sc WHERE sc.case_id = c.id) FROM cases c ";

void queue_sources_of_case(Store& store, std::int64_t id, CaseImportResult& result) {
  SQLite::Statement q(store.db(), "SELECT source_id FROM source_cases WHERE case_id = ?");
  q.bind(1, id);
  while (q.executeStep()) {
    enqueue_index(store, q.getColumn(0).getInt64(), IndexAction::Index);
    ++result.sources_to_reindex;
  }
}

// Replaces the case's values of the sheet's attribute columns; attributes
// the sheet does not have are left as they are. An empty cell clears a value.
void write_case_attributes(Store& store, std::int64_t id, const cases::CaseSheet& sheet,
                           const cases::CaseRow& row) {
  SQLite::Statement del(store.db(), "DELETE FROM case_attributes WHERE case_id = ? AND name = ?");
  SQLite::Statement insert(store.db(),
                           "INSERT INTO case_attributes(case_id, name, value) VALUES (?, ?, ?)");
  for (const auto& column : sheet.columns) {
    del.bind(1, id);
    del.bind(2, column.name);
    del.exec();
    del.reset();
    auto value = row.attributes.find(column.name);
    if (value == row.attributes.end()) continue;
    insert.bind(1, id);
    insert.bind(2, column.name);
    insert.bind(3, value->second);
    insert.exec();
    insert.reset();
  }
}

bool same_case(const CaseInfo& before, const cases::CaseSheet& sheet, const cases::CaseRow& row) {
  if (before.outcome != row.outcome || before.sub_outcome != row.sub_outcome) return false;
  for (const auto& column : sheet.columns) {
    auto old_value = before.attributes.find(column.name);
    auto new_value = row.attributes.find(column.name);
    const bool had = old_value != before.attributes.end();
    const bool has = new_value != row.attributes.end();
    if (had != has || (had && old_value->second.value != new_value->second)) return false;
  }
  return true;
}

}  // namespace

CaseImportResult import_cases(Store& store, const cases::CaseSheet& sheet,
                              const std::string& sheet_name, const std::string& coder) {
  for (const auto& column : sheet.columns) declare_attribute(store, column, sheet_name);
  CaseImportResult result;
  for (cases::CaseRow row : sheet.rows) {
    auto before = find_case(store, row.id);
    // Columns the sheet does not have keep the values the project has.
    if (before && !sheet.has_outcome) row.outcome = before->outcome;
    if (before && !sheet.has_sub_outcome) row.sub_outcome = before->sub_outcome;
    if (before && same_case(*before, sheet, row)) {
      ++result.unchanged;
      continue;
    }
    std::int64_t id = 0;
    if (before) {
      SQLite::Statement update(store.db(),
                               "UPDATE cases SET outcome = ?, sub_outcome = ?, updated_at = ? "
                               "WHERE id = ?");
      bind_text_or_null(update, 1, row.outcome);
      bind_text_or_null(update, 2, row.sub_outcome);
      update.bind(3, utc_now());
      update.bind(4, before->id);
      update.exec();
      id = before->id;
      ++result.updated;
      // Outcomes and sub-outcomes are both index filter terms.
      if (before->outcome != row.outcome || before->sub_outcome != row.sub_outcome) {
        queue_sources_of_case(store, id, result);
      }
    } else {
      SQLite::Statement insert(store.db(),
                               "INSERT INTO cases(label, outcome, sub_outcome, updated_at) "
                               "VALUES (?, ?, ?, ?)");
      insert.bind(1, row.id);
      bind_text_or_null(insert, 2, row.outcome);
      bind_text_or_null(insert, 3, row.sub_outcome);
      insert.bind(4, utc_now());
      insert.exec();
      id = store.db().getLastInsertRowid();
      ++result.added;
    }
    write_case_attributes(store, id, sheet, row);
    append_audit(store, coder, before ? "case.update" : "case.add", row.id,
                 {{"sheet", sheet_name},
                  {"line", row.line},
                  {"outcome", row.outcome},
                  {"sub_outcome", row.sub_outcome},
                  {"attributes", row.attributes}});
  }
  return result;
}

std::vector<CaseInfo> list_cases(Store& store) {
  SQLite::Statement q(store.db(), std::string(kCaseSelect) + "ORDER BY c.label");
  std::vector<CaseInfo> out;
  while (q.executeStep()) out.push_back(read_case(store, q));
  return out;
}

std::optional<CaseInfo> find_case(Store& store, const std::string& label) {
  SQLite::Statement q(store.db(), std::string(kCaseSelect) + "WHERE c.label = ?");
  q.bind(1, label);
  if (!q.executeStep()) return std::nullopt;
  return read_case(store, q);
}

std::vector<std::string> outcomes_of_source(Store& store, std::int64_t source_id) {
  SQLite::Statement q(store.db(),
                      "SELECT DISTINCT c.outcome FROM source_cases sc JOIN cases c "
                      "ON c.id = sc.case_id WHERE sc.source_id = ? AND c.outcome IS NOT NULL");
  q.bind(1, source_id);
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

}  // namespace casebook::store
