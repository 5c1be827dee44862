// Language data ships with the npm packages @tesseract.js-data/<lang>: nothing is
// fetched at run time. tesseract.js reads every language from one langPath, while
// each language lives in its own package folder, so we stage symlinks in one folder.

import { createRequire } from 'node:module';
import { existsSync, mkdirSync, symlinkSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { OctoError } from '../../platform/errors.ts';

/** `4.0.0` is the standard tessdata (legacy + LSTM), `4.0.0_best_int` the LSTM "best" integer models. */
export type TessdataVariant = '4.0.0' | '4.0.0_best_int';

const require = createRequire(import.meta.url);

function packageFolder(lang: string): string {
  try {
    return dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
  } catch {
    throw new OctoError('PLATFORM_CONFIG_INVALID', `No OCR language data installed for "${lang}"`, {
      lang,
      detailFr: `Langue OCR « ${lang} » non installée.`,
    });
  }
}

/** Returns a folder holding `<lang>.traineddata.gz` for every requested language. */
export function stageLanguageData(languages: string, variant: TessdataVariant, cacheDir: string): string {
  const langs = languages.split('+').filter(Boolean);
  const staging = join(cacheDir, `tessdata-${variant}`);
  mkdirSync(staging, { recursive: true });
  for (const lang of langs) {
    if (!/^[a-z_]+$/i.test(lang)) throw new OctoError('PLATFORM_CONFIG_INVALID', `Bad OCR language "${lang}"`);
    const source = join(packageFolder(lang), variant, `${lang}.traineddata.gz`);
    if (!existsSync(source)) {
      throw new OctoError('PLATFORM_CONFIG_INVALID', `Missing ${source}`, { lang, variant });
    }
    const target = join(staging, `${lang}.traineddata.gz`);
    if (existsSync(target)) continue; // staged earlier (same packages, same variant)
    try {
      symlinkSync(source, target);
    } catch (error) {
      // another process staged it meanwhile, or the filesystem has no symlinks
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') copyFileSync(source, target);
    }
  }
  return staging;
}
