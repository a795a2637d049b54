// Every test process judges with the rules-verdict fixture model instead of the shipped one
// (see test/fixtures/rules-model.ts); tests of the learned model load it explicitly.
import { vi } from 'vitest';

vi.mock('../src/core/data/model.json', async () => ({ default: (await import('./fixtures/rules-model.js')).RULES_MODEL }));
