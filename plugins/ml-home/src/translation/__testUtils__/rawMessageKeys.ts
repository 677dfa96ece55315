import { mlHomeMessages } from '../translation';

/** The first segment of every message key: `discover`, `project`, `runs`, … */
const GROUPS = Object.keys(mlHomeMessages).filter(
  key => typeof mlHomeMessages[key as keyof typeof mlHomeMessages] !== 'string',
);

/**
 * A key of ML Home's messages as i18next shows it when the message is missing: the key itself,
 * e.g. `discover.searchLabel` or `project.tokens.days_other`.
 */
const RAW_KEY = new RegExp(
  `(?:^|[^\\w.\\-/:])((?:${GROUPS.join('|')})(?:\\.[\\w-]+)+)(?![\\w\\-/]|\\.\\w)`,
);

const ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt'];

/**
 * Message keys shown instead of their text in `root`, in its text or in the attributes assistive
 * technology reads: what a `t()` call with a key missing from the messages renders.
 */
export function rawMessageKeys(root: Element): string[] {
  const found = new Set<string>();
  const check = (text: string | null | undefined) => {
    const match = text ? RAW_KEY.exec(text) : null;
    if (match) found.add(match[1]);
  };
  const walker = root.ownerDocument.createTreeWalker(
    root,
    NodeFilter.SHOW_TEXT,
  );
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    check(node.textContent);
  }
  for (const element of root.querySelectorAll('*')) {
    for (const attribute of ATTRIBUTES) check(element.getAttribute(attribute));
  }
  return [...found];
}
