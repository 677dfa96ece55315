import { InfoCard } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import type { Project } from '@ml-home/plugin-ml-home-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { NotesPanel, TagEditor } from '../annotations';
import { mlHomeTranslationRef } from '../../translation';

/**
 * The project's own notes and tags (written here), beside every note on anything in the project
 * (written on the model, run or evaluation they are about).
 */
export function NotesTab(props: { project: Project }) {
  const { project } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={7}>
        <InfoCard title={t('project.notes.onProject')}>
          <NotesPanel
            entityType="project"
            entityId={project.id}
            projectName={project.name}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={5}>
        <InfoCard title={t('project.notes.tags')}>
          <TagEditor
            entityType="project"
            entityId={project.id}
            projectName={project.name}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title={t('project.notes.everyNote')}
          subheader={t('project.notes.everyNoteSubheader')}
        >
          <NotesPanel project={project.name} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
