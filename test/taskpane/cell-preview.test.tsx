/** @jest-environment jsdom */
/**
 * The sheet preview of Kiểm tra in file mode, on its own: what it shows of a
 * window of cells, and how it treats the keyboard.
 */
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { StringsProvider } from "../../src/taskpane/strings";
import { CellPreview } from "../../src/taskpane/validate/CellPreview";
import type { PreviewWindow } from "../../src/taskpane/jobs/preview";

afterEach(cleanup);

const WINDOW: PreviewWindow = {
  sheet: "BM7",
  top: 1,
  bottom: 20,
  left: 1,
  right: 5,
  cells: {
    A1: { text: "Biểu mẫu 7", kind: "text" },
    B3: { text: '<img src=x onerror="alert(1)">', kind: "text" },
    A17: { text: "1.3.2", kind: "text" },
    D15: { text: '=IF(D16=0,"",D17/D16*100)', kind: "formula" },
    D16: { text: "352", kind: "number" },
    D17: { text: "372", kind: "number" },
    D18: { text: "#DIV/0!", kind: "error" },
  },
  merges: ["A1:E1"],
  more: true,
};

function show(address: string, onClose = jest.fn(), lang: "vi" | "en" = "vi") {
  render(
    <FluentProvider theme={webLightTheme}>
      <StringsProvider lang={lang}>
        <CellPreview window={WINDOW} address={address} cellRef={`BM7!${address}`} onClose={onClose} />
      </StringsProvider>
    </FluentProvider>,
  );
  return onClose;
}

it("shows the window like a sheet: column letters, row numbers, the shown values, the cell highlighted and focused", () => {
  show("D17");
  const region = screen.getByRole("region", { name: "Xem trước trang BM7, ô D17" });
  const table = within(region).getByRole("table", { name: "Trang BM7 · ô D17" });
  expect(
    within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent),
  ).toEqual(["A", "B", "C", "D", "E"]);
  expect(
    within(table)
      .getAllByRole("rowheader")
      .map((h) => h.textContent),
  ).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
  const target = region.querySelector<HTMLElement>('[data-preview-target="D17"]')!;
  expect(target.tagName).toBe("TD");
  expect(target.textContent).toBe("372 (ô có vấn đề)");
  expect(document.activeElement).toBe(target);
  // Its row and column headers are marked too (bold and underlined, not only coloured).
  const headers = within(table).getAllByRole("columnheader");
  const plain = headers.find((h) => !h.hasAttribute("data-frozen") && !h.hasAttribute("data-active"))!;
  const active = headers.filter((h) => !h.hasAttribute("data-frozen") && h.className !== plain.className);
  expect(active.map((h) => h.textContent)).toEqual(["D"]);
  // STT and Chỉ tiêu stay beside the value when the box scrolls sideways (issue 16): frozen like Excel's panes.
  expect(headers.filter((h) => h.hasAttribute("data-frozen")).map((h) => h.textContent)).toEqual(["A", "B"]);
  expect(region.textContent).toContain("Trang còn tiếp bên dưới.");
  expect(region.textContent).toContain("gõ BM7!D17 rồi nhấn Enter");
});

it("spreads a merged title over its columns, shows text as text (never markup), formulas without a result as such, errors as they are", () => {
  show("D17");
  const title = screen.getByText("Biểu mẫu 7").closest("td")!;
  expect(title.getAttribute("colspan")).toBe("5");
  expect(title.closest("tr")!.querySelectorAll("td")).toHaveLength(1);
  expect(screen.getByText('<img src=x onerror="alert(1)">').tagName).toBe("SPAN");
  expect(document.querySelector("img")).toBeNull();
  const formula = screen.getByText("(công thức)");
  expect(formula.getAttribute("title")).toBe('=IF(D16=0,"",D17/D16*100)');
  expect(screen.getByText("#DIV/0!")).toBeTruthy();
});

it("a finding at a cell of a merged range highlights the range", () => {
  show("C1");
  const target = document.querySelector<HTMLElement>('[data-preview-target="C1"]')!;
  expect(target.getAttribute("colspan")).toBe("5");
  expect(target.textContent).toBe("Biểu mẫu 7 (ô có vấn đề)");
  expect(document.activeElement).toBe(target);
});

it("Escape anywhere in it and Đóng close it", () => {
  const onClose = show("D17");
  fireEvent.keyDown(document.activeElement!, { key: "Escape" });
  expect(onClose).toHaveBeenCalledTimes(1);
  fireEvent.click(screen.getByRole("button", { name: "Đóng xem trước (Esc)" }));
  expect(onClose).toHaveBeenCalledTimes(2);
  fireEvent.keyDown(screen.getByRole("group", { name: "Các ô của trang BM7 (chỉ xem)" }), { key: "Enter" });
  expect(onClose).toHaveBeenCalledTimes(2);
});

it("speaks English in an English pane", () => {
  show("D17", jest.fn(), "en");
  expect(screen.getByRole("region", { name: "Preview of sheet BM7, cell D17" })).toBeTruthy();
  expect(document.querySelector('[data-preview-target="D17"]')!.textContent).toBe("372 (the cell at issue)");
  expect(screen.getByText("(formula)")).toBeTruthy();
  expect(screen.getByRole("button", { name: "Close the preview (Esc)" }).textContent).toBe("Close");
});
