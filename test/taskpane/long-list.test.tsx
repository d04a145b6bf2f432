/**
 * @jest-environment jsdom
 */
import "../support/jsdom-globals";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { FIRST_LINES, LongSection, ShowAll, useLongList } from "../../src/taskpane/aggregate/long-list";

afterEach(cleanup);

function Units({ names, of }: { names: string[]; of: unknown }) {
  const lines = useLongList(names, of);
  return (
    <>
      <ul>
        {lines.shown.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <ShowAll rest={lines.rest} onClick={lines.showAll} />
    </>
  );
}

const names = (n: number) => Array.from({ length: n }, (_, i) => `Đơn vị ${i + 1}`);

describe("a long list of units (a 1,000-file Tổng hợp) draws its first lines, then all on request", () => {
  it("shows a ward's dozen units whole, with no button", () => {
    render(<Units names={names(12)} of={1} />);
    expect(screen.getAllByRole("listitem")).toHaveLength(12);
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("cuts 1,000 units to the first lines, says how many more, and shows them all when asked, until the next result", () => {
    const view = render(<Units names={names(1000)} of={1} />);
    expect(screen.getAllByRole("listitem")).toHaveLength(FIRST_LINES);
    fireEvent.click(screen.getByRole("button", { name: `Hiện thêm ${1000 - FIRST_LINES} đơn vị` }));
    expect(screen.getAllByRole("listitem")).toHaveLength(1000);
    expect(screen.queryByRole("button")).toBeNull();
    view.rerender(<Units names={names(1000)} of={2} />);
    expect(screen.getAllByRole("listitem")).toHaveLength(FIRST_LINES);
  });
});

describe("a section of the summary (a thousand files of units not in the ward's list) is cut the same way", () => {
  const line = (n: string) => <li key={n}>{n}</li>;

  it("counts every finding in its title, draws the first lines, and names what the rest are", () => {
    render(<LongSection title="Đơn vị không có trong danh sách" items={names(1000)} line={line} of={1} lines="findings" />);
    expect(screen.getByRole("heading", { name: "Đơn vị không có trong danh sách (1000)" })).toBeTruthy();
    expect(screen.getAllByRole("listitem")).toHaveLength(FIRST_LINES);
    fireEvent.click(screen.getByRole("button", { name: `Hiện thêm ${1000 - FIRST_LINES} vấn đề` }));
    expect(screen.getAllByRole("listitem")).toHaveLength(1000);
  });

  it("says files for a list of files, and draws nothing when empty", () => {
    const view = render(<LongSection title="Tệp không đọc được" items={names(101)} line={line} of={1} lines="files" />);
    expect(screen.getByRole("button", { name: "Hiện thêm 1 tệp" })).toBeTruthy();
    view.rerender(<LongSection title="Tệp không đọc được" items={[]} line={line} of={2} lines="files" />);
    expect(view.container.innerHTML).toBe("");
  });
});
