#pragma once
// Builds an ImportedSource passage by passage, for importers of structured
// formats (Markdown now; DOCX, ODT, HTML and transcripts later) whose text is
// assembled from pieces rather than taken verbatim from the file. Each
// passage is canonicalised (LF, NFC), trimmed of surrounding whitespace and
// dropped when empty; passages are joined by a blank line ("\n\n"). Spans are
// counted as the text grows, so they are right by construction and building
// stays linear in the size of the text.
//
//   TextBuilder b(file.path);
//   b.begin_passage("heading");
//   b.append("Minutes");
//   b.end_passage();
//   ImportedSource out = b.finish();  // then set format, encoding, title...

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "importers/importer.hpp"

namespace casebook::importers {

class TextBuilder {
 public:
  // `path` names the file in error messages.
  explicit TextBuilder(std::filesystem::path path);

  // Opens a passage. Passages do not nest: calling this while one is open
  // throws Error(Internal), as do append() and end_passage() with none open.
  void begin_passage(std::string kind, std::string speaker = {}, int page = 0);
  // The same, with every attribute of ImportedPassage (times, heading path);
  // its span is ignored and set by end_passage().
  void begin_passage(ImportedPassage attributes);

  // Adds UTF-8 text to the open passage. Throws Error(Internal) when no
  // passage is open; invalid UTF-8 is reported by end_passage().
  void append(std::string_view utf8);

  // Closes the open passage: canonicalises and trims it, then appends it to
  // the text unless it is empty. Throws Error(Data) naming the file when the
  // passage is not valid UTF-8.
  void end_passage();

  bool in_passage() const { return open_; }

  // Passages kept so far; an importer can compare it before and after
  // end_passage() to learn whether (and at which index) a passage was kept.
  std::size_t passage_count() const { return out_.passages.size(); }

  // The text and passages built so far (format, encoding, title, date and
  // notes are left for the importer to fill in). Throws Error(Internal) when
  // a passage is still open. The builder is empty again afterwards.
  ImportedSource finish();

 private:
  std::filesystem::path path_;
  ImportedSource out_;
  std::size_t text_code_points_ = 0;  // == count_code_points(out_.text)
  bool open_ = false;
  std::string buffer_;       // the open passage's text, as appended
  ImportedPassage pending_;  // the open passage's kind, speaker and page
};

}  // namespace casebook::importers
