import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe("the README's library example", () => {
  it("imports only what the package's entry point exports", () => {
    const imports = [...readme.matchAll(/import \{([^}]+)\} from 'svc-lint';/g)].flatMap((match) =>
      match[1]!.split(',').map((name) => name.trim()).filter((name) => name !== '' && !name.startsWith('type ')),
    );
    expect(imports).toEqual(expect.arrayContaining(['lint', 'formatResult', 'formatResultPieces']));
    for (const name of imports) expect(api, name).toHaveProperty(name);
  });
});
