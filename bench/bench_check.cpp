// Checks that an import did all its work, without changing anything (unlike
// `casebook check`, which first replays pending index work).
//
//   bench_check PROJECT_DIR
//
// Prints key=value lines: sources, passages (in the store), documents (in
// the Xapian index) and pending (rows of index_outbox: index work the store
// has queued and the index has not confirmed). After a complete import,
// documents == passages and pending == 0. Exit status 0 either way; 1 when
// the project cannot be read.

#include <xapian.h>

#include <iostream>

#include "engine/core/error.hpp"
#include "engine/index/writer.hpp"
#include "engine/project/project.hpp"
#include "engine/store/outbox.hpp"
#include "engine/store/sources.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: bench_check PROJECT_DIR\n";
    return 2;
  }
  try {
    using namespace casebook;
    project::Project project = project::Project::open(std::filesystem::path(argv[1]));
    const Xapian::Database db = index::open_index_for_reading(project.index_dir());
    std::cout << "sources=" << store::count_sources(project.store())
              << "\npassages=" << store::count_passages(project.store())
              << "\ndocuments=" << db.get_doccount()
              << "\npending=" << store::count_pending_index_work(project.store()) << '\n';
  } catch (const Xapian::Error& e) {
    std::cerr << "bench_check: Xapian: " << e.get_description() << '\n';
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "bench_check: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
