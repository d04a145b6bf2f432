"use strict";
/**
 * Preloaded (node -r) into a process the bench measures: at exit, writes the
 * process's peak resident memory (KB, worker threads included) to the file
 * named by CCHC_BENCH_PEAK. Loads nothing else, so the process runs as it would.
 */
const file = process.env.CCHC_BENCH_PEAK;
if (file) process.on("exit", () => require("node:fs").writeFileSync(file, String(process.resourceUsage().maxRSS)));
