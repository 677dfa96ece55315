/** Placeholder until the runs table lands; replaced by its owner. */
export const RunsTable = (_props: { projectName: string }) => null;
