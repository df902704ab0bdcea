// The PDF importer: every file in ../shared/testdata/pdf (text spot-checked,
// pages on passages, document information, or the exact error), plus small
// PDFs written here to pin down header/footer removal, hyphenation and the
// errors real files do not cover.

#include <stdlib.h>

#include <boost/test/unit_test.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "importers/formats.hpp"
#include "importers/importer.hpp"
#include "test_support.hpp"

namespace ci = casebook::importers;
using casebook::Error;
using casebook::ErrorKind;
using casebook::testing::contains;
using casebook::testing::expect_error;

namespace {

const std::string kPdfData = std::string(CASEBOOK_TESTDATA) + "/pdf";

ci::ImportedSource import_bytes(const std::string& name, std::string bytes) {
  ci::InputFile file;
  file.path = name;
  file.bytes = std::move(bytes);
  ci::ImportedSource out = ci::make_pdf_importer()->import(file);
  ci::validate(out, file.path);
  return out;
}

ci::ImportedSource import_testdata(const std::string& relative) {
  const std::string path = kPdfData + "/" + relative;
  return import_bytes(path, casebook::testing::read_file(path));
}

Error import_error(const std::string& relative) {
  return expect_error(ErrorKind::Data, [&] { import_testdata(relative); });
}

// The text of passage `i`.
std::string passage_text(const ci::ImportedSource& s, std::size_t i) {
  const casebook::text::OffsetMap map(s.text);
  return std::string(map.slice(s.passages.at(i).span));
}

// The first passage containing `needle`, or nullopt.
std::optional<std::size_t> passage_with(const ci::ImportedSource& s, const std::string& needle) {
  for (std::size_t i = 0; i < s.passages.size(); ++i) {
    if (contains(passage_text(s, i), needle)) return i;
  }
  return std::nullopt;
}

int page_of(const ci::ImportedSource& s, const std::string& needle) {
  const auto i = passage_with(s, needle);
  BOOST_TEST_REQUIRE(i.has_value(), "no passage contains '" << needle << "'");
  return s.passages[*i].page;
}

std::size_t count_of(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto pos = haystack.find(needle); pos != std::string::npos;
       pos = haystack.find(needle, pos + 1)) {
    ++n;
  }
  return n;
}

bool has_note(const ci::ImportedSource& s, const std::string& fragment) {
  for (const std::string& note : s.notes) {
    if (contains(note, fragment)) return true;
  }
  return false;
}

// A minimal, well-formed PDF: one page per entry, each line of a page set in
// Helvetica 11 pt from the top down; an empty line leaves a gap, which
// pdftotext reads as a paragraph break. Lines must be printable ASCII.
std::string make_pdf(const std::vector<std::vector<std::string>>& pages) {
  std::vector<std::string> objects;  // object i+1
  const std::size_t n = pages.size();
  std::string kids;
  for (std::size_t p = 0; p < n; ++p) kids += std::to_string(4 + 2 * p) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (std::size_t p = 0; p < n; ++p) {
    std::string content;
    int y = 760;
    for (const std::string& line : pages[p]) {
      if (!line.empty()) {
        std::string escaped;
        for (char c : line) {
          if (c == '(' || c == ')' || c == '\\') escaped += '\\';
          escaped += c;
        }
        content += "BT /F1 11 Tf 72 " + std::to_string(y) + " Td (" + escaped + ") Tj ET\n";
      }
      y -= line.empty() ? 30 : 14;
    }
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents " +
                      std::to_string(5 + 2 * p) + " 0 R /Resources << /Font << /F1 3 0 R >> >> >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                      "endstream");
  }
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    std::string digits = std::to_string(off);
    pdf += std::string(10 - digits.size(), '0') + digits + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// Sets PATH for the lifetime of the guard (to hide pdftotext).
class PathGuard {
 public:
  explicit PathGuard(const std::string& value) {
    if (const char* old = ::getenv("PATH")) saved_ = old;
    ::setenv("PATH", value.c_str(), 1);
  }
  ~PathGuard() {
    if (saved_) {
      ::setenv("PATH", saved_->c_str(), 1);
    } else {
      ::unsetenv("PATH");
    }
  }
  PathGuard(const PathGuard&) = delete;
  PathGuard& operator=(const PathGuard&) = delete;

 private:
  std::optional<std::string> saved_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf)

// ---- detection -------------------------------------------------------------

BOOST_AUTO_TEST_CASE(pdf_bytes_are_recognised_by_their_header) {
  BOOST_TEST(ci::sniff_pdf("%PDF-1.7\n..."));
  BOOST_TEST(ci::sniff_pdf(std::string(500, ' ') + "%PDF-1.4"));  // junk before the header
  BOOST_TEST(!ci::sniff_pdf(std::string(1100, ' ') + "%PDF-1.4"));
  BOOST_TEST(!ci::sniff_pdf("Minutes of the meeting"));
  ci::InputFile file;
  file.path = "memo.txt";
  file.bytes = casebook::testing::read_file(kPdfData + "/unstructured/fake-memo.pdf");
  BOOST_TEST(ci::format_for(file).format == "pdf");
}

// ---- pdfplumber testdata -----------------------------------------------------

BOOST_AUTO_TEST_CASE(french_minutes_keep_their_accents_in_nfc) {
  const ci::ImportedSource s = import_testdata("pdfplumber/2023-06-20-PV.pdf");
  BOOST_TEST(s.format == "pdf");
  BOOST_TEST(s.title ==
             "Comité de démolition - Procès-verbal de la séance publique du 20 juin 2023");
  BOOST_TEST(s.date == "2023-06-21");
  BOOST_TEST(s.metadata.at("pages") == "2");
  BOOST_TEST(contains(s.text, "COMITÉ DE DÉMOLITION"));
  BOOST_TEST(contains(s.text, "\xC3\x89"));    // É precomposed (NFC) ...
  BOOST_TEST(!contains(s.text, "E\xCC\x81"));  // ... never E + combining acute
  BOOST_TEST(contains(s.text, "Mme Ariane Bélanger, greffière adjointe"));
  BOOST_TEST(page_of(s, "COMITÉ DE DÉMOLITION") == 1);
  BOOST_TEST(page_of(s, "La séance est levée à 16h05.") == 2);
}

BOOST_AUTO_TEST_CASE(federal_register_loses_its_running_headers) {
  const ci::ImportedSource s = import_testdata("pdfplumber/federal-register-2020-17221.pdf");
  BOOST_TEST(s.metadata.at("pages") == "15");
  BOOST_TEST(s.date == "2020-08-06");
  BOOST_TEST(s.title.empty());
  BOOST_TEST(contains(s.text, "Airworthiness Directives; The Boeing Company Airplanes"));
  // The running header is on 14 of the 15 pages, always at an edge.
  const std::string header =
      "Federal Register / Vol. 85, No. 152 / Thursday, August 6, 2020 / Proposed Rules";
  BOOST_TEST(count_of(s.text, header) == 0u);
  // The printer's file name is on every page, but reading order puts it in
  // the middle of about half of them, where it stays.
  BOOST_TEST(count_of(s.text, "E:\\FR\\FM\\06AUP1.SGM") <= 8u);
  BOOST_TEST(s.text.substr(0, 5) != "47698");  // page 1 opened with its page number
  BOOST_TEST(has_note(s, "running header, footer and page-number line"));
  BOOST_TEST(page_of(s, "Airworthiness Directives; The Boeing") == 1);
  BOOST_TEST(s.passages.back().page == 15);
}

BOOST_AUTO_TEST_CASE(scotus_transcript_page) {
  const ci::ImportedSource s = import_testdata("pdfplumber/scotus-transcript-p1.pdf");
  BOOST_TEST(contains(s.text, "IN THE SUPREME COURT OF THE UNITED STATES"));
  BOOST_TEST(contains(s.text, "MICHAEL A. KNOWLES"));
  BOOST_TEST(contains(s.text, "Alderson Reporting Company"));
  BOOST_TEST(s.metadata.at("author") == "Supreme");
  BOOST_TEST(s.date == "2009-01-13");
  // Its title is the name of the file the court printed: ignored, with a note.
  BOOST_TEST(s.title.empty());
  BOOST_TEST(has_note(s, "'10811.exe' looks like a placeholder"));
  for (const ci::ImportedPassage& p : s.passages) BOOST_TEST(p.page == 1);
}

BOOST_AUTO_TEST_CASE(word365_tagged_pdf) {
  const ci::ImportedSource s = import_testdata("pdfplumber/word365_structure.pdf");
  BOOST_TEST(contains(s.text, "Lorem ipsum dolor sit amet"));
  BOOST_TEST(contains(s.text, "1. Liste numérotée"));
  BOOST_TEST(contains(s.text, "Farfadet"));
  BOOST_TEST(s.metadata.at("author") == "David Huggins-Daines");
  BOOST_TEST(s.date == "2023-07-21");
}

BOOST_AUTO_TEST_CASE(malformed_issue_932_imports_what_it_has) {
  // A page of nothing but numbers keeps them: removing page-number lines
  // must not empty a page.
  const ci::ImportedSource s = import_testdata("pdfplumber/malformed-from-issue-932.pdf");
  BOOST_TEST(s.text == "2021\n\n3\n\n31");
  BOOST_TEST(s.passages.size() == 3u);
  BOOST_TEST(s.passages[0].page == 1);
}

BOOST_AUTO_TEST_CASE(empty_file_is_refused) {
  const Error e = import_error("pdfplumber/empty.pdf");
  BOOST_TEST(std::string(e.what()) ==
             kPdfData + "/pdfplumber/empty.pdf: the file is empty (0 bytes), so it holds no PDF");
  BOOST_TEST(contains(e.hint(), "downloaded completely"));
}

// ---- unstructured testdata ---------------------------------------------------

BOOST_AUTO_TEST_CASE(multi_column_pages_read_column_by_column) {
  const ci::ImportedSource s = import_testdata("unstructured/multi-column-2p.pdf");
  BOOST_TEST(contains(s.text, "Dense Passage Retrieval for Open-Domain Question Answering"));
  const auto left_end = s.text.find("indicating the needs of improving retrieval.");
  const auto right_start = s.text.find("Retrieval in open-domain QA is usually implemented");
  BOOST_TEST_REQUIRE(left_end != std::string::npos);
  BOOST_TEST_REQUIRE(right_start != std::string::npos);
  BOOST_TEST(left_end < right_start);
  // Lines of a column are joined into one paragraph.
  BOOST_TEST(contains(s.text,
                      "Open-domain question answering relies on efficient passage "
                      "retrieval to select candidate contexts, where traditional"));
  BOOST_TEST(s.metadata.at("pages") == "2");
  BOOST_TEST(s.passages.back().page == 2);
}

BOOST_AUTO_TEST_CASE(single_page_header_is_kept) {
  // One page is no evidence of a *running* header, so it stays.
  const ci::ImportedSource s = import_testdata("unstructured/header-test-doc.pdf");
  BOOST_TEST(s.text == "I Am A Header\n\nTitle\n\nHere is a lovely sentences.\n\nI Am A Footer");
  BOOST_TEST(s.title == "header-test-doc");
  BOOST_TEST(s.notes.empty());
}

BOOST_AUTO_TEST_CASE(duplicate_page_memo_keeps_both_pages) {
  const ci::ImportedSource s = import_testdata("unstructured/fake-memo-with-duplicate-page.pdf");
  // Each layout block is a passage: date, salutation, body, closing, name.
  const std::string memo =
      "May 5, 2023\n\nTo Whom it May Concern:\n\nThere were 20,000 bottles of water, 10,000 "
      "blankets, and 200 laptops delivered on January 23, 2023. A total of 3 trucks were used "
      "for 15 hours.\n\nBest Regards,\n\nMallori";
  BOOST_TEST(s.text == memo + "\n\n" + memo);
  BOOST_TEST_REQUIRE(s.passages.size() == 10u);
  BOOST_TEST(s.passages[4].page == 1);
  BOOST_TEST(s.passages[5].page == 2);
}

BOOST_AUTO_TEST_CASE(memo) {
  const ci::ImportedSource s = import_testdata("unstructured/fake-memo.pdf");
  BOOST_TEST(s.title == "fake-memo");
  BOOST_TEST(s.date == "2023-05-16");
  BOOST_TEST(contains(s.text, "200 laptops delivered on January 23, 2023."));
}

BOOST_AUTO_TEST_CASE(copy_protected_pdf_imports) {
  // Encrypted with an owner password only: readable, so importable.
  const ci::ImportedSource s = import_testdata("unstructured/copy-protected.pdf");
  BOOST_TEST(contains(s.text,
                      "LayoutParser: A Unified Toolkit for Deep Learning Based Document "
                      "Image Analysis"));
  BOOST_TEST(s.metadata.at("pages") == "2");
}

BOOST_AUTO_TEST_CASE(password_protected_pdf_is_refused) {
  const Error e = import_error("unstructured/password.pdf");
  BOOST_TEST(std::string(e.what()) ==
             kPdfData +
                 "/unstructured/password.pdf: the PDF is password-protected (encrypted with a "
                 "password needed to open it)");
  BOOST_TEST(contains(e.hint(), "qpdf --decrypt"));
}

BOOST_AUTO_TEST_CASE(invalid_structure_gao_report_imports) {
  const ci::ImportedSource s =
      import_testdata("unstructured/invalid-pdf-structure-pdfminer-one-page.pdf");
  BOOST_TEST(s.title ==
             "GAO-23-106826, Cybersecurity: Launching and Implementing the National "
             "Cybersecurity Strategy");
  BOOST_TEST(s.metadata.at("author") ==
             "U.S. Government Accountability Office, http://www.gao.gov");
  BOOST_TEST(s.date == "2023-06-26");
  BOOST_TEST(contains(s.text, "U.S. GOVERNMENT ACCOUNTABILITY OFFICE"));
  BOOST_TEST(contains(s.text,
                      "Cybersecurity: Launching and Implementing the National "
                      "Cybersecurity Strategy"));
}

BOOST_AUTO_TEST_CASE(ocr_layer_of_a_scan_is_imported) {
  // A scanned page with a (poor) OCR text layer: casebook takes the layer.
  const ci::ImportedSource s = import_testdata("unstructured/pdf-with-ocr-text.pdf");
  BOOST_TEST(contains(s.text, "Eeairing to keep you posted on the progress of the Foundation"));
  BOOST_TEST(s.passages.front().page == 1);
}

BOOST_AUTO_TEST_CASE(small_unstructured_files) {
  // pdftotext puts "and should be extractable" in a block of its own: a block
  // that starts in lower case after one that ends mid-clause continues it.
  BOOST_TEST(import_testdata("unstructured/embedded-cmap-cidfont.pdf").text ==
             "Heading in Helvetica\n\nThis text uses an embedded CMap and should be extractable");
  const ci::ImportedSource emphasis = import_testdata("unstructured/emphasis-text.pdf");
  BOOST_TEST(emphasis.text == "Test bold.\n\nItalic. Now Italic and bold.");
  BOOST_TEST(emphasis.title == "emphasis-text");
  const ci::ImportedSource bold = import_testdata("unstructured/fake-bold-sample.pdf");
  BOOST_TEST(contains(bold.text, "Normal text: Hello World"));
  BOOST_TEST(bold.title.empty());  // "untitled"
  BOOST_TEST(bold.metadata.at("author") == "anonymous");
  const ci::ImportedSource rotated = import_testdata("unstructured/rotated-page-90.pdf");
  BOOST_TEST(rotated.text ==
             "Hello World Test Text\n\nSecond line of text here\n\nRotated page fixture");
  BOOST_TEST(contains(import_testdata("unstructured/pdf-bad-color-space.pdf").text,
                      "2023 Environmental Report"));
}

// ---- headers, footers, paragraphs (PDFs written here) ----------------------

BOOST_AUTO_TEST_CASE(running_headers_and_footers_are_removed) {
  std::vector<std::vector<std::string>> pages;
  const std::string bodies[] = {"Apologies were received.", "The minutes were agreed.",
                                "Budget monitoring was noted.", "The meeting closed at 8pm."};
  for (int p = 1; p <= 4; ++p) {
    const std::string n = std::to_string(p);
    pages.push_back(
        {"Report to Cabinet - " + n + " March 2024", "", bodies[p - 1], "", "Page " + n + " of 4"});
  }
  const ci::ImportedSource s = import_bytes("cabinet.pdf", make_pdf(pages));
  BOOST_TEST(s.text ==
             "Apologies were received.\n\nThe minutes were agreed.\n\nBudget monitoring was "
             "noted.\n\nThe meeting closed at 8pm.");
  for (std::size_t i = 0; i < 4; ++i) BOOST_TEST(s.passages[i].page == static_cast<int>(i + 1));
  BOOST_TEST(s.metadata.at("pages") == "4");
  BOOST_TEST(has_note(s, "left out 8 running header, footer and page-number lines"));
}

BOOST_AUTO_TEST_CASE(two_pages_keep_a_repeated_header_but_lose_page_numbers) {
  const ci::ImportedSource s =
      import_bytes("short.pdf", make_pdf({{"Agenda", "", "First item.", "", "- 1 -"},
                                          {"Agenda", "", "Second item.", "", "- 2 -"}}));
  BOOST_TEST(s.text == "Agenda\n\nFirst item.\n\nAgenda\n\nSecond item.");
  BOOST_TEST(has_note(s, "left out 2 running"));
}

BOOST_AUTO_TEST_CASE(lines_join_and_split_words_are_mended) {
  // A hyphen at a line end is dropped inside a lower-case word and kept in
  // a name. Helvetica's standard encoding draws ' as a right single quote.
  const ci::ImportedSource s = import_bytes(
      "hyphens.pdf", make_pdf({{"The council's commit-", "ment was led by Cllr Huggins-",
                                "Daines and the", "Wellbeing Board.", "", "Next paragraph"}}));
  BOOST_TEST(s.text ==
             "The council\u2019s commitment was led by Cllr Huggins-Daines and the Wellbeing "
             "Board.\n\nNext paragraph");
  BOOST_TEST(s.passages.size() == 2u);
}

// ---- errors ----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(pdf_without_text_looks_scanned) {
  const Error e = expect_error(ErrorKind::Data, [] {
    import_bytes("scan.pdf", make_pdf({{}, {""}}));
  });
  BOOST_TEST(std::string(e.what()) ==
             "scan.pdf: none of the PDF's 2 pages has any text; it looks like a scanned image "
             "(OCR is out of scope for casebook)");
  BOOST_TEST(contains(e.hint(), "ocrmypdf"));
}

BOOST_AUTO_TEST_CASE(damaged_pdf_is_refused) {
  const Error e =
      expect_error(ErrorKind::Data, [] { import_bytes("broken.pdf", "%PDF-1.4\ngarbage\n"); });
  BOOST_TEST(std::string(e.what()) ==
             "broken.pdf: the PDF appears to be damaged: pdftotext could not read it (Syntax "
             "Error: Couldn't find trailer dictionary)");
  BOOST_TEST(contains(e.hint(), "PDF viewer"));
}

BOOST_AUTO_TEST_CASE(non_pdf_bytes_are_refused_before_running_pdftotext) {
  const Error e =
      expect_error(ErrorKind::Data, [] { import_bytes("notes.pdf", "just some notes\n"); });
  BOOST_TEST(std::string(e.what()) ==
             "notes.pdf: is not a PDF (no %PDF- header in its first 1024 bytes)");
}

BOOST_AUTO_TEST_CASE(missing_pdftotext_says_what_to_install) {
  casebook::testing::TempDir empty_dir("no-pdftotext");
  const PathGuard path(empty_dir.path().string());
  const Error e =
      expect_error(ErrorKind::Data, [] { import_bytes("memo.pdf", make_pdf({{"Hello"}})); });
  BOOST_TEST(std::string(e.what()) ==
             "memo.pdf: cannot import PDF files: pdftotext (from poppler-utils) is not "
             "installed or not on PATH");
  BOOST_TEST(contains(e.hint(), "apt-get install poppler-utils"));
}

BOOST_AUTO_TEST_SUITE_END()
