import { Content, Header, Page } from '@backstage/core-components';

/** Placeholder until the page lands; replaced by its owner. */
export const ModelPage = () => (
  <Page themeId="tool">
    <Header title="ML Home" />
    <Content>ModelPage</Content>
  </Page>
);
