// `neardup index add|query|stats`: a persistent index of documents (engine/index_dedup.h,
// store/index.h).
#include <cinttypes>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "cli/detect.h"
#include "cli/index_commands.h"
#include "cli/output.h"
#include "cli/progress.h"
#include "neardup/base/json_writer.h"
#include "neardup/base/status_macros.h"
#include "neardup/engine/index_dedup.h"
#include "neardup/io/corpus.h"
#include "neardup/store/index.h"

namespace neardup::cli {
namespace {

// Options of `report` that an index does not take: passage rules (documents only, so far),
// containment and keep policies other than first (an indexed document is always the one kept).
constexpr const char* kNotForIndex[] = {"--passages",
                                        "--cross-doc",
                                        "--boilerplate-min-docs",
                                        "--boilerplate-min-share",
                                        "--boilerplate-patterns",
                                        "--min-tandem-words",
                                        "--keep",
                                        "--containment"};

void AddIndexArgument(CLI::App& cmd, std::string& index) {
  Metavar(cmd.add_option("INDEX", index, "The index: a directory (created by 'index add' when missing)"), "DIR")
      ->required();
}

void AddDocumentOptions(CLI::App& cmd, IndexCommandOptions& o) {
  AddIndexArgument(cmd, o.index);
  AddCommonOptions(cmd, o.common);
  for (const char* name : kNotForIndex) cmd.remove_option(cmd.get_option(name));
}

// The inputs and the config, with the index checked not to be one of them.
absl::StatusOr<Prepared> PrepareIndexRun(const IndexCommandOptions& o, const Messages& messages) {
  NEARDUP_ASSIGN_OR_RETURN(Prepared prepared, Prepare(o.common, messages));
  NEARDUP_RETURN_IF_ERROR(CheckOutputDir(prepared.inputs, o.index));
  return prepared;
}

int Fail(const Messages& messages, const absl::Status& status) {
  messages.Error(status);
  return kExitUsage;
}

std::string MatchLine(const Document& doc, std::span<const IndexMatch> matches) {
  JsonWriter w(0);
  w.BeginObject().Key("id").String(doc.id).Key("duplicates").BeginArray();
  for (const IndexMatch& m : matches) {
    w.BeginObject().Key("id").String(m.id).Key("source").String(m.source);
    w.Key("similarity").Double(m.similarity).Key("match").String(MatchName(m.match)).EndObject();
  }
  w.EndArray().EndObject();
  return w.Finish();  // one line, ended by Finish()
}

// "ID<TAB>INDEXED ID<TAB>SIMILARITY<TAB>MATCH", one line per duplicate.
std::string MatchRows(const Document& doc, std::span<const IndexMatch> matches) {
  std::string out;
  for (const IndexMatch& m : matches) {
    absl::StrAppendFormat(&out, "%s\t%s\t%.4f\t%s\n", doc.id, m.id, m.similarity, MatchName(m.match));
  }
  return out;
}

std::string FormatParams(const IndexParams& params) {
  std::vector<std::string> parts;
  for (const auto& [name, value] : params) parts.push_back(name + " " + value);
  return absl::StrJoin(parts, ", ");
}

}  // namespace

void AddIndexRunOptions(CLI::App& cmd, CommonOptions& o, bool writer) {
  const std::string group = "Index";
  Metavar(cmd.add_option("--index", o.index,
                         writer ? "Also check the documents against this persistent index (see 'neardup index'): "
                                  "a document that duplicates an indexed one is removed in its favour; then add "
                                  "the kept documents to it, in one commit"
                                : "Also check the documents against this persistent index (see 'neardup index'): "
                                  "a document that duplicates an indexed one is a duplicate of it; the index is "
                                  "only read"),
          "DIR")
      ->group(group);
  if (!writer) return;
  cmd.add_flag("--index-readonly", o.index_readonly, "With --index: check against the index without adding to it")
      ->group(group);
  cmd.add_flag("--wait", o.index_wait, "With --index: wait for another writer of the index instead of failing")
      ->group(group);
}

CLI::App* AddIndexCommand(CLI::App& app, IndexOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "index", "Keep a persistent index of documents, so that each new batch is checked against all "
               "the batches before it: 'index add', 'index query', 'index stats'.");
  cmd->require_subcommand(1);
  CLI::App* add = cmd->add_subcommand(
      "add", "Add the documents of INPUT to the index, creating it when missing: each one that is not a "
             "duplicate of an indexed document or of an earlier one of INPUT. One atomic commit.");
  AddDocumentOptions(*add, o.add);
  add->add_flag("--wait", o.wait, "Wait for another writer of the index to finish instead of failing")
      ->group("Run");
  CLI::App* query = cmd->add_subcommand(
      "query", "For each document of INPUT, its duplicates in the index (id, exact similarity, match); "
               "the index is only read.");
  AddDocumentOptions(*query, o.query);
  query->add_flag("--json", o.json,
                  "One JSON line per document: {\"id\", \"duplicates\": [{\"id\", \"source\", \"similarity\", "
                  "\"match\"}]}; default: a tab-separated line per duplicate")
      ->group("Output");
  CLI::App* stats = cmd->add_subcommand("stats", "Print the index's documents, sources, size on disk and parameters.");
  AddIndexArgument(*stats, o.stats_index);
  o.apps = {add, query, stats};
  return cmd;
}

int RunIndexAdd(const IndexOptions& options) {
  const IndexCommandOptions& o = options.add;
  const Messages messages(o.common);
  const ThreadLimit threads(o.common.threads);
  absl::StatusOr<Prepared> prepared = PrepareIndexRun(o, messages);
  if (!prepared.ok()) return Fail(messages, prepared.status());
  absl::StatusOr<std::unique_ptr<Index>> index = Index::Open(o.index, {Index::Mode::kWrite, options.wait});
  if (!index.ok()) return Fail(messages, index.status());
  ReadStats read;
  absl::StatusOr<IndexAddResult> result;
  {
    ProgressLine progress(WantProgress(o.common), KnownInputBytes(prepared->inputs));
    const InputCorpus corpus(prepared->inputs, MakeJsonlOptions(o.common), &read);
    result = AddToIndex(corpus, prepared->config, **index, progress.callback());
  }
  if (!result.ok()) return Fail(messages, result.status());
  if (const absl::Status status = CheckRead(read, o.common, messages); !status.ok()) return Fail(messages, status);
  if (messages.quiet()) return kExitOk;
  return ExitAfterWrite(WriteStdout(absl::StrFormat(
                            "%d documents read, %d added to %s, %d not added (duplicates); the index holds %d\n",
                            result->documents, result->added, o.index, result->duplicates, (*index)->documents())),
                        messages, kExitOk);
}

int RunIndexQuery(const IndexOptions& options) {
  const IndexCommandOptions& o = options.query;
  const Messages messages(o.common);
  absl::StatusOr<Prepared> prepared = PrepareIndexRun(o, messages);
  if (!prepared.ok()) return Fail(messages, prepared.status());
  absl::StatusOr<std::unique_ptr<Index>> index = Index::Open(o.index, {Index::Mode::kRead, false});
  if (!index.ok()) return Fail(messages, index.status());
  ReadStats read;
  const InputCorpus corpus(prepared->inputs, MakeJsonlOptions(o.common), &read);
  absl::Status status = QueryIndex(corpus, prepared->config, **index,
                                   [&](const Document& doc, std::span<const IndexMatch> matches) {
                                     return WriteStdout(options.json ? MatchLine(doc, matches) : MatchRows(doc, matches));
                                   });
  if (IsBrokenPipe(status)) return kExitOk;
  if (status.ok()) status = CheckRead(read, o.common, messages);
  if (!status.ok()) return Fail(messages, status);
  return kExitOk;
}

int RunIndexStats(const IndexOptions& o) {
  const Messages messages(CommonOptions{});
  absl::StatusOr<std::unique_ptr<Index>> index = Index::Open(o.stats_index, {Index::Mode::kRead, false});
  if (!index.ok()) return Fail(messages, index.status());
  const absl::StatusOr<IndexStats> stats = (*index)->Stats();
  if (!stats.ok()) return Fail(messages, stats.status());
  std::string out = absl::StrFormat("index       %s\nformat      %d\ndocuments   %d\nsources     %d\n", o.stats_index,
                                    kIndexFormat, stats->documents, stats->sources);
  absl::StrAppendFormat(&out, "disk bytes  %d (%.1f MiB, %.0f bytes a document)\n", stats->disk_bytes,
                        static_cast<double>(stats->disk_bytes) / (1 << 20),
                        stats->documents == 0 ? 0.0
                                              : static_cast<double>(stats->disk_bytes) / static_cast<double>(stats->documents));
  absl::StrAppendFormat(&out, "parameters  %s\n",
                        stats->params.has_value() ? FormatParams(*stats->params) : std::string("(none yet)"));
  return ExitAfterWrite(WriteStdout(out), messages, kExitOk);
}

int RunIndex(const IndexOptions& o) {
  if (o.apps[0]->parsed()) return RunIndexAdd(o);
  if (o.apps[1]->parsed()) return RunIndexQuery(o);
  return RunIndexStats(o);
}

}  // namespace neardup::cli
