/**
 * Pagination shared by section, tag, author and archive indexes.
 */
import { site } from '../config/site.ts';

export interface Page<T> {
  readonly items: readonly T[];
  /** 1-based page number. */
  readonly current: number;
  readonly total: number;
}

/**
 * Splits a list into pages of `size` (at least one page, even when empty).
 * @example paginateList([1, 2, 3], 2).map((p) => p.items) // [[1, 2], [3]]
 */
export function paginateList<T>(list: readonly T[], size: number = site.pageSize): Page<T>[] {
  const total = pageCount(list.length, size);
  return Array.from({ length: total }, (_, i) => ({
    items: list.slice(i * size, (i + 1) * size),
    current: i + 1,
    total,
  }));
}

/**
 * How many pages a list of `length` entries takes (at least one, even when empty).
 * @example pageCount(21, 10) // 3
 */
export function pageCount(length: number, size: number = site.pageSize): number {
  return Math.max(1, Math.ceil(length / size));
}
