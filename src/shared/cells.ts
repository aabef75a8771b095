// A spreadsheet cell that holds a formula but no computed value (a file written by a program, never
// opened and saved in Excel/WPS). The reader keeps it as this marker so an import can name the row and
// field and say what is wrong, instead of showing "[object Object]" or guessing a value.
export class FormulaWithoutValue {
  constructor(readonly formula: string) {}
  toString(): string {
    return `=${this.formula}`;
  }
}

export const isFormulaWithoutValue = (v: unknown): v is FormulaWithoutValue => v instanceof FormulaWithoutValue;
