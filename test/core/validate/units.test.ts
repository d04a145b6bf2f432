import { checkedFinding, cleanForm, placesOf, validate } from "../../support/finding-checks";
import { book } from "../../support/snapshot-builder";

/** UNIT_MISMATCH comes only from checkUnits. */
describe("UNIT_MISMATCH", () => {
  it('"Thủ tục" where the form counts dossiers (the seed\'s BM7 1.3.1 / 1.3.2)', () => {
    const b = book(cleanForm("BM7", { "1.3.1": { value: 752, unit: "Thủ tục" }, "1.3.2": { value: 700, unit: "Thủ tục" } }));
    expect(placesOf(validate(b), "UNIT_MISMATCH")).toEqual(["BM7!C16", "BM7!C17"]);
    const f = checkedFinding(b, "UNIT_MISMATCH", "BM7!C16");
    expect(f).toMatchObject({ severity: "warning", form: "BM7", row: "1.3.1", expected: "Hồ sơ", actual: "Thủ tục" });
    expect(f.suggestion).toContain("Hồ sơ");
  });

  it('a ratio\'s result typed into the unit column ("51,9%") and a unit cell emptied', () => {
    const b = book(cleanForm("BM1", { "2": { unit: "51,9%" } }), cleanForm("BM5", { "4": { unit: null } }));
    expect(placesOf(validate(b), "UNIT_MISMATCH")).toEqual(["BM1!C9", "BM5!C16"]);
    expect(checkedFinding(b, "UNIT_MISMATCH", "BM1!C9")).toMatchObject({ expected: "%", actual: "51,9%" });
    const emptied = checkedFinding(b, "UNIT_MISMATCH", "BM5!C16");
    expect(emptied).toMatchObject({ expected: "Người", actual: "" });
    expect(emptied.message).toContain("Người");
    expect(emptied.message).not.toContain('""');
  });

  it("case, accents spacing and a trailing dot are not a change; a code legend re-spaced is not either", () => {
    const b = book(
      cleanForm("BM1", {
        "1": { value: 7, unit: "văn bản." },
        "4.3": { value: 1, unit: "Trực tuyến=0, Phát phiếu=1, Kết hợp=2" },
        "2.1": { value: 52, unit: "Nhiem vu" },
      }),
      cleanForm("BM2", { "1.1": { value: 2, unit: "Quyết định" } }),
    );
    expect(placesOf(validate(b), "UNIT_MISMATCH")).toEqual(["BM2!C9"]);
  });
});
