#!/usr/bin/env node
// The floor: the least any manifest linter on Node.js must do. Find the files, parse them, nothing else.
import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { parseAllDocuments } from 'yaml';

const MANIFEST_PATTERNS = ['**/service.yaml', '**/service.yml', '**/*.service.yaml', '**/*.service.yml'];
const IGNORED = ['**/node_modules/**', '**/.git/**'];

const root = process.argv[2] ?? '.';
const files = fg.sync(MANIFEST_PATTERNS, { cwd: root, absolute: true, ignore: IGNORED });
let documents = 0;
for (const file of files) documents += parseAllDocuments(readFileSync(file, 'utf8')).length;
console.log(JSON.stringify({ files: files.length, documents }));
