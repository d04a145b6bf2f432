/* The task pane and the ribbon's function file, built into dist/ (see README). */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DIST = path.resolve(__dirname, "dist");
const DEV_SERVER_PORT = 3000;
/** issue 6: the JavaScript a first load needs, gzipped. */
const INITIAL_JS_BUDGET = 250 * 1024;

const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
// This is an Excel-only add-in: the other hosts' scripts, debug builds and IntelliSense
// files would add ~70 MB to dist/ and are never requested by office.js inside Excel.
const OFFICE_JS_UNUSED = [
  "**/*.debug.js",
  "**/*vsdoc*",
  "**/*.d.ts",
  "**/{access,onenote,outlook,powerpoint,project,word}*",
];

/** Prints what a first load costs (gzipped), and warns when it is over budget. */
class BundleSizePlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap("BundleSizePlugin", (compilation) => {
      // Sources are released once emitted, so measure the files written.
      const outDir = compilation.outputOptions.path;
      const gz = (file) => zlib.gzipSync(fs.readFileSync(path.join(outDir, file))).length;
      const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
      const lines = [];
      const initialFiles = new Set();
      for (const [name, entry] of compilation.entrypoints) {
        const files = entry.getFiles().filter((f) => f.endsWith(".js"));
        files.forEach((f) => initialFiles.add(f));
        const total = files.reduce((sum, f) => sum + gz(f), 0);
        lines.push(`  ${name.padEnd(10)} initial ${kb(total).padStart(10)} gzip  (${files.join(", ")})`);
        if (name === "taskpane" && total > INITIAL_JS_BUDGET) {
          compilation.warnings.push(
            new Error(`taskpane initial JavaScript is ${kb(total)} gzipped, over the ${kb(INITIAL_JS_BUDGET)} budget`),
          );
        }
      }
      for (const file of Object.keys(compilation.assets)) {
        if (file.endsWith(".js") && !initialFiles.has(file) && !compilation.assetsInfo.get(file)?.copied) {
          lines.push(`  on demand          ${kb(gz(file)).padStart(10)} gzip  (${file})`);
        }
      }
      console.log(`\nBundle sizes (budget for taskpane initial: ${kb(INITIAL_JS_BUDGET)} gzip):\n${lines.join("\n")}\n`);
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);

  return {
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
        {
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
        },
      ],
    },
    plugins: [
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
        ],
      }),
      ...(production ? [new BundleSizePlugin()] : []),
    ],
    // BundleSizePlugin measures the budget that matters (gzipped initial JS) instead.
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
};
