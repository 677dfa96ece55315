export { PagedListCard } from './PagedListCard';
export type { PagedListCardRead, PagedListCardRow } from './PagedListCard';
