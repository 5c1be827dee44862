import type { ExtractedField, FieldName } from './extract-fields.ts';
import { excerptAt, toOriginal, type PreparedPage } from './text.ts';

/** Builds a field located at [start, end) of a cleaned page. */
export function fieldAt(
  page: PreparedPage,
  pageIndex: number,
  start: number,
  end: number,
  f: { name: FieldName; value: string; normalized: string | null; confidence: number; details?: Record<string, unknown> },
): ExtractedField {
  const orig = toOriginal(page, start, end);
  return {
    name: f.name,
    value: f.value,
    normalized: f.normalized,
    confidence: round(f.confidence),
    page: pageIndex,
    start: orig.start,
    end: orig.end,
    excerpt: excerptAt(page, start),
    ...(f.details ? { details: f.details } : {}),
  };
}

export function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
}
