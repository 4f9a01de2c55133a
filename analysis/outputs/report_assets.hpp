/// @file
/// @brief The report's page template, chart specs and charting libraries, compiled into
///        the program (generated at build time by cmake/EmbedFiles.cmake from
///        analysis/outputs/report/ and the npm packages pinned in analysis/outputs/report/package-lock.json).
#pragma once

#include <string_view>

namespace analysis::report_assets {
extern const std::string_view page;        ///< analysis/outputs/report/report.html
extern const std::string_view charts;      ///< analysis/outputs/report/charts.json
extern const std::string_view vega;        ///< vega/build/vega.min.js
extern const std::string_view vega_lite;   ///< vega-lite/build/vega-lite.min.js
extern const std::string_view vega_embed;  ///< vega-embed/build/vega-embed.min.js
}  // namespace analysis::report_assets
