import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import { screen, within } from '@testing-library/react';
import { contrastOn } from '../components/common/__testUtils__/contrast';
import {
  ML_HOME_SEARCH_TYPE,
  MlHomeSearchResultListItem,
  mlHomeSearchResultListItem,
  mlHomeSearchResultType,
} from './searchResultItem';

const model = {
  title: 'churn-prediction-model',
  text: 'The model behind Churn prediction.',
  location: '/ml-home/models/churn-prediction-model',
  kind: 'model',
  name: 'churn-prediction-model',
  project: 'churn-prediction',
  owner: 'group:default/churn-prediction',
  tags: ['tabular', 'gbdt'],
  lifecycle: 'production',
};

const page = {
  title: 'ML Home',
  text: 'Machine learning projects of every team.',
  location: '/ml-home',
  kind: 'page',
  name: 'ml-home',
};

describe('ML Home search result item', () => {
  it('shows a model: title linking to its page, type, owner, project and tags', async () => {
    await renderInTestApp(<MlHomeSearchResultListItem result={model} />);

    const item = screen.getByRole('article', {
      name: 'churn-prediction-model',
    });
    expect(
      within(item).getByRole('link', { name: 'churn-prediction-model' }),
    ).toHaveAttribute('href', '/ml-home/models/churn-prediction-model');
    expect(within(item).getByText('Model')).toBeInTheDocument();
    expect(
      within(item).getByText('Owner: churn-prediction'),
    ).toBeInTheDocument();
    expect(
      within(item).getByText('Project: churn-prediction'),
    ).toBeInTheDocument();
    const tags = within(item).getByRole('list', { name: 'Tags' });
    expect(
      within(tags)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual(['tabular', 'gbdt']);
    expect(
      within(item).getByText('The model behind Churn prediction.'),
    ).toBeInTheDocument();
  });

  it("reads at 4.5:1 or more on the search page's background (Backstage UI's #f5f5f5)", async () => {
    await renderInTestApp(<MlHomeSearchResultListItem result={model} />);
    const description = screen.getByText('The model behind Churn prediction.');
    expect(
      contrastOn(getComputedStyle(description).color, '#f5f5f5'),
    ).toBeGreaterThanOrEqual(4.5);
  });

  it('shows a project, an owner outside the default namespace, and no tag list without tags', async () => {
    const project = {
      ...model,
      title: 'Churn prediction',
      location: '/ml-home/projects/churn-prediction',
      kind: 'project',
      owner: 'group:emea/retention',
      tags: [],
    };
    await renderInTestApp(<MlHomeSearchResultListItem result={project} />);

    const item = screen.getByRole('article', { name: 'Churn prediction' });
    expect(within(item).getByRole('link')).toHaveAttribute(
      'href',
      '/ml-home/projects/churn-prediction',
    );
    expect(within(item).getByText('Project')).toBeInTheDocument();
    expect(within(item).getByText('Owner: emea/retention')).toBeInTheDocument();
    expect(within(item).queryByText(/^Project:/)).not.toBeInTheDocument();
    expect(within(item).queryByRole('list')).not.toBeInTheDocument();
  });

  it("shows one of ML Home's own pages, which has no owner, project or tags", async () => {
    await renderInTestApp(<MlHomeSearchResultListItem result={page} />);

    const item = screen.getByRole('article', { name: 'ML Home' });
    expect(within(item).getByRole('link')).toHaveAttribute('href', '/ml-home');
    expect(within(item).getByText('ML Home page')).toBeInTheDocument();
    expect(within(item).queryByText(/^Owner:/)).not.toBeInTheDocument();
    expect(within(item).queryByRole('list')).not.toBeInTheDocument();
  });

  it('highlights the matched words when the engine sends highlights', async () => {
    await renderInTestApp(
      <MlHomeSearchResultListItem
        result={model}
        highlight={{
          preTag: '<mark>',
          postTag: '</mark>',
          fields: { title: '<mark>churn</mark>-prediction-model' },
        }}
      />,
    );

    expect(screen.getByText('churn').tagName).toBe('MARK');
  });

  it('is the search page item for ML Home documents only', async () => {
    const item = createExtensionTester(mlHomeSearchResultListItem).get(
      SearchResultListItemBlueprint.dataRefs.item,
    );
    const result = (type: string) => ({ type, document: model });

    expect(item.predicate?.(result(ML_HOME_SEARCH_TYPE))).toBe(true);
    expect(item.predicate?.(result('software-catalog'))).toBe(false);
    expect(await item.component).toBeDefined();
  });

  it('offers ML Home as a result type on the search page', () => {
    const type = createExtensionTester(mlHomeSearchResultType).get(
      SearchFilterResultTypeBlueprint.dataRefs.resultType,
    );
    expect(type.value).toBe(ML_HOME_SEARCH_TYPE);
    expect(type.name).toBe('ML Home');
  });
});
