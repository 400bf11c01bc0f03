import { readSession } from './session.js';

export type ExportKind = 'payments' | 'refunds' | 'payouts';

/** The filters an export carries; empty values are left out of the URL. */
export interface ExportFilters {
  from?: string;
  to?: string;
  currency?: string;
  status?: string;
  /** A UTF-8 byte order mark first, so Excel reads names with accents correctly. */
  bom?: boolean;
}

export function exportUrl(kind: ExportKind, filters: ExportFilters): string {
  const params = new URLSearchParams();
  for (const key of ['from', 'to', 'currency', 'status'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.bom) params.set('bom', '1');
  const query = params.toString();
  return `/api/exports/${kind}.csv${query ? `?${query}` : ''}`;
}

function filenameOf(response: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return match?.[1] ?? fallback;
}

async function problemOf(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object' && 'error' in body) {
      const error: unknown = body.error;
      if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') {
        return error.message;
      }
    }
  } catch {
    // not JSON
  }
  return `The export failed (HTTP ${response.status}). Please try again.`;
}

/**
 * Downloads a CSV export. A link cannot send the Bearer token, so the file is fetched with it and
 * handed to the browser as a blob; errors (400 naming the field, 429, 503) come back as a sentence.
 */
export async function downloadExport(kind: ExportKind, filters: ExportFilters): Promise<string> {
  const session = readSession();
  let response: Response;
  try {
    response = await fetch(exportUrl(kind, filters), {
      headers: session ? { authorization: `Bearer ${session.accessToken}` } : {},
    });
  } catch {
    throw new Error('Could not reach the server. Check your connection and try again.');
  }
  if (!response.ok) throw new Error(await problemOf(response));
  const blob = await response.blob();
  const filename = filenameOf(response, `${kind}.csv`);
  const url = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    // Give the browser a moment to start the download before the URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return filename;
}
