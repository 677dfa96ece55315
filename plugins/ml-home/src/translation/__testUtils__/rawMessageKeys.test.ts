import { rawMessageKeys } from './rawMessageKeys';

function html(markup: string): Element {
  const root = document.createElement('div');
  root.innerHTML = markup;
  return root;
}

describe('rawMessageKeys', () => {
  it('finds message keys in text and in the attributes assistive technology reads', () => {
    expect(
      rawMessageKeys(
        html(
          '<h1>discover.title</h1><button aria-label="runs.grid.selectRun">x</button><p>Showing 3 of project.tokens.days_other</p>',
        ),
      ).sort(),
    ).toEqual([
      'discover.title',
      'project.tokens.days_other',
      'runs.grid.selectRun',
    ]);
  });

  it('leaves alone what only looks like a key', () => {
    expect(
      rawMessageKeys(
        html(
          '<p>metrics.auc > 0.8 on ml-home.io/models, params.lr = 0.1</p><a title="https://x.io/discover.html">link</a>',
        ),
      ),
    ).toEqual([]);
  });
});
