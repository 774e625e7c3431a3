// Issue 14: the persistent index (`neardup index add|query|stats`), documents only. Expected
// decisions are worked out by hand from how the corpus is built (see Corpus()).
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cli/run_binary.h"
#include "neardup/base/json_string.h"
#include "synthetic_base.h"

namespace neardup::testing {
namespace {

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string Binary() {
  const char* other = std::getenv("NEARDUP_TEST_BINARY");
  return other != nullptr && *other != '\0' ? other : NEARDUP_BINARY;
}

// 204 distinct words "<stem>0" ... "<stem>203": 200 word 5-grams, none shared with another stem.
std::vector<std::string> Words(const std::string& stem) {
  std::vector<std::string> words;
  for (int i = 0; i < 204; ++i) words.push_back(stem + std::to_string(i));
  return words;
}

// `words` with the words at `positions` replaced by new ones. An edit at position 4..199 changes
// exactly the 5 shingles that cover it; edits at least 5 apart change 5 each.
std::vector<std::string> Edited(std::vector<std::string> words, const std::vector<int>& positions,
                                const std::string& tag) {
  for (const int p : positions) words[p] = "edit" + tag + std::to_string(p);
  return words;
}

std::string Text(const std::vector<std::string>& words) {
  std::string text;
  for (size_t i = 0; i < words.size(); ++i) text += words[i] + (i % 17 == 16 ? "\n" : " ");
  return text + "\n";
}

struct Doc {
  std::string id, text;
  std::string kept_as;  // the document a single run with --keep first keeps in its place
};

// p4 = p3 with 3 edits: J = (200-15)/(200+15) = 0.860, a duplicate of p3. p5 = p4 with 3 more:
// J(p5, p4) = 0.860 but J(p5, p3) = 170/230 = 0.739, and p4 is removed, so p5 stays (no chaining
// through a removed document). p9 = p5 with one edit: J(p9, p5) = 195/205 = 0.951, J(p9, p3) =
// 165/235 = 0.702: a duplicate of p5. p7 = p1 with one edit (0.951); p2, p11 exact copies.
std::vector<Doc> Corpus() {
  const auto p3 = Words("charlie");
  const auto p4 = Edited(p3, {20, 80, 140}, "a");
  const auto p5 = Edited(p4, {50, 110, 170}, "b");
  return {{"p0", Text(Words("alpha")), "p0"},
          {"p1", Text(Words("bravo")), "p1"},
          {"p2", Text(Words("alpha")), "p0"},
          {"p3", Text(p3), "p3"},
          {"p4", Text(p4), "p3"},
          {"p5", Text(p5), "p5"},
          {"p6", Text(Words("delta")), "p6"},
          {"p7", Text(Edited(Words("bravo"), {100}, "c")), "p1"},
          {"p8", Text(Words("echo")), "p8"},
          {"p9", Text(Edited(p5, {125}, "d")), "p5"},
          {"p10", Text(Words("foxtrot")), "p10"},
          {"p11", Text(Words("echo")), "p8"},
          {"p12", Text(Words("golf")), "p12"},
          {"p13", Text(Edited(Words("golf"), {60}, "e")), "p12"}};
}

std::string Jsonl(const std::vector<Doc>& docs, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    out += "{\"id\": " + QuoteJson(docs[i].id) + ", \"text\": " + QuoteJson(docs[i].text) + "}\n";
  }
  return out;
}

// The id of the first duplicate of each queried document ("" when none), from `query --json`.
std::map<std::string, std::string> FirstDuplicates(const std::string& json_lines) {
  std::map<std::string, std::string> first;
  for (const std::string& line : SplitLines(json_lines)) {
    const size_t id = line.find("{\"id\":\"") + 7;
    const std::string doc = line.substr(id, line.find('"', id) - id);
    const size_t dup = line.find("\"duplicates\":[{\"id\":\"");
    first[doc] = dup == std::string::npos ? "" : line.substr(dup + 21, line.find('"', dup + 21) - dup - 21);
  }
  return first;
}

std::string StatsLine(const std::string& stats, const std::string& key) {
  for (const std::string& line : SplitLines(stats)) {
    if (line.rfind(key, 0) == 0) return line;
  }
  return "";
}

}  // namespace

TEST_CASE("issue14: batches added one by one keep what one run with --keep first keeps") {
  TempDir dir;
  const std::vector<Doc> docs = Corpus();
  WriteFile(dir / "all.jsonl", Jsonl(docs, 0, docs.size()));

  // The single run: every document is kept or removed in favour of the hand-computed one.
  const RunResult single = RunNeardup({"report", dir / "all.jsonl", "--keep", "first", "-q"});
  REQUIRE(single.exit_code == 0);
  const Report report = ParseReport(single.out);
  std::map<std::string, std::string> single_kept_as;
  for (const Doc& d : docs) single_kept_as[d.id] = d.id;
  for (const DocumentCluster& c : report.clusters) {
    for (const RemovedDocument& r : c.removed) single_kept_as[std::string(report.ids[r.doc])] = std::string(report.ids[c.kept]);
  }
  for (const Doc& d : docs) CHECK_MESSAGE(single_kept_as[d.id] == d.kept_as, d.id);

  for (const size_t batches : {size_t{1}, size_t{2}, size_t{7}}) {
    CAPTURE(batches);
    const std::string index = dir / ("index" + std::to_string(batches));
    const size_t per = docs.size() / batches;
    for (size_t b = 0; b < batches; ++b) {
      const std::string batch = dir / ("batch" + std::to_string(batches) + "_" + std::to_string(b) + ".jsonl");
      WriteFile(batch, Jsonl(docs, b * per, b + 1 == batches ? docs.size() : (b + 1) * per));
      const RunResult add = RunNeardup({"index", "add", index, batch});
      INFO(add.err);
      REQUIRE(add.exit_code == 0);
    }
    const RunResult stats = RunNeardup({"index", "stats", index});
    CHECK(StatsLine(stats.out, "documents") == "documents   8\n");  // p0 p1 p3 p5 p6 p8 p10 p12
    // Each document's earliest duplicate in the index is the document kept in its place (itself
    // when it was kept).
    const RunResult query = RunNeardup({"index", "query", index, dir / "all.jsonl", "--json"});
    REQUIRE(query.exit_code == 0);
    const std::map<std::string, std::string> first = FirstDuplicates(query.out);
    for (const Doc& d : docs) {
      CAPTURE(d.id);
      CHECK(first.at(d.id) == d.kept_as);
    }
  }
}

TEST_CASE("issue14: index add counts what it added and what it left out") {
  TempDir dir;
  const std::vector<Doc> docs = Corpus();
  WriteFile(dir / "a.jsonl", Jsonl(docs, 0, 7));
  WriteFile(dir / "b.jsonl", Jsonl(docs, 7, 14));
  CHECK(RunNeardup({"index", "add", dir / "index", dir / "a.jsonl"}).out ==
        "7 documents read, 5 added to " + dir / "index" + ", 2 not added (duplicates); the index holds 5\n");
  CHECK(RunNeardup({"index", "add", dir / "index", dir / "b.jsonl"}).out ==
        "7 documents read, 3 added to " + dir / "index" + ", 4 not added (duplicates); the index holds 8\n");
}

TEST_CASE("issue14: query names the similarity and the match of each duplicate") {
  TempDir dir;
  const std::vector<Doc> docs = Corpus();
  WriteFile(dir / "a.jsonl", Jsonl(docs, 0, 2));  // p0, p1
  WriteFile(dir / "q.jsonl", Jsonl(docs, 2, 3) + Jsonl(docs, 7, 9));  // p2 (exact p0), p7 (near p1), p8
  REQUIRE(RunNeardup({"index", "add", dir / "index", dir / "a.jsonl", "-q"}).exit_code == 0);
  const RunResult json = RunNeardup({"index", "query", dir / "index", dir / "q.jsonl", "--json"});
  CHECK(json.exit_code == 0);
  // The source of a JSONL record without a source field is its file, as given.
  const std::string source = QuoteJson(dir / "a.jsonl");
  CHECK(json.out ==
        "{\"id\":\"p2\",\"duplicates\":[{\"id\":\"p0\",\"source\":" + source + ",\"similarity\":1,\"match\":\"exact\"}]}\n"
        "{\"id\":\"p7\",\"duplicates\":[{\"id\":\"p1\",\"source\":" + source + ",\"similarity\":0.9512195121951219,"
        "\"match\":\"jaccard\"}]}\n"
        "{\"id\":\"p8\",\"duplicates\":[]}\n");
  CHECK(RunNeardup({"index", "query", dir / "index", dir / "q.jsonl"}).out ==
        "p2\tp0\t1.0000\texact\np7\tp1\t0.9512\tjaccard\n");
}

TEST_CASE("issue14: a run with other parameters is refused with exit code 2, naming them") {
  TempDir dir;
  const std::vector<Doc> docs = Corpus();
  WriteFile(dir / "a.jsonl", Jsonl(docs, 0, 4));
  REQUIRE(RunNeardup({"index", "add", dir / "index", dir / "a.jsonl", "-q"}).exit_code == 0);
  // The database and the marker; LMDB's lock file records readers as they come and go.
  const auto contents = [&] { return ReadFile(dir / "index/data.mdb") + ReadFile(dir / "index/neardup-index"); };
  const std::string before = contents();
  for (const auto& [option, value, message] :
       {std::tuple<std::string, std::string, std::string>{"--threshold", "0.9", "threshold 0.8, this run has threshold 0.9"},
        {"--num-perm", "64", "num_perm 128, this run has num_perm 64"},
        {"--seed", "2", "seed 1, this run has seed 2"},
        {"--shingle", "word:3", "shingle word:5, this run has shingle word:3"}}) {
    for (const std::string command : {"add", "query"}) {
      CAPTURE(option);
      CAPTURE(command);
      const RunResult run = RunNeardup({"index", command, dir / "index", dir / "a.jsonl", option, value});
      CHECK(run.exit_code == 2);
      CHECK(Contains(run.err, "neardup: index " + dir / "index" + " was built with " + message));
      CHECK(run.out.empty());
    }
  }
  CHECK(contents() == before);
}

TEST_CASE("issue14: a directory that is not an index is refused with exit code 2 and left untouched") {
  TempDir dir;
  const std::vector<Doc> docs = Corpus();
  WriteFile(dir / "a.jsonl", Jsonl(docs, 0, 4));
  SUBCASE("foreign files") { WriteFile(dir / "index/photo.jpg", "not an index"); }
  SUBCASE("a damaged database") {
    REQUIRE(RunNeardup({"index", "add", dir / "index", dir / "a.jsonl", "-q"}).exit_code == 0);
    std::string data = ReadFile(dir / "index/data.mdb");
    for (size_t i = 0; i < data.size(); i += 7) data[i] = static_cast<char>(data[i] ^ 0x5A);
    WriteFile(dir / "index/data.mdb", data);
  }
  SUBCASE("a marker of another kind") { WriteFile(dir / "index/neardup-index", "{\"something\": 1}\n"); }
  const auto before = ReadTree(dir / "index");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"index", "add", dir / "index", dir / "a.jsonl"},
        {"index", "query", dir / "index", dir / "a.jsonl"},
        {"index", "stats", dir / "index"}}) {
    CAPTURE(args[1]);
    const RunResult run = RunNeardup(args);
    CHECK(run.exit_code == 2);
    CHECK(Contains(run.err, "neardup: " + dir / "index"));
  }
  CHECK(ReadTree(dir / "index") == before);
}

TEST_CASE("issue14: a second writer fails at once, or waits with --wait; readers do not wait") {
  TempDir dir;
  const std::vector<Doc> docs = Corpus();
  WriteFile(dir / "a.jsonl", Jsonl(docs, 0, 4));
  WriteFile(dir / "b.jsonl", Jsonl(docs, 4, 8));
  REQUIRE(RunNeardup({"index", "add", dir / "index", dir / "a.jsonl", "-q"}).exit_code == 0);
  // flock(1) holds the writer's lock as another writer would, for two seconds.
  const std::string hold = "flock '" + dir / "index/writer.lock" + "' sleep 2 & sleep 0.3; ";
  const RunResult busy = RunShell(hold + "\"$NEARDUP\" index add '" + dir / "index" + "' '" + dir / "b.jsonl" +
                                  "'; code=$?; \"$NEARDUP\" index query '" + dir / "index" + "' '" + dir / "a.jsonl" +
                                  "' >/dev/null; echo \"$code $?\"; wait");
  CHECK(Contains(busy.err, "neardup: index " + dir / "index" + " is being written by another neardup"));
  CHECK(busy.out == "2 0\n");
  const RunResult waited = RunShell(hold + "\"$NEARDUP\" index add '" + dir / "index" + "' '" + dir / "b.jsonl" +
                                    "' --wait -q; echo $?; wait");
  CHECK(waited.out == "0\n");
  CHECK(StatsLine(RunNeardup({"index", "stats", dir / "index"}).out, "documents") == "documents   5\n");
}

TEST_CASE("issue14: a writer killed at any point leaves the index as before or as after its run") {
  TempDir dir;
  const std::vector<std::string> texts = SyntheticBase(3000, 14);
  std::string seed_batch, big_batch;
  for (size_t i = 0; i < texts.size(); ++i) {
    std::string& batch = i < 100 ? seed_batch : big_batch;
    batch += "{\"id\": \"d" + std::to_string(i) + "\", \"text\": " + QuoteJson(texts[i]) + "}\n";
  }
  WriteFile(dir / "seed.jsonl", seed_batch);
  WriteFile(dir / "big.jsonl", big_batch);
  WriteFile(dir / "probe.jsonl", seed_batch + big_batch.substr(0, big_batch.find('\n', 20000) + 1));
  const std::string index = dir / "index";
  const auto state = [&] { return RunNeardup({"index", "query", index, dir / "probe.jsonl", "--json"}); };
  REQUIRE(RunNeardup({"index", "add", index, dir / "seed.jsonl", "-q"}).exit_code == 0);
  const std::string before = state().out;
  // The after state, from a copy that ran to the end.
  std::filesystem::copy(index, dir / "after", std::filesystem::copy_options::recursive);
  const auto start = std::chrono::steady_clock::now();
  REQUIRE(RunNeardup({"index", "add", dir / "after", dir / "big.jsonl", "-q"}).exit_code == 0);
  const auto full = std::chrono::steady_clock::now() - start;
  const std::string after = RunNeardup({"index", "query", dir / "after", dir / "probe.jsonl", "--json"}).out;
  REQUIRE(before != after);
  int saw_before = 0;
  int saw_after = 0;
  // Kill points spread over the run (and a little past its usual end), in a fixed order.
  for (const double share : {0.05, 0.9, 0.3, 0.97, 0.6, 0.15, 0.999, 0.75, 0.45, 1.1}) {
    CAPTURE(share);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      const std::string binary = Binary();
      std::vector<std::string> args{binary, "index", "add", index, dir / "big.jsonl", "-q"};
      std::vector<char*> raw;
      for (std::string& a : args) raw.push_back(a.data());
      raw.push_back(nullptr);
      ::execv(raw[0], raw.data());
      ::_exit(127);
    }
    std::this_thread::sleep_for(std::chrono::duration_cast<std::chrono::microseconds>(full * share));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    const RunResult now = state();
    REQUIRE(now.exit_code == 0);
    CHECK((now.out == before || now.out == after));
    if (now.out == after) {
      ++saw_after;
      // Back to the before state for the next kill.
      std::filesystem::remove_all(index);
      REQUIRE(RunNeardup({"index", "add", index, dir / "seed.jsonl", "-q"}).exit_code == 0);
    } else {
      ++saw_before;
    }
    CHECK(RunNeardup({"index", "stats", index}).exit_code == 0);
  }
  MESSAGE("killed before the commit: " << saw_before << ", after: " << saw_after);
  CHECK(saw_before > 0);
}

// The ids of the records of a cleaned JSONL file.
std::set<std::string> CleanedIds(const std::string& jsonl) {
  std::set<std::string> ids;
  for (const std::string& line : SplitLines(jsonl)) {
    const size_t at = line.find("{\"id\": \"") + 8;
    ids.insert(line.substr(at, line.find('"', at) - at));
  }
  return ids;
}

TEST_CASE("issue14: clean --index over batches keeps the documents one clean --keep first keeps") {
  TempDir dir;
  const std::vector<Doc> docs = Corpus();
  WriteFile(dir / "all/all.jsonl", Jsonl(docs, 0, docs.size()));
  const RunResult single = RunNeardup({"clean", dir / "all", "-o", dir / "single", "--keep", "first", "-q"});
  REQUIRE(single.exit_code == 0);
  const std::set<std::string> kept = {"p0", "p1", "p3", "p5", "p6", "p8", "p10", "p12"};
  CHECK(CleanedIds(ReadFile(dir / "single/all.jsonl")) == kept);
  std::map<std::string, size_t> batch_of;
  for (const size_t batches : {size_t{1}, size_t{2}, size_t{7}}) {
    CAPTURE(batches);
    const std::string index = dir / ("index" + std::to_string(batches));
    const size_t per = docs.size() / batches;
    std::set<std::string> kept_over_batches;
    for (size_t b = 0; b < batches; ++b) {
      CAPTURE(b);
      const size_t begin = b * per, end = b + 1 == batches ? docs.size() : (b + 1) * per;
      for (size_t i = begin; i < end; ++i) batch_of[docs[i].id] = b;
      const std::string in = dir / ("in" + std::to_string(batches) + "_" + std::to_string(b));
      const std::string out = dir / ("out" + std::to_string(batches) + "_" + std::to_string(b));
      WriteFile(in + "/batch.jsonl", Jsonl(docs, begin, end));
      const RunResult run = RunNeardup({"clean", in, "-o", out, "--index", index, "-q"});
      INFO(run.err);
      REQUIRE(run.exit_code == 0);
      const std::set<std::string> ids = CleanedIds(ReadFile(out + "/batch.jsonl"));
      kept_over_batches.insert(ids.begin(), ids.end());
      // Each removed document names the document kept in its place, marked when that one is in
      // the index (an earlier batch).
      const Report report = LoadReport(out + "/report.json");
      size_t removed = 0;
      for (const DocumentCluster& c : report.clusters) {
        const std::string kept_id(report.ids[c.kept]);
        CHECK(c.kept_in_index == (batch_of.at(kept_id) < b));
        for (const RemovedDocument& r : c.removed) {
          ++removed;
          const std::string id(report.ids[r.doc]);
          for (const Doc& d : docs) {
            if (d.id == id) CHECK(d.kept_as == kept_id);
          }
        }
      }
      CHECK(removed + ids.size() == end - begin);
    }
    CHECK(kept_over_batches == kept);
    CHECK(StatsLine(RunNeardup({"index", "stats", index}).out, "documents") == "documents   8\n");
  }
}

TEST_CASE("issue14: report and check read the index; clean --index-readonly too") {
  TempDir dir;
  const std::vector<Doc> docs = Corpus();
  WriteFile(dir / "a/a.jsonl", Jsonl(docs, 0, 7));
  WriteFile(dir / "b/b.jsonl", Jsonl(docs, 7, 14));
  REQUIRE(RunNeardup({"index", "add", dir / "index", dir / "a", "-q"}).exit_code == 0);
  const auto contents = [&] { return ReadFile(dir / "index/data.mdb") + ReadFile(dir / "index/neardup-index"); };
  const std::string before = contents();
  // p7 (near p1) and p9 (near p5) duplicate documents of the index; p11 and p13 documents of b.
  const RunResult report = RunNeardup({"report", dir / "b", "--index", dir / "index", "-q"});
  REQUIRE(report.exit_code == 0);
  const Report r = ParseReport(report.out);
  CHECK(r.stats.duplicate_documents == 4);
  size_t in_index = 0;
  for (const DocumentCluster& c : r.clusters) in_index += c.kept_in_index ? c.removed.size() : 0;
  CHECK(in_index == 2);
  CHECK(RunNeardup({"check", dir / "b", "--index", dir / "index", "--max-dup-docs", "3", "-q"}).exit_code == 1);
  CHECK(RunNeardup({"check", dir / "b", "--index", dir / "index", "--max-dup-docs", "4", "-q"}).exit_code == 0);
  CHECK(RunNeardup({"check", dir / "b", "--max-dup-docs", "2", "-q"}).exit_code == 0);  // without it: p11, p13
  CHECK(RunNeardup({"clean", dir / "b", "-o", dir / "out", "--index", dir / "index", "--index-readonly", "-q"})
            .exit_code == 0);
  CHECK(CleanedIds(ReadFile(dir / "out/b.jsonl")) == std::set<std::string>{"p8", "p10", "p12"});
  CHECK(contents() == before);
  SUBCASE("other parameters: exit code 2 before anything is written") {
    const RunResult run = RunNeardup({"clean", dir / "b", "-o", dir / "out2", "--index", dir / "index", "--seed", "5"});
    CHECK(run.exit_code == 2);
    CHECK(Contains(run.err, "was built with seed 1, this run has seed 5"));
    CHECK(!std::filesystem::exists(dir / "out2/b.jsonl"));
    CHECK(contents() == before);
  }
  SUBCASE("review formats do not show documents kept in an index yet") {
    CHECK(RunNeardup({"report", dir / "b", "--index", dir / "index", "--format", "md"}).exit_code == 2);
  }
}

}  // namespace neardup::testing
