import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run build` writes the dashboard bundle (services/dashboard builds into it). */
export const DASHBOARD_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');
