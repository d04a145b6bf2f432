import { Button, Caption1, Checkbox, Field, Input, mergeClasses } from "@fluentui/react-components";
import { useFieldStyles } from "../common/field-styles";
import { FORM_CHOICE_IDS } from "../template/form-choices";
import { useUnitRowStyles } from "./SetupEditor.styles";
import { fieldKeys, type UnitDraft } from "./setup-draft";
import { useSetupStrings } from "./setup-strings";

/** What a unit's rows show and report back. */
export interface UnitRowsProps {
  unit: UnitDraft;
  open: boolean;
  idOf: (key: string, field: string) => string;
  messages: (key: string) => string[] | undefined;
  onToggle: (open: boolean) => void;
  onRemove: () => void;
  onChange: (change: Partial<UnitDraft>) => void;
}

/** A unit's row of the table (name, code, forms, Sửa and Xóa) and, when open, the row of its fields below it. */
export function UnitRows({ unit, open, idOf, messages, onToggle, onRemove, onChange }: UnitRowsProps) {
  const s = useSetupStrings().setup;
  const styles = useUnitRowStyles();
  const field = useFieldStyles();
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
          <span className={mergeClasses(styles.unitName, anyMessage && field.error)}>{shown}</span>
          {unit.code ? <Caption1 className={mergeClasses(styles.block, styles.muted)}>{unit.code}</Caption1> : null}
          {rowMessages ? <Caption1 className={mergeClasses(styles.block, field.error)}>{rowMessages.join(" ")}</Caption1> : null}
          <div className={styles.rowActions}>
            <Button
              id={idOf(unit.key, "edit")}
              size="small"
              aria-label={s.editUnit(shown)}
              aria-expanded={open}
              aria-controls={open ? editorId : undefined}
              onClick={() => onToggle(!open)}
            >
              {s.edit}
            </Button>
            <Button size="small" aria-label={s.removeUnit(shown)} onClick={onRemove}>
              {s.remove}
            </Button>
          </div>
        </td>
        <td className={styles.td}>
          {unit.forms.length > 0 ? FORM_CHOICE_IDS.filter((id) => unit.forms.includes(id)).join(", ") : <span className={styles.muted}>{s.noForms}</span>}
        </td>
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
              <Field
                label={s.aliasesLabel}
                hint={s.aliasesHint}
                validationState={own("aliases") ? "error" : "none"}
                validationMessage={own("aliases")?.join(" ")}
              >
                <Input id={idOf(unit.key, "aliases")} value={unit.aliases} onChange={(_, data) => onChange({ aliases: data.value })} />
              </Field>
              <fieldset className={field.fieldset} aria-describedby={formsMessages ? formsErrorId : undefined}>
                <legend className={field.legend}>{s.formsLabel}</legend>
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
                  <Caption1 id={formsErrorId} className={field.error}>
                    {formsMessages.join(" ")}
                  </Caption1>
                ) : null}
              </fieldset>
              <Button className={styles.done} size="small" onClick={() => onToggle(false)}>
                {s.done}
              </Button>
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}
