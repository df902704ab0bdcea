#include "engine/pseudonyms/pseudonyms.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <map>
#include <set>

#include "engine/cases/csv.hpp"
#include "engine/core/error.hpp"
#include "engine/store/audit.hpp"
#include "engine/text/ascii.hpp"
#include "engine/text/utf8.hpp"

namespace casebook::pseudonyms {
namespace {

const std::vector<std::string>& known_kinds() {
  static const std::vector<std::string> kinds{"council", "person", "place", "organisation",
                                              "other"};
  return kinds;
}

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

Entry checked(const Entry& raw) {
  Entry e{trimmed(raw.real_name), trimmed(raw.pseudonym), text::ascii_lower(trimmed(raw.kind))};
  if (e.kind.empty()) e.kind = "other";
  if (e.real_name.empty()) throw_usage("a pseudonym needs the real name it replaces");
  if (e.pseudonym.empty()) {
    throw_usage("no pseudonym given for '" + e.real_name + "'",
                "e.g. casebook pseudonyms add \"" + e.real_name + "\" \"Council 3\"");
  }
  if (std::find(known_kinds().begin(), known_kinds().end(), e.kind) == known_kinds().end()) {
    throw_usage("pseudonym kind '" + raw.kind + "' is not known",
                "use council, person, place, organisation or other");
  }
  if (text::ascii_iequals(e.real_name, e.pseudonym)) {
    throw_usage("the pseudonym of '" + e.real_name + "' is the real name itself",
                "choose a pseudonym that does not identify, e.g. \"Council 3\"");
  }
  return e;
}

std::optional<Entry> find_entry(store::Store& store, const std::string& real_name) {
  SQLite::Statement q(store.db(),
                      "SELECT real_name, pseudonym, kind FROM pseudonyms WHERE real_name = ?");
  q.bind(1, real_name);
  if (!q.executeStep()) return std::nullopt;
  return Entry{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()};
}

// The code points of `utf8` (each byte of an ill-formed sequence as U+FFFD)
// as ICU's UChar32 values, which the patterns and ICU's properties take.
std::vector<int> code_points(std::string_view utf8) {
  const std::vector<char32_t> cps = text::utf8::code_points(utf8);
  return std::vector<int>(cps.begin(), cps.end());
}

bool is_word_char(int c) {
  return u_isalnum(c) || u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK;
}
bool is_space(int c) {
  return u_isUWhiteSpace(c);
}
// Between the words of a name: white space, or the hyphens, underscores and
// dots that file names and slugs put there ("2016-02-04-marsh-vale-gazette").
bool is_separator(int c) {
  return is_space(c) || c == '-' || c == '_' || c == '.' || c == 0x2010 || c == 0x2011;
}
int fold(int c) {
  return static_cast<int>(u_foldCase(c, U_FOLD_CASE_DEFAULT));
}

// Case-folded words of a name, split at white space.
std::vector<std::vector<int>> folded_words(std::string_view name) {
  std::vector<std::vector<int>> words(1);
  for (int c : code_points(name)) {
    if (is_space(c)) {
      if (!words.back().empty()) words.emplace_back();
    } else {
      words.back().push_back(fold(c));
    }
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

}  // namespace

bool set_pseudonym(store::Store& store, const Entry& raw, const std::string& coder) {
  const Entry entry = checked(raw);
  if (const auto clash = find_entry(store, entry.pseudonym)) {
    throw_conflict("the pseudonym '" + entry.pseudonym + "' is itself a real name in the map (" +
                       clash->real_name + " -> " + clash->pseudonym + ")",
                   "choose another pseudonym, so no export ever shows a real name");
  }
  const auto before = find_entry(store, entry.real_name);
  if (before && before->pseudonym == entry.pseudonym && before->kind == entry.kind) return false;
  SQLite::Statement write(store.db(),
                          "INSERT INTO pseudonyms (real_name, pseudonym, kind, updated_at, "
                          "updated_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT(real_name) DO UPDATE "
                          "SET pseudonym = excluded.pseudonym, kind = excluded.kind, "
                          "updated_at = excluded.updated_at, updated_by = excluded.updated_by");
  write.bind(1, entry.real_name);
  write.bind(2, entry.pseudonym);
  write.bind(3, entry.kind);
  write.bind(4, store::utc_now());
  write.bind(5, coder);
  write.exec();
  nlohmann::json detail{{"pseudonym", entry.pseudonym}, {"kind", entry.kind}};
  if (before) detail["before"] = before->pseudonym;
  // The audit target is the pseudonym, not the real name: the log is shown
  // and shared more freely than the map itself.
  store::append_audit(store, coder, "pseudonym.set", entry.pseudonym, detail);
  return true;
}

void remove_pseudonym(store::Store& store, const std::string& real_name, const std::string& coder) {
  const auto before = find_entry(store, trimmed(real_name));
  if (!before) {
    throw_not_found("no pseudonym is set for '" + real_name + "'",
                    "see the map with casebook pseudonyms list");
  }
  SQLite::Statement del(store.db(), "DELETE FROM pseudonyms WHERE real_name = ?");
  del.bind(1, before->real_name);
  del.exec();
  store::append_audit(store, coder, "pseudonym.remove", before->pseudonym,
                      {{"kind", before->kind}});
}

std::vector<Entry> list_pseudonyms(store::Store& store) {
  SQLite::Statement q(store.db(),
                      "SELECT real_name, pseudonym, kind FROM pseudonyms "
                      "ORDER BY kind, pseudonym, real_name");
  std::vector<Entry> out;
  while (q.executeStep()) {
    out.push_back(
        {q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()});
  }
  return out;
}

ImportResult import_pseudonyms(store::Store& store, std::string_view csv, std::string_view what,
                               const std::string& coder) {
  cases::csv::Reader reader(csv, cases::csv::sniff_separator(csv), what);
  cases::csv::Record header;
  if (!reader.next(header)) {
    throw_data(std::string(what) + " is empty", "write a header: real,pseudonym,kind");
  }
  int real_col = -1, pseudo_col = -1, kind_col = -1;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string name = text::ascii_lower(trimmed(header.fields[i].value));
    names.push_back(name);
    if (name == "real" || name == "real_name" || name == "name") real_col = static_cast<int>(i);
    if (name == "pseudonym") pseudo_col = static_cast<int>(i);
    if (name == "kind") kind_col = static_cast<int>(i);
  }
  if (real_col < 0 || pseudo_col < 0) {
    throw_data(std::string(what) + ": the header needs columns 'real' and 'pseudonym'",
               "write a first row such as: real,pseudonym,kind");
  }
  reader.name_columns(names);
  std::vector<std::pair<int, Entry>> rows;
  cases::csv::Record record;
  while (reader.next(record)) {
    auto cell = [&](int col) {
      return col >= 0 && static_cast<std::size_t>(col) < record.fields.size()
                 ? record.fields[static_cast<std::size_t>(col)].value
                 : std::string();
    };
    rows.push_back({record.line, Entry{cell(real_col), cell(pseudo_col), cell(kind_col)}});
  }
  ImportResult result;
  for (const auto& [line, entry] : rows) {
    try {
      const bool existed = find_entry(store, trimmed(entry.real_name)).has_value();
      if (!set_pseudonym(store, entry, coder)) {
        ++result.unchanged;
      } else if (existed) {
        ++result.changed;
      } else {
        ++result.added;
      }
    } catch (const Error& e) {
      throw Error(ErrorKind::Data,
                  std::string(what) + ", row " + std::to_string(line) + ": " + e.what(), e.hint());
    }
  }
  return result;
}

// ---------------------------------------------------------------------------

std::string leak_check_form(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  if (U_FAILURE(status)) throw_internal("ICU NFKD normaliser unavailable");
  const icu::UnicodeString decomposed =
      nfkd->normalize(icu::UnicodeString::fromUTF8(
                          icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))),
                      status);
  if (U_FAILURE(status)) throw_internal("ICU NFKD normalisation failed");
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    const auto category = u_charType(c);
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK ||
        category == U_FORMAT_CHAR) {
      continue;  // accents, soft hyphens, zero-width joiners: invisible to readers
    }
    if (!u_isalnum(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    text::utf8::append_utf8(out, static_cast<char32_t>(fold(c)));
  }
  return out;
}

Pseudonymiser::Pseudonymiser(std::vector<Entry> entries, std::vector<std::string> identities)
    : entries_(std::move(entries)), identities_(std::move(identities)) {
  for (const Entry& e : entries_) {
    Pattern p{folded_words(e.real_name), e.pseudonym};
    if (!p.words.empty()) patterns_.push_back(std::move(p));
    const std::string form = leak_check_form(e.real_name);
    if (!form.empty()) probes_.push_back({" " + form + " ", e.real_name, false});
  }
  std::stable_sort(patterns_.begin(), patterns_.end(), [](const Pattern& a, const Pattern& b) {
    auto length = [](const Pattern& p) {
      std::size_t n = 0;
      for (const auto& w : p.words) n += w.size() + 1;
      return n;
    };
    return length(a) > length(b);
  });
  for (const std::string& id : identities_) {
    const std::string form = leak_check_form(id);
    if (!form.empty()) probes_.push_back({" " + form + " ", id, true});
  }
}

Pseudonymiser Pseudonymiser::for_project(store::Store& store) {
  std::vector<Entry> entries = list_pseudonyms(store);
  std::set<std::string> mapped;  // leak-check forms of real names and pseudonyms
  for (const Entry& e : entries) {
    mapped.insert(leak_check_form(e.real_name));
    mapped.insert(leak_check_form(e.pseudonym));
  }
  // Speakers cited by an informant label are pseudonymised to that label.
  SQLite::Statement speakers(
      store.db(), "SELECT name, COALESCE(informant, ''), role FROM speakers ORDER BY name");
  std::vector<std::string> identities;
  while (speakers.executeStep()) {
    const std::string name = speakers.getColumn(0).getString();
    const std::string informant = speakers.getColumn(1).getString();
    const std::string role = speakers.getColumn(2).getString();
    const std::string form = leak_check_form(name);
    if (mapped.count(form) != 0 || form.empty()) continue;
    if (!informant.empty() && !text::ascii_iequals(name, informant)) {
      entries.push_back({name, informant, "person"});
      mapped.insert(form);
      mapped.insert(leak_check_form(informant));
    } else if (role == "informant" && informant.empty()) {
      identities.push_back(name);
    }
  }
  // Councils of sources are real names unless they are already pseudonyms.
  SQLite::Statement councils(store.db(),
                             "SELECT DISTINCT council FROM sources WHERE council IS NOT NULL AND "
                             "council <> '' ORDER BY council");
  while (councils.executeStep()) {
    const std::string council = councils.getColumn(0).getString();
    if (mapped.count(leak_check_form(council)) == 0) identities.push_back(council);
  }
  SQLite::Statement series_councils(store.db(),
                                    "SELECT DISTINCT council FROM case_series WHERE council <> '' "
                                    "ORDER BY council");
  while (series_councils.executeStep()) {
    const std::string council = series_councils.getColumn(0).getString();
    if (mapped.count(leak_check_form(council)) == 0 &&
        std::find(identities.begin(), identities.end(), council) == identities.end()) {
      identities.push_back(council);
    }
  }
  return Pseudonymiser(std::move(entries), std::move(identities));
}

std::size_t Pseudonymiser::match_at(const std::vector<int>& text, std::size_t at,
                                    const Pattern& p) const {
  std::size_t i = at;
  for (std::size_t w = 0; w < p.words.size(); ++w) {
    if (w > 0) {
      const std::size_t space_start = i;
      while (i < text.size() && is_separator(text[i])) ++i;
      if (i == space_start) return 0;
    }
    for (int c : p.words[w]) {
      if (i >= text.size() || fold(text[i]) != c) return 0;
      ++i;
    }
  }
  if (i < text.size() && is_word_char(text[i]) && is_word_char(text[i - 1])) return 0;
  return i;
}

std::string Pseudonymiser::apply(std::string_view text) const {
  if (patterns_.empty()) return std::string(text);
  std::vector<std::size_t> unused;
  return apply(text, unused);
}

std::string Pseudonymiser::apply(std::string_view text, std::vector<std::size_t>& positions) const {
  const std::vector<int> cps = code_points(text);
  positions.assign(cps.size() + 1, 0);
  std::string out;
  out.reserve(text.size());
  std::size_t written = 0;  // code points written
  for (std::size_t i = 0; i < cps.size();) {
    const bool at_word_start = i == 0 || !is_word_char(cps[i - 1]) || !is_word_char(cps[i]);
    std::size_t end = 0;
    const Pattern* hit = nullptr;
    if (at_word_start) {
      for (const Pattern& p : patterns_) {
        if (fold(cps[i]) != p.words.front().front()) continue;
        end = match_at(cps, i, p);
        if (end != 0) {
          hit = &p;
          break;
        }
      }
    }
    if (hit != nullptr) {
      for (std::size_t k = i; k < end; ++k) positions[k] = written;
      out += hit->replacement;
      written += text::utf8::code_points(hit->replacement).size();
      i = end;
    } else {
      positions[i] = written;
      text::utf8::append_utf8(out, static_cast<char32_t>(cps[i]));
      ++written;
      ++i;
    }
  }
  positions[cps.size()] = written;
  return out;
}

std::vector<Leak> Pseudonymiser::find_leaks(std::string_view text) const {
  std::vector<Leak> leaks;
  if (probes_.empty()) return leaks;
  const std::string form = " " + leak_check_form(text) + " ";
  for (const Probe& probe : probes_) {
    const auto at = form.find(probe.normalised);
    if (at == std::string::npos) continue;
    const std::size_t from = at > 30 ? at - 30 : 0;
    std::string context = form.substr(from, probe.normalised.size() + 60);
    leaks.push_back({probe.name, trimmed(context), probe.unmapped});
  }
  return leaks;
}

std::string describe_leaks(const std::vector<Leak>& leaks, std::size_t max) {
  std::string out;
  for (std::size_t i = 0; i < leaks.size() && i < max; ++i) {
    out += "  " + leaks[i].name + (leaks[i].unmapped ? " (no pseudonym set)" : "") + ": \"..." +
           leaks[i].context + "...\"\n";
  }
  if (leaks.size() > max) out += "  and " + std::to_string(leaks.size() - max) + " more\n";
  return out;
}

}  // namespace casebook::pseudonyms
