/**
 * issue 16: dist/bieu-mau-cchc.html, the pane as ONE file a ward without Node.js
 * opens from disk by double-click (file://), offline. A file:// page cannot
 * fetch anything beside it (chunks by fetch, a worker script, office.js's own
 * start-up script: Chromium refuses them as cross-origin), so everything is in
 * the page: one chunk inlined into the HTML, the file worker inlined as a string
 * the page starts from a Blob URL (see src/taskpane/jobs/worker-factory.ts), no
 * office.js (the page runs with the browser host, as in a plain browser).
 *
 * Two configurations, run by webpack after the pane's own (see webpack.config.js):
 * "single-file-worker" builds the file worker into one script kept in memory
 * (nothing written), "single-file" builds the pane into one chunk, reads that
 * script through DefinePlugin and inlines the chunk into bieu-mau-cchc.html.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const SINGLE_FILE = "bieu-mau-cchc.html";
const ICON = path.resolve(__dirname, "..", "assets", "icon-32.png");

/** The file worker's script, once "single-file-worker" has built it (the same Node process runs both), and its license comments. */
let workerSource;
let workerLicenses = [];

/** Every asset a compilation made but the HTML page: in the single file they are inlined, never written. */
const isLeftover = (file) => file !== SINGLE_FILE;

/**
 * The single file, its license comments put back: the minimizers move them to
 * *.LICENSE.txt files beside the page and leave a banner pointing there; the
 * single file carries them itself, as one HTML comment at its end.
 */
function withLicenses(html, compilation) {
  const texts = Object.keys(compilation.assets)
    .filter((f) => f.endsWith(".LICENSE.txt"))
    .map((f) => compilation.assets[f].source().toString().trim())
    .concat(workerLicenses);
  const comment = texts.length === 0 ? "" : `<!-- Licenses of the code inside this file:\n${texts.join("\n\n").replace(/--/g, "- -")}\n-->`;
  const page = html
    .replace(/\/\*! For license information please see [^*]*?\.LICENSE\.txt \*\//g, "/*! Licenses: see the comment at the end of this file */")
    .replace(/<!-- For license information please see [^>]*?\.LICENSE\.txt -->/g, "");
  return page.replace(/\s*$/, `\n${comment}\n`);
}

/**
 * A script's text, safe inside <script>…</script>: "</script" would end the
 * element early (terser already escapes it in strings; this covers the rest).
 * "<\/" means "</" in strings, template literals and regular expressions alike.
 */
const inlineSafe = (js) => js.replace(/<\/(script)/gi, "<\\/$1");

/** Keeps the worker's built script in memory and writes nothing. */
class KeepWorkerSourcePlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("KeepWorkerSourcePlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "KeepWorkerSourcePlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        const scripts = Object.keys(assets).filter((f) => f.endsWith(".js"));
        if (scripts.length !== 1) {
          compilation.errors.push(new Error(`single file: the file worker must build into one script, not ${scripts.length}`));
          return;
        }
        workerSource = assets[scripts[0]].source().toString();
        workerLicenses = Object.keys(assets)
          .filter((f) => f.endsWith(".LICENSE.txt"))
          .map((f) => assets[f].source().toString().trim());
        for (const file of Object.keys(assets)) compilation.deleteAsset(file);
      });
    });
  }
}

/**
 * Inlines the page's scripts (one chunk) into the HTML html-webpack-plugin
 * writes, then drops them and everything else but the page from the output;
 * prints the page's size beside the build's other sizes.
 */
class InlineSingleFilePlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("InlineSingleFilePlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap("InlineSingleFilePlugin", (data) => {
        const inline = (tag) => {
          const src = tag.tagName === "script" ? tag.attributes?.src : undefined;
          if (typeof src !== "string") return tag;
          const asset = compilation.getAsset(decodeURIComponent(src));
          if (!asset) {
            compilation.errors.push(new Error(`single file: ${src} is not an asset of this build and cannot be inlined`));
            return tag;
          }
          return { tagName: "script", voidTag: false, attributes: {}, innerHTML: inlineSafe(asset.source.source().toString()), meta: tag.meta };
        };
        data.headTags = data.headTags.map(inline);
        data.bodyTags = data.bodyTags.map(inline);
        return data;
      });
      // After every minimizer (the page itself is minimized once html-webpack-plugin has written it).
      compilation.hooks.processAssets.tap({ name: "InlineSingleFilePlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        const page = assets[SINGLE_FILE];
        if (page) compilation.updateAsset(SINGLE_FILE, new webpack.sources.RawSource(withLicenses(page.source().toString(), compilation)));
        for (const file of Object.keys(assets).filter(isLeftover)) compilation.deleteAsset(file);
      });
    });
    compiler.hooks.afterEmit.tap("InlineSingleFilePlugin", (compilation) => {
      const file = path.join(compilation.outputOptions.path, SINGLE_FILE);
      if (!fs.existsSync(file)) return;
      const bytes = fs.readFileSync(file);
      const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
      console.log(
        `\nThe single file, opened from disk without a server (scripts and the file worker inside):\n` +
          `  ${SINGLE_FILE.padEnd(44)} ${kb(bytes.length).padStart(9)}  (${kb(zlib.gzipSync(bytes).length)} gzipped)\n`,
      );
    });
  }
}

/** What both single-file builds share: production or not as the pane, one chunk, no source maps, nothing fetched at run time. */
function common(production, name, dependencies) {
  return {
    name,
    dependencies,
    context: path.resolve(__dirname, ".."),
    mode: production ? "production" : "development",
    devtool: false,
    resolve: { extensions: [".tsx", ".ts", ".js", ".json"] },
    performance: { hints: false },
    plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
  };
}

/**
 * The two configurations behind dist/bieu-mau-cchc.html. `paneName` is the
 * pane's own configuration: it cleans dist/, so the single file is written after it.
 * `tsRule` is the pane's TypeScript rule, so the code is compiled the same way.
 */
function singleFileConfigs({ production, outputPath, paneName, tsRule }) {
  // Writes nothing, so it need not wait for the pane's build.
  const worker = common(production, "single-file-worker", []);
  worker.target = "webworker";
  worker.entry = { "file-worker": "./src/taskpane/jobs/file.worker.ts" };
  worker.output = { path: outputPath, filename: "[name].js", publicPath: "", clean: false };
  worker.module = { rules: [tsRule] };
  worker.plugins.push(new KeepWorkerSourcePlugin());

  const page = common(production, "single-file", [paneName, "single-file-worker"]);
  page.target = "web";
  page.entry = { "bieu-mau-cchc": "./src/taskpane/index.tsx" };
  page.output = { path: outputPath, filename: "[name].js", publicPath: "", clean: false };
  page.module = { rules: [tsRule] };
  page.plugins.push(
    new webpack.DefinePlugin({
      __CCHC_SINGLE_FILE__: JSON.stringify(true),
      // Read when the factory is compiled, after "single-file-worker" has run (this configuration depends on it).
      __CCHC_WORKER_SOURCE__: webpack.DefinePlugin.runtimeValue(() => {
        if (workerSource === undefined) throw new Error("single file: the file worker was not built first");
        return JSON.stringify(workerSource);
      }, true),
    }),
    new HtmlWebpackPlugin({
      filename: SINGLE_FILE,
      template: "./src/taskpane/taskpane.html",
      chunks: ["bieu-mau-cchc"],
      // Inline scripts run where they stand: after #root, not in the head.
      inject: "body",
      scriptLoading: "blocking",
      singleFile: true,
      iconHref: `data:image/png;base64,${fs.readFileSync(ICON).toString("base64")}`,
    }),
    new InlineSingleFilePlugin(),
  );
  return [worker, page];
}

module.exports = { singleFileConfigs, SINGLE_FILE };
