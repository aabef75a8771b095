// ExcelJS, loaded at the first workbook read or written: it takes ≈ 0.5–1 s to load, and every `sei`
// command that never touches a workbook (most of them) started with it.
import type ExcelJS from 'exceljs';

let loaded: Promise<typeof ExcelJS> | null = null;

export const excel = (): Promise<typeof ExcelJS> => (loaded ??= import('exceljs').then((m) => m.default));
