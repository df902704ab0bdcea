#pragma once
// Private to importers/: the factory of each format's importer, for the rows
// of the format table in registry.cpp. Adding a format means declaring its
// factory (and sniff, if its bytes identify it) here, defining them in the
// format's own file, and adding one row to the table.

#include <memory>

#include "importers/importer.hpp"

namespace casebook::importers {

std::unique_ptr<Importer> make_plain_text_importer();  // plain_text.cpp
std::unique_ptr<Importer> make_markdown_importer();    // markdown.cpp

}  // namespace casebook::importers
