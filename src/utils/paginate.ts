/**
 * Pagination shared by section, tag, author and archive indexes.
 */
import { site } from '../config/site.ts';

export interface Page<T> {
  readonly items: readonly T[];
  /** 1-based page number. */
  readonly current: number;
  /** Pages in the list as published: at most the `limit` it was cut to. */
  readonly total: number;
  /** On the last page of a list cut short (`limit`): the first entry the list leaves out, where a reader goes on. */
  readonly after?: T;
}

/**
 * Splits a list into pages of `size` (at least one page, even when empty),
 * and no more than `limit` pages: the last page then names the first entry
 * left out (`after`).
 * @example paginateList([1, 2, 3], 2).map((p) => p.items) // [[1, 2], [3]]
 * @example paginateList([1, 2, 3, 4, 5], 2, 2).at(-1) // { items: [3, 4], current: 2, total: 2, after: 5 }
 */
export function paginateList<T>(list: readonly T[], size: number = site.pageSize, limit = Infinity): Page<T>[] {
  const total = Math.min(pageCount(list.length, size), limit);
  const after = list[total * size];
  return Array.from({ length: total }, (_, i) => ({
    items: list.slice(i * size, (i + 1) * size),
    current: i + 1,
    total,
    ...(i === total - 1 && after !== undefined ? { after } : {}),
  }));
}

/**
 * How many pages a list of `length` entries takes (at least one, even when empty).
 * @example pageCount(21, 10) // 3
 */
export function pageCount(length: number, size: number = site.pageSize): number {
  return Math.max(1, Math.ceil(length / size));
}
