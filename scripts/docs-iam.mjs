#!/usr/bin/env node
// `npm run docs:iam`: rewrites README.md's block between <!-- iam:begin --> and <!-- iam:end --> from the
// extension's own table of AWS operations (src/model/iamPermissions.ts), through test/docs/iamReadme.ts
// as compiled to out/ by `npm run compile-tests`, the same renderer the README unit test compares with.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { withIamBlock } = require(path.join(ROOT, 'out', 'test', 'docs', 'iamReadme.js'));

const file = path.join(ROOT, 'README.md');
const before = readFileSync(file, 'utf8');
const after = withIamBlock(before);
if (after === before) console.log('README.md: the IAM block is up to date');
else {
  writeFileSync(file, after);
  console.log('README.md: the IAM block was rewritten');
}
