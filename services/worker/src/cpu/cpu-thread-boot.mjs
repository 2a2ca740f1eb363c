// Entry of the analysis thread: worker threads do not inherit tsx's loader, so register it
// here before loading the TypeScript module.
import { tsImport } from 'tsx/esm/api';

await tsImport('./cpu-thread.ts', import.meta.url);
