/* The task pane and the ribbon's function file, built into dist/ (see README). */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const webpack = require("webpack");
const { addinBaseUrl, rewriteManifest } = require("./scripts/manifest-url");
const { singleFileConfigs } = require("./scripts/single-file");

const DIST = path.resolve(__dirname, "dist");
const DEV_SERVER_PORT = 3000;
/**
 * issue 6: the JavaScript a first load of the pane fetches, gzipped: the pane's
 * initial chunks, office.js, and the script office.js itself fetches on start-up.
 */
const FIRST_LOAD_BUDGET = 250 * 1024;

const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
// This is an Excel-only add-in: the other hosts' scripts, debug builds and IntelliSense
// files would add ~70 MB to dist/ and are never requested by office.js inside Excel.
const OFFICE_JS_UNUSED = [
  "**/*.debug.js",
  "**/*vsdoc*",
  "**/*.d.ts",
  "**/{access,onenote,outlook,powerpoint,project,word}*",
];

/**
 * The script office.js fetches from its own folder as soon as it starts in a
 * plain browser (and in Office 2013): OSF.ConstantNames.O15InitHelper, whose
 * name office.js holds as a literal ("o15apptofilemappingtable.js" in 1.1.x).
 * Inside a current Office, office.js fetches that Office's API library instead
 * (excel-<platform>-16.0x.js), chosen from what the host reports at run time.
 */
function officeJsStartupScript(officeJsSource) {
  return /\bO15InitHelper\s*:\s*"([^"]+)"/.exec(officeJsSource)?.[1];
}

/**
 * Prints what a first load of the pane costs (gzipped), honestly: the pane's
 * initial chunks plus office.js and the script office.js fetches on start-up,
 * against the budget; warns when it is over, or when that script cannot be named.
 */
class BundleSizePlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap("BundleSizePlugin", (compilation) => {
      // Sources are released once emitted, so measure the files written.
      const outDir = compilation.outputOptions.path;
      // office-js/ is copied unchanged from the package: measured there, it needs no copy on disk.
      const where = (file) => (file.startsWith("office-js/") ? path.join(OFFICE_JS_DIR, file.slice("office-js/".length)) : path.join(outDir, file));
      const gz = (file) => zlib.gzipSync(fs.readFileSync(where(file))).length;
      const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
      const row = (label, size, note = "") => `  ${label.padEnd(44)} ${kb(size).padStart(9)}${note ? `  ${note}` : ""}`;
      const jsOf = (chunkName) => [...(compilation.namedChunks.get(chunkName)?.files ?? [])].filter((f) => f.endsWith(".js"));
      const lines = [];
      const counted = new Set();

      const pane = compilation.entrypoints.get("taskpane").getFiles().filter((f) => f.endsWith(".js"));
      pane.forEach((f) => counted.add(f));
      const first = pane.map((f) => [f, gz(f), "the pane's initial chunk"]);
      const officeJs = "office-js/office.js";
      first.push([officeJs, gz(officeJs), "a script tag in taskpane.html's head"]);
      const startup = officeJsStartupScript(fs.readFileSync(where(officeJs), "utf8"));
      if (startup && fs.existsSync(where(`office-js/${startup}`))) {
        first.push([`office-js/${startup}`, gz(`office-js/${startup}`), "fetched by office.js on start-up"]);
      } else {
        compilation.warnings.push(
          new Error(`BundleSizePlugin: cannot find the script office.js fetches on start-up (${startup ?? "no O15InitHelper in office.js"}); the first-load total leaves it out`),
        );
      }
      const total = first.reduce((sum, [, size]) => sum + size, 0);
      lines.push(`First load of the task pane outside Office (budget ${kb(FIRST_LOAD_BUDGET)}):`);
      first.forEach(([file, size, note]) => lines.push(row(file, size, note)));
      const verdict = total > FIRST_LOAD_BUDGET ? `OVER budget by ${kb(total - FIRST_LOAD_BUDGET)}` : `${kb(FIRST_LOAD_BUDGET - total)} under budget`;
      lines.push(row("first load in total", total, verdict));
      if (total > FIRST_LOAD_BUDGET) {
        compilation.warnings.push(new Error(`the pane's first load is ${kb(total)} gzipped, over the ${kb(FIRST_LOAD_BUDGET)} budget`));
      }

      // In Excel: the same chunks and office.js; office.js then fetches Office's own API library instead of the
      // start-up script (which one depends on the platform Office reports), and the pane fetches its Excel host.
      const excel = jsOf("excel-host");
      const dark = jsOf("theme-dark");
      const officeLibraries = fs
        .readdirSync(OFFICE_JS_DIR)
        .filter((f) => /^excel-.*16\.\d+(-core)?\.js$/.test(f))
        .map((f) => gz(`office-js/${f}`));
      lines.push("In Excel, the same, but office.js fetches Office's own API library instead of the start-up script:");
      if (officeLibraries.length > 0) {
        lines.push(row("office-js/excel-<platform>-16.0x.js", Math.max(...officeLibraries), `at most; ${kb(Math.min(...officeLibraries))} at least, by platform`));
      }
      excel.forEach((f) => lines.push(row(f, gz(f), "the Excel host, fetched as soon as Office reports Excel")));
      dark.forEach((f) => lines.push(row(f, gz(f), "the dark theme, only when Office's theme is dark")));
      [...excel, ...dark].forEach((f) => counted.add(f));

      for (const [name, entry] of compilation.entrypoints) {
        if (name === "taskpane") continue;
        lines.push(`The ${name} page:`);
        entry.getFiles().filter((f) => f.endsWith(".js")).forEach((f) => (counted.add(f), lines.push(row(f, gz(f), "initial"))));
      }
      lines.push("On demand (fetched when a view or an action first needs them):");
      for (const file of Object.keys(compilation.assets).sort()) {
        if (file.endsWith(".js") && !counted.has(file) && !compilation.assetsInfo.get(file)?.copied) lines.push(row(file, gz(file)));
      }
      console.log(`\nBundle sizes, gzipped\n${lines.join("\n")}\n`);
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  // issue 13: ADDIN_URL=https://server/path/ writes dist/manifest.xml for that address (scripts/manifest-url.js).
  let addinUrl;
  try {
    addinUrl = addinBaseUrl(process.env.ADDIN_URL);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }

  const tsRule = {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: {
        // Types are checked by `npm run typecheck`; the build only strips them.
        transpileOnly: true,
        configFile: path.resolve(__dirname, "tsconfig.json"),
        // ES modules let webpack split on import() and drop unused code.
        compilerOptions: { module: "esnext", noEmit: false, sourceMap: !production },
      },
    },
  };

  const pane = {
    name: "pane",
    context: __dirname,
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: DIST,
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      // Chunks are found relative to the page, so dist/ works from any folder or server.
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".tsx", ".ts", ".js", ".json"],
    },
    module: {
      rules: [
        tsRule,
      ],
    },
    plugins: [
      // The single file's build says true (scripts/single-file.js): the worker inlined, no Excel host.
      new webpack.DefinePlugin({ __CCHC_SINGLE_FILE__: JSON.stringify(false) }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          // Copied files ship as published: the minimizer must not spend minutes re-minifying office.js.
          { from: OFFICE_JS_DIR, to: "office-js", globOptions: { ignore: OFFICE_JS_UNUSED }, info: { minimized: true } },
          { from: "assets", to: "assets", info: { minimized: true } },
          // The manifest, for the dev server's address or ADDIN_URL's (same Id, every URL moved).
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => rewriteManifest(content.toString("utf8"), addinUrl) },
        ],
      }),
      ...(production ? [new BundleSizePlugin()] : []),
    ],
    // BundleSizePlugin measures the budget that matters (a first load, gzipped, office.js included) instead.
    performance: { hints: false },
    devServer: serving
      ? {
          port: DEV_SERVER_PORT,
          // Only `webpack serve` needs certificates, so `npm run build` works on a fresh machine.
          server: { type: "https", options: await require("office-addin-dev-certs").getHttpsServerOptions() },
          headers: { "Access-Control-Allow-Origin": "*" },
          static: false,
        }
      : undefined,
  };
  // issue 16: `npm run build` also writes dist/bieu-mau-cchc.html, the pane in one file for use from disk
  // (scripts/single-file.js). The dev server serves the pane alone.
  if (serving) return pane;
  return [pane, ...singleFileConfigs({ production, outputPath: DIST, paneName: "pane", tsRule })];
};
