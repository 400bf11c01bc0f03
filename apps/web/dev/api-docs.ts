// Serves the API reference (packages/schemas/docs/API.md, generated from the contracts) as one HTML page
// at /docs/api on the Vite dev server. Read on every request, so a regenerated reference shows at once.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Marked } from 'marked';
import type { Plugin } from 'vite';

export const API_DOCS_PATH = '/docs/api';

export function apiDocsFile(): string {
  return createRequire(import.meta.url).resolve('@enrollpay/schemas/docs/API.md');
}

/** GitHub's anchor for a heading: `payments.createIntent` → `paymentscreateintent`, as API.md links them. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}

const marked = new Marked({
  gfm: true,
  renderer: {
    heading({ tokens, depth, text }) {
      return `<h${depth} id="${slug(text)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
    },
  },
});

const STYLE = `
  body { font: 15px/1.55 system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1.5rem; color: #1d232b; }
  h1, h2 { border-bottom: 1px solid #dde2e8; padding-bottom: .3rem; }
  h3 { margin-top: 2.5rem; font-family: ui-monospace, monospace; }
  table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: 14px; }
  th, td { border: 1px solid #dde2e8; padding: .3rem .6rem; text-align: left; vertical-align: top; }
  th { background: #f4f6f8; }
  code { font-family: ui-monospace, monospace; font-size: 13px; background: #f4f6f8; padding: 0 .2rem; border-radius: 3px; }
  pre { background: #f4f6f8; padding: .8rem 1rem; overflow-x: auto; border-radius: 6px; }
  pre code { padding: 0; }
`;

export async function renderApiDocsPage(markdown: string): Promise<string> {
  const body = await marked.parse(markdown);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>enrollpay API reference</title><style>${STYLE}</style></head>
<body>
${body}</body>
</html>
`;
}

/** Development only (`vite`): GET /docs/api answers the rendered reference. */
export function apiDocsPlugin(): Plugin {
  return {
    name: 'enrollpay-api-docs',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        if (req.method !== 'GET' || (path !== API_DOCS_PATH && path !== `${API_DOCS_PATH}/`)) {
          next();
          return;
        }
        readFile(apiDocsFile(), 'utf8')
          .then(renderApiDocsPage)
          .then((html) => {
            res.setHeader('content-type', 'text/html; charset=utf-8');
            res.end(html);
          })
          .catch(next);
      });
    },
  };
}
