import { Caption1, Dropdown, Field, Option } from "@fluentui/react-components";
import { useId } from "react";
import type { CombineMode } from "../../core/units/registry";
import { useFormAssignmentStyles } from "./SetupEditor.styles";
import { fieldKeys, type SetupDraft } from "./setup-draft";
import { useSetupStrings } from "./setup-strings";

/** What one form's block shows and reports back. */
export interface FormAssignmentProps {
  formId: string;
  title: string;
  draft: SetupDraft;
  messages: (key: string) => string[] | undefined;
  onLead: (unitKey: string) => void;
  onMode: (mode: CombineMode) => void;
}

/** One form's lead unit (a drop-down of the setup's units) and how its figures are combined. */
export function FormAssignment({ formId, title, draft, messages, onLead, onMode }: FormAssignmentProps) {
  const s = useSetupStrings().setup;
  const styles = useFormAssignmentStyles();
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
        <Field
          className={styles.pairField}
          label={{ children: s.modeLabel, id: modeLabelId }}
          validationState={modeMessages ? "error" : "none"}
          validationMessage={modeMessages?.join(" ")}
        >
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
