#pragma once
// Private to importers/: the factory of each format's importer, for the rows
// of the format table in registry.cpp. Adding a format means declaring its
// factory (and sniff, if its bytes identify it) here, defining them in the
// format's own file, and adding one row to the table.

#include <memory>
#include <string_view>

#include "importers/importer.hpp"

namespace casebook::importers {

std::unique_ptr<Importer> make_plain_text_importer();  // plain_text.cpp
std::unique_ptr<Importer> make_markdown_importer();    // markdown.cpp
std::unique_ptr<Importer> make_html_importer();        // html.cpp
bool sniff_html(std::string_view bytes);               // html.cpp
std::unique_ptr<Importer> make_moderngov_importer();   // moderngov.cpp
bool sniff_moderngov(std::string_view bytes);          // moderngov.cpp
std::unique_ptr<Importer> make_survey_importer();      // survey.cpp
bool sniff_survey_file(std::string_view bytes);        // survey.cpp
std::unique_ptr<Importer> make_webvtt_importer();      // webvtt.cpp
bool sniff_webvtt(std::string_view bytes);             // webvtt.cpp
std::unique_ptr<Importer> make_srt_importer();         // srt.cpp
bool sniff_srt(std::string_view bytes);                // srt.cpp
std::unique_ptr<Importer> make_sbv_importer();         // srt.cpp
std::unique_ptr<Importer> make_pdf_importer();         // pdf.cpp
bool sniff_pdf(std::string_view bytes);                // pdf.cpp
std::unique_ptr<Importer> make_docx_importer();        // docx.cpp
bool sniff_docx(std::string_view bytes);               // docx.cpp
std::unique_ptr<Importer> make_odt_importer();         // odt.cpp
bool sniff_odt(std::string_view bytes);                // odt.cpp

}  // namespace casebook::importers
