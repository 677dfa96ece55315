import { MarkdownContent } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  Component,
  type ReactNode,
  type RefObject,
  useEffect,
  useRef,
} from 'react';
import { mlHomeTranslationRef, type MlHomeT } from '../../translation';

/**
 * Beyond this many characters the text is not parsed as markdown. The renderer's parser takes time
 * that grows with the square of some inputs (a 200 KB word takes about a minute, 40 KB of `*a`
 * more than ten seconds), and it parses during render, so one stored text could freeze the page
 * for every viewer.
 */
export const MARKDOWN_MAX_LENGTH = 20_000;

/** Longest run of characters without whitespace parsed as markdown, for the same reason. */
export const MARKDOWN_MAX_UNBROKEN_RUN = 1_000;

const UNBROKEN_RUN = new RegExp(`\\S{${MARKDOWN_MAX_UNBROKEN_RUN + 1}}`);

/**
 * Most block containers (quotes, list items) opened on one line that are parsed as markdown. The
 * renderer recurses once per level and runs out of stack around a thousand; a few hundred levels
 * already take seconds before it does.
 */
export const MARKDOWN_MAX_NESTING = 100;

const isBlank = (c: string) => c === ' ' || c === '\t';
const isDigit = (c: string) => c >= '0' && c <= '9';

/** The most quote and list markers that open any one line (`> > - 1. x` has 4), in one pass. */
function deepestLineNesting(content: string): number {
  let deepest = 0;
  let depth = 0;
  let atLineStart = true;
  let i = 0;
  while (i < content.length) {
    const c = content[i];
    if (c === '\n') {
      depth = 0;
      atLineStart = true;
      i += 1;
    } else if (!atLineStart || isBlank(c)) {
      i += 1;
    } else if (c === '>') {
      depth += 1;
      i += 1;
    } else if (
      (c === '-' || c === '*' || c === '+') &&
      isBlank(content[i + 1] ?? '')
    ) {
      depth += 1;
      i += 2;
    } else {
      let j = i;
      while (j < content.length && j - i < 9 && isDigit(content[j])) j += 1;
      const ordered =
        j > i &&
        (content[j] === '.' || content[j] === ')') &&
        isBlank(content[j + 1] ?? '');
      if (ordered) {
        depth += 1;
        i = j + 2;
      } else {
        atLineStart = false;
        i += 1;
      }
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

const SAFE_PROTOCOL = /^(https?|mailto|tel):/i;

/**
 * Link and image targets the page may use: relative ones, anchors and http(s), mailto and tel.
 * react-markdown's default turns any other into `javascript:void(0)`, which core-components' Link
 * then refuses by throwing; an empty target renders the link text alone.
 */
export function safeUri(uri: string): string {
  const url = (uri ?? '').trim();
  const colon = url.indexOf(':');
  if (colon === -1 || SAFE_PROTOCOL.test(url)) return url;
  // A colon after a path, query or fragment separator is no scheme (`a/b:c`, `?x=a:b`).
  const separator = url.search(/[/?#]/);
  return separator !== -1 && separator < colon ? url : '';
}

/** Why a text is shown as plain text before trying the renderer, if it is. */
function tooRiskyToParse(content: string, t: MlHomeT): string | undefined {
  if (content.length > MARKDOWN_MAX_LENGTH) {
    return t('markdown.tooLong', { length: content.length });
  }
  if (UNBROKEN_RUN.test(content)) {
    return t('markdown.unbrokenRun', { limit: MARKDOWN_MAX_UNBROKEN_RUN });
  }
  if (deepestLineNesting(content) > MARKDOWN_MAX_NESTING) {
    return t('markdown.tooDeep', { limit: MARKDOWN_MAX_NESTING });
  }
  return undefined;
}

/** The stored text as it is, escaped by React, with a note saying why it is not formatted. */
function PlainText(props: { content: string; note: string }) {
  return (
    <Box>
      <Typography
        variant="caption"
        color="textSecondary"
        component="p"
        role="note"
      >
        {props.note}
      </Typography>
      <Box
        component="pre"
        m={0}
        fontFamily="inherit"
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
      >
        {props.content}
      </Box>
    </Box>
  );
}

type BoundaryProps = {
  content: string;
  /** Says the text is shown as plain text because the renderer failed. */
  failedNote: string;
  children: ReactNode;
};
type BoundaryState = { content: string; failed: boolean };

/** Catches what the renderer throws for this content; new content gets a new try. */
class MarkdownErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  static getDerivedStateFromProps(
    props: BoundaryProps,
    state: BoundaryState,
  ): Partial<BoundaryState> | null {
    return props.content === state.content
      ? null
      : { content: props.content, failed: false };
  }

  static getDerivedStateFromError(): Partial<BoundaryState> {
    return { failed: true };
  }

  state: BoundaryState = { content: this.props.content, failed: false };

  render() {
    return this.state.failed ? (
      <PlainText content={this.props.content} note={this.props.failedNote} />
    ) : (
      this.props.children
    );
  }
}

/** The words of a task-list item, without its nested lists: what its checkbox is about. */
function taskText(item: Element): string {
  return Array.from(item.childNodes)
    .filter(
      node => !(node instanceof Element && /^(UL|OL)$/.test(node.tagName)),
    )
    .map(node => node.textContent ?? '')
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Mends what the renderer draws for WCAG 2.1 AA. A task-list item (`- [ ] …`) is a checkbox
 * without a label: it is named after its task. A heading gets an id made from its words, which
 * repeats when two texts on a page share a heading (two notes with "Findings") and can take an id
 * the page itself uses: headings lose it. The renderer loads lazily and redraws on its own, so the
 * container is watched rather than read once.
 */
function useMarkdownAccessibility(ref: RefObject<HTMLElement>) {
  useEffect(() => {
    const root = ref.current;
    if (!root) return undefined;
    const mend = () => {
      root.querySelectorAll('li > input[type="checkbox"]').forEach(box => {
        const name = taskText(box.parentElement!);
        if (name && box.getAttribute('aria-label') !== name) {
          box.setAttribute('aria-label', name);
        }
      });
      root
        .querySelectorAll('h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]')
        .forEach(heading => heading.removeAttribute('id'));
    };
    mend();
    // Attribute changes are not watched: the mending's own changes wake nothing.
    const observer = new MutationObserver(mend);
    observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    return () => observer.disconnect();
  }, [ref]);
}

/** The renderer's output, mended by {@link useMarkdownAccessibility}. */
function RenderedMarkdown(props: { content: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useMarkdownAccessibility(ref);
  return (
    <div ref={ref}>
      <MarkdownContent
        content={props.content}
        transformLinkUri={safeUri}
        transformImageUri={safeUri}
      />
    </div>
  );
}

/**
 * Markdown written by users (descriptions, model cards, notes) that cannot break the page showing
 * it: when the renderer throws, or the text is too large to parse quickly, the text is shown as
 * plain preformatted text with a short note instead. Links and images keep only safe targets;
 * task-list checkboxes are named and headings carry no id (see useMarkdownAccessibility).
 */
export function SafeMarkdown(props: { content: string }) {
  const { content } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const risk = tooRiskyToParse(content, t);
  if (risk) return <PlainText content={content} note={risk} />;
  return (
    <MarkdownErrorBoundary
      content={content}
      failedNote={t('markdown.notFormatted')}
    >
      <RenderedMarkdown content={content} />
    </MarkdownErrorBoundary>
  );
}
