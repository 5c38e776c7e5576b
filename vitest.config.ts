// Unit tests of the core and the CLI (the in-editor suite runs separately, inside a real VS Code).
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['test/unit/**/*.test.ts'], testTimeout: 60_000 } });
