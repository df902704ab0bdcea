// A project on disk: init lays out .casebook (store, objects/, index-1,
// index.current) and refuses an existing project; open finds the project from
// a directory or by walking up from the working directory, and says how to
// create one when there is none.

#include "engine/project/project.hpp"

#include <xapian.h>

#include <boost/test/unit_test.hpp>
#include <optional>
#include <string>

#include "engine/store/migrations.hpp"
#include "test_support.hpp"

using casebook::ErrorKind;
using casebook::project::find_project_root;
using casebook::project::Project;
using casebook::testing::contains;
using casebook::testing::CurrentPathGuard;
using casebook::testing::expect_error;
using casebook::testing::read_file;
using casebook::testing::TempDir;
using casebook::testing::write_file;
namespace fs = std::filesystem;

namespace {

// find_project_root() with an empty path for "none", so failures print.
fs::path root_of(const fs::path& start) {
  return find_project_root(start).value_or(fs::path());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(project_layout)

BOOST_AUTO_TEST_CASE(init_lays_out_the_data_directory) {
  TempDir dir("proj");
  Project project = Project::init(dir / "p");
  const fs::path data = dir / "p" / ".casebook";
  BOOST_TEST(project.root() == dir / "p");
  BOOST_TEST(project.data_dir() == data);
  BOOST_TEST(fs::is_regular_file(data / "store.sqlite"));
  BOOST_TEST(fs::is_directory(data / "objects"));
  BOOST_TEST(fs::is_empty(data / "objects"));
  BOOST_TEST(fs::is_directory(data / "index-1"));
  BOOST_TEST(read_file(data / "index.current") == "index-1\n");
  BOOST_TEST(project.index_dir() == data / "index-1");
  BOOST_TEST(project.objects_dir() == data / "objects");
  BOOST_TEST(project.lock_file() == data / "write.lock");
  // No staging directory is left behind.
  BOOST_TEST(!fs::exists(dir / "p" / ".casebook.init-tmp"));
  // The index is a valid, empty Xapian database; the store is at the newest schema.
  BOOST_TEST(Xapian::Database(project.index_dir().string()).get_doccount() == 0u);
  BOOST_TEST(casebook::store::schema_version(project.store().db()) ==
             casebook::store::latest_schema_version());
  BOOST_TEST(project.store().file() == data / "store.sqlite");
}

BOOST_AUTO_TEST_CASE(init_creates_missing_parent_directories) {
  TempDir dir("proj");
  Project project = Project::init(dir / "a" / "b" / "c");
  BOOST_TEST(fs::is_regular_file(dir / "a" / "b" / "c" / ".casebook" / "store.sqlite"));
  BOOST_TEST(project.root() == dir / "a" / "b" / "c");
}

BOOST_AUTO_TEST_CASE(init_of_an_existing_project_is_a_conflict_and_keeps_it) {
  TempDir dir("proj");
  {
    Project project = Project::init(dir / "p");
    project.store().db().exec("INSERT INTO project_meta(key, value) VALUES ('keep', 'me')");
  }
  auto e = expect_error(ErrorKind::Conflict, [&] { Project::init(dir / "p"); });
  BOOST_TEST(contains(e.what(), "already holds a casebook project"));
  BOOST_TEST(!e.hint().empty());
  Project reopened = Project::open(dir / "p");
  BOOST_TEST(reopened.store()
                 .db()
                 .execAndGet("SELECT value FROM project_meta WHERE key = 'keep'")
                 .getString() == "me");
  BOOST_TEST(!fs::exists(dir / "p" / ".casebook.init-tmp"));
}

BOOST_AUTO_TEST_CASE(init_over_a_non_empty_stray_data_directory_fails_cleanly) {
  TempDir dir("proj");
  write_file(dir / "p" / ".casebook" / "notes.txt", "someone else's file");
  expect_error(ErrorKind::Io, [&] { Project::init(dir / "p"); });
  BOOST_TEST(read_file(dir / "p" / ".casebook" / "notes.txt") == "someone else's file");
  BOOST_TEST(!fs::exists(dir / "p" / ".casebook.init-tmp"));
  BOOST_TEST(!find_project_root(dir / "p").has_value());
}

BOOST_AUTO_TEST_CASE(open_a_named_directory) {
  TempDir dir("proj");
  { Project created = Project::init(dir / "p"); }
  Project project = Project::open(dir / "p");
  BOOST_TEST(project.root() == dir / "p");
  BOOST_TEST(project.index_dir() == dir / "p" / ".casebook" / "index-1");
  // A relative path is resolved against the working directory.
  CurrentPathGuard cwd(dir.path());
  Project relative = Project::open(fs::path("p"));
  BOOST_TEST(relative.root() == dir / "p");
}

BOOST_AUTO_TEST_CASE(open_walks_up_from_a_nested_working_directory) {
  TempDir dir("proj");
  { Project created = Project::init(dir / "p"); }
  fs::create_directories(dir / "p" / "interviews" / "2014" / "raw");
  CurrentPathGuard cwd(dir / "p" / "interviews" / "2014" / "raw");
  Project project = Project::open(std::nullopt);
  BOOST_TEST(project.root() == dir / "p");
  BOOST_TEST(root_of(fs::current_path()) == dir / "p");
  BOOST_TEST(root_of(fs::path(".")) == dir / "p");
}

BOOST_AUTO_TEST_CASE(the_nearest_enclosing_project_wins) {
  TempDir dir("proj");
  { Project outer = Project::init(dir / "outer"); }
  { Project inner = Project::init(dir / "outer" / "inner"); }
  fs::create_directories(dir / "outer" / "inner" / "sub");
  fs::create_directories(dir / "outer" / "other");
  BOOST_TEST(root_of(dir / "outer" / "inner" / "sub") == dir / "outer" / "inner");
  BOOST_TEST(root_of(dir / "outer" / "other") == dir / "outer");
  CurrentPathGuard cwd(dir / "outer" / "inner" / "sub");
  BOOST_TEST(Project::open(std::nullopt).root() == dir / "outer" / "inner");
}

BOOST_AUTO_TEST_CASE(open_of_a_non_project_is_not_found_with_an_init_hint) {
  TempDir dir("proj");
  fs::create_directories(dir / "plain");
  auto named = expect_error(ErrorKind::NotFound, [&] { Project::open(dir / "plain"); });
  BOOST_TEST(contains(named.what(), (dir / "plain").string()));
  BOOST_TEST(contains(named.hint(), "casebook init"));
  BOOST_TEST(!fs::exists(dir / "plain" / ".casebook"));

  BOOST_TEST(!find_project_root(dir / "plain").has_value());
  CurrentPathGuard cwd(dir / "plain");
  auto walked = expect_error(ErrorKind::NotFound, [&] { Project::open(std::nullopt); });
  BOOST_TEST(contains(walked.hint(), "casebook init"));
  BOOST_TEST(contains(walked.hint(), "--project"));
}

BOOST_AUTO_TEST_CASE(a_data_directory_without_a_store_is_not_a_project) {
  TempDir dir("proj");
  fs::create_directories(dir / "p" / ".casebook" / "objects");
  BOOST_TEST(!find_project_root(dir / "p").has_value());
  expect_error(ErrorKind::NotFound, [&] { Project::open(dir / "p"); });
}

BOOST_AUTO_TEST_CASE(the_index_pointer_is_switched_and_checked) {
  TempDir dir("proj");
  Project project = Project::init(dir / "p");
  project.set_index_dir("index-7");
  BOOST_TEST(read_file(project.data_dir() / "index.current") == "index-7\n");
  BOOST_TEST(project.index_dir() == project.data_dir() / "index-7");
  write_file(project.data_dir() / "index.current", "index-3\r\n");
  BOOST_TEST(project.index_dir() == project.data_dir() / "index-3");
  for (const char* damaged : {"", "\n", "../elsewhere\n", "index-1/../../x\n", "store.sqlite\n"}) {
    write_file(project.data_dir() / "index.current", damaged);
    auto e = expect_error(ErrorKind::Internal, [&] { project.index_dir(); });
    BOOST_TEST(contains(e.hint(), "casebook reindex"));
  }
  fs::remove(project.data_dir() / "index.current");
  expect_error(ErrorKind::Io, [&] { project.index_dir(); });
}

BOOST_AUTO_TEST_SUITE_END()
