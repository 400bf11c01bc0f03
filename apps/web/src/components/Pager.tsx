import { useCallback, useState } from 'react';

/** Cursor pagination with Previous/Next: a stack of the cursors of pages already seen. */
export function useCursorPages() {
  const [stack, setStack] = useState<(string | undefined)[]>([undefined]);
  const cursor = stack[stack.length - 1];
  const next = useCallback((nextCursor: string) => setStack((s) => [...s, nextCursor]), []);
  const previous = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  const reset = useCallback(() => setStack([undefined]), []);
  return { cursor, page: stack.length, next, previous, reset, hasPrevious: stack.length > 1 };
}

export type CursorPages = ReturnType<typeof useCursorPages>;

/**
 * A list filtered by one value (a status, a kind; '' for all) and paged with useCursorPages, used like
 * useState: `[filter, setFilter, pages]`. Choosing another filter goes back to the first page.
 */
export function useFilteredPages<F extends string>(initial: F | '' = '') {
  const [filter, setFilter] = useState<F | ''>(initial);
  const pages = useCursorPages();
  const { reset } = pages;
  const choose = useCallback(
    (next: F | '') => {
      setFilter(next);
      reset();
    },
    [reset],
  );
  return [filter, choose, pages] as const;
}

/** Previous/Next under a list paged with useCursorPages; nothing while there is only one page. */
export function Pager({
  pages,
  nextCursor,
  label,
}: {
  pages: CursorPages;
  /** The query's `nextCursor`: the Next button's page, or none for the last page. */
  nextCursor: string | null | undefined;
  label: string;
}) {
  if (!pages.hasPrevious && !nextCursor) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button
        type="button"
        className="button-secondary"
        onClick={pages.previous}
        disabled={!pages.hasPrevious}
      >
        Previous
      </button>
      <span aria-live="polite">Page {pages.page}</span>
      <button
        type="button"
        className="button-secondary"
        onClick={() => nextCursor && pages.next(nextCursor)}
        disabled={!nextCursor}
      >
        Next
      </button>
    </nav>
  );
}
