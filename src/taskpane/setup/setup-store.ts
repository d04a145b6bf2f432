import type { Host } from "../../adapters/host/types";
import type { Lang } from "../../core/messages/types";
import type { SetupIssue } from "../../core/units/load-setup";
import type { RegistryUnit, UnitRegistry } from "../../core/units/registry";

type Codec = typeof import("./setup-codec");

// zod comes with the codec: fetched after the first render, not in the first load.
const loadCodec = (): Promise<Codec> => import(/* webpackChunkName: "ward-setup" */ "./setup-codec");

/** Why the remembered setup is not the one in force (the default is used instead). */
export type SetupProblem =
  /** the host could not read it */
  | { kind: "unreadable" }
  /** it was read but is not a setup: too large, not JSON, or entries that do not validate (core/units' issues, worded where shown) */
  | { kind: "invalid"; issues: SetupIssue[] };

/** The ward's setup as the pane knows it. */
export interface WardSetupState {
  /** "loading" until the remembered setup was read (or found absent) */
  status: "loading" | "ready";
  /** the setup in force: the remembered one, else the built-in one without a ward name; null while loading */
  setup: UnitRegistry | null;
  /** whether `setup` is the one the host remembers (false: the built-in one) */
  saved: boolean;
  /** why a remembered setup was set aside */
  problem?: SetupProblem;
  /** the unit of `setup` a name refers to (its name, code or another name), if any */
  findUnit: (name: string) => RegistryUnit | undefined;
}

const LOADING: WardSetupState = { status: "loading", setup: null, saved: false, findUnit: () => undefined };

/**
 * The one store of a ward's setup per host, shared by Tạo biểu mẫu and Tổng
 * hợp: read once through host.loadSetup, saved through host.saveSetup. A
 * remembered setup that cannot be read or does not validate is reported (and
 * kept in the host, untouched) and the built-in one used: never a crash.
 */
export class WardSetupStore {
  private state: WardSetupState = LOADING;
  private readonly listeners = new Set<() => void>();
  private loading: Promise<WardSetupState> | undefined;

  constructor(
    private readonly host: Host,
    private readonly lang: Lang,
  ) {}

  /** For useSyncExternalStore. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): WardSetupState => this.state;

  /** Whether the host remembers a setup (a browser or Excel); without it saving only lasts the session. */
  get remembers(): boolean {
    return typeof this.host.saveSetup === "function";
  }

  /**
   * The state as it is once the remembered setup was read (what was saved
   * since included); reads it on the first call. Rejects only when the codec
   * cannot be fetched (tried again next time).
   */
  async ready(): Promise<WardSetupState> {
    this.loading ??= this.load().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    await this.loading;
    return this.state;
  }

  /** Checks and remembers a setup; rejects with the host's error (the remembered one unchanged), a RangeError for issues, or the codec's SetupTooLargeError. */
  async save(setup: UnitRegistry): Promise<void> {
    const codec = await loadCodec();
    const checked = codec.checkSetup(setup);
    if (!checked.ok) throw new RangeError(`the setup does not validate: ${checked.issues.map((issue) => codec.setupIssueLine(issue, this.lang)).join("; ")}`);
    const json = codec.setupJson(checked.setup);
    if (codec.setupTextTooLarge(json)) throw new codec.SetupTooLargeError(json.length);
    await this.host.saveSetup?.(json);
    this.set(codec, checked.setup, this.remembers);
  }

  /** Remembers the built-in setup, keeping the ward's name. */
  async reset(): Promise<void> {
    const codec = await loadCodec();
    await this.save(codec.withWard(codec.DEFAULT_REGISTRY, this.state.setup?.ward));
  }

  private async load(): Promise<WardSetupState> {
    const codec = await loadCodec();
    let text: string | undefined;
    try {
      text = await this.host.loadSetup?.();
    } catch (error) {
      // The officer is told the default is in use; the reason is for an administrator.
      console.warn("Biểu mẫu CCHC: the saved setup could not be read", error);
      return this.set(codec, codec.DEFAULT_REGISTRY, false, { kind: "unreadable" });
    }
    if (text === undefined) return this.set(codec, codec.DEFAULT_REGISTRY, false);
    const read = codec.readSetup(text);
    if (read.ok) return this.set(codec, read.setup, true);
    return this.set(codec, codec.DEFAULT_REGISTRY, false, { kind: "invalid", issues: read.issues });
  }

  private set(codec: Codec, setup: UnitRegistry, saved: boolean, problem?: SetupProblem): WardSetupState {
    this.state = { status: "ready", setup, saved, ...(problem ? { problem } : {}), findUnit: (name) => codec.findUnit(setup, name) };
    for (const listener of this.listeners) listener();
    return this.state;
  }
}

const stores = new WeakMap<Host, WardSetupStore>();

/** The store of this host's setup (one per host, whichever view asks first). */
export function setupStoreOf(host: Host, lang: Lang): WardSetupStore {
  let store = stores.get(host);
  if (!store) {
    store = new WardSetupStore(host, lang);
    stores.set(host, store);
  }
  return store;
}
