#pragma once
// A temporary project with text sources inserted as an import would insert
// them (original stored, passages from blank lines, sentences from ICU, one
// transaction, queued for indexing), for tests of modules above the store.

#include <map>
#include <string>

#include "engine/project/index_sync.hpp"
#include "engine/project/objects.hpp"
#include "engine/project/project.hpp"
#include "engine/store/sources.hpp"
#include "engine/text/offsets.hpp"
#include "engine/text/segment.hpp"
#include "test_support.hpp"

namespace casebook::testing {

struct TextProject {
  TempDir dir{"project"};
  project::Project project = project::Project::init(dir / "p");
  project::ObjectStore objects{project.objects_dir()};

  // `speakers` gives the speaker of passage n (1-based) where wanted;
  // `headings` its heading path.
  store::SourceInfo add_source(const std::string& body, const std::string& type,
                               const std::string& name,
                               const std::map<int, std::string>& speakers = {},
                               const std::map<int, std::string>& headings = {}) {
    store::SourceContent c;
    c.type = type;
    c.title = name;
    c.format = "text";
    c.encoding = "UTF-8";
    c.original_sha256 = objects.put(body);
    c.original_name = name + ".txt";
    c.origin_path = (dir / (name + ".txt")).string();
    c.text = body;
    c.code_points = static_cast<std::int64_t>(text::count_code_points(body));
    int n = 0;
    for (const text::Span& span : text::paragraphs(body)) {
      store::PassageRecord p;
      p.span = span;
      p.kind = "paragraph";
      ++n;
      if (speakers.count(n)) p.speaker = speakers.at(n);
      if (headings.count(n)) p.heading_path = headings.at(n);
      c.passages.push_back(p);
    }
    text::Segmenter segmenter;
    c.sentences = segmenter.sentences(body);
    store::WriteTransaction tx(project.store());
    store::record_object(project.store(), c.original_sha256,
                         static_cast<std::int64_t>(body.size()));
    store::SourceInfo info = store::insert_source(project.store(), c, "tester");
    tx.commit();
    return info;
  }

  void sync_index() {
    project::IndexSync sync(project);
    sync.apply_pending();
    sync.finish();
  }
};

}  // namespace casebook::testing
