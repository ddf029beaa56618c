#!/usr/bin/env node
// npm run bench: generates the data sets and measures the API on PGlite and PostgreSQL (see bench/run.ts).
import { register } from 'tsx/esm/api';

register();
await import('../bench/run.ts');
