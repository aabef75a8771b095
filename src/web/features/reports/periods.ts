/** The plan's quarters and years, latest first (the report and publication period choices). */
export const REPORT_PERIODS = [2020, 2019, 2018].flatMap((y) => [4, 3, 2, 1].map((q) => `${y}Q${q}`).concat(String(y)));
