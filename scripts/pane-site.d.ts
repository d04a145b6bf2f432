/** Types of scripts/pane-site.js (shared by the e2e tests and the pane's bench). */
export declare const CHROMIUM: string;
export declare const CHROMIUM_ARGS: readonly string[];
export declare const BUILD_INPUTS: readonly string[];
export declare function newestMtime(paths: readonly string[]): number;
