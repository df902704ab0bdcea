// LaTeX: escaping of every special and of characters pdflatex cannot
// typeset, the standalone preamble and the fragment's package list,
// longtable structure and column widths, and that pdflatex compiles a
// document full of hostile text (standalone, landscape, and a fragment).

#include <boost/test/unit_test.hpp>
#include <string>

#include "engine/export/writers.hpp"
#include "export_support.hpp"
#include "test_support.hpp"

namespace ex = casebook::exporting;
using casebook::testing::contains;
using casebook::testing::plain;

namespace {

ex::WriteOptions fragment_options(bool landscape = false) {
  ex::WriteOptions options;
  options.standalone = false;
  options.landscape = landscape;
  return options;
}

// The LaTeX for one paragraph of `text` (a fragment, less its comments).
std::string latex_of(const std::string& text) {
  ex::Document d;
  d.blocks.emplace_back(plain(text));
  const std::string out = ex::write_latex(d, fragment_options());
  const std::size_t body = out.find("\n\n");
  return out.substr(body + 2, out.size() - body - 3);  // without the final newline
}

std::string log_errors(const std::string& log) {
  std::string errors;
  std::size_t at = 0;
  while ((at = log.find("\n!", at)) != std::string::npos) {
    errors += log.substr(at, 300);
    at += 2;
  }
  return errors.empty() ? log.substr(log.size() > 2000 ? log.size() - 2000 : 0) : errors;
}

// Compiles `tex` with pdflatex in a fresh directory; true on success.
void expect_compiles(const std::string& tex, const std::string& what) {
  if (!casebook::testing::program_available("pdflatex")) {
    BOOST_TEST_MESSAGE("pdflatex is not installed: not compiling the " << what);
    return;
  }
  casebook::testing::TempDir dir("export-tex");
  casebook::testing::write_file(dir / "doc.tex", tex);
  const int status = casebook::testing::run_in(
      dir.path(),
      "timeout 600 pdflatex -interaction=nonstopmode -halt-on-error -no-shell-escape doc.tex "
      ">pdflatex.out 2>&1");
  const std::string log = std::filesystem::exists(dir / "doc.log")
                              ? casebook::testing::read_file(dir / "doc.log")
                              : casebook::testing::read_file(dir / "pdflatex.out");
  BOOST_TEST(status == 0, what << " did not compile:\n" << log_errors(log));
  BOOST_TEST(std::filesystem::exists(dir / "doc.pdf"), what);
  BOOST_TEST(!contains(log, "Unicode character"), what);
  if (contains(log, "Overfull \\hbox"))
    BOOST_TEST_MESSAGE(what << ": the log reports overfull boxes");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(export_latex)

BOOST_AUTO_TEST_CASE(tex_specials_are_escaped) {
  BOOST_TEST(
      latex_of("\\ { } $ & # ^ _ % ~") ==
      "\\textbackslash{} \\{ \\} \\$ \\& \\# \\textasciicircum{} \\_ \\% \\textasciitilde{}");
  BOOST_TEST(latex_of("[a] `b` \"c\"") ==
             "{[}a{]} \\textasciigrave{}b\\textasciigrave{} \\textquotedbl{}c\\textquotedbl{}");
}

BOOST_AUTO_TEST_CASE(font_ligatures_are_broken_so_characters_print_as_typed) {
  BOOST_TEST(latex_of("a--b---c") == "a-{}-b-{}-{}-c");
  BOOST_TEST(latex_of("<<x>> ,,y'' ") == "<{}<x>{}> ,{},y'{}'");
}

BOOST_AUTO_TEST_CASE(typographic_punctuation_becomes_commands) {
  BOOST_TEST(latex_of("\xE2\x80\x9Cq\xE2\x80\x9D \xE2\x80\x98s\xE2\x80\x99") ==
             "\\textquotedblleft{}q\\textquotedblright{} \\textquoteleft{}s\\textquoteright{}");
  BOOST_TEST(latex_of("a\xE2\x80\x93"
                      "b\xE2\x80\x94"
                      "c\xE2\x80\xA6") ==
             "a\\textendash{}\\allowbreak{}b\\textemdash{}\\allowbreak{}c\\textellipsis{}");
  BOOST_TEST(latex_of("1\xC2\xA0"
                      "2 \xE2\x80\xA2 \xC2\xA7 \xE2\x82\xAC \xC2\xA3 \xC2\xA9") ==
             "1~2 \\textbullet{} \\S{} \\texteuro{} \\pounds{} \\textcopyright{}");
}

BOOST_AUTO_TEST_CASE(latin_letters_pass_through_or_become_accent_commands) {
  // Latin-1 and Latin Extended-A: as UTF-8 (utf8 inputenc with T1).
  BOOST_TEST(latex_of("caf\xC3\xA9 \xC5\x81\xC3\xB3"
                      "d\xC5\xBA") ==
             "caf\xC3\xA9 \xC5\x81\xC3\xB3"
             "d\xC5\xBA");
  // Decomposed input is composed first.
  BOOST_TEST(latex_of("e\xCC\x81") == "\xC3\xA9");
  // Other accented Latin letters: accent commands, nested, dotless i.
  BOOST_TEST(latex_of("\xC7\x8E") == "\\v{a}");           // ǎ
  BOOST_TEST(latex_of("\xE1\xBB\x87") == "\\^{\\d{e}}");  // ệ
  BOOST_TEST(latex_of("\xC7\x90") == "\\v{\\i}");         // ǐ
  BOOST_TEST(latex_of("\xE1\xBA\x85") == "\\\"{w}");      // ẅ
  BOOST_TEST(latex_of("q\xCC\x83") == "\\~{q}");          // q + combining tilde
}

BOOST_AUTO_TEST_CASE(characters_the_fonts_lack_become_visible_placeholders) {
  BOOST_TEST(latex_of("\xF0\x9F\x98\x80") == "\\texttt{[U+1F600]}");
  BOOST_TEST(latex_of("a\xE6\xBC\xA2\xE5\xAD\x97") ==
             "a\\allowbreak{}\\texttt{[U+6F22]}\\allowbreak{}\\texttt{[U+5B57]}");
  BOOST_TEST(latex_of("\xC4\xA6") == "\\texttt{[U+0126]}");  // Ħ: not in T1
  BOOST_TEST(latex_of("x\x01") == "x\\allowbreak{}\\texttt{[U+0001]}");
  BOOST_TEST(latex_of("\xE2\x9D\xA4\xEF\xB8\x8F") ==
             "\\texttt{[U+2764]}");  // variation selector dropped
  // A mark with no accent command after a letter: the letter, then the mark.
  BOOST_TEST(latex_of("a\xCC\xB0") == "a\\texttt{[U+0330]}");
}

BOOST_AUTO_TEST_CASE(line_breaks_and_long_words) {
  BOOST_TEST(latex_of("one\ntwo") == "one\\newline two");
  BOOST_TEST(latex_of("\n\nlead and trail\n") == "lead and trail");
  const std::string url = latex_of("https://example.org/abc/defghijklmnopqrstuvwxyz");
  BOOST_TEST(contains(url, "example.\\allowbreak{}org/\\allowbreak{}abc/"), url);
  // Plain long words are left to TeX's hyphenation.
  BOOST_TEST(latex_of("Donaudampfschifffahrtsgesellschaft.") ==
             "Donaudampfschifffahrtsgesellschaft.");
}

BOOST_AUTO_TEST_CASE(styles_become_emph_and_textbf) {
  ex::Document d;
  d.blocks.emplace_back(ex::Paragraph{
      {"a ", ex::Style::Plain}, {"b", ex::Style::Emphasis}, {" c", ex::Style::Strong}});
  BOOST_TEST(contains(ex::write_latex(d, fragment_options()), "a \\emph{b}\\textbf{ c}\n"));
}

BOOST_AUTO_TEST_CASE(standalone_documents_have_a_full_preamble) {
  ex::Document d;
  d.title = "T & t";
  d.blocks.emplace_back(ex::Heading{1, "S"});
  d.blocks.emplace_back(ex::Heading{2, "SS"});
  const std::string tex = ex::write_latex(d, {});
  BOOST_TEST(tex.rfind("\\documentclass", 0) == 0u);
  for (const char* line :
       {"\\usepackage[T1]{fontenc}", "\\usepackage[utf8]{inputenc}", "\\usepackage{booktabs}",
        "\\usepackage{longtable}", "\\usepackage{array}", "\\title{T \\& t}", "\\date{}",
        "\\maketitle", "\\section{S}", "\\subsection{SS}", "\\end{document}"}) {
    BOOST_TEST(contains(tex, line), line);
  }
  BOOST_TEST(contains(tex, "\\usepackage[a4paper,margin=2.5cm]{geometry}"));
  ex::WriteOptions landscape;
  landscape.landscape = true;
  BOOST_TEST(contains(ex::write_latex(d, landscape),
                      "\\usepackage[a4paper,margin=2.5cm,landscape]{geometry}"));
}

BOOST_AUTO_TEST_CASE(fragments_list_their_packages_in_comments_only) {
  ex::Document d = casebook::testing::nasty_document();
  const std::string tex = ex::write_latex(d, fragment_options(true));
  BOOST_TEST(!contains(tex, "\\documentclass"));
  BOOST_TEST(!contains(tex, "\\begin{document}"));
  BOOST_TEST(!contains(tex, "\n\\usepackage"));
  BOOST_TEST(contains(tex, "%   \\usepackage[T1]{fontenc}\n"));
  BOOST_TEST(contains(tex, "%   \\usepackage{longtable}\n"));
  BOOST_TEST(contains(tex, "%   \\usepackage{pdflscape}\n"));
  BOOST_TEST(contains(tex, "[U+XXXX]"));
  BOOST_TEST(casebook::testing::count_of(tex, "\\begin{landscape}") == 3u);
  // The comment lines at the top stay comments (no line breaks from the title).
  const std::size_t body = tex.find("\n\n");
  for (std::size_t at = 0; at < body; at = tex.find('\n', at) + 1) BOOST_TEST(tex[at] == '%');
  BOOST_TEST(!contains(ex::write_latex(d, fragment_options(false)), "pdflscape"));
}

BOOST_AUTO_TEST_CASE(longtables_repeat_their_header_and_share_the_line_width) {
  ex::Document d;
  ex::Table t;
  t.id = "codes & co";
  t.caption = "Codes";
  t.columns = {
      {"Code", ex::Align::Left, 1}, {"Quote", ex::Align::Left, 3}, {"n", ex::Align::Right, 0}};
  t.rows = {{ex::Cell("*star"), ex::Cell::of({plain("q1"), plain("q2")}), ex::Cell("3")},
            {ex::Cell("b")}};
  t.notes = {"A note."};
  d.blocks.emplace_back(t);
  const std::string tex = ex::write_latex(d, fragment_options());
  BOOST_TEST(contains(tex, "\\caption{Codes}\\label{tab:codes---co}\\\\\n"), tex);
  BOOST_TEST(contains(tex, "\\caption[]{Codes (continued)}\\\\\n"));
  BOOST_TEST(casebook::testing::count_of(
                 tex, "\\textbf{Code} & \\textbf{Quote} & \\textbf{n} \\\\\n") == 2u);
  for (const char* part : {"\\toprule", "\\midrule", "\\endfirsthead", "\\endhead", "\\endfoot",
                           "\\bottomrule", "\\endlastfoot", "\\end{longtable}"}) {
    BOOST_TEST(contains(tex, part), part);
  }
  // Weights 1 : 3 : 1 (a zero width counts as 1); the padding of 3 columns
  // (6 \tabcolsep) is shared the same way.
  BOOST_TEST(contains(tex,
                      "\\raggedright\\arraybackslash\\hspace{0pt}}p{\\dimexpr "
                      "0.2000\\linewidth-1.2000\\tabcolsep\\relax}"),
             tex);
  BOOST_TEST(contains(tex, "p{\\dimexpr 0.6000\\linewidth-3.6000\\tabcolsep\\relax}"));
  BOOST_TEST(
      contains(tex, "{\\raggedleft\\arraybackslash\\hspace{0pt}}p{\\dimexpr 0.2000\\linewidth"));
  // A leading '*' would be read as the star of the previous row's "\\".
  BOOST_TEST(contains(tex, "{}*star & q1\\par\\smallskip q2 & 3 \\\\\n"));
  BOOST_TEST(contains(tex, "\\addlinespace[2pt]\nb &  &  \\\\\n"));
  BOOST_TEST(contains(tex, "\\end{longtable}\n{\\small\\noindent A note.\\par}\n"));
}

BOOST_AUTO_TEST_CASE(pdflatex_compiles_a_document_of_hostile_text) {
  const ex::Document d = casebook::testing::nasty_document();
  expect_compiles(ex::write_latex(d, {}), "standalone document");
  ex::WriteOptions landscape;
  landscape.landscape = true;
  expect_compiles(ex::write_latex(d, landscape), "landscape document");
  // A fragment \input into a paper whose preamble has the listed packages.
  const std::string fragment = ex::write_latex(d, fragment_options(true));
  std::string paper = "\\documentclass{article}\n";
  for (std::size_t at = 0; (at = fragment.find("%   \\usepackage", at)) != std::string::npos;) {
    const std::size_t end = fragment.find('\n', at);
    paper += fragment.substr(at + 4, end - at - 4) + "\n";
    at = end;
  }
  paper += "\\begin{document}\n" + fragment + "\\end{document}\n";
  expect_compiles(paper, "fragment in a paper");
}

BOOST_AUTO_TEST_SUITE_END()
