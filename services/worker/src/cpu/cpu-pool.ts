import { Worker } from 'node:worker_threads';
import { CodedError, type ErrorCode, isErrorCode } from '@famwatch/shared';
import { analyzePage, type PageAnalysis, type PageInput } from './analyze-page.js';

interface Pending {
  resolve: (value: PageAnalysis) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: number;
}

/**
 * Runs page analysis on `threads` worker threads (round-robin by load), or inline when
 * `threads` is 0. A thread that dies fails only the pages it held, and is replaced.
 */
export class CpuPool {
  readonly #threads: number;
  readonly #slots: Slot[] = [];
  readonly #pending = new Map<number, Pending & { slot: Slot }>();
  #nextId = 1;
  #closed = false;

  /** @param threads Analysis threads; 0 analyses on the calling thread. @defaultValue 1 */
  constructor(threads: number) {
    this.#threads = threads;
    for (let i = 0; i < threads; i += 1) this.#slots.push(this.#spawn());
  }

  #spawn(): Slot {
    // Extraction allocates many short-lived objects: a larger young generation means fewer
    // scavenges (about 15% faster on the benchmark pages).
    const worker = new Worker(new URL('./cpu-thread-boot.mjs', import.meta.url), {
      resourceLimits: { maxYoungGenerationSizeMb: 192 },
    });
    const slot: Slot = { worker, busy: 0 };
    worker.on(
      'message',
      (message: {
        id: number;
        ok: boolean;
        result?: PageAnalysis;
        error?: { name?: string; message: string; code?: string };
      }) => {
        const pending = this.#pending.get(message.id);
        if (!pending) return;
        this.#pending.delete(message.id);
        slot.busy -= 1;
        if (message.ok) pending.resolve(message.result!);
        else pending.reject(rebuild(message.error!));
      },
    );
    const fail = (error: Error) => {
      for (const [id, pending] of this.#pending) {
        if (pending.slot !== slot) continue;
        this.#pending.delete(id);
        pending.reject(new CodedError('INTERNAL', `analysis thread failed: ${error.message}`));
      }
      const index = this.#slots.indexOf(slot);
      if (index >= 0 && !this.#closed) this.#slots[index] = this.#spawn();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!this.#closed) fail(new Error(`exited with code ${code}`));
    });
    worker.unref();
    return slot;
  }

  analyze(input: PageInput): Promise<PageAnalysis> {
    if (this.#threads === 0) return Promise.resolve().then(() => analyzePage(input));
    return this.#post(
      this.#slots.reduce((a, b) => (b.busy < a.busy ? b : a)),
      input,
    );
  }

  /**
   * Analyses `input` `rounds` times on every thread (or inline without threads), so that the
   * threads have loaded their modules and V8 has compiled the extractor's hot paths before the
   * first real page: a cold thread spends about a second on its first page and is half as fast
   * on its next hundred. Resolves when every thread is done; analysis errors are thrown.
   */
  async warmUp(input: PageInput, rounds: number): Promise<void> {
    if (this.#threads === 0) {
      for (let i = 0; i < rounds; i += 1) analyzePage(input);
      return;
    }
    await Promise.all(
      this.#slots.map(async (slot) => {
        for (let i = 0; i < rounds; i += 1) await this.#post(slot, input);
      }),
    );
  }

  #post(slot: Slot, input: PageInput): Promise<PageAnalysis> {
    const id = this.#nextId++;
    return new Promise<PageAnalysis>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, slot });
      slot.busy += 1;
      slot.worker.postMessage({ id, input });
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()));
  }
}

/** An error from the thread, as a coded error again (codes decide retries). */
function rebuild(error: { name?: string; message: string; code?: string }): Error {
  const code: ErrorCode = isErrorCode(error.code) ? error.code : 'INTERNAL';
  const rebuilt = new CodedError(code, error.message);
  rebuilt.name = error.name ?? 'Error';
  return rebuilt;
}
