// The Chinese font the briefing report needs: embedded in the PDF and loaded into resvg so chart labels
// render as glyphs. The path comes from the REPORT_FONT setting, else the WenQuanYi Micro Hei that
// `apt-get install fonts-wqy-microhei` puts in place (CI installs it). A missing or unreadable font is a
// clear error naming the setting — never a PDF of empty boxes.
import { accessSync, constants, statSync } from 'node:fs';
import { AppError } from '../core/app-error';

export const DEFAULT_REPORT_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
/** The face inside the .ttc collection (its PostScript name); a .ttf/.otf needs none. */
export const DEFAULT_REPORT_FONT_FACE = 'WenQuanYiMicroHei';

export interface ReportFont {
  path: string;
  /** The face to pick from a collection (.ttc), or undefined for a single font file. */
  face: string | undefined;
}

/** The font to use, checked: throws INTERNAL with the setting's name when it is not there. */
export function resolveReportFont(env: NodeJS.ProcessEnv = process.env): ReportFont {
  const fromEnv = env.REPORT_FONT?.trim();
  const path = fromEnv || DEFAULT_REPORT_FONT;
  let ok = false;
  try {
    accessSync(path, constants.R_OK);
    ok = statSync(path).isFile();
  } catch { ok = false; }
  if (!ok) {
    const where = fromEnv ? `REPORT_FONT=${path}` : `默认路径 ${path}（未设置 REPORT_FONT）`;
    const whereEn = fromEnv ? `REPORT_FONT=${path}` : `the default path ${path} (REPORT_FONT is not set)`;
    throw new AppError('INTERNAL', {
      zh: `生成报告需要中文字体，但找不到字体文件：${where}。请安装 fonts-wqy-microhei，或将环境变量 REPORT_FONT 设为一个 .ttf/.otf/.ttc 中文字体文件的路径`,
      en: `The report needs a Chinese font, but the font file is missing: ${whereEn}. Install fonts-wqy-microhei, or set REPORT_FONT to the path of a Chinese .ttf/.otf/.ttc font file`,
    }, [{ path: 'REPORT_FONT', field: 'REPORT_FONT', message: `font file not found: ${path}` }]);
  }
  const face = /\.ttc$/i.test(path) ? (env.REPORT_FONT_FACE?.trim() || (path === DEFAULT_REPORT_FONT ? DEFAULT_REPORT_FONT_FACE : undefined)) : undefined;
  return { path, face };
}
