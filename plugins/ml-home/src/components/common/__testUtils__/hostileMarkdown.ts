/**
 * How a hostile text must come out: `formatted` through the markdown renderer (sanitised),
 * `fallback` as plain text because the renderer throws on it, `plain` as plain text because it is
 * too large to parse without freezing the page.
 */
export type HostileOutcome = 'formatted' | 'fallback' | 'plain';

export type HostileMarkdown = {
  name: string;
  content: string;
  outcome: HostileOutcome;
  /** Harmless text of a formatted payload that must still be shown. */
  text?: string;
};

/** Texts a user could store in any markdown field to attack or break the page of every viewer. */
export const HOSTILE_MARKDOWN: HostileMarkdown[] = [
  {
    name: 'an img inside math (the renderer throws)',
    content: '<math><img src=x>y</math>',
    outcome: 'fallback',
  },
  {
    name: 'a script tag',
    content: 'before <script>alert(1)</script> after',
    outcome: 'formatted',
    text: 'before',
  },
  {
    name: 'an event handler on an img',
    content: '<img src=x onerror=alert(1)>',
    outcome: 'formatted',
  },
  {
    name: 'a markdown javascript: link',
    content: '[click me](javascript:alert(1))',
    outcome: 'formatted',
    text: 'click me',
  },
  {
    name: 'an upper-case, entity-encoded javascript: link',
    content:
      '[click me](JAVASCRIPT:alert(1)) <a href="&#106;avascript:alert(1)">click me too</a>',
    outcome: 'formatted',
    text: 'click me too',
  },
  {
    name: 'a link with a scheme the sanitiser allows and the renderer rewrites',
    content: '[chat](xmpp:evil@example.com) and [irc](irc://evil.example.com)',
    outcome: 'formatted',
    text: 'chat and irc',
  },
  {
    name: 'a javascript: image',
    content: '![x](javascript:alert(1))',
    outcome: 'formatted',
  },
  {
    name: 'svg with foreignObject, iframe and script',
    content:
      '<svg><foreignObject><iframe src="https://evil.example.com/"></iframe><script>alert(1)</script></foreignObject></svg>',
    outcome: 'formatted',
  },
  {
    name: 'an iframe with srcdoc',
    content:
      '<iframe src="https://evil.example.com/" srcdoc="<script>alert(1)</script>"></iframe>',
    outcome: 'formatted',
  },
  {
    name: 'object, embed, form and a toggle handler',
    content:
      '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)"><form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form><details open ontoggle=alert(1)><summary>s</summary></details>',
    outcome: 'formatted',
  },
  {
    name: 'unbalanced HTML',
    content:
      '<div><span><b>open <i>x</div></p></table><a href="https://example.com/"><div>y',
    outcome: 'formatted',
    text: 'open',
  },
  {
    name: 'a 200 KB word',
    content: 'a'.repeat(200_000),
    outcome: 'plain',
  },
  {
    name: '2,000 levels of block quotes',
    content: `${'> '.repeat(2_000)}deep`,
    outcome: 'plain',
  },
  {
    name: '2,000 levels of nested lists',
    content: `${'- '.repeat(2_000)}deep`,
    outcome: 'plain',
  },
];

const ACTIVE_TAGS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'foreignobject',
  'base',
  'meta',
]);
const URL_ATTRIBUTES = [
  'href',
  'src',
  'action',
  'formaction',
  'data',
  'xlink:href',
  'background',
  'poster',
];
const SCRIPT_URL = /^(javascript|vbscript|data):/i;

/**
 * Fails when anything that could run script reached the DOM below `root`: script-like elements,
 * `on*` attributes, `srcdoc`, or a `javascript:`, `vbscript:` or `data:` URL.
 */
export function expectNoActiveContent(root: Element = document.body) {
  const found: string[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    if (ACTIVE_TAGS.has(tag)) found.push(`<${tag}>`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'srcdoc') {
        found.push(`<${tag} ${name}>`);
      }
      // Browsers ignore whitespace and control characters inside a scheme.
      // eslint-disable-next-line no-control-regex
      const value = attr.value.replace(/[\u0000-\u0020]/g, '');
      if (URL_ATTRIBUTES.includes(name) && SCRIPT_URL.test(value)) {
        found.push(`<${tag} ${name}="${attr.value}">`);
      }
    }
  }
  expect(found).toEqual([]);
}

/** Checks a hostile text came out as its outcome says, below `root`. */
export function expectOutcome(payload: HostileMarkdown, root: HTMLElement) {
  const notes = Array.from(root.querySelectorAll('[role="note"]')).map(
    n => n.textContent ?? '',
  );
  const raw = Array.from(root.querySelectorAll('pre')).some(
    pre => pre.textContent === payload.content,
  );
  if (payload.outcome === 'formatted') {
    expect(notes).toEqual([]);
    if (payload.text) expect(root).toHaveTextContent(payload.text);
    return;
  }
  expect(raw).toBe(true);
  expect(notes).toEqual([
    expect.stringMatching(
      payload.outcome === 'fallback'
        ? /could not be formatted/
        : /too (long|deep) to format/,
    ),
  ]);
}
