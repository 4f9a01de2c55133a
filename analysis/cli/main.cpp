// The aiscale executable: everything lives in analysis::cli so that tests can reach it.
#include "analysis/cli/commands.hpp"

int main(int argc, char** argv) { return analysis::cli::run(argc, argv); }
