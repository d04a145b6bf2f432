/**
 * "Phòng Kinh tế" → "Phong-Kinh-te": a part of a file name every e-mail
 * client, file system and ward computer keeps (Vietnamese letters folded,
 * đ → d, spaces as "-", nothing but [A-Za-z0-9_.-]).
 */
export function asciiName(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/\s+/g, "-")
    .replace(/[^A-Za-z0-9_.-]/g, "")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
}

/** A unit's template: "BM-Phong-Kinh-te-2026-H1.xlsx", so two units' downloads never collide; without a unit, "bieu-mau-cchc-2026-H1.xlsx". */
export function templateFileName(unit: string, periodId: string): string {
  const name = asciiName(unit).slice(0, 80);
  return name ? `BM-${name}-${asciiName(periodId)}.xlsx` : `bieu-mau-cchc-${asciiName(periodId)}.xlsx`;
}
