import * as fs from "node:fs";
import * as path from "node:path";

/** The team's shared spec beside the repository, when it is there (CI lays shared/ next to the clone). */
export const SHARED_DOMAIN_MD = path.resolve(__dirname, "../../../shared/spec/DOMAIN.md");
/** The copy kept in the repository, so that a clone on its own still has the spec its catalogue is tested against. */
export const COPIED_DOMAIN_MD = path.resolve(__dirname, "../../docs/spec/DOMAIN.md");
/** DOMAIN.md: the shared one when present (a test checks the copy is still equal to it), else the copy. */
export const DOMAIN_MD = fs.existsSync(SHARED_DOMAIN_MD) ? SHARED_DOMAIN_MD : COPIED_DOMAIN_MD;

export interface DomainRow {
  form: string;
  stt: string;
  indicator: string;
  unit: string;
  kind: string;
}

/** The form tables of DOMAIN.md ("### Biểu mẫu N" then "| STT | indicator | unit | kind |" rows). */
export function readDomainForms(): DomainRow[] {
  const text = fs.readFileSync(DOMAIN_MD, "utf8");
  const rows: DomainRow[] = [];
  let form: string | undefined;
  for (const line of text.split("\n")) {
    const heading = /^### Biểu mẫu (\d+)/.exec(line);
    if (heading) form = `BM${heading[1]}`;
    else if (line.startsWith("## ")) form = undefined;
    const cells = line.split("|").map((c) => c.trim());
    if (form && cells.length >= 6 && /^\d+(\.\d+)*$/.test(cells[1])) {
      rows.push({ form, stt: cells[1], indicator: cells[2], unit: cells[3], kind: cells[4] });
    }
  }
  return rows;
}
