import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import userEvent from '@testing-library/user-event';
import {
  MARKDOWN_MAX_LENGTH,
  MARKDOWN_MAX_NESTING,
  MARKDOWN_MAX_UNBROKEN_RUN,
  SafeMarkdown,
  safeUri,
} from './SafeMarkdown';
import {
  HOSTILE_MARKDOWN,
  expectNoActiveContent,
  expectOutcome,
} from './__testUtils__/hostileMarkdown';

jest.setTimeout(60_000);

async function renderMarkdown(content: string) {
  const rendered = await renderInTestApp(
    <div data-testid="markdown">
      <SafeMarkdown content={content} />
    </div>,
  );
  return { ...rendered, root: screen.getByTestId('markdown') };
}

describe('SafeMarkdown', () => {
  it('renders markdown', async () => {
    await renderMarkdown(
      '## Goal\n\nPredict who **leaves**; see [the doc](https://docs.example.com/churn).',
    );
    expect(
      await screen.findByRole('heading', { name: 'Goal' }),
    ).toBeInTheDocument();
    expect(screen.getByText('leaves').tagName).toBe('STRONG');
    expect(screen.getByRole('link', { name: /the doc/ })).toHaveAttribute(
      'href',
      'https://docs.example.com/churn',
    );
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });

  it('names the checkboxes of a task list after their task', async () => {
    await renderMarkdown(
      [
        '- [x] Compare the web slice',
        '- [ ] Re-train with the **March** sessions',
        '  - [ ] Check the holdout',
      ].join('\n'),
    );
    expect(
      await screen.findByRole('checkbox', { name: 'Compare the web slice' }),
    ).toBeChecked();
    expect(
      screen.getByRole('checkbox', {
        name: 'Re-train with the March sessions',
      }),
    ).not.toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'Check the holdout' }),
    ).toBeInTheDocument();
  });

  it('gives headings no id, which two texts on one page would repeat (or take from the page)', async () => {
    await renderInTestApp(
      <>
        <SafeMarkdown content="## Findings" />
        <SafeMarkdown content={'## Project tabpanel\n\n## Findings'} />
      </>,
    );
    await screen.findByRole('heading', { name: 'Project tabpanel' });
    const headings = screen.getAllByRole('heading');
    expect(headings).toHaveLength(3);
    for (const heading of headings) {
      expect(heading).not.toHaveAttribute('id');
    }
  });

  it.each(HOSTILE_MARKDOWN)(
    'keeps the page and runs nothing for $name',
    async payload => {
      const alert = jest.spyOn(window, 'alert').mockImplementation(() => {});
      const { root } = await renderMarkdown(payload.content);
      // The renderer is loaded lazily: wait for its output or for the fallback.
      await waitFor(() => expect(root.firstElementChild).not.toBeNull());
      expectOutcome(payload, root);
      expectNoActiveContent();
      expect(alert).not.toHaveBeenCalled();
      alert.mockRestore();
    },
  );

  it('shows the text as it is, escaped, when the renderer throws', async () => {
    const content = '<math><img src=x>y</math>\n\n**not bold**';
    const { root } = await renderMarkdown(content);
    expect(
      await screen.findByText(
        'This text could not be formatted: it is shown as plain text.',
      ),
    ).toBeInTheDocument();
    const pre = root.querySelector('pre')!;
    expect(pre.textContent).toBe(content);
    expect(pre.querySelector('img, math, strong')).toBeNull();
  });

  it('tries again when the text changes', async () => {
    function Editable() {
      const [content, setContent] = useState('<math><img src=x>y</math>');
      return (
        <>
          <button onClick={() => setContent('now **fine**')}>fix</button>
          <SafeMarkdown content={content} />
        </>
      );
    }
    await renderInTestApp(<Editable />);
    expect(
      await screen.findByText(/could not be formatted/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'fix' }));
    expect((await screen.findByText('fine')).tagName).toBe('STRONG');
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });

  it('does not parse text too long to parse quickly', async () => {
    const long = `${'word '.repeat(MARKDOWN_MAX_LENGTH / 5)}**x**`;
    const { root } = await renderMarkdown(long);
    expect(screen.getByRole('note')).toHaveTextContent(
      /too long to format \(20,005 characters\)/,
    );
    expect(root.querySelector('pre')?.textContent).toBe(long);
    expect(root.querySelector('strong')).toBeNull();
  });

  it('does not parse a word too long to parse quickly', async () => {
    await renderMarkdown(`**${'a'.repeat(MARKDOWN_MAX_UNBROKEN_RUN)}**`);
    expect(screen.getByRole('note')).toHaveTextContent(/without a space/);
  });

  it('does not parse quotes and lists nested too deep', async () => {
    await renderMarkdown(
      `ok\n\n${'> - 1. '.repeat(MARKDOWN_MAX_NESTING / 3 + 1)}deep`,
    );
    expect(screen.getByRole('note')).toHaveTextContent(/too deep to format/);
  });

  it('formats ordinary nesting', async () => {
    const { root } = await renderMarkdown(
      '> quoted\n> - item\n>   1. first\n>      - deeper **still**',
    );
    expect((await screen.findByText('still')).tagName).toBe('STRONG');
    expect(root.querySelectorAll('blockquote ul ol ul')).toHaveLength(1);
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });

  it('keeps only safe link targets', () => {
    expect(safeUri('https://example.com/a:b')).toBe('https://example.com/a:b');
    expect(safeUri('HTTP://example.com')).toBe('HTTP://example.com');
    expect(safeUri('mailto:a@example.com')).toBe('mailto:a@example.com');
    expect(safeUri('/ml-home/models/x')).toBe('/ml-home/models/x');
    expect(safeUri('#goal')).toBe('#goal');
    expect(safeUri('docs/a:b?x=1')).toBe('docs/a:b?x=1');
    expect(safeUri(' javascript:alert(1)')).toBe('');
    expect(safeUri('xmpp:evil@example.com')).toBe('');
    expect(safeUri('data:text/html,<script>')).toBe('');
  });
});
