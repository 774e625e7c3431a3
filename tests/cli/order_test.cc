// Issue 3: order independence and keep policies, on JSONL written by the test.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "cli/run_binary.h"
#include "neardup/base/json_string.h"

namespace neardup::testing {
namespace {

struct Record {
  std::string id, site, date, text;
};

std::string Jsonl(const std::vector<Record>& records) {
  std::string out;
  for (const Record& r : records) {
    out += "{\"id\": " + QuoteJson(r.id) + ", \"site\": " + QuoteJson(r.site) +
           ", \"date\": " + QuoteJson(r.date) + ", \"text\": " + QuoteJson(r.text) + "}\n";
  }
  return out;
}

const std::string kStory =
    "Seoul dan Washington sepakat memperkuat latihan militer gabungan tahun depan setelah pertemuan "
    "para menteri pertahanan di Pentagon pada hari Senin yang membahas pengiriman pasukan Korea "
    "Utara ke Rusia dan ancaman rudal di semenanjung";

// Eight pages of one site sharing two widget lines, plus a story published three times.
std::vector<Record> Corpus() {
  const char* const pages[][2] = {
      {"Harga beras naik di pasar", "Pedagang mengeluhkan pasokan yang tersendat sejak awal bulan."},
      {"Banjir rendam rumah warga Bekasi", "Warga mengungsi ke masjid setelah hujan deras semalaman."},
      {"Timnas menang tipis atas Vietnam", "Gol tunggal dicetak pemain pengganti menjelang akhir laga."},
      {"Festival kuliner digelar di Solo", "Ratusan pedagang menjajakan makanan khas daerah."},
      {"Kereta cepat beroperasi penuh", "Penumpang memadati stasiun pada hari pertama."},
      {"Merapi kembali erupsi", "Status siaga tetap diberlakukan oleh badan geologi."},
      {"Inflasi Oktober melandai", "Bank sentral menahan suku bunga acuan bulan ini."},
      {"Jalan tol baru diresmikan", "Waktu tempuh ke pelabuhan terpangkas hampir separuh."}};
  std::vector<Record> r;
  for (int i = 0; i < 8; ++i) {
    r.push_back({"page" + std::to_string(i), "site-a", "2024-01-0" + std::to_string(i + 1),
                 std::string(pages[i][0]) + "\n" + pages[i][1] + "\nSHARE\nIkuti kami di media sosial\n"});
  }
  r.push_back({"story-early", "wire", "2024-02-01", kStory + "\nSHARE\n"});
  r.push_back({"story-long", "wire", "2024-02-03", kStory + " utara.\nPenulis: Redaksi\n"});
  r.push_back({"story-late", "wire", "2024-02-02", kStory + "\n"});
  return r;
}

struct Summary {
  std::set<std::tuple<std::string, std::string, uint64_t>> boilerplate;  // source, text, documents
  std::set<std::tuple<std::string, uint64_t, uint64_t>> boilerplate_spans;  // doc, start, end
  std::string kept_story;
  std::set<std::string> removed;
};

Summary Run(const std::vector<Record>& records, const std::vector<std::string>& extra = {}) {
  TempDir dir;
  WriteFile(dir / "in.jsonl", Jsonl(records));
  std::vector<std::string> args{"report", dir / "in.jsonl", "--source-field", "site", "-o", dir / "r.json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const RunResult run = RunNeardup(args);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const Report report = LoadReport(dir / "r.json");
  Summary s;
  for (const BoilerplateEntry& b : report.boilerplate) s.boilerplate.insert({b.source, b.text, b.documents});
  for (const PassageFinding& p : report.passages) {
    if (p.rule != PassageRule::kBoilerplate) continue;
    s.boilerplate_spans.insert({std::string(report.ids[p.doc]), p.start, p.end});
  }
  for (const DocumentCluster& c : report.clusters) {
    const std::string kept(report.ids[c.kept]);
    if (kept.rfind("story", 0) == 0) s.kept_story = kept;
    for (const RemovedDocument& d : c.removed) s.removed.insert(std::string(report.ids[d.doc]));
  }
  return s;
}

}  // namespace

TEST_CASE("shuffling the input changes which copy is kept only as --keep first says; boilerplate never") {
  const std::vector<Record> forward = Corpus();
  std::vector<Record> backward(forward.rbegin(), forward.rend());
  std::vector<Record> interleaved;
  for (size_t i = 0; i < forward.size(); i += 2) interleaved.push_back(forward[i]);
  for (size_t i = 1; i < forward.size(); i += 2) interleaved.push_back(forward[i]);

  const Summary a = Run(forward), b = Run(backward), c = Run(interleaved);
  // The two widget lines are in all 8 pages of site-a; SHARE is also on one wire story (1 of 3).
  const std::set<std::tuple<std::string, std::string, uint64_t>> expected{
      {"site-a", "SHARE", 8}, {"site-a", "Ikuti kami di media sosial", 8}};
  CHECK(a.boilerplate == expected);
  CHECK(b.boilerplate == expected);
  CHECK(c.boilerplate == expected);
  CHECK(a.boilerplate_spans.size() == 16);
  CHECK(a.boilerplate_spans == b.boilerplate_spans);
  CHECK(a.boilerplate_spans == c.boilerplate_spans);
  // --keep first: the first story in each order stays.
  CHECK(a.kept_story == "story-early");
  CHECK(b.kept_story == "story-late");
  CHECK(c.kept_story == "story-early");
  CHECK(a.removed == std::set<std::string>{"story-long", "story-late"});
}

TEST_CASE("--keep longest and --keep field:date choose the same copy in any order") {
  const std::vector<Record> forward = Corpus();
  const std::vector<Record> backward(forward.rbegin(), forward.rend());
  CHECK(Run(forward, {"--keep", "longest"}).kept_story == "story-long");
  CHECK(Run(backward, {"--keep", "longest"}).kept_story == "story-long");
  CHECK(Run(forward, {"--keep", "field:date"}).kept_story == "story-early");
  CHECK(Run(backward, {"--keep", "field:date"}).kept_story == "story-early");
}

TEST_CASE("--keep rejects anything but first, longest or field:NAME") {
  TempDir dir;
  WriteFile(dir / "in.jsonl", Jsonl(Corpus()));
  for (const std::string bad : {"last", "field:", "shortest"}) {
    CAPTURE(bad);
    const RunResult r = RunNeardup({"report", dir / "in.jsonl", "--keep", bad});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--keep") != std::string::npos);
  }
}

}  // namespace neardup::testing

namespace neardup::testing {

TEST_CASE("--url-field makes the URL's host the source of boilerplate") {
  TempDir dir;
  std::string jsonl;
  const char* const bodies[] = {"Harga beras naik di pasar induk", "Banjir rendam rumah warga Bekasi",
                                "Timnas menang tipis atas Vietnam", "Festival kuliner digelar di Solo"};
  for (int i = 0; i < 4; ++i) {
    // Pages 0-2 on one host (with the widget), page 3 on another host (with it too).
    const std::string host = i < 3 ? "https://News.Example.com:443/berita/" : "http://other.example.org/";
    jsonl += "{\"url\": " + QuoteJson(host + std::to_string(i)) + ", \"text\": " +
             QuoteJson(std::string(bodies[i]) + "\nSHARE\n") + "}\n";
  }
  WriteFile(dir / "in.jsonl", jsonl);
  const RunResult r = RunNeardup({"report", dir / "in.jsonl", "--url-field", "url"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("\"source\": \"news.example.com\"") != std::string::npos);
  // SHARE is boilerplate on news.example.com (3 pages), not on other.example.org (1 page).
  CHECK(r.out.find("\"boilerplate_by_source\"") != std::string::npos);
  const size_t removed = r.out.find("\"rule\": \"boilerplate\"");
  REQUIRE(removed != std::string::npos);
  size_t count = 0;
  for (size_t at = removed; at != std::string::npos; at = r.out.find("\"rule\": \"boilerplate\"", at + 1)) ++count;
  CHECK(count == 3);
}

}  // namespace neardup::testing
