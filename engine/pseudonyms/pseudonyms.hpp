#pragma once
// Anonymity: the project's map of real names (councils, people, places) to
// pseudonyms, applied to every string an export writes, and the check that
// no real name survives. Informants are anonymous and council names are never
// disclosed, so exports use this by default and refuse to write on a leak.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/store/store.hpp"

namespace casebook::pseudonyms {

struct Entry {
  std::string real_name;       // "Borough of Aldbury"
  std::string pseudonym;       // "Council 3"
  std::string kind = "other";  // council, person, place, organisation, other
};

// --- the map in the store (callers own the transaction) ---

// Adds or changes the pseudonym of `entry.real_name` (case-insensitive).
// Refuses (Conflict) a pseudonym that is itself another entry's real name,
// and (Usage) an empty name or an unknown kind. Audited as pseudonym.set.
// Returns false when the entry was already exactly so.
bool set_pseudonym(store::Store& store, const Entry& entry, const std::string& coder);
// Removes the entry for `real_name`; Error(NotFound) if there is none.
void remove_pseudonym(store::Store& store, const std::string& real_name, const std::string& coder);
std::vector<Entry> list_pseudonyms(store::Store& store);

struct ImportResult {
  int added = 0;
  int changed = 0;
  int unchanged = 0;
};
// Reads a CSV with a header naming columns `real` (or `real_name`, `name`),
// `pseudonym` and optionally `kind`, and sets each row. Errors name `what`,
// the row and the column; nothing is written unless every row is valid.
ImportResult import_pseudonyms(store::Store& store, std::string_view csv, std::string_view what,
                               const std::string& coder);

// --- applying the map ---

struct Leak {
  std::string name;       // the real name (as mapped) or the unmapped identity
  std::string context;    // the words around it, normalised
  bool unmapped = false;  // a known identity with no pseudonym at all
};

// Replaces real names with their pseudonyms and finds any that survive.
//
// Replacement matches a real name case-insensitively (simple Unicode case
// folding), at word boundaries, with any run of white space (spaces, line
// breaks, no-break spaces), hyphens, underscores or dots where the name has
// a space ("marsh-vale-gazette" in a file name); longer names are
// tried first, so "Borough of Aldbury Council" wins over "Aldbury".
//
// The leak check is deliberately looser than replacement, to catch what
// replacement would miss: both sides are compared after compatibility
// decomposition, with accents, soft hyphens and zero-width characters
// dropped, case folded and every run of punctuation or space made one space
// ("ALDBURY-on-Sea", "Ald\u00ADbury", "Åldbury" all contain "aldbury").
class Pseudonymiser {
 public:
  // `entries`: real name -> pseudonym. `identities`: further real names that
  // have no pseudonym (a source's council, an informant's speaker name):
  // they are not replaced, but finding one in an export is a leak.
  Pseudonymiser(std::vector<Entry> entries, std::vector<std::string> identities = {});

  // The project's map, plus each speaker with an informant label (speaker
  // name -> label), plus as identities the councils of sources and the
  // informants' speaker names that have no pseudonym.
  static Pseudonymiser for_project(store::Store& store);

  std::string apply(std::string_view text) const;
  // The same, also mapping code-point positions: `positions` gets, for each
  // position 0..n of the input, its position in the output (a position inside
  // a replaced name maps to the start of its pseudonym), so coded spans can
  // follow the text.
  std::string apply(std::string_view text, std::vector<std::size_t>& positions) const;

  // Real names and identities found in `text`, each once, in the order found.
  std::vector<Leak> find_leaks(std::string_view text) const;

  const std::vector<Entry>& entries() const { return entries_; }
  // Known real names with no pseudonym (exports refuse to show them).
  const std::vector<std::string>& identities() const { return identities_; }
  bool empty() const { return entries_.empty() && identities_.empty(); }

 private:
  struct Pattern {
    std::vector<std::vector<int>> words;  // case-folded code points per word
    std::string replacement;
  };
  struct Probe {
    std::string normalised;  // " aldbury " (leak-check form, padded)
    std::string name;
    bool unmapped = false;
  };
  std::size_t match_at(const std::vector<int>& text, std::size_t at, const Pattern& p) const;

  std::vector<Entry> entries_;
  std::vector<std::string> identities_;
  std::vector<Pattern> patterns_;  // longest first
  std::vector<Probe> probes_;
};

// The leak-check form of `text`: NFKD, marks and format characters dropped,
// case folded, non-alphanumeric runs as one space, trimmed.
std::string leak_check_form(std::string_view text);

// "Borough of Aldbury (in 'quote: ...aldbury council...')", one per line, for error messages.
std::string describe_leaks(const std::vector<Leak>& leaks, std::size_t max = 10);

}  // namespace casebook::pseudonyms
