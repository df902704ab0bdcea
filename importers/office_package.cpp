#include "importers/office_package.hpp"

#include <algorithm>
#include <utility>

#include "engine/core/error.hpp"
#include "importers/text_builder.hpp"
#include "importers/transcript.hpp"

namespace casebook::importers {
namespace {

// Walks the tree without recursion (pugixml's walker keeps its own stack)
// to find whether any element nests deeper than the limit.
class DepthCheck : public pugi::xml_tree_walker {
 public:
  bool for_each(pugi::xml_node&) override {
    if (depth() > kMaxXmlDepth) too_deep = true;
    return !too_deep;
  }
  bool too_deep = false;
};

}  // namespace

void parse_xml_part(pugi::xml_document& doc, const std::filesystem::path& path,
                    std::string_view part, std::string_view xml, unsigned options) {
  const pugi::xml_parse_result result = doc.load_buffer(xml.data(), xml.size(), options);
  if (!result) {
    throw_data(path.string() + ": the XML part " + std::string(part) + " is not well-formed (" +
                   result.description() + " at byte " + std::to_string(result.offset) + ")",
               kDamagedPackageHint);
  }
  DepthCheck check;
  doc.traverse(check);
  if (check.too_deep) {
    throw_data(path.string() + ": the XML part " + std::string(part) + " nests more than " +
                   std::to_string(kMaxXmlDepth) + " elements deep",
               kHostilePackageHint);
  }
}

std::string_view local_name(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string resolve_part_target(std::string_view source_part, std::string_view target) {
  std::string joined;
  if (!target.empty() && target.front() == '/') {
    joined = std::string(target.substr(1));
  } else {
    const std::size_t slash = source_part.rfind('/');
    joined = (slash == std::string_view::npos ? std::string()
                                              : std::string(source_part.substr(0, slash + 1))) +
             std::string(target);
  }
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= joined.size()) {
    const std::size_t end = std::min(joined.find('/', start), joined.size());
    const std::string segment = joined.substr(start, end - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = end + 1;
  }
  std::string out;
  for (const std::string& segment : segments) {
    if (!out.empty()) out += '/';
    out += segment;
  }
  return out;
}

std::vector<PackageRelationship> read_relationships(ZipArchive& zip, std::string_view source_part) {
  const std::size_t slash = source_part.rfind('/');
  const std::string folder = slash == std::string_view::npos
                                 ? std::string()
                                 : std::string(source_part.substr(0, slash + 1));
  const std::string file =
      std::string(slash == std::string_view::npos ? source_part : source_part.substr(slash + 1));
  const std::string rels_name = folder + "_rels/" + file + ".rels";
  const auto xml = zip.read_if_present(rels_name);
  if (!xml) return {};
  pugi::xml_document doc;
  parse_xml_part(doc, zip.path(), rels_name, *xml);
  std::vector<PackageRelationship> out;
  for (const pugi::xml_node& node : doc.document_element().children()) {
    if (local_name(node) != "Relationship") continue;
    PackageRelationship rel;
    rel.id = node.attribute("Id").value();
    rel.type = node.attribute("Type").value();
    rel.external = std::string_view(node.attribute("TargetMode").value()) == "External";
    const std::string_view target = node.attribute("Target").value();
    rel.target = rel.external ? std::string(target) : resolve_part_target(source_part, target);
    out.push_back(std::move(rel));
  }
  return out;
}

bool relationship_is(const PackageRelationship& rel, std::string_view last_segment) {
  const std::string_view type = rel.type;
  return type.size() > last_segment.size() &&
         type.substr(type.size() - last_segment.size()) == last_segment &&
         type[type.size() - last_segment.size() - 1] == '/';
}

}  // namespace casebook::importers

// ---- Word-processing packages -----------------------------------------------

namespace casebook::importers {
namespace {

// The open headings, outermost first, as a document's outline goes down.
class HeadingPath {
 public:
  // Enters a heading: closes those at its level or deeper, and returns the
  // path above it (what the heading's own passage sits under).
  std::string enter(int level, const std::string& text) {
    while (!open_.empty() && open_.back().first >= level) open_.pop_back();
    std::string above = joined();
    const std::string title = single_line(text);
    if (!title.empty()) open_.emplace_back(level, title);
    return above;
  }
  std::string joined() const {
    std::string out;
    for (const auto& [level, text] : open_) {
      if (!out.empty()) out += " > ";
      out += text;
    }
    return out;
  }

 private:
  static std::string single_line(std::string text) {
    for (char& c : text) {
      if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    }
    const std::size_t first = text.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(' ') - first + 1);
  }
  std::vector<std::pair<int, std::string>> open_;
};

void append_block(TextBuilder& builder, const DocumentBlock& block, std::string heading_path) {
  ImportedPassage attributes;
  attributes.kind = block.kind;
  attributes.page = block.page;
  attributes.heading_path = std::move(heading_path);
  builder.begin_passage(std::move(attributes));
  builder.append(block.text);
  builder.end_passage();
}

void append_body(TextBuilder& builder, const std::vector<DocumentBlock>& body) {
  HeadingPath headings;
  for (const DocumentBlock& block : body) {
    if (block.kind == "heading") {
      append_block(builder, block, headings.enter(block.heading_level, block.text));
    } else {
      append_block(builder, block, headings.joined());
    }
  }
}

// Turns from the body's paragraphs, when it reads as a transcript; tables
// are not part of the talk, so they are left out of the test and follow the
// turns.
bool append_transcript(TextBuilder& builder, const InputFile& file,
                       const std::vector<DocumentBlock>& body, std::vector<std::string>& notes) {
  if (file.transcript == false) return false;
  std::vector<std::string> paragraphs;
  for (const DocumentBlock& block : body) {
    if (block.kind != "table-row") paragraphs.push_back(block.text);
  }
  const auto turns = find_speaker_turns(paragraphs, file.transcript == true);
  if (!turns || turns->empty()) return false;
  const std::size_t before = builder.passage_count();
  append_turns(builder, *turns);
  const std::size_t turn_count = builder.passage_count() - before;
  if (turn_count == 0) return false;
  for (const DocumentBlock& block : body) {
    if (block.kind == "table-row") append_block(builder, block, {});
  }
  notes.push_back(transcript_note(*turns, "pass --no-transcript to import as plain paragraphs"));
  return true;
}

}  // namespace

ImportedSource build_word_processing_source(const InputFile& file, WordProcessingDocument document,
                                            std::string_view format) {
  TextBuilder builder(file.path);
  std::vector<std::string> notes;
  const bool transcript = append_transcript(builder, file, document.body, notes);
  if (!transcript) append_body(builder, document.body);
  for (const DocumentBlock& block : document.apart) append_block(builder, block, {});
  ImportedSource out = builder.finish();
  if (out.passages.empty()) {
    throw_data(file.path.string() + ": contains no text",
               "check that this is the file you meant to import (a scanned document has only "
               "images: run it through OCR first), or leave it out");
  }
  out.format = std::string(format);
  out.encoding = "UTF-8";
  out.title = std::move(document.title);
  out.date = std::move(document.date);
  out.metadata = std::move(document.metadata);
  out.notes = std::move(notes);
  if (transcript) out.suggested_type = "interview";
  return out;
}

std::string join_block_texts(const std::vector<DocumentBlock>& blocks, std::string_view sep) {
  std::string out;
  for (const DocumentBlock& block : blocks) {
    if (block.text.find_first_not_of(" \t\n") == std::string::npos) continue;
    if (!out.empty()) out += sep;
    out += block.text;
  }
  return out;
}

std::string iso_date_prefix(std::string_view value) {
  const std::size_t first = value.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  value = value.substr(first);
  if (value.size() < 10) return {};
  for (std::size_t i = 0; i < 10; ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? value[i] != '-' : (value[i] < '0' || value[i] > '9')) return {};
  }
  if (value.size() > 10 && value[10] != 'T' && value[10] != ' ') return {};
  return std::string(value.substr(0, 10));
}

}  // namespace casebook::importers
