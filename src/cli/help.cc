#include "cli/help.h"

#include <algorithm>

#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "cli/help_model.h"

namespace neardup::cli {
namespace {

constexpr size_t kWidth = 80;
constexpr size_t kDescriptionColumn = 28;

bool IsChoiceWord(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

OptionInfo::PathKind PathKindOf(std::string_view metavar) {
  if (metavar.size() >= 3 && metavar.substr(metavar.size() - 3) == "DIR") return OptionInfo::kDirectory;
  for (const std::string_view file : {"FILE", "INPUT", "REPORT", "PATH"}) {
    if (metavar == file) return OptionInfo::kFile;
  }
  return OptionInfo::kNoPath;
}

OptionInfo DescribeOption(const CLI::Option& option, const CLI::App& app) {
  OptionInfo info;
  info.positional = !option.nonpositional();
  if (info.positional) {
    info.names.push_back(option.get_name(true));
  } else {
    for (const std::string& s : option.get_snames()) info.names.push_back("-" + s);
    for (const std::string& l : option.get_lnames()) info.names.push_back("--" + l);
  }
  if (option.get_items_expected_max() > 0) info.metavar = option.get_type_name();
  for (const absl::string_view word : absl::StrSplit(info.metavar, '|')) {
    const std::string choice(word);
    if (info.metavar.find('|') != std::string::npos && IsChoiceWord(choice)) info.choices.push_back(choice);
  }
  info.path = PathKindOf(info.metavar);
  info.description = option.get_description();
  info.default_value = option.get_default_str();
  info.group = option.get_group();
  info.required = option.get_required();
  info.many = option.get_items_expected_max() > 1;
  info.help = &option == app.get_help_ptr();
  return info;
}

// `text` broken into lines of at most `width` columns (counting bytes; the help is ASCII).
std::vector<std::string> Wrap(std::string_view text, size_t width) {
  std::vector<std::string> lines(1);
  for (const absl::string_view word : absl::StrSplit(absl::string_view(text.data(), text.size()), ' ', absl::SkipEmpty())) {
    std::string& line = lines.back();
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      lines.emplace_back(word);
    } else {
      if (!line.empty()) line += ' ';
      line.append(word.data(), word.size());
    }
  }
  return lines;
}

// "  -o, --output FILE", aligned so that long names without a short one line up.
std::string OptionLeft(const OptionInfo& o) {
  std::string left = "  ";
  if (o.positional) {
    left += o.names.front();
    if (o.many) left += "...";
    return left;
  }
  const bool has_short = o.names.front().size() == 2;
  left += has_short ? o.names.front() : "  ";
  // The first long name; others are aliases, named in the description.
  const auto long_name = std::find_if(o.names.begin(), o.names.end(), [](const std::string& n) { return n.size() > 2; });
  if (long_name != o.names.end()) left += (has_short ? ", " : "  ") + *long_name;
  if (!o.metavar.empty()) left += " " + o.metavar;
  return left;
}

std::string OptionDescription(const OptionInfo& o) {
  std::string text = o.description;
  std::vector<std::string> aliases;
  bool first_long = true;
  for (const std::string& name : o.names) {
    if (name.size() <= 2 || o.positional) continue;
    if (!std::exchange(first_long, false)) aliases.push_back(name);
  }
  if (!aliases.empty()) text += absl::StrFormat(" (also %s)", absl::StrJoin(aliases, ", "));
  if (o.required && !o.positional) text += " (required)";
  if (!o.default_value.empty()) text += absl::StrFormat(" (default: %s)", o.default_value);
  return text;
}

void AppendOption(const OptionInfo& o, std::string& out) {
  std::string left = OptionLeft(o);
  const std::vector<std::string> lines = Wrap(OptionDescription(o), kWidth - kDescriptionColumn);
  const std::string indent(kDescriptionColumn, ' ');
  if (left.size() + 2 > kDescriptionColumn) {
    out += left + "\n";
    left = indent;
  } else {
    left.resize(kDescriptionColumn, ' ');
  }
  for (size_t i = 0; i < lines.size(); ++i) out += (i == 0 ? left : indent) + lines[i] + "\n";
}

void AppendParagraph(std::string_view text, std::string& out) {
  for (const std::string& line : Wrap(text, kWidth)) out += line + "\n";
}

std::string CommandHelp(const CommandInfo& c) {
  std::string out = "Usage: " + UsageLine(c) + "\n\n";
  AppendParagraph(c.description, out);
  if (!c.subcommands.empty()) {
    out += "\nCommands:\n";
    for (const CommandInfo& sub : c.subcommands) {
      OptionInfo line;
      line.positional = true;
      line.names = {sub.name.substr(sub.name.rfind(' ') + 1)};
      line.description = sub.description;
      AppendOption(line, out);
    }
  }
  std::vector<std::string> groups;
  for (const OptionInfo& o : c.options) {
    if (!o.positional && !o.help && std::find(groups.begin(), groups.end(), o.group) == groups.end()) {
      groups.push_back(o.group);
    }
  }
  if (std::any_of(c.options.begin(), c.options.end(), [](const OptionInfo& o) { return o.positional; })) {
    out += "\nArguments:\n";
    for (const OptionInfo& o : c.options) {
      if (o.positional) AppendOption(o, out);
    }
  }
  for (size_t g = 0; g < groups.size(); ++g) {
    out += "\n" + groups[g] + ":\n";
    for (const OptionInfo& o : c.options) {
      if (!o.positional && !o.help && o.group == groups[g]) AppendOption(o, out);
    }
    // --help closes the last group.
    if (g + 1 == groups.size()) {
      for (const OptionInfo& o : c.options) {
        if (o.help) AppendOption(o, out);
      }
    }
  }
  if (!c.footer.empty()) out += "\n" + c.footer;
  return out;
}

std::string ProgramHelp(const CLI::App& app) {
  const CommandInfo program = DescribeCommand(app);
  std::string out = program.description + "\n\n";
  out += "Usage: neardup COMMAND [OPTIONS] [INPUT...]\n       neardup help [COMMAND]\n\nCommands:\n";
  for (const CommandInfo& c : DescribeSubcommands(app)) {
    OptionInfo line;
    line.positional = true;
    line.names = {c.name};
    line.description = c.description;
    AppendOption(line, out);
  }
  out += "\nOptions:\n";
  for (const OptionInfo& o : program.options) AppendOption(o, out);
  out += "\n";
  AppendParagraph("Run 'neardup help COMMAND' or 'neardup COMMAND --help' for the options of a command.", out);
  if (!program.footer.empty()) out += "\n" + program.footer;
  return out;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

CommandInfo DescribeCommand(const CLI::App& app) {
  CommandInfo info;
  for (const CLI::App* at = &app; at->get_parent() != nullptr; at = at->get_parent()) {
    info.name = info.name.empty() ? at->get_name() : at->get_name() + " " + info.name;
  }
  info.description = app.get_description();
  info.footer = app.get_footer();
  info.hidden = app.get_group().empty();
  for (const CLI::Option* option : app.get_options()) info.options.push_back(DescribeOption(*option, app));
  if (app.get_parent() != nullptr) info.subcommands = DescribeSubcommands(app);
  return info;
}

std::vector<CommandInfo> DescribeSubcommands(const CLI::App& app) {
  std::vector<CommandInfo> out;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    CommandInfo info = DescribeCommand(*sub);
    if (!info.hidden) out.push_back(std::move(info));
  }
  return out;
}

std::string UsageLine(const CommandInfo& c) {
  std::string out = "neardup " + c.name;
  if (!c.subcommands.empty()) return out + " COMMAND [OPTIONS] ...";
  for (const OptionInfo& o : c.options) {
    if (!o.required || o.positional) continue;
    const auto name = std::find_if(o.names.begin(), o.names.end(), [](const std::string& n) { return n.size() > 2; });
    out += " " + (name != o.names.end() ? *name : o.names.front()) + " " + o.metavar;
  }
  out += " [OPTIONS]";
  for (const OptionInfo& o : c.options) {
    if (!o.positional) continue;
    const std::string name = o.names.front() + (o.many ? "..." : "");
    out += " " + (o.required ? name : "[" + name + "]");
  }
  return out;
}

std::string FormatHelp(const CLI::App& app) {
  if (app.get_parent() == nullptr) return ProgramHelp(app);
  return CommandHelp(DescribeCommand(app));
}

void UseNeardupHelp(CLI::App& app) {
  const auto format = [](const CLI::App* shown, std::string, CLI::AppFormatMode) { return FormatHelp(*shown); };
  app.formatter_fn(format);
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) UseNeardupHelp(*sub);
}

std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const std::string& candidate : candidates) {
    // A word that is near the start of a candidate ("--tresh" for "--threshold") is an
    // abbreviation with a typo: one edit more than its distance to that start.
    size_t distance = EditDistance(word, candidate);
    for (size_t length = word.size() > 3 ? word.size() - 1 : word.size(); length <= word.size() + 2; ++length) {
      if (length >= 4 && length < candidate.size()) {
        distance = std::min(distance, EditDistance(word, std::string_view(candidate).substr(0, length)) + 1);
      }
    }
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

std::vector<std::string> OptionNames(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* option : app.get_options()) {
    for (const std::string& l : option->get_lnames()) names.push_back("--" + l);
    for (const std::string& s : option->get_snames()) names.push_back("-" + s);
  }
  return names;
}

}  // namespace neardup::cli
