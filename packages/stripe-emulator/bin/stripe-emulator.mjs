#!/usr/bin/env node
// Runs the TypeScript CLI through tsx (workspace packages are consumed from source).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
