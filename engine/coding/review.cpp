#include "engine/coding/review.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "engine/codebook/store_sync.hpp"
#include "engine/core/error.hpp"
#include "engine/store/audit.hpp"
#include "engine/text/ascii.hpp"

namespace casebook::coding {
namespace {

using nlohmann::json;

// The codings to decide, as the reviewer may see them, in the order given.
// Removed codings and ids the reviewer may not see (blind mode) are errors,
// so a decision never applies to part of what was asked.
std::vector<CodingView> codings_to_review(store::Store& store, const std::vector<std::int64_t>& ids,
                                          const Viewer& reviewer) {
  if (ids.empty())
    throw_usage("no coding given", "give coding ids, e.g. casebook review accept 12");
  CodingFilter filter;
  filter.ids = ids;
  filter.include_rejected = true;
  filter.include_removed = true;
  filter.only_coder = reviewer.only();
  const auto found = list_codings(store, filter);
  std::vector<CodingView> out;
  for (std::int64_t id : ids) {
    auto it =
        std::find_if(found.begin(), found.end(), [id](const CodingView& v) { return v.id == id; });
    if (it == found.end()) {
      throw_not_found("coding " + std::to_string(id) + " does not exist" +
                          (reviewer.blind ? " among your codings (blind mode)" : ""),
                      "'casebook codings' lists codings with their ids");
    }
    if (it->removed_at) {
      throw_conflict("coding " + std::to_string(id) + " was removed by " +
                         it->removed_by.value_or("?") + ", so there is nothing to review",
                     "'casebook undo' by its coder restores it");
    }
    out.push_back(*it);
  }
  return out;
}

json optional_json(const std::optional<std::string>& s) {
  return s ? json(*s) : json(nullptr);
}

// What `undo` needs to put a coding's review back as it was.
json review_state(const CodingView& v) {
  return {{"coding", v.id},
          {"status", v.review_status},
          {"by", optional_json(v.reviewed_by)},
          {"at", optional_json(v.reviewed_at)},
          {"reason", optional_json(v.review_reason)}};
}

void bind_optional(SQLite::Statement& q, int index, const json& value) {
  if (value.is_null()) {
    q.bind(index);
  } else {
    q.bind(index, value.get<std::string>());
  }
}

void write_review(store::Store& store, std::int64_t id, ReviewStatus status,
                  const std::string& reviewer, const std::string& at, const std::string& reason) {
  SQLite::Statement q(store.db(),
                      "UPDATE codings SET review_status = ?, reviewed_by = ?, reviewed_at = ?, "
                      "review_reason = ? WHERE id = ?");
  q.bind(1, to_string(status));
  q.bind(2, reviewer);
  q.bind(3, at);
  if (reason.empty()) {
    q.bind(4);
  } else {
    q.bind(4, reason);
  }
  q.bind(5, id);
  q.exec();
}

std::string audit_target(const std::vector<CodingView>& codings) {
  if (codings.size() == 1) return "coding " + std::to_string(codings.front().id);
  return std::to_string(codings.size()) + " codings";
}

std::int64_t decide(store::Store& store, const std::vector<std::int64_t>& ids,
                    const Viewer& reviewer, ReviewStatus status, const std::string& reason) {
  const auto codings = codings_to_review(store, ids, reviewer);
  const std::string now = store::utc_now();
  json before = json::array();
  for (const CodingView& v : codings) {
    before.push_back(review_state(v));
    write_review(store, v.id, status, reviewer.coder, now, reason);
  }
  const std::string action = status == ReviewStatus::Accepted ? "review.accept" : "review.reject";
  return store::append_audit(store, reviewer.coder, action, audit_target(codings),
                             {{"codings", ids}, {"reason", reason}, {"before", before}});
}

bool is_blank(const std::string& s) {
  return s.find_first_not_of(" \t\r\n") == std::string::npos;
}

// The original's dimension values that the new code also takes, unless the
// reviewer gave that dimension.
void carry_over_dimensions(store::Store& store, const CodingView& original, CodeSpec& spec) {
  const codebook::CodeRecord code = codebook::require_code(store, spec.code);
  for (const auto& dim : original.dims) {
    // Named copies, not structured bindings: lambdas may capture those only
    // from C++20 on, and clang 14 refuses it.
    const std::string& name = dim.first;
    const std::string& value = dim.second;
    const bool given = std::any_of(spec.dims.begin(), spec.dims.end(), [&](const auto& d) {
      return text::ascii_iequals(d.first, name);
    });
    const bool taken = std::any_of(
        code.code.dimensions.begin(), code.code.dimensions.end(),
        [&](const codebook::CodeDimension& d) { return text::ascii_iequals(d.dimension, name); });
    if (!given && taken) spec.dims.emplace_back(name, value);
  }
}

}  // namespace

const char* to_string(ReviewStatus status) {
  switch (status) {
    case ReviewStatus::Unreviewed:
      return "unreviewed";
    case ReviewStatus::Accepted:
      return "accepted";
    case ReviewStatus::Rejected:
      return "rejected";
  }
  return "unreviewed";
}

ReviewStatus parse_review_status(const std::string& name) {
  const std::string n = text::ascii_lower(name);
  if (n == "unreviewed") return ReviewStatus::Unreviewed;
  if (n == "accepted") return ReviewStatus::Accepted;
  if (n == "rejected") return ReviewStatus::Rejected;
  throw_usage("review status '" + name + "' is not known", "use unreviewed, accepted or rejected");
}

std::int64_t accept_codings(store::Store& store, const std::vector<std::int64_t>& ids,
                            const Viewer& reviewer, const std::string& note) {
  return decide(store, ids, reviewer, ReviewStatus::Accepted, note);
}

std::int64_t reject_codings(store::Store& store, const std::vector<std::int64_t>& ids,
                            const Viewer& reviewer, const std::string& reason) {
  if (is_blank(reason)) {
    throw_usage("a rejection needs a reason",
                "say why it is mis-coded, e.g. --reason \"about housing policy, not links\"");
  }
  return decide(store, ids, reviewer, ReviewStatus::Rejected, reason);
}

RecodeResult recode_coding(store::Store& store, std::int64_t id, CodeSpec spec,
                           const Viewer& reviewer, const std::string& reason) {
  const CodingView original = codings_to_review(store, {id}, reviewer).front();
  if (original.review_status == "rejected") {
    throw_conflict("coding " + std::to_string(id) + " is already rejected",
                   "accept it first (casebook review accept " + std::to_string(id) +
                       "), or code the span afresh with casebook code");
  }
  carry_over_dimensions(store, original, spec);
  const Target target{original.source_id, original.source_label, original.span, "recode"};
  const AddResult added = insert_codings(store, {target}, spec, reviewer.coder);
  if (added.added.empty()) {
    throw_conflict(
        "you have already coded this span of " + original.source_label + " with " + spec.code,
        "reject coding " + std::to_string(id) +
            " and accept yours instead (casebook codings --source " + original.source_label +
            " --coder " + reviewer.coder + ")");
  }
  RecodeResult result;
  result.coding_id = added.added.front();
  const std::string now = store::utc_now();
  const std::string why = is_blank(reason) ? "recoded as " + spec.code : reason;
  write_review(store, id, ReviewStatus::Rejected, reviewer.coder, now, why);
  write_review(store, result.coding_id, ReviewStatus::Accepted, reviewer.coder, now, why);
  SQLite::Statement link(store.db(), "UPDATE codings SET recoded_from = ? WHERE id = ?");
  link.bind(1, id);
  link.bind(2, result.coding_id);
  link.exec();
  json dims = json::object();
  for (const auto& [name, value] : check_dimensions(store, spec.code, spec.dims))
    dims[name] = value;
  result.audit_id =
      store::append_audit(store, reviewer.coder, "review.recode", "coding " + std::to_string(id),
                          {{"coding", id},
                           {"from", original.code},
                           {"code", spec.code},
                           {"dims", dims},
                           {"new_coding", result.coding_id},
                           {"reason", why},
                           {"before", json::array({review_state(original)})}});
  return result;
}

ReviewCounts count_reviews(store::Store& store, CodingFilter filter) {
  filter.statuses.clear();
  filter.include_rejected = true;
  filter.include_removed = false;
  const auto by_status = count_codings_by_review(store, filter);
  auto count = [&](ReviewStatus status) {
    const auto it = by_status.find(to_string(status));
    return it == by_status.end() ? std::size_t{0} : it->second;
  };
  return {count(ReviewStatus::Unreviewed), count(ReviewStatus::Accepted),
          count(ReviewStatus::Rejected)};
}

void restore_review_states(store::Store& store, const json& before) {
  SQLite::Statement q(store.db(),
                      "UPDATE codings SET review_status = ?, reviewed_by = ?, reviewed_at = ?, "
                      "review_reason = ? WHERE id = ?");
  for (const json& state : before) {
    q.reset();
    q.bind(1, state.at("status").get<std::string>());
    bind_optional(q, 2, state.at("by"));
    bind_optional(q, 3, state.at("at"));
    bind_optional(q, 4, state.at("reason"));
    q.bind(5, state.at("coding").get<std::int64_t>());
    q.exec();
  }
}

}  // namespace casebook::coding
