import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, mergeClasses } from "@fluentui/react-components";
import type { UnitRegistry } from "../../core/units/registry";
import { ConfirmDialog } from "../common/ConfirmDialog";
import { ErrorMessage } from "../common/ErrorMessage";
import { OneFileInput } from "../common/OneFileInput";
import { useFieldStyles } from "../common/field-styles";
import { StatusMessage } from "../common/StatusMessage";
import { useStrings } from "../strings";
import { FORM_CHOICES, choiceTitle } from "../template/form-choices";
import { FormAssignment } from "./FormAssignment";
import { PeriodRows } from "./PeriodRows";
import { useSetupStyles } from "./SetupEditor.styles";
import { fieldKeys } from "./setup-draft";
import type { WardSetupState, WardSetupStore } from "./setup-store";
import { useSetupStrings } from "./setup-strings";
import { UnitRows } from "./UnitRows";
import { useSetupEditor, type Notice } from "./use-setup-editor";

/**
 * The editor: the ward's name, the units in a table (each opened to edit its
 * name, code, other names and forms), and each form's lead and mode. Checked
 * with core/units before anything is saved; the messages sit next to their
 * fields. Nothing is saved until Lưu, except Khôi phục mặc định (asked first).
 */
export function SetupEditor({ state, setup }: { state: WardSetupState & { store: WardSetupStore }; setup: UnitRegistry }) {
  const { lang } = useStrings();
  const s = useSetupStrings().setup;
  const styles = useSetupStyles();
  const field = useFieldStyles();
  const { addButton, fileInput, ...editor } = useSetupEditor(state, setup);
  const wardMessages = editor.messages(fieldKeys.ward);
  const unitsMessages = editor.messages(fieldKeys.units);

  return (
    <div className={styles.editor}>
      <Field label={s.wardLabel} hint={s.wardHint} validationState={wardMessages ? "error" : "none"} validationMessage={wardMessages?.join(" ")}>
        <Input
          id={editor.idOf("ward", "input")}
          value={editor.draft.ward}
          maxLength={200}
          placeholder={s.wardPlaceholder}
          onChange={(_, data) => editor.edit((d) => ({ ...d, ward: data.value }))}
        />
      </Field>

      <div className={styles.block}>
        <h3 className={styles.subheading} id={editor.idOf("units", "title")}>
          {s.unitsTitle}
        </h3>
        <table className={styles.table} aria-labelledby={editor.idOf("units", "title")}>
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
            {editor.draft.units.map((unit) => (
              <UnitRows
                key={unit.key}
                unit={unit}
                open={editor.openUnits.has(unit.key)}
                idOf={editor.idOf}
                messages={editor.messages}
                onToggle={(open) => editor.openUnit(unit.key, open)}
                onRemove={() => editor.removeUnit(unit.key)}
                onChange={(change) => editor.editUnit(unit.key, change)}
              />
            ))}
          </tbody>
        </table>
        {unitsMessages ? <Caption1 className={field.error}>{unitsMessages.join(" ")}</Caption1> : null}
        <Button ref={addButton} className={styles.toggle} onClick={editor.addUnit}>
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
            draft={editor.draft}
            messages={editor.messages}
            onLead={(key) => editor.edit((d) => ({ ...d, leads: { ...d.leads, [form.id]: key } }))}
            onMode={(mode) => editor.edit((d) => ({ ...d, combine: { ...d.combine, [form.id]: mode } }))}
          />
        ))}
      </div>

      <PeriodRows periods={editor.draft.periods} messages={editor.messages} onChange={(periods) => editor.edit((d) => ({ ...d, periods }))} />

      {editor.problems ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            {s.invalid}
            {editor.problems.other.length > 0 ? (
              <>
                {` ${s.otherIssues}`}
                <ul className={styles.issues}>
                  {editor.problems.other.map((issue) => (
                    <li key={issue}>{issue}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {editor.changed && !editor.problems ? <Caption1 className={styles.muted}>{s.unsaved}</Caption1> : null}
      <EditorNotice notice={editor.notice} />

      <div className={styles.actions}>
        <Button appearance="primary" disabled={editor.saving} onClick={() => void editor.save()}>
          {editor.saving ? s.saving : s.save}
        </Button>
        {editor.changed ? (
          <Button disabled={editor.saving} onClick={editor.discard}>
            {s.discard}
          </Button>
        ) : null}
      </div>
      <div className={styles.actions}>
        <Button size="small" disabled={editor.saving} onClick={() => fileInput.current?.click()}>
          {s.importButton}
        </Button>
        <OneFileInput ref={fileInput} accept=".json,application/json" label={s.importLabel} onFile={(file) => void editor.importFile(file)} />
        <Button size="small" disabled={editor.saving} onClick={editor.exportFile}>
          {s.exportButton}
        </Button>
        <Button size="small" disabled={editor.saving} onClick={() => editor.setAskReset(true)}>
          {s.reset}
        </Button>
      </div>

      <ConfirmDialog
        open={editor.askReset}
        title={s.resetTitle}
        confirmLabel={s.resetConfirm}
        cancelLabel={s.cancel}
        onConfirm={() => void editor.reset()}
        onCancel={() => editor.setAskReset(false)}
      >
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
