/// @file
/// @brief Runs the commands a Markdown document shows, the way a reader would, so that
///        documented commands never silently go stale.
///
/// A document's fenced code blocks are read in order:
/// - ```sh blocks: every line is a command, run with /bin/sh from a sandbox folder that
///   holds a copy of the repository's scenarios/ and build/aiscale (the program under
///   test), with that build/ first on PATH so `aiscale ...` works too. Blank lines and
///   `#` comment lines are skipped; a trailing `\` joins lines. Every command must exit
///   with 0. Commands that are not the aiscale program (`bash scripts/...`) are refused
///   unless the caller lists them as handled elsewhere.
/// - ```json file=PATH blocks: written to PATH in the sandbox before the commands that
///   follow them run (the "save this as ..." files of a tutorial).
/// Every other block is left alone.
#pragma once

#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <sys/wait.h>
#include <vector>

#include <catch2/catch.hpp>

#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace aiscale_test {

/// One fenced code block of a Markdown file.
struct FencedBlock {
  std::string info;  ///< what follows the opening ``` (e.g. "sh", "json file=a.json")
  std::string body;  ///< the lines between the fences, each ending in '\n'
  int line = 0;      ///< 1-based line of the opening fence
};

/// The fenced code blocks of `markdown`, in order. Fences may be indented (inside list
/// items); the body keeps its lines as written minus that indentation.
inline std::vector<FencedBlock> fenced_blocks(const std::string& markdown) {
  std::vector<FencedBlock> blocks;
  std::size_t pos = 0;
  int line_number = 0;
  bool inside = false;
  std::size_t indent = 0;
  FencedBlock block;
  while (pos < markdown.size()) {
    std::size_t end = markdown.find('\n', pos);
    if (end == std::string::npos) end = markdown.size();
    const std::string line = markdown.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    const std::size_t first = line.find_first_not_of(' ');
    const bool fence = first != std::string::npos && line.compare(first, 3, "```") == 0;
    if (!inside && fence) {
      inside = true;
      indent = first;
      block = FencedBlock{line.substr(first + 3), "", line_number};
    } else if (inside && fence && line.find_first_not_of('`', first) == std::string::npos) {
      inside = false;
      blocks.push_back(block);
    } else if (inside) {
      block.body += (line.size() >= indent ? line.substr(indent) : std::string()) + "\n";
    }
  }
  return blocks;
}

/// The commands of one ```sh block: comment and blank lines dropped, `\` continuations
/// joined.
inline std::vector<std::string> shell_commands(const std::string& body) {
  std::vector<std::string> commands;
  std::string pending;
  std::size_t pos = 0;
  while (pos < body.size()) {
    std::size_t end = body.find('\n', pos);
    if (end == std::string::npos) end = body.size();
    std::string line = body.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\\') {
      pending += line.substr(0, line.size() - 1) + " ";
      continue;
    }
    line = pending + line;
    pending.clear();
    const std::size_t first = line.find_first_not_of(' ');
    if (first == std::string::npos || line[first] == '#') continue;
    commands.push_back(line.substr(first));
  }
  return commands;
}

/// The output of one command run by /bin/sh.
struct ShellResult {
  int exit_code = -1;
  std::string output;  ///< stdout and stderr together
};

/// A folder laid out like the repository for a reader's commands: scenarios/ copied
/// from the source tree and build/aiscale linked to the program under test.
class DocSandbox {
 public:
  explicit DocSandbox(const std::string& label) : dir_(label) {
    namespace fs = std::filesystem;
    fs::copy(fs::path(AISCALE_SOURCE_DIR) / "scenarios", dir_.path() / "scenarios",
             fs::copy_options::recursive);
    fs::create_directories(dir_.path() / "build");
    fs::create_symlink(fs::absolute(AISCALE_BINARY), dir_.path() / "build" / "aiscale");
  }

  [[nodiscard]] const std::filesystem::path& path() const { return dir_.path(); }

  /// Writes `text` to `relative` inside the sandbox.
  void write(const std::string& relative, const std::string& text) const { dir_.write(relative, text); }

  /// Runs `command` with /bin/sh from the sandbox folder, build/ first on PATH. OpenMPI's
  /// mpirun may run as root (CI) and start more ranks than there are cores; under the
  /// sanitizer build its ranks run without leak checking (OpenMPI's unloaded components
  /// leak, see research_commands_test.cpp).
  [[nodiscard]] ShellResult run(const std::string& command) const {
    std::string line = "cd '" + path().string() + "' && PATH='" + (path() / "build").string() +
                       "':\"$PATH\" && export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 "
                       "OMPI_MCA_rmaps_base_oversubscribe=1 && ";
    if (command.rfind("mpirun ", 0) == 0) line += "export ASAN_OPTIONS=\"${ASAN_OPTIONS:-}:detect_leaks=0\" && ";
    line += "{ " + command + "\n} 2>&1";
    FILE* pipe = popen(line.c_str(), "r");
    REQUIRE(pipe != nullptr);
    ShellResult result;
    char buffer[4096];
    while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) result.output.append(buffer, n);
    const int status = pclose(pipe);
    REQUIRE(WIFEXITED(status));  // no crash, no signal
    result.exit_code = WEXITSTATUS(status);
    return result;
  }

 private:
  TempDir dir_;
};

/// Whether `command` runs the aiscale program (as `aiscale` or `build/aiscale`), directly
/// or under `mpirun`.
inline bool runs_aiscale(const std::string& command) {
  if (command.rfind("mpirun ", 0) == 0) return command.find(" build/aiscale ") != std::string::npos;
  return command.rfind("aiscale ", 0) == 0 || command.rfind("build/aiscale ", 0) == 0;
}

/// The headline lines `run` and `compare` print ("<scenario>  ROI at month ...") that a
/// document also shows must be shown exactly as printed: a document that quotes a
/// scenario's headline quotes the current one. Returns how many of `output`'s headlines
/// the document shows.
inline int check_shown_output(const std::string& markdown, const std::string& output) {
  int shown_lines = 0;
  std::size_t pos = 0;
  while ((pos = output.find(" ROI at month ", pos)) != std::string::npos) {
    const std::size_t start = output.rfind('\n', pos) + 1;  // npos + 1 == 0
    const std::size_t end = output.find('\n', pos);
    const std::string line = output.substr(start, end - start);
    pos = end;
    const std::string scenario = line.substr(0, line.find(' '));
    // Does the document show a headline of this scenario at all?
    bool shown = false;
    for (std::size_t at = markdown.find("\n" + scenario + " "); at != std::string::npos;
         at = markdown.find("\n" + scenario + " ", at + 1)) {
      const std::size_t eol = markdown.find('\n', at + 1);
      const std::string doc_line = markdown.substr(at + 1, eol - at - 1);
      if (doc_line.find(" ROI at month ") != std::string::npos &&
          doc_line.find_first_not_of(' ', scenario.size()) == doc_line.find("ROI at month")) {
        shown = true;
      }
    }
    if (!shown) continue;
    ++shown_lines;
    INFO("the document shows a headline of '" << scenario << "' that differs from what the command prints:\n" << line);
    CHECK(markdown.find("\n" + line + "\n") != std::string::npos);
  }
  return shown_lines;
}

/// Runs every command of the Markdown file `relative` (to the source tree) in
/// `sandbox`, writing its ```json file=... blocks first, and checks that each exits
/// with 0. `handled_elsewhere` lists the commands (exact text, comments stripped)
/// that are not the aiscale program and are checked by another test. Returns the
/// commands run, in order.
inline std::vector<std::string> run_document(const std::string& relative, const DocSandbox& sandbox,
                                             const std::set<std::string>& handled_elsewhere = {}) {
  const std::string markdown = read_file(std::filesystem::path(AISCALE_SOURCE_DIR) / relative);
  REQUIRE_FALSE(markdown.empty());
  std::vector<std::string> ran;
  for (const FencedBlock& block : fenced_blocks(markdown)) {
    if (block.info.rfind("json file=", 0) == 0) {
      sandbox.write(block.info.substr(10), block.body);
      continue;
    }
    if (block.info != "sh") continue;
    for (const std::string& command : shell_commands(block.body)) {
      std::string trimmed = command.substr(0, command.find(" #"));
      while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
      if (handled_elsewhere.count(trimmed) != 0) continue;
      INFO(relative << ":" << block.line << ": " << command);
      REQUIRE(runs_aiscale(command));  // a documented command this test does not know how to run
      const ShellResult result = sandbox.run(command);
      INFO(result.output);
      CHECK(result.exit_code == 0);
      check_shown_output(markdown, result.output);
      ran.push_back(command);
    }
  }
  return ran;
}

}  // namespace aiscale_test
