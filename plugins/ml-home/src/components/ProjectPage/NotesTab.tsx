import { InfoCard } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import type { Project } from '@ml-home/plugin-ml-home-common';
import { NotesPanel, TagEditor } from '../annotations';

/**
 * The project's own notes and tags (written here), beside every note on anything in the project
 * (written on the model, run or evaluation they are about).
 */
export function NotesTab(props: { project: Project }) {
  const { project } = props;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={7}>
        <InfoCard title="Notes on the project">
          <NotesPanel
            entityType="project"
            entityId={project.id}
            projectName={project.name}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={5}>
        <InfoCard title="Tags">
          <TagEditor
            entityType="project"
            entityId={project.id}
            projectName={project.name}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title="Every note in the project"
          subheader="Notes on its models, versions, runs, evaluations, datasets and deployments, newest first"
        >
          <NotesPanel project={project.name} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
