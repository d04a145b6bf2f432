import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Severity } from "../../core/validate/finding";

/**
 * A finding's severity in Fluent's own validation colours, the same in every
 * view: error and warning as Field's validationState paints its message
 * (colorPaletteRedForeground1, colorPaletteDarkOrangeForeground1), info
 * neutral as MessageBar's info intent. Text, a left edge and a badge's
 * background in each hue (all at least 4.5:1 in the light and dark themes).
 */
export const useSeverityStyles = makeStyles({
  errorText: { color: tokens.colorPaletteRedForeground1 },
  warningText: { color: tokens.colorPaletteDarkOrangeForeground1 },
  infoText: { color: tokens.colorNeutralForeground2 },
  errorEdge: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warningEdge: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  infoEdge: { borderLeftColor: tokens.colorNeutralStroke1 },
  errorBadge: { backgroundColor: tokens.colorPaletteRedBackground1 },
  warningBadge: { backgroundColor: tokens.colorPaletteDarkOrangeBackground1 },
  infoBadge: { backgroundColor: tokens.colorNeutralBackground3 },
});

type SeverityStyles = ReturnType<typeof useSeverityStyles>;

/** The classes of one severity: its text colour, its left edge, its badge (text and background). */
export function severityClasses(styles: SeverityStyles, severity: Severity): { text: string; edge: string; badge: string } {
  // Merged, not joined with a space: a joined string holds two Griffel sequences, which a later mergeClasses refuses to merge.
  return { text: styles[`${severity}Text`], edge: styles[`${severity}Edge`], badge: mergeClasses(styles[`${severity}Text`], styles[`${severity}Badge`]) };
}
