import {
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { download } from "../../adapters/browser/browser-host";
import type { CombineMode, UnitRegistry } from "../../core/units/registry";
import { read } from "../aggregate/job-file";
import { ConfirmDialog } from "../common/ConfirmDialog";
import { ErrorMessage } from "../common/ErrorMessage";
import { StatusMessage } from "../common/StatusMessage";
import { describeError, type ErrorView } from "../describe-error";
import { useHost } from "../host-context";
import { useStrings } from "../strings";
import { FORM_CHOICES, FORM_CHOICE_IDS, choiceTitle } from "../template/form-choices";
import { SETUP_MAX_CHARS, checkSetup, readSetup, setupFile, withWard, type SetupReading } from "./setup-codec";
import { emptyUnit, fieldKeys, fromDraft, placeIssues, toDraft, type FieldProblems, type SetupDraft, type UnitDraft } from "./setup-draft";
import { SetupTooLargeError, type WardSetupState, type WardSetupStore } from "./setup-store";
import { useSetupStrings, type SetupStrings } from "./setup-strings";
import { useWardSetup } from "./use-ward-setup";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  heading: {
    margin: 0,
  },
  muted: {
    color: tokens.colorNeutralForeground2,
  },
  toggle: {
    alignSelf: "flex-start",
  },
  editor: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    minWidth: 0,
  },
  subheading: {
    ...typographyStyles.body1Strong,
    margin: 0,
  },
  block: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  table: {
    width: "100%",
    tableLayout: "fixed",
    borderCollapse: "collapse",
    ...typographyStyles.body1,
  },
  th: {
    ...typographyStyles.caption1Strong,
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  unitCol: { width: "62%" },
  td: {
    verticalAlign: "top",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    wordBreak: "break-word",
  },
  unitName: {
    display: "block",
    fontWeight: tokens.fontWeightSemibold,
  },
  block1: { display: "block" },
  rowActions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXXS,
    marginTop: tokens.spacingVerticalXS,
  },
  unitEditor: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  fieldset: {
    margin: 0,
    padding: 0,
    border: "none",
    minWidth: 0,
  },
  legend: {
    ...typographyStyles.body1,
    padding: `0 0 ${tokens.spacingVerticalXXS}`,
  },
  formBoxes: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalXS,
  },
  formBlock: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  formTitle: {
    ...typographyStyles.body1Strong,
    wordBreak: "break-word",
  },
  pair: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  pairField: {
    flex: "1 1 12em",
    minWidth: 0,
  },
  dropdown: {
    // Fluent's 250 px minimum would not fit the pane at 320 px.
    minWidth: 0,
    width: "100%",
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  error: {
    color: tokens.colorPaletteRedForeground1,
  },
  issues: {
    margin: `${tokens.spacingVerticalXXS} 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
    wordBreak: "break-word",
  },
});

type Styles = ReturnType<typeof useStyles>;

/** "Đơn vị của phường" in Tổng hợp: what the setup in force is, where it is kept, and the editor behind a button. */
export function SetupPanel() {
  const styles = useStyles();
  const host = useHost();
  const s = useSetupStrings().setup;
  const state = useWardSetup();
  const [open, setOpen] = useState(false);
  const headingId = useId();
  const editorId = useId();
  const where = !state.setup ? s.loading : `${s.count(state.setup.units.length)} · ${state.saved ? (host.kind === "excel" ? s.savedExcel : s.savedBrowser) : s.builtIn}`;

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {s.title}
      </Subtitle2>
      <Caption1 className={styles.muted}>{s.intro}</Caption1>
      <Text>{where}</Text>
      {state.problem ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{problemText(state.problem, s)}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Button className={styles.toggle} disabled={!state.setup} aria-expanded={open} aria-controls={open ? editorId : undefined} onClick={() => setOpen(!open)}>
        {open ? s.close : s.open}
      </Button>
      {open && state.setup ? (
        <div id={editorId}>
          <SetupEditor state={state} setup={state.setup} styles={styles} />
        </div>
      ) : null}
    </section>
  );
}

/** Why the remembered setup was set aside, in words. */
function problemText(problem: NonNullable<WardSetupState["problem"]>, s: SetupStrings["setup"]): string {
  if (problem.kind === "unreadable") return s.loadFailed;
  return s.loadProblem(readingWhy({ ok: false, reason: problem.reason, issues: problem.issues }, s));
}

/** A failed reading's reason, short: the first few issues. */
function readingWhy(reading: Extract<SetupReading, { ok: false }>, s: SetupStrings["setup"]): string {
  if (reading.reason === "not-json") return s.notJson;
  if (reading.reason === "too-large") return s.tooLarge;
  return reading.issues.slice(0, 3).join("; ");
}

type Notice = { kind: "saved" | "reset" } | { kind: "imported"; file: string } | { kind: "import-failed"; text: string } | { kind: "save-failed"; error: ErrorView };

/**
 * The editor: the ward's name, the units in a table (each opened to edit its
 * name, code, other names and forms), and each form's lead and mode. Checked
 * with core/units before anything is saved; the messages sit next to their
 * fields. Nothing is saved until Lưu, except Khôi phục mặc định (asked first).
 */
function SetupEditor({ state, setup, styles }: { state: WardSetupState & { store: WardSetupStore }; setup: UnitRegistry; styles: Styles }) {
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

  const checked = useMemo(() => checkSetup(fromDraft(draft), lang), [draft, lang]);
  const problems: FieldProblems | null = attempted && !checked.ok ? placeIssues(draft, checked.issues, s) : null;
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
      const placed = placeIssues(draft, checked.issues, s);
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
    if (file.size > SETUP_MAX_CHARS) {
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
    const reading = readSetup(text, lang);
    if (!reading.ok) {
      setNotice({ kind: "import-failed", text: s.importInvalid(file.name, readingWhy(reading, s)) });
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

  const wardMessages = messages(fieldKeys.ward);
  const unitsMessages = messages(fieldKeys.units);

  return (
    <div className={styles.editor}>
      <Field label={s.wardLabel} hint={s.wardHint} validationState={wardMessages ? "error" : "none"} validationMessage={wardMessages?.join(" ")}>
        <Input id={idOf("ward", "input")} value={draft.ward} maxLength={200} placeholder={s.wardPlaceholder} onChange={(_, data) => edit((d) => ({ ...d, ward: data.value }))} />
      </Field>

      <div className={styles.block}>
        <h3 className={styles.subheading} id={idOf("units", "title")}>
          {s.unitsTitle}
        </h3>
        <table className={styles.table} aria-labelledby={idOf("units", "title")}>
          <thead>
            <tr>
              <th scope="col" className={mergeClasses(styles.th, styles.unitCol)}>
                {s.colUnit}
              </th>
              <th scope="col" className={styles.th}>
                {s.colForms}
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.units.map((unit) => (
              <UnitRows
                key={unit.key}
                unit={unit}
                open={openUnits.has(unit.key)}
                idOf={idOf}
                messages={messages}
                styles={styles}
                onToggle={(open) => {
                  toggleUnit(unit.key, open);
                  if (open) setFocusId(idOf(unit.key, "name"));
                  else setFocusId(idOf(unit.key, "edit"));
                }}
                onRemove={() => removeUnit(unit.key)}
                onChange={(change) => editUnit(unit.key, change)}
              />
            ))}
          </tbody>
        </table>
        {unitsMessages ? <Caption1 className={styles.error}>{unitsMessages.join(" ")}</Caption1> : null}
        <Button ref={addButton} className={styles.toggle} onClick={addUnit}>
          {s.add}
        </Button>
      </div>

      <div className={styles.block}>
        <h3 className={styles.subheading}>{s.leadsTitle}</h3>
        <Caption1 className={styles.muted}>{s.leadsHint}</Caption1>
        {FORM_CHOICES.map((form) => (
          <FormAssignment
            key={form.id}
            formId={form.id}
            title={s.formTitle(form.id, choiceTitle(form, lang))}
            draft={draft}
            messages={messages}
            styles={styles}
            onLead={(key) => edit((d) => ({ ...d, leads: { ...d.leads, [form.id]: key } }))}
            onMode={(mode) => edit((d) => ({ ...d, combine: { ...d.combine, [form.id]: mode } }))}
          />
        ))}
      </div>

      {problems ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            {s.invalid}
            {problems.other.length > 0 ? (
              <>
                {` ${s.otherIssues}`}
                <ul className={styles.issues}>
                  {problems.other.map((issue) => (
                    <li key={issue}>{issue}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {changed && !problems ? <Caption1 className={styles.muted}>{s.unsaved}</Caption1> : null}
      <EditorNotice notice={notice} />

      <div className={styles.actions}>
        <Button appearance="primary" disabled={saving} onClick={() => void save()}>
          {saving ? s.saving : s.save}
        </Button>
        {changed ? (
          <Button disabled={saving} onClick={() => restart(setup, true)}>
            {s.discard}
          </Button>
        ) : null}
      </div>
      <div className={styles.actions}>
        <Button size="small" disabled={saving} onClick={() => fileInput.current?.click()}>
          {s.importButton}
        </Button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".json,application/json"
          aria-label={s.importLabel}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) void importFile(file);
          }}
        />
        <Button size="small" disabled={saving} onClick={exportFile}>
          {s.exportButton}
        </Button>
        <Button size="small" disabled={saving} onClick={() => setAskReset(true)}>
          {s.reset}
        </Button>
      </div>

      <ConfirmDialog open={askReset} title={s.resetTitle} confirmLabel={s.resetConfirm} cancelLabel={s.cancel} onConfirm={() => void reset()} onCancel={() => setAskReset(false)}>
        {s.resetText}
      </ConfirmDialog>
    </div>
  );
}

/** What the last action of the editor came to. */
function EditorNotice({ notice }: { notice: Notice | null }) {
  const s = useSetupStrings().setup;
  if (!notice) return null;
  switch (notice.kind) {
    case "saved":
      return <StatusMessage intent="success" text={s.saved} />;
    case "reset":
      return <StatusMessage intent="success" text={s.resetDone} />;
    case "imported":
      return <StatusMessage intent="info" text={s.imported(notice.file)} />;
    case "import-failed":
      return (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      );
    case "save-failed":
      return <ErrorMessage title={s.errorTitle} error={notice.error} />;
  }
}

interface UnitRowsProps {
  unit: UnitDraft;
  open: boolean;
  idOf: (key: string, field: string) => string;
  messages: (key: string) => string[] | undefined;
  styles: Styles;
  onToggle: (open: boolean) => void;
  onRemove: () => void;
  onChange: (change: Partial<UnitDraft>) => void;
}

/** A unit's row of the table (name, code, forms, Sửa and Xóa) and, when open, the row of its fields below it. */
function UnitRows({ unit, open, idOf, messages, styles, onToggle, onRemove, onChange }: UnitRowsProps) {
  const s = useSetupStrings().setup;
  const shown = unit.name.trim() || s.unnamed;
  const editorId = idOf(unit.key, "editor");
  const own = (field: "name" | "code" | "aliases" | "forms") => messages(fieldKeys.unitField(unit.key, field));
  const rowMessages = messages(fieldKeys.unit(unit.key));
  const anyMessage = !!rowMessages || (["name", "code", "aliases", "forms"] as const).some((f) => own(f));
  const formsMessages = own("forms");
  const formsErrorId = idOf(unit.key, "forms-error");
  return (
    <>
      <tr data-unit-code={unit.code}>
        <td className={styles.td}>
          <span className={mergeClasses(styles.unitName, anyMessage && styles.error)}>{shown}</span>
          {unit.code ? <Caption1 className={mergeClasses(styles.block1, styles.muted)}>{unit.code}</Caption1> : null}
          {rowMessages ? <Caption1 className={mergeClasses(styles.block1, styles.error)}>{rowMessages.join(" ")}</Caption1> : null}
          <div className={styles.rowActions}>
            <Button id={idOf(unit.key, "edit")} size="small" aria-label={s.editUnit(shown)} aria-expanded={open} aria-controls={open ? editorId : undefined} onClick={() => onToggle(!open)}>
              {s.edit}
            </Button>
            <Button size="small" aria-label={s.removeUnit(shown)} onClick={onRemove}>
              {s.remove}
            </Button>
          </div>
        </td>
        <td className={styles.td}>{unit.forms.length > 0 ? FORM_CHOICE_IDS.filter((id) => unit.forms.includes(id)).join(", ") : <span className={styles.muted}>{s.noForms}</span>}</td>
      </tr>
      {open ? (
        <tr>
          <td className={styles.td} colSpan={2}>
            <div id={editorId} className={styles.unitEditor} role="group" aria-label={s.unitGroup(shown)}>
              <Field label={s.nameLabel} required validationState={own("name") ? "error" : "none"} validationMessage={own("name")?.join(" ")}>
                <Input id={idOf(unit.key, "name")} value={unit.name} maxLength={200} onChange={(_, data) => onChange({ name: data.value })} />
              </Field>
              <Field label={s.codeLabel} required hint={s.codeHint} validationState={own("code") ? "error" : "none"} validationMessage={own("code")?.join(" ")}>
                <Input id={idOf(unit.key, "code")} value={unit.code} maxLength={20} onChange={(_, data) => onChange({ code: data.value })} />
              </Field>
              <Field label={s.aliasesLabel} hint={s.aliasesHint} validationState={own("aliases") ? "error" : "none"} validationMessage={own("aliases")?.join(" ")}>
                <Input id={idOf(unit.key, "aliases")} value={unit.aliases} onChange={(_, data) => onChange({ aliases: data.value })} />
              </Field>
              <fieldset className={styles.fieldset} aria-describedby={formsMessages ? formsErrorId : undefined}>
                <legend className={styles.legend}>{s.formsLabel}</legend>
                <div className={styles.formBoxes}>
                  {FORM_CHOICE_IDS.map((id) => (
                    <Checkbox
                      key={id}
                      label={id}
                      checked={unit.forms.includes(id)}
                      onChange={(_, data) => onChange({ forms: FORM_CHOICE_IDS.filter((f) => (f === id ? data.checked === true : unit.forms.includes(f))) })}
                    />
                  ))}
                </div>
                {formsMessages ? (
                  <Caption1 id={formsErrorId} className={styles.error}>
                    {formsMessages.join(" ")}
                  </Caption1>
                ) : null}
              </fieldset>
              <Button className={styles.toggle} size="small" onClick={() => onToggle(false)}>
                {s.done}
              </Button>
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}

interface FormAssignmentProps {
  formId: string;
  title: string;
  draft: SetupDraft;
  messages: (key: string) => string[] | undefined;
  styles: Styles;
  onLead: (unitKey: string) => void;
  onMode: (mode: CombineMode) => void;
}

/** One form's lead unit (a drop-down of the setup's units) and how its figures are combined. */
function FormAssignment({ formId, title, draft, messages, styles, onLead, onMode }: FormAssignmentProps) {
  const s = useSetupStrings().setup;
  const titleId = useId();
  const leadLabelId = useId();
  const modeLabelId = useId();
  const leadKey = draft.leads[formId] ?? "";
  const lead = draft.units.find((u) => u.key === leadKey);
  const mode = draft.combine[formId];
  const mixed = Object.keys(draft.rows).some((key) => key.startsWith(`${formId} `));
  const leadMessages = messages(fieldKeys.lead(formId));
  const modeMessages = messages(fieldKeys.mode(formId));
  const leadState = leadMessages ? "error" : !lead && mode === "lead" ? "warning" : "none";
  return (
    <div className={styles.formBlock} role="group" aria-labelledby={titleId} data-form={formId}>
      <span id={titleId} className={styles.formTitle}>
        {title}
      </span>
      <div className={styles.pair}>
        <Field
          className={styles.pairField}
          label={{ children: s.leadLabel, id: leadLabelId }}
          validationState={leadState}
          validationMessage={leadMessages?.join(" ") ?? (leadState === "warning" ? s.noLead : undefined)}
        >
          <Dropdown
            className={styles.dropdown}
            aria-labelledby={`${leadLabelId} ${titleId}`}
            value={lead ? lead.name.trim() || s.unnamed : ""}
            placeholder={s.leadPlaceholder}
            selectedOptions={lead ? [lead.key] : []}
            onOptionSelect={(_, data) => data.optionValue && onLead(data.optionValue)}
          >
            {draft.units.map((u) => (
              <Option key={u.key} value={u.key}>
                {u.name.trim() || s.unnamed}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field className={styles.pairField} label={{ children: s.modeLabel, id: modeLabelId }} validationState={modeMessages ? "error" : "none"} validationMessage={modeMessages?.join(" ")}>
          <Dropdown
            className={styles.dropdown}
            aria-labelledby={`${modeLabelId} ${titleId}`}
            value={s.mode[mode]}
            selectedOptions={[mode]}
            onOptionSelect={(_, data) => (data.optionValue === "sum" || data.optionValue === "lead") && onMode(data.optionValue)}
          >
            <Option value="sum">{s.mode.sum}</Option>
            <Option value="lead">{s.mode.lead}</Option>
          </Dropdown>
        </Field>
      </div>
      {mixed ? <Caption1 className={styles.muted}>{s.mixedNote}</Caption1> : null}
    </div>
  );
}
