import { Content, Header, Page } from '@backstage/core-components';

/** Placeholder until the page lands; replaced by its owner. */
export const ProjectPage = () => (
  <Page themeId="tool">
    <Header title="ML Home" />
    <Content>ProjectPage</Content>
  </Page>
);
