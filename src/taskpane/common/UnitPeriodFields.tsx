import { Dropdown, Field, Input, Option } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { MAX_UNIT_NAME } from "../../core/layout/unit-name";
import { formatDateVi, type Period } from "../../core/periods/period";
import type { UiStrings } from "../../core/messages/vi-ui";
import { useStrings } from "../strings";

/** The texts of the two fields; Tạo biểu mẫu and Chuyển sang biểu mẫu chuẩn both have them. */
export type UnitPeriodStrings = Pick<UiStrings["template"], "unitLabel" | "unitPlaceholder" | "unitHint" | "periodLabel" | "periodHint">;

/**
 * "Đơn vị báo cáo" (free text, may stay empty) and "Kỳ báo cáo" (one of the
 * periods offered), with the period's cut-off window as the hint.
 */
export function UnitPeriodFields(props: {
  unit: string;
  onUnitChange: (unit: string) => void;
  period: Period | undefined;
  periods: readonly Period[];
  onPeriodChange: (periodId: string) => void;
  disabled?: boolean;
  strings: UnitPeriodStrings;
  /** a field of its own instead of the free-text one (Tạo biểu mẫu offers the ward's units) */
  unitField?: ReactNode;
}) {
  const { unit, onUnitChange, period, periods, onPeriodChange, disabled, strings: s, unitField } = props;
  const { lang } = useStrings();
  return (
    <>
      {unitField ?? (
        <Field label={s.unitLabel} hint={s.unitHint}>
          <Input value={unit} maxLength={MAX_UNIT_NAME} placeholder={s.unitPlaceholder} disabled={disabled} onChange={(_, data) => onUnitChange(data.value)} />
        </Field>
      )}

      <Field label={s.periodLabel} hint={period ? s.periodHint(formatDateVi(period.window.from), formatDateVi(period.window.to)) : undefined}>
        <Dropdown
          value={period?.label[lang] ?? ""}
          selectedOptions={period ? [period.id] : []}
          disabled={disabled}
          onOptionSelect={(_, data) => data.optionValue && onPeriodChange(data.optionValue)}
        >
          {periods.map((p) => (
            <Option key={p.id} value={p.id}>
              {p.label[lang]}
            </Option>
          ))}
        </Dropdown>
      </Field>
    </>
  );
}
