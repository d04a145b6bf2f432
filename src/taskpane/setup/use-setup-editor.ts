import { useEffect, useId, useMemo, useRef, useState } from "react";
import { download } from "../../adapters/browser/browser-host";
import type { UnitRegistry } from "../../core/units/registry";
import { describeError, type ErrorView } from "../describe-error";
import { read } from "../jobs/job-file";
import { useStrings } from "../strings";
import { SetupTooLargeError, checkSetup, readSetup, setupFile, setupFileTooLarge, withWard } from "./setup-codec";
import { emptyUnit, fieldKeys, fromDraft, placeIssues, readingText, toDraft, type FieldProblems, type SetupDraft, type UnitDraft } from "./setup-draft";
import type { WardSetupState, WardSetupStore } from "./setup-store";
import { useSetupStrings } from "./setup-strings";

/** What the last action of the editor came to. */
export type Notice =
  { kind: "saved" | "reset" } | { kind: "imported"; file: string } | { kind: "import-failed"; text: string } | { kind: "save-failed"; error: ErrorView };

/**
 * The state behind the setup editor: the draft and what was last saved, the
 * units opened, the check of core/units (its issues placed next to their
 * fields once a save was tried), where focus goes next, and the editor's
 * actions: add, remove, save, restore the default, import and export a file.
 */
export function useSetupEditor(state: WardSetupState & { store: WardSetupStore }, setup: UnitRegistry) {
  const { lang } = useStrings();
  const s = useSetupStrings().setup;
  const base = useId();
  const [draft, setDraft] = useState<SetupDraft>(() => toDraft(setup));
  const [savedDraft, setSavedDraft] = useState(draft);
  const [openUnits, setOpenUnits] = useState<ReadonlySet<string>>(() => new Set());
  const [attempted, setAttempted] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [saving, setSaving] = useState(false);
  const [askReset, setAskReset] = useState(false);
  const [focusId, setFocusId] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const checked = useMemo(() => checkSetup(fromDraft(draft)), [draft]);
  const problems: FieldProblems | null = attempted && !checked.ok ? placeIssues(draft, checked.issues, s, lang) : null;
  const changed = useMemo(() => JSON.stringify(fromDraft(draft)) !== JSON.stringify(fromDraft(savedDraft)), [draft, savedDraft]);
  const messages = (key: string) => problems?.byField.get(key);
  const idOf = (key: string, field: string) => `${base}-${key}-${field}`;

  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const edit = (change: (d: SetupDraft) => SetupDraft) => {
    setDraft(change);
    setNotice(null);
  };
  const editUnit = (key: string, change: Partial<UnitDraft>) => edit((d) => ({ ...d, units: d.units.map((u) => (u.key === key ? { ...u, ...change } : u)) }));
  const toggleUnit = (key: string, open: boolean) =>
    setOpenUnits((current) => {
      const next = new Set(current);
      if (open) next.add(key);
      else next.delete(key);
      return next;
    });

  const addUnit = () => {
    const unit = emptyUnit();
    edit((d) => ({ ...d, units: [...d.units, unit] }));
    toggleUnit(unit.key, true);
    setFocusId(idOf(unit.key, "name"));
  };
  const removeUnit = (key: string) => {
    edit((d) => ({
      ...d,
      units: d.units.filter((u) => u.key !== key),
      leads: Object.fromEntries(Object.entries(d.leads).map(([form, lead]) => [form, lead === key ? "" : lead])),
    }));
    toggleUnit(key, false);
    addButton.current?.focus();
  };
  /** Opens or closes a unit's fields, focus going to its name or back to its Sửa. */
  const openUnit = (key: string, open: boolean) => {
    toggleUnit(key, open);
    setFocusId(idOf(key, open ? "name" : "edit"));
  };

  /** A setup read or built anew replaces the draft: nothing open, nothing to complain about yet. */
  const restart = (next: UnitRegistry, saved: boolean) => {
    const fresh = toDraft(next);
    setDraft(fresh);
    if (saved) setSavedDraft(fresh);
    setOpenUnits(new Set());
    setAttempted(false);
  };

  const save = async () => {
    setAttempted(true);
    setNotice(null);
    if (!checked.ok) {
      const placed = placeIssues(draft, checked.issues, s, lang);
      setOpenUnits((current) => new Set([...current, ...placed.units]));
      const first = placed.units[0];
      // Straight to the first field to correct, when it is one of a unit's.
      if (first) {
        const field = (["name", "code", "aliases"] as const).find((f) => placed.byField.has(fieldKeys.unitField(first, f)));
        if (field) setFocusId(idOf(first, field));
      } else if (placed.byField.has(fieldKeys.ward)) setFocusId(idOf("ward", "input"));
      return;
    }
    setSaving(true);
    try {
      await state.store.save(checked.setup);
      setSavedDraft(draft);
      setAttempted(false);
      setNotice({ kind: "saved" });
    } catch (error) {
      setNotice({ kind: "save-failed", error: error instanceof SetupTooLargeError ? { text: s.errors.tooLarge } : describeError(error, s.errors) });
    } finally {
      setSaving(false);
    }
  };

  const reset = async () => {
    setAskReset(false);
    setSaving(true);
    try {
      await state.store.reset();
      const now = state.store.getState().setup;
      if (now) restart(now, true);
      setNotice({ kind: "reset" });
    } catch (error) {
      setNotice({ kind: "save-failed", error: describeError(error, s.errors) });
    } finally {
      setSaving(false);
    }
  };

  const importFile = async (file: File) => {
    // Bytes, as the CLI counts them for --units: a larger file is no list of a ward's units, and is not read.
    if (setupFileTooLarge(file.size)) {
      setNotice({ kind: "import-failed", text: s.importInvalid(file.name, s.tooLarge) });
      return;
    }
    let text: string;
    try {
      text = await read(file, "text");
    } catch {
      setNotice({ kind: "import-failed", text: s.importInvalid(file.name, s.unreadableFile) });
      return;
    }
    const reading = readSetup(text);
    if (!reading.ok) {
      setNotice({ kind: "import-failed", text: s.importInvalid(file.name, readingText(reading.issues, s, lang)) });
      return;
    }
    // A file without a ward name keeps the one being edited.
    restart(reading.setup.ward ? reading.setup : withWard(reading.setup, draft.ward), false);
    setNotice({ kind: "imported", file: file.name });
  };

  const exportFile = () => {
    setAttempted(true);
    if (!checked.ok) return;
    download(new Blob([setupFile(checked.setup)], { type: "application/json" }), s.exportFile);
  };

  return {
    draft,
    edit,
    editUnit,
    openUnits,
    openUnit,
    addUnit,
    removeUnit,
    addButton,
    fileInput,
    idOf,
    messages,
    problems,
    changed,
    notice,
    saving,
    save,
    discard: () => restart(setup, true),
    askReset,
    setAskReset,
    reset,
    importFile,
    exportFile,
  };
}
