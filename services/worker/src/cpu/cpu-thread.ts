// A worker thread that analyses pages (decode, extract, enrich) off the main event loop, so
// that fetching, Redis lock renewals and database replies are not held up by a heavy page.
import { parentPort } from 'node:worker_threads';
import { analyzePage, type PageInput } from './analyze-page.js';

interface Task {
  id: number;
  input: PageInput;
}

parentPort!.on('message', ({ id, input }: Task) => {
  try {
    parentPort!.postMessage({ id, ok: true, result: analyzePage(input) });
  } catch (error) {
    const e = error as { name?: string; message?: string; code?: string };
    parentPort!.postMessage({
      id,
      ok: false,
      error: { name: e.name, message: e.message ?? String(error), code: e.code },
    });
  }
});
