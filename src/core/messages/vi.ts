import {
  codeLegend,
  filesLike,
  joinParts,
  listOf,
  partValues,
  rowFigures,
  textByWhat,
  unitFigures,
  unitRows,
  unitsLike,
  periodWords,
  withoutFile,
  windowWords,
  changePercent,
} from "./writers";
import type { DamageReason } from "../errors";
import type { TextNotation } from "../read/number";
import type { FormulaMismatchKind } from "../validate/finding-params";
import type { Messages } from "./types";

/** The units a long list leaves unnamed (see NAMED_UNITS). */
const moreUnits = (n: (x: unknown) => string) => (rest: number) => `và ${n(rest)} đơn vị khác`;

const DAMAGE_VI: Record<DamageReason | "unknown", string> = {
  zip: "phần nén (zip) của tệp bị hỏng hoặc thiếu, có thể tệp chưa được tải về hay sao chép hết",
  xml: "nội dung bên trong tệp bị hỏng",
  entity: "tệp chứa khai báo thực thể XML, bị từ chối để an toàn",
  "missing-part": "thiếu một phần mà sổ làm việc Excel nào cũng có",
  unknown: "không đọc được nội dung tệp",
};

/** Vietnamese, the product's language. */
export const vi: Messages = {
  errors: {
    BAD_PERIOD: (e) => `Kỳ báo cáo "${e.input}" không hợp lệ. Các dạng được chấp nhận: ${e.accepted}.`,
    BAD_DATE: (e) => `Ngày "${e.input}" không hợp lệ. Ghi ngày theo dạng NN/TT/NNNN, ví dụ 14/06/2026.`,
    BAD_WINDOW: (e) => `Thời hạn chốt số liệu không hợp lệ: ngày bắt đầu ${e.from} sau ngày kết thúc ${e.to}.`,
    UNKNOWN_FORM: (e) => `Không có biểu mẫu "${e.input}". Các biểu mẫu: ${e.known}.`,
    UNKNOWN_COMMAND: (e) => `Không có lệnh "${e.command}". Gõ "cchc --help" để xem các lệnh.`,
    UNKNOWN_OPTION: (e) => `Không có tùy chọn "${e.option}". Gõ "cchc --help" để xem các tùy chọn.`,
    MISSING_OPTION_VALUE: (e) => `Tùy chọn ${e.option} cần một giá trị.`,
    FILES_REQUIRED: () => `Cần chỉ ra ít nhất một tệp .xlsx, ví dụ: cchc validate bieu-mau.xlsx`,
    TOO_MANY_FILES: (e) => `Có ${e.count} tệp, quá giới hạn ${e.limit} tệp cho một lần tổng hợp.`,
    REGISTRY_INVALID: (e) => `Danh sách đơn vị "${e.file}" không hợp lệ: ${e.issues}`,
    OUTPUT_IS_INPUT: (e) => `Tệp kết quả "${e.path}" cũng là một tệp đầu vào; chọn tên khác để không ghi đè tệp của đơn vị.`,
    NO_PERIOD: () => "Không tệp nào ghi kỳ báo cáo; chỉ ra kỳ bằng --period, ví dụ --period 2026-H1.",
    WARD_REQUIRED: () => 'Chưa có tên phường, xã để ghi lên báo cáo: thêm --ward "Phường …", hoặc ghi "ward" trong tệp danh sách đơn vị của phường (--units).',
    NO_USABLE_FILES: () => "Không có tệp nào của đơn vị dùng được để tổng hợp.",
    OUTPUT_REQUIRED: (e) =>
      `Cần chỉ ra tệp kết quả bằng -o, ví dụ: ${e.command === "aggregate" ? "cchc aggregate -o tong-hop.xlsx thu-muc-cac-phong/" : "cchc template -o bieu-mau.xlsx"}`,
    OUTPUT_NOT_XLSX: (e) => `Tệp kết quả "${e.path}" phải có đuôi .xlsx.`,
    WRITE_FAILED: (e) => `Không ghi được tệp "${e.path}": ${e.reason}. Kiểm tra thư mục có tồn tại và được phép ghi, tệp không đang mở trong Excel.`,
    DISK_FULL: (e) => `Hết chỗ trống trên đĩa khi ghi tệp "${e.path}"; tệp cũ (nếu có) vẫn giữ nguyên. Hãy giải phóng chỗ trống rồi chạy lại.`,
    UNEXPECTED: (e) => `Đã xảy ra lỗi không mong muốn (${e.detail}). Vui lòng thử lại hoặc báo cho người quản trị.`,
    FILE_NOT_FOUND: (e) => `${e.file}: không tìm thấy tệp.`,
    FILE_UNREADABLE: (e) => `${e.file}: không đọc được tệp (${e.reason}).`,
    FILE_EMPTY: (e) => `${e.file}: tệp rỗng (0 byte).`,
    FILE_TOO_LARGE: (e) => `${e.file}: tệp quá lớn (${Math.ceil(e.bytes / 1048576)} MB, tối đa ${e.limit / 1048576} MB).`,
    FILE_OLD_XLS: (e) => `${e.file}: đây là tệp Excel cũ (.xls); hãy mở bằng Excel và lưu lại dạng .xlsx.`,
    FILE_ENCRYPTED: (e) => `${e.file}: tệp được đặt mật khẩu; hãy bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi gửi lại.`,
    FILE_NOT_XLSX: (e) =>
      e.looksLike === "word"
        ? `${e.file}: đây là tệp Word, không phải Excel; hãy chép bảng Phụ lục 3 vào một trang Excel rồi lưu dạng .xlsx.`
        : `${e.file}: không phải tệp Excel .xlsx${e.looksLike === "unknown" ? "" : ` (nội dung giống tệp ${e.looksLike === "text" ? "văn bản thuần" : e.looksLike.toUpperCase()})`}.`,
    // The reader's own detail is English; a Vietnamese message says what it means instead, naming the part (a path inside the file) when known.
    FILE_DAMAGED: (e) => `${e.file}: tệp .xlsx bị hỏng, không đọc được: ${DAMAGE_VI[e.reason ?? "unknown"]}${e.part ? ` (phần ${e.part})` : ""}.`,
    FILE_CONTENT_TOO_LARGE: (e) =>
      `${e.file}: nội dung tệp khi giải nén vượt giới hạn cho phép${e.part ? ` (phần ${e.part})` : ""}; tệp có thể bị hỏng hoặc được tạo ra để gây quá tải.`,
    PERIOD_REQUIRED: (e) =>
      `${e.file}: không đọc được kỳ báo cáo trong trang${e.dates ? ` (trang chỉ ghi ngày ${e.dates})` : ""}; ghi rõ bằng --period, ví dụ --period 2026-H1.`,
  },
  findings: {
    SUM_MISMATCH: (p, n) =>
      p.partition
        ? {
            message: `Dòng này (${n(p.value)}) phải bằng tổng các dòng ${joinParts(p.parts.map((x) => x.stt))} = ${n(p.sum)}.`,
            suggestion: `Kiểm tra lại số liệu các dòng ${joinParts(p.parts.map((x) => x.stt))} (${partValues(p.parts, n)}) và dòng tổng.`,
          }
        : {
            message: `Tổng ${n(p.value)} không bằng tổng các dòng ${joinParts(p.parts.map((x) => x.stt))} (${n(p.sum)}).`,
            suggestion: `Kiểm tra lại số liệu các dòng ${joinParts(p.parts.map((x) => x.stt))}; tổng đúng là ${n(p.sum)}.`,
          },
    RATIO_MISMATCH: (p, n) => {
      const where = p.where === "unit" ? `Tỷ lệ ghi ở cột Đơn vị tính (${p.raw})` : `Tỷ lệ ${n(p.value)}%`;
      return p.expected === null
        ? {
            message: `${where} có giá trị nhưng ${p.d === null ? `dòng ${p.denominator} còn trống` : p.d === 0 ? `dòng ${p.denominator} bằng 0` : `dòng ${p.numerator} còn trống`}, nên tỷ lệ phải để trống.`,
            suggestion: `Nhập số liệu dòng ${p.numerator} và ${p.denominator}; tỷ lệ được tính bằng công thức.`,
          }
        : {
            message: `${where} không khớp với ${p.numerator} / ${p.denominator} × 100 = ${n(p.n)} / ${n(p.d)} × 100 = ${n(p.expected)}%.`,
            suggestion: `Dùng công thức tính tỷ lệ thay cho số gõ tay; kiểm tra lại dòng ${p.numerator} và ${p.denominator}.`,
          };
    },
    FORMULA_MISMATCH: (p, n) => {
      const fix = p.formula ? `Nhập lại công thức ${p.formula}.` : "Nhập lại công thức của biểu mẫu.";
      const message: Record<FormulaMismatchKind, string> = {
        references: `Công thức ${p.found} không tính từ đúng các ô của biểu mẫu.`,
        different: `Công thức ${p.found} không tính đúng như công thức của biểu mẫu.`,
        missing: "Ô này phải có công thức nhưng đang để trống.",
        placeholder: `Ô chứa chữ "${p.found}" thay cho công thức${typeof p.letters === "number" && typeof p.parts === "number" && p.letters > p.parts ? ` (ghi ${p.letters} thành phần nhưng biểu mẫu chỉ có ${p.parts} dòng thành phần)` : ""}.`,
        "typed-arithmetic": `Ô chứa phép tính gõ tay "${p.found}" thay cho công thức lấy số từ các ô.`,
        constant: `Ô chứa giá trị gõ tay (${typeof p.found === "number" ? n(p.found) : p.found}) thay cho công thức${
          p.computed === undefined
            ? ""
            : p.computed === null
              ? "; tử số hoặc mẫu số chưa có nên chưa tính được tỷ lệ"
              : `; theo tử số và mẫu số, tỷ lệ là ${n(p.computed)} %`
        }.`,
      };
      return { message: message[p.kind], suggestion: fix };
    },
    PART_EXCEEDS_WHOLE: (p, n) => ({
      message: `${p.parts.length > 1 ? `Tổng các dòng ${joinParts(p.parts)}` : `Dòng ${joinParts(p.parts)}`} (${n(p.partValue)}) lớn hơn dòng ${p.whole} (${n(p.wholeValue)}).`,
      suggestion: `Phần không thể lớn hơn toàn bộ: kiểm tra lại dòng ${joinParts(p.parts)} và dòng ${p.whole}.`,
    }),
    NOT_A_NUMBER: (p) => ({
      message: `"${p.raw}" không phải là số.`,
      suggestion: "Nhập một số (ví dụ 1.234 hoặc 12,5), hoặc để trống nếu chưa có số liệu.",
    }),
    NUMBER_AS_TEXT: (p, n) => {
      const how: Record<TextNotation, string> = {
        "vi-thousands": " (dấu chấm là dấu phân cách hàng nghìn)",
        "vi-decimal": " (dấu phẩy là dấu thập phân)",
        "en-decimal": " (dấu chấm được hiểu là dấu thập phân kiểu tiếng Anh)",
        "en-full": " (số viết kiểu tiếng Anh)",
        spaced: " (khoảng trắng phân cách hàng nghìn)",
        plain: "",
      };
      return {
        message: `Số được gõ dưới dạng chữ: "${p.raw}", đọc là ${n(p.value)}${how[p.notation]}.`,
        suggestion: `Nhập lại dưới dạng số ${n(p.value)}.`,
      };
    },
    AMBIGUOUS_NUMBER: (p, n) => ({
      message: `"${p.raw}" có thể đọc là ${n(p.first)} (dấu phẩy thập phân) hoặc ${n(p.second)} (dấu phẩy hàng nghìn); không tự đoán.`,
      suggestion: `Nhập lại rõ ràng: ${n(p.first)} hay ${n(p.second)}.`,
    }),
    NOT_INTEGER: (p, n) => ({
      message: `Số đếm phải là số nguyên, ô đang có ${n(p.value)}.`,
      suggestion:
        p.asThousands === null
          ? "Nhập số nguyên, không có phần thập phân."
          : `Nếu đây là ${n(p.asThousands)} (dấu chấm hàng nghìn bị hiểu thành dấu thập phân), nhập lại ${n(p.asThousands)}.`,
    }),
    NEGATIVE: (p, n) => ({ message: `Số liệu không được âm (${n(p.value)}).`, suggestion: "Nhập số từ 0 trở lên." }),
    OUT_OF_RANGE: (p, n) => ({
      message: `Tỷ lệ phải từ ${n(p.min)} đến ${n(p.max)}, ô đang có ${n(p.value)}.`,
      suggestion: "Nhập tỷ lệ phần trăm từ 0 đến 100, không nhân thêm 100.",
    }),
    INVALID_CODE: (p, n) => ({
      message: `Mã ${n(p.value)} không có trong danh sách (${codeLegend(p.codes, n)}).`,
      suggestion: `Chọn một mã trong danh sách: ${codeLegend(p.codes, n)}.`,
    }),
    MISSING_VALUE: (p) =>
      p.scope === "form"
        ? { message: "Biểu mẫu chưa có số liệu nào.", suggestion: "Nếu đơn vị không phụ trách biểu mẫu này, có thể bỏ qua." }
        : { message: "Chưa nhập số liệu.", suggestion: "Nhập số liệu, hoặc ghi 0 nếu không phát sinh." },
    UNIT_MISMATCH: (p) => ({
      message: p.found === "" ? `Ô Đơn vị tính để trống; biểu mẫu ghi "${p.expected}".` : `Đơn vị tính "${p.found}" khác với biểu mẫu ("${p.expected}").`,
      suggestion: `Sửa lại thành "${p.expected}".`,
    }),
    CROSS_FORM_MISMATCH: (p, n) => ({
      message: `Dòng này (${n(p.value)}) lớn hơn ${p.otherForm} dòng ${p.otherRow} (${n(p.otherValue)}).`,
      suggestion: `Kiểm tra lại số liệu dòng này và ${p.otherForm} dòng ${p.otherRow}.`,
    }),
    STRUCTURE_CHANGED: (p) =>
      textByWhat(p, {
        header: (p) => [`Tiêu đề cột "${p.found}" khác với biểu mẫu ("${p.label}").`, `Đặt lại tiêu đề cột là "${p.label}".`],
        "row-missing": (p) => [`Thiếu dòng STT ${p.stt}.`, `Thêm lại dòng ${p.stt}, hoặc tạo lại biểu mẫu bằng Tạo biểu mẫu.`],
        "row-duplicate": (p) => [`Dòng STT ${p.stt} bị lặp (đã có ở dòng ${p.first} của trang).`, "Xóa dòng lặp, chỉ giữ một dòng cho mỗi STT."],
        "row-unknown": (p) => [`STT ${p.stt} không có trong biểu mẫu.`, "Kiểm tra lại STT; dòng này không được kiểm tra và tổng hợp."],
        "row-order": (p) => [
          `Các dòng không theo thứ tự: gặp STT ${p.stt} ở chỗ của STT ${p.expectedStt}.`,
          "Sắp xếp lại các dòng theo thứ tự STT của biểu mẫu.",
        ],
        "form-duplicate": (p) => [`Trang ${p.sheet} trùng biểu mẫu với trang ${p.used}; chỉ trang ${p.used} được kiểm tra.`, "Xóa hoặc đổi tên trang thừa."],
        "form-missing": (p) => [`Thiếu trang biểu mẫu ${p.form}.`, "Tạo lại trang này bằng Tạo biểu mẫu."],
        "table-not-found": (p) => [`Không tìm thấy dòng tiêu đề (STT | Chỉ tiêu thống kê | …) trên trang ${p.sheet}.`, "Giữ nguyên dòng tiêu đề của biểu mẫu."],
        "no-forms": () => ["Không tìm thấy trang biểu mẫu nào (BM1 … BM7).", "Đặt tên trang theo biểu mẫu (BM1 … BM7), hoặc tạo biểu mẫu bằng Tạo biểu mẫu."],
        "row-unmatched": (p) => [
          `Dòng "${p.text}"${p.stt ? ` (STT ${p.stt})` : ""}${p.value ? ` có số liệu "${p.value}"` : ""} không khớp với chỉ tiêu nào của biểu mẫu.`,
          "Sửa tên chỉ tiêu hoặc STT theo biểu mẫu; số liệu của dòng này không được kiểm tra và tổng hợp.",
        ],
        "row-ambiguous": (p) => [
          `Dòng "${p.text}"${p.value ? ` (số liệu "${p.value}")` : ""} giống như nhau với các dòng ${p.candidates.join(", ")} của biểu mẫu; không tự chọn một dòng.`,
          `Ghi STT hoặc sửa tên chỉ tiêu để chỉ đúng một dòng (${p.candidates.join(", ")}); đến khi đó số liệu này không được dùng.`,
        ],
      }),
    PASTED_LAYOUT: (p) => ({
      message: `Biểu mẫu được đọc từ bảng dán ở trang "${p.sheet}", dòng ${p.titleRow} ("${p.title}"): ${p.rows} dòng; ${p.asText} số gõ dạng chữ được đọc theo cách viết Việt Nam (dấu chấm hàng nghìn, dấu phẩy thập phân).`,
      suggestion: "Chuyển sang biểu mẫu chuẩn (lệnh cchc import) để có công thức và ràng buộc nhập.",
    }),
    ROW_MATCHED_BY_TEXT: (p) => ({
      message: `Dòng "${p.text}" ${p.written ? `(ghi STT "${p.written}")` : "(không có STT)"} được nhận là dòng ${p.stt} của biểu mẫu theo nội dung chỉ tiêu (giống ${Math.round(p.score * 100)}%).`,
      suggestion: `Kiểm tra đúng là dòng ${p.stt}; ghi STT ${p.stt} cho dòng này.`,
    }),
    VALUE_RESOLVED: (p, n) => {
      if (p.basis === "arithmetic") {
        return {
          message: `Ô số liệu chứa phép tính gõ tay "${p.raw}"; lấy kết quả ${n(p.value)}.`,
          suggestion: `Nhập số ${n(p.value)} thay cho phép tính.`,
        };
      }
      const shown = p.source === "number" ? `Ô chứa số ${n(p.raw)}` : `"${p.raw}"`;
      const thousands = p.other !== null && p.value > p.other;
      const how =
        p.source === "number"
          ? " (dấu chấm hàng nghìn bị Excel hiểu thành dấu thập phân khi dán)"
          : thousands
            ? " (dấu phẩy phân cách hàng nghìn)"
            : " (dấu phẩy thập phân)";
      const mixed = p.mixedWith ? ` Cách viết số không thống nhất: ô khác của biểu mẫu ghi "${p.mixedWith}" với dấu chấm hàng nghìn.` : "";
      if (p.basis === "kept") {
        return {
          message: `${shown} có thể là ${n(p.other)}${how}; giữ nguyên ${n(p.value)} vì không có số liệu nào khác trong biểu mẫu để quyết định.`,
          suggestion: `Kiểm tra và nhập lại rõ ràng: ${n(p.value)} hay ${n(p.other)}.`,
        };
      }
      const why: Record<typeof p.basis, string> = {
        ratio: `chỉ cách đọc này khớp với tỷ lệ ${p.shown ?? ""} ghi ở dòng ${p.ref}`,
        sum: p.shown ? `chỉ cách đọc này khớp với tổng ${p.shown} ghi ở dòng ${p.ref}` : `chỉ cách đọc này làm dòng ${p.ref} bằng tổng các thành phần`,
        part: `cách đọc kia làm sai quan hệ phần – toàn bộ ở dòng ${p.ref}`,
        integer: "số đếm phải là số nguyên (không có số liệu nào khác để đối chiếu)",
        range: "chỉ cách đọc này nằm trong giới hạn của dòng (không có số liệu nào khác để đối chiếu)",
      };
      return {
        message: `${shown} được đọc là ${n(p.value)}${thousands || p.source !== "number" ? how : ""}, không phải ${n(p.other)}, vì ${why[p.basis]}.${mixed}`,
        suggestion: `Nếu đúng, nhập lại ô này là ${n(p.value)}; nếu không, nhập ${n(p.other)}.`,
      };
    },
    TITLE_MISMATCH: (p) =>
      textByWhat(p, {
        date: (p) => [`Trang ghi ngày ${p.found}, không thuộc kỳ báo cáo ${p.expected}.`, "Kiểm tra lại ngày (năm) ghi trên văn bản và kỳ báo cáo."],
        period: (p) => [`Trang ghi kỳ báo cáo ${p.found} ("${p.text}"), khác kỳ ${p.expected} được dùng.`, `Kiểm tra lại; tệp chuẩn ghi kỳ ${p.expected}.`],
        unit: (p) => [`Trang ghi đơn vị "${p.found}", khác đơn vị "${p.expected}" được dùng.`, `Kiểm tra lại; tệp chuẩn ghi đơn vị "${p.expected}".`],
      }),
    UNIT_DUPLICATE: (p) => ({
      message: `${p.unit} gửi ${p.count} tệp: ${listOf(p.files)}. Dùng tệp mới nhất ${p.used}.`,
      suggestion: "Nếu tệp được dùng không phải bản cuối, bỏ các tệp cũ khỏi danh sách và tổng hợp lại.",
    }),
    UNIT_MISSING: (p) =>
      p.like.length > 0
        ? {
            message: `${p.unit} chưa gửi số liệu ${p.form}. Có tệp ghi tên đơn vị gần giống nhưng không được tính là của ${p.unit}: ${filesLike(p.like)}.`,
            suggestion: `Nếu đó là ${p.unit}, thêm "${p.like[0].name}" làm tên gọi khác (aliases) của ${p.code} trong danh sách đơn vị (--units) rồi tổng hợp lại; nếu không, nhắc ${p.unit} gửi ${p.form}.`,
          }
        : {
            message: `${p.unit} chưa gửi số liệu ${p.form}.`,
            suggestion: `Nhắc ${p.unit} gửi ${p.form}; số liệu tổng hợp của ${p.form} còn thiếu phần của đơn vị này.`,
          },
    PERIOD_MISMATCH: (p) =>
      p.found === null
        ? {
            message: `Tệp không ghi kỳ báo cáo; số liệu vẫn được dùng cho kỳ ${periodWords(p.expected, "vi")}.`,
            suggestion: "Kiểm tra tệp đúng là của kỳ này; lần sau dùng biểu mẫu tạo bằng Tạo biểu mẫu để kỳ báo cáo được ghi sẵn.",
          }
        : {
            message: `Tệp ghi kỳ báo cáo ${periodWords(p.found, "vi")}, khác kỳ đang tổng hợp (${periodWords(p.expected, "vi")}); tệp không được dùng.`,
            suggestion: "Đề nghị đơn vị gửi lại tệp đúng kỳ báo cáo.",
          },
    VALUES_CONFLICT: (p, n) =>
      p.kind === "above-lead"
        ? {
            message: `Số của đơn vị khác lớn hơn số của đơn vị chủ trì ${p.used} (${n(p.value)}): ${unitFigures(p.values, n, moreUnits(n))}. Số của phường lấy theo ${p.used}.`,
            suggestion: `Một phần không thể lớn hơn số chung của phường: đối chiếu với ${p.used} và các đơn vị này, sửa tệp sai rồi tổng hợp lại.`,
          }
        : {
            message: `Các đơn vị ghi khác nhau: ${unitFigures(p.values, n, moreUnits(n))}. Dùng số của đơn vị chủ trì ${p.used} (${n(p.value)}).`,
            suggestion: "Thống nhất số liệu với các đơn vị; tỷ lệ này không cộng được giữa các đơn vị.",
          },
    LEAD_MISSING: (p, n) =>
      p.why === "no-lead"
        ? {
            message: `Chưa chọn đơn vị chủ trì biểu mẫu này nên số liệu của phường để trống; số liệu không được dùng: ${unitRows(p.units, moreUnits(n))}.`,
            suggestion: p.percents
              ? "Chọn đơn vị chủ trì trong danh sách đơn vị của phường (mục leads) rồi tổng hợp lại; tỷ lệ không cộng được giữa các đơn vị."
              : "Chọn đơn vị chủ trì trong danh sách đơn vị của phường (mục leads), hoặc đặt biểu mẫu là cộng các đơn vị (mục combine), rồi tổng hợp lại.",
          }
        : p.why === "not-sent"
          ? {
              message: `Đơn vị chủ trì ${p.lead} chưa gửi biểu mẫu này nên số liệu của phường để trống; số liệu không được dùng: ${unitRows(p.units, moreUnits(n))}.`,
              suggestion: `Nhắc ${p.lead} gửi số liệu; số của đơn vị khác không thay cho số của đơn vị chủ trì.`,
            }
          : {
              message: `Đơn vị chủ trì ${p.lead} để trống dòng này nên ô của phường để trống; số liệu không được dùng: ${unitFigures(p.units, n, moreUnits(n))}.`,
              suggestion: `Hỏi ${p.lead} số liệu của dòng này (ghi 0 nếu không phát sinh).`,
            },
    LEAD_REPEATED: (p) => ({
      message: `${p.unit} gửi đúng số liệu của đơn vị chủ trì ${p.lead} ở dòng ${listOf(p.rows)}: là số chung của phường, không cộng thêm.`,
      suggestion: "Không cần làm gì; nếu đó là số riêng của đơn vị, đặt dòng này là cộng các đơn vị trong danh sách đơn vị của phường.",
    }),
    DOUBLE_COUNT_SUSPECTED: (p, n) => ({
      message: `Có thể tính trùng: ${listOf(p.units)} cùng ghi ${n(p.value)}${p.also.length > 0 ? ` (và cùng ghi ${rowFigures(p.also, n)})` : ""}; số của phường đang cộng cả ${p.count} đơn vị thành ${n(p.total)}.`,
      suggestion:
        "Nếu đây là số chung của phường mà mỗi đơn vị chép lại, đặt dòng này lấy số của đơn vị chủ trì (mục combine) hoặc bảo các đơn vị chỉ ghi phần của mình, rồi tổng hợp lại.",
    }),
    CUTOFF_MISMATCH: (p) => ({
      message: `Tệp ghi thời hạn chốt số liệu ${windowWords(p.found, "vi")}, khác thời hạn phường đặt cho kỳ ${periodWords(p.period, "vi")} (${windowWords(p.expected, "vi")}): có thể đơn vị dùng biểu mẫu cũ.`,
      suggestion: `Đề nghị đơn vị kiểm tra số liệu được chốt từ ngày ${windowWords(p.expected, "vi").replace(" – ", " đến ngày ")}; lần sau dùng biểu mẫu tạo theo danh sách đơn vị của phường để thời hạn được ghi đúng.`,
    }),
    CUMULATIVE_DECREASED: (p, n) => ({
      message: `Số lũy kế giảm so với kỳ trước: ${periodWords(p.period, "vi")}: ${n(p.value)} < ${periodWords(p.previousPeriod, "vi")}: ${n(p.previous)}.`,
      suggestion:
        "Số lũy kế từ đầu năm không thể nhỏ hơn số của kỳ trước trong cùng năm: kiểm tra lại số kỳ này (có thể chỉ ghi số phát sinh trong kỳ) hoặc số đã báo cáo kỳ trước.",
    }),
    STOCK_CHANGED: (p, n) => ({
      message: `Số tại thời điểm báo cáo thay đổi nhiều: ${periodWords(p.period, "vi")}: ${n(p.value)}, ${periodWords(p.previousPeriod, "vi")}: ${n(p.previous)} (${changePercent(p.change, n)}).`,
      suggestion: "Nếu số đúng, nêu lý do thay đổi trong báo cáo (cột Ghi chú); nếu không, kiểm tra lại số liệu.",
    }),
    PREVIOUS_NOT_COMPARABLE: (p) => {
      const period = periodWords(p.period, "vi");
      const before = periodWords(p.previousPeriod, "vi");
      switch (p.why) {
        case "other-unit":
          return {
            message: `Tệp kỳ trước ${p.file} là của ${p.previousUnit ?? "đơn vị khác"}, không phải của ${p.unit ?? "đơn vị này"}: không so sánh.`,
            suggestion: "Chọn tệp kỳ trước của cùng đơn vị (khi tổng hợp: tệp tổng hợp kỳ trước của phường).",
          };
        case "not-earlier":
          return {
            message: `Tệp kỳ trước ${p.file} ghi kỳ ${before}, không phải một kỳ trước ${period} trong cùng năm hay cùng kỳ năm trước: không so sánh.`,
            suggestion: "Chọn tệp của một kỳ trước trong cùng năm (ví dụ Quý I khi báo cáo 6 tháng đầu năm) hoặc của cùng kỳ năm trước.",
          };
        case "no-period":
          return {
            message: `Không biết kỳ báo cáo của ${p.previousPeriod === null ? `tệp kỳ trước ${p.file}` : "tệp đang kiểm tra"}: không so sánh.`,
            suggestion: 'Dùng tệp tạo bằng Tạo biểu mẫu (kỳ báo cáo được ghi sẵn) hoặc tệp có dòng "Kỳ báo cáo: …".',
          };
        case "no-forms":
          return {
            message: `Tệp kỳ trước ${p.file} không có biểu mẫu nào đọc được: không so sánh.`,
            suggestion: "Kiểm tra lại đúng tệp báo cáo kỳ trước.",
          };
      }
    },
    UNKNOWN_UNIT: (p) =>
      p.like.length > 1
        ? {
            message: `Không nhận ra đơn vị "${p.unit}" trong danh sách đơn vị của phường: tên này gần với cả ${unitsLike(p.like)}, nên không được tính cho đơn vị nào; số liệu chỉ được cộng ở các dòng cộng các đơn vị, không thay số của đơn vị chủ trì.`,
            suggestion: `Sửa tên đơn vị trong tệp cho đúng tên một đơn vị, hoặc thêm "${p.unit}" làm tên gọi khác (aliases) của đúng đơn vị đó trong danh sách đơn vị (--units).`,
          }
        : p.like.length === 1
          ? {
              message: `Không nhận ra đơn vị "${p.unit}" trong danh sách đơn vị của phường; tên gần giống ${unitsLike(p.like)} nhưng chưa đủ để coi là một. Số liệu chỉ được cộng ở các dòng cộng các đơn vị, không thay số của đơn vị chủ trì.`,
              suggestion: `Nếu đây là ${unitsLike(p.like)}, thêm "${p.unit}" làm tên gọi khác (aliases) của ${p.like[0].code} trong danh sách đơn vị (--units) rồi tổng hợp lại; nếu không, thêm đơn vị vào danh sách hoặc sửa tên đơn vị trong tệp.`,
            }
          : {
              message: `Không nhận ra đơn vị "${p.unit}" trong danh sách đơn vị của phường; số liệu chỉ được cộng ở các dòng cộng các đơn vị, không thay số của đơn vị chủ trì.`,
              suggestion: "Thêm đơn vị (hoặc tên gọi khác) vào danh sách đơn vị (--units), hoặc sửa tên đơn vị trong tệp.",
            },
    UNIT_MATCHED_BY_TEXT: (p) => ({
      message: `Tên đơn vị "${p.name}" không có trong danh sách đơn vị của phường nhưng gần với ${p.unit} (${p.code}): tệp được tính là của ${p.unit}.`,
      suggestion: `Nếu đúng, thêm "${p.name}" làm tên gọi khác (aliases) của ${p.code} trong danh sách đơn vị (--units); nếu sai, sửa tên đơn vị trong tệp rồi tổng hợp lại.`,
    }),
  },
  severity: { error: "Lỗi", warning: "Cảnh báo", info: "Lưu ý" },
  blank: "(trống)",
  cli: {
    help: [
      "cchc – Biểu mẫu thống kê cải cách hành chính",
      "",
      "Cách dùng:",
      '  cchc template [--unit "Tên đơn vị"] [--period 2026-H1] [--forms BM1,BM4] [--units don-vi.json] -o TỆP.xlsx',
      "      Tạo các biểu mẫu BM1–BM7 để đơn vị điền số liệu.",
      "      --period    kỳ báo cáo: NĂM-Q1, NĂM-H1, NĂM-Q3, NĂM-Y (mặc định: nửa năm hiện tại)",
      "      --cutoff    thời hạn chốt số liệu riêng của phường, ví dụ 01/01/2026-31/05/2026",
      "      --deadline  hạn đơn vị gửi báo cáo, ví dụ 04/06/2026",
      "      --forms     chỉ tạo các biểu mẫu này (mặc định: tất cả)",
      "      --units     danh sách đơn vị của phường (như cchc aggregate): cảnh báo nếu --unit không có trong danh sách",
      "",
      "  cchc validate TỆP.xlsx|THƯ-MỤC... [--json] [--previous KY-TRUOC.xlsx] [--report PHIEU.xlsx]",
      "      Kiểm tra số liệu, công thức, đơn vị tính và cấu trúc của từng biểu mẫu.",
      "      --previous  tệp kỳ trước của cùng đơn vị: số lũy kế không được giảm, số thời điểm đổi hơn 1/3 được lưu ý",
      "      --report    ghi Phiếu kiểm tra số liệu (mỗi tệp một trang, in khổ A4) để gửi lại đơn vị",
      "      Mã thoát: 0 không có lỗi (có thể có cảnh báo), 1 có lỗi, 2 có tệp không đọc được.",
      "",
      '  cchc import TỆP.xlsx [-o CHUAN.xlsx] [--unit "Tên đơn vị"] [--period 2026-H1] [--json]',
      "      Đọc Phụ lục 3 dán từ Word (mọi biểu mẫu trong một trang) và ghi sang biểu mẫu chuẩn BM1–BM7.",
      "      Đơn vị và kỳ báo cáo lấy từ trang nếu đọc được; --unit, --period ghi đè. Mặc định -o TỆP-chuan.xlsx.",
      "      Mã thoát như cchc validate: 0 không có lỗi, 1 có lỗi (tệp chuẩn vẫn được ghi), 2 không đọc/ghi được tệp.",
      "",
      '  cchc aggregate -o PHUONG.xlsx [--period 2026-H1] [--ward "Phường …"] [--units don-vi.json] [--json] [--strict] TỆP|THƯ-MỤC...',
      "      Tổng hợp biểu mẫu của các đơn vị thành biểu mẫu của phường, kèm nguồn gốc từng số.",
      "      In bảng Theo dõi tiếp nhận: đơn vị đúng hạn, nộp muộn, chưa gửi (hạn lấy từ mục periods của --units).",
      "      Tệp không phải .xlsx trong thư mục (Word, PDF, ảnh, .xls) được ghi tên theo đơn vị, không bị bỏ qua.",
      "      --previous  báo cáo kỳ trước của phường: kiểm tra số lũy kế, thêm cột Kỳ trước và Thay đổi",
      "      --feedback  THƯ-MỤC: ghi Phiếu kiểm tra số liệu cho từng đơn vị có vấn đề (mỗi đơn vị một tệp)",
      "      Mã thoát: 0 đã ghi tệp; 1 có tệp không chứa biểu mẫu nào, --strict và có lỗi, hoặc không có tệp dùng được; 2 có tệp không đọc/ghi được.",
      "",
      "Tùy chọn chung:",
      "  --lang en     thông báo bằng tiếng Anh",
      "  -h, --help    xem hướng dẫn này",
    ].join("\n"),
    templateWritten: (a) => `Đã tạo ${a.path}: ${a.forms} – ${a.unit}, ${a.period} (${a.ms} ms).`,
    templateUnitNotListed: (a) =>
      a.matched
        ? `Cảnh báo: "${a.unit}" không có trong danh sách đơn vị của phường; khi tổng hợp, tệp sẽ được tính là của ${a.matched}. Nên ghi đúng tên trong danh sách, hoặc thêm tên này làm tên gọi khác (aliases).`
        : `Cảnh báo: "${a.unit}" không có trong danh sách đơn vị của phường${a.like.length > 0 ? `, chỉ gần giống ${a.like.join("; ")}` : ""}; khi tổng hợp, tệp sẽ được báo là đơn vị không có trong danh sách (UNKNOWN_UNIT).`,
    workbookLevel: "Toàn sổ làm việc",
    noFindings: "Không phát hiện lỗi.",
    findingCounts: (c) => `Tổng: ${c.error} lỗi, ${c.warning} cảnh báo, ${c.info} lưu ý.`,
    errorPrefix: "Lỗi",
    aggregateHeading: (ward, period) => `Tổng hợp ${ward}, ${period}:`,
    fileStatus: (f) => {
      const status: Record<string, string> = {
        used: "dùng",
        replaced: `không dùng, đã có tệp mới hơn ${f.detail ?? ""}`,
        "wrong-period": `không dùng, khác kỳ báo cáo (${f.periodId ? periodWords(f.periodId, "vi") : "?"})`,
        "no-forms": `không dùng, không có biểu mẫu: ${f.detail ?? ""}`,
        unreadable: f.detail ? `không đọc được: ${withoutFile(f.detail, f.file)}` : "không đọc được",
      };
      const counts = f.status === "unreadable" ? "" : ` – ${f.errors} lỗi, ${f.warnings} cảnh báo`;
      return f.status === "unreadable" ? `${f.file}: ${status.unreadable}` : `${f.file}: ${f.unitName || "?"} – ${status[f.status] ?? f.status}${counts}`;
    },
    importWritten: (a) => `Đã ghi biểu mẫu chuẩn ${a.path}: ${a.forms} – ${a.unit}, ${a.period}.`,
    importNothing: "Không tìm thấy biểu mẫu nào để chuyển; không ghi tệp.",
    reportWritten: (a) => `Đã ghi Phiếu kiểm tra số liệu ${a.path} (${a.sheets} trang).`,
    feedbackWritten: (a) => `Đã ghi ${a.path}: ${a.unit}, ${a.findings} vấn đề.`,
    aggregateWritten: (output, c) => `Đã ghi ${output} (${c.error} lỗi, ${c.warning} cảnh báo, ${c.info} lưu ý; xem trang "Kết quả tổng hợp").`,
    formModes: (forms) =>
      `Cách tổng hợp: ${forms.map((f) => `${f.form} ${f.mode === "sum" ? "cộng các đơn vị" : f.mode === "mixed" ? `theo ${f.lead ?? "(chưa có đơn vị chủ trì)"}, một số dòng cộng các đơn vị` : `theo ${f.lead ?? "(chưa có đơn vị chủ trì)"}`}`).join("; ")}.`,
    wardFindingsHeading: "Số liệu của phường và việc tổng hợp:",
    moreErrors: (more, file) => `… và ${more} lỗi khác: xem bằng cchc validate "${file}"`,
    findingPlace: (cell, units) => [cell ? `ô ${cell}` : "", units.length > 0 ? `đơn vị: ${units.join(", ")}` : ""].filter(Boolean).join("; "),
  },
};
