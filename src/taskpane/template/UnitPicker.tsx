import { Combobox, Field, Option } from "@fluentui/react-components";
import { MAX_UNIT_NAME } from "../../core/layout/unit-name";
import type { RegistryUnit } from "../../core/units/registry";
import type { UnitPeriodStrings } from "../common/UnitPeriodFields";
import { useWardSetup } from "../setup/use-ward-setup";
import { useStrings } from "../strings";

/**
 * "Đơn vị báo cáo" of Tạo biểu mẫu: the ward's units (its remembered setup,
 * read when the field is first focused) to pick from, a pick ticking the
 * unit's forms; any other name may still be typed, with a warning (never an
 * error) that the ward's list lacks it.
 */
export function UnitPicker(props: {
  value: string;
  onChange: (name: string) => void;
  onPick: (unit: RegistryUnit) => void;
  disabled?: boolean;
  strings: UnitPeriodStrings;
}) {
  const { value, onChange, onPick, disabled, strings: s } = props;
  const { ward: words } = useStrings();
  const setup = useWardSetup({ onDemand: true });
  const units = setup.setup?.units ?? [];
  const typed = value.trim();
  const known = typed === "" ? undefined : setup.findUnit(typed);
  // Only once the list is known: a name is not "missing" from a list still being read.
  const unlisted = typed !== "" && setup.status === "ready" && !known;
  return (
    <Field
      label={s.unitLabel}
      hint={`${words.unitPicker.hint} ${s.unitHint}`}
      validationState={unlisted ? "warning" : "none"}
      validationMessage={unlisted ? words.unitPicker.notListed(typed) : undefined}
    >
      <Combobox
        freeform
        value={value}
        maxLength={MAX_UNIT_NAME}
        placeholder={s.unitPlaceholder}
        disabled={disabled}
        selectedOptions={known ? [known.code] : []}
        onFocus={setup.load}
        // No option becomes active by itself (the list arrives while the officer types): Tab then picks only what the typing matched.
        disableAutoFocus
        // Fluent names the arrow "Open", in English, whatever the pane's language.
        expandIcon={{ "aria-label": words.unitPicker.openList }}
        onChange={(event) => onChange(event.target.value)}
        onOptionSelect={(_, data) => {
          const unit = units.find((u) => u.code === data.optionValue);
          if (unit) onPick(unit);
        }}
      >
        {units.map((u) => (
          <Option key={u.code} value={u.code}>
            {u.name}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
