/**
 * Runs before every test file of every project (`setupFiles` in
 * vitest.config.ts). A helper module's own `afterAll` would not do: where
 * test files share loaded modules (the unit project does not isolate them),
 * a module runs once, for the first file that imports it.
 */
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp.ts';

// Registered before the file's own hooks, so it runs after them (after-hooks run in reverse).
afterAll(removeTempDirs);
