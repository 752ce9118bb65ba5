import { describe, expect, it } from 'vitest';
import { escapeForScript, escapeHtml } from './escape.js';

describe('escapeHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['orders & co', 'orders &amp; co'],
    ['say "hi" it\'s', 'say &quot;hi&quot; it&#39;s'],
    ['&amp;', '&amp;amp;'],
    ['plain-name', 'plain-name'],
    // Read the same on the page; no line of the page is a GitHub workflow command.
    ['a\n::error::x', 'a&#10;::error::x'],
    ['::warning::x', '&#58;:warning::x'],
    ['  ::x', '  &#58;:x'],
    ['ok ##[error]x', 'ok ##&#91;error]x'],
  ])('%s → %s', (text, escaped) => {
    expect(escapeHtml(text)).toBe(escaped);
  });
});

describe('escapeForScript', () => {
  const hostile = { message: '</script><script>alert(1)</script> & <!-- x -->', line: 3, separators: '\u2028\u2029', legacy: '##[error]x' };

  it('leaves no character that could end or comment out the script element', () => {
    const json = escapeForScript(JSON.stringify(hostile));
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(json).not.toContain('##[');
  });

  it('parses back to the same value', () => {
    expect(JSON.parse(escapeForScript(JSON.stringify(hostile)))).toEqual(hostile);
  });
});
