import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { useComponentOwners } from '../../hooks/useComponentOwners';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  NAME_PATTERN,
  type Deployment,
  type Model,
} from '@ml-home/plugin-ml-home-common';
import { FormEvent, useState } from 'react';
import { mlHomeApiRef } from '../../api/mlHomeApiRef';
import { mlHomeTranslationRef, type MlHomeT } from '../../translation';
import { CatalogRefLink } from '../common/CatalogRefLink';
import { errorMessage } from '../common/format';

function aliasProblem(alias: string, t: MlHomeT): string | undefined {
  if (!alias) return t('model.moveAlias.aliasRequired');
  if (!NAME_PATTERN.test(alias)) {
    return t('model.moveAlias.aliasInvalid');
  }
  if (alias === 'latest' || /^v\d+$/.test(alias)) {
    return t('model.moveAlias.aliasReserved');
  }
  return undefined;
}

/**
 * Points an alias at a version in two steps: pick alias and version, then confirm, seeing the
 * services that serve the model right now (they may follow the alias).
 */
export function MoveAliasDialog(props: {
  model: Model;
  /** Versions the user can pick, newest first. */
  versions: number[];
  initialAlias?: string;
  initialVersion?: number;
  /** The model's deployments; the active ones are listed in the confirmation. */
  deployments: Deployment[];
  onClose: () => void;
  onMoved: () => void;
}) {
  const { model, versions, deployments, onClose, onMoved } = props;
  const api = useApi(mlHomeApiRef);
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const [alias, setAlias] = useState(
    props.initialAlias ?? model.aliases[0]?.alias ?? '',
  );
  const [version, setVersion] = useState<number | ''>(
    props.initialVersion ?? versions[0] ?? '',
  );
  const [step, setStep] = useState<'pick' | 'confirm'>('pick');
  const [aliasError, setAliasError] = useState<string>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const current = model.aliases.find(a => a.alias === alias);
  const active = deployments.filter(d => d.status === 'active');
  const owners = useComponentOwners(active.map(d => d.service));

  const review = (event: FormEvent) => {
    event.preventDefault();
    const problem = aliasProblem(alias, t);
    setAliasError(problem);
    if (!problem && version !== '') {
      setStep('confirm');
    }
  };

  const confirm = async () => {
    if (version === '') return;
    setSaving(true);
    setError(undefined);
    try {
      await api.setModelAlias(model.name, alias, version);
      onMoved();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="move-alias-title"
      fullWidth
      maxWidth="sm"
    >
      {step === 'pick' ? (
        <form onSubmit={review} noValidate>
          <DialogTitle id="move-alias-title">
            {t('model.moveAlias.title')}
          </DialogTitle>
          <DialogContent>
            <Autocomplete<string, false, false, true>
              id="move-alias-alias"
              freeSolo
              options={model.aliases.map(a => a.alias)}
              value={alias}
              onChange={(_, value) => setAlias(value ?? '')}
              onInputChange={(_, value) => setAlias(value.trim())}
              renderInput={params => (
                <TextField
                  {...params}
                  label={t('model.moveAlias.alias')}
                  required
                  margin="dense"
                  variant="outlined"
                  error={!!aliasError}
                  helperText={
                    aliasError ??
                    (current
                      ? t('model.moveAlias.nowOn', {
                          version: String(current.version),
                        })
                      : t('model.moveAlias.newAlias'))
                  }
                />
              )}
            />
            <TextField
              id="move-alias-version"
              select
              label={t('model.moveAlias.version')}
              value={version}
              onChange={e => setVersion(Number(e.target.value))}
              required
              fullWidth
              margin="dense"
              variant="outlined"
            >
              {versions.map(v => (
                <MenuItem key={v} value={v}>
                  {t('model.version', { version: String(v) })}
                </MenuItem>
              ))}
            </TextField>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" color="primary" variant="contained">
              {t('model.moveAlias.review')}
            </Button>
          </DialogActions>
        </form>
      ) : (
        <>
          <DialogTitle id="move-alias-title">
            {current
              ? t('model.moveAlias.confirmMove', {
                  alias,
                  from: String(current.version),
                  to: String(version),
                })
              : t('model.moveAlias.confirmNew', { alias, to: String(version) })}
          </DialogTitle>
          <DialogContent>
            {error ? (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            ) : null}
            {active.length ? (
              <>
                <DialogContentText>
                  {t('model.moveAlias.servedNow', {
                    model: model.name,
                    version: String(version),
                  })}
                </DialogContentText>
                <List dense aria-label={t('model.moveAlias.servicesList')}>
                  {active.map(d => (
                    <ListItem key={d.id}>
                      <ListItemText
                        primary={
                          <EntityRefLink
                            entityRef={d.service}
                            defaultKind="component"
                          />
                        }
                        secondary={
                          <>
                            {t('model.moveAlias.serves', {
                              environment: d.environment,
                              version: String(d.version),
                            })}
                            {owners.get(d.service)
                              ? t('model.moveAlias.ownedBy', {
                                  owner: (
                                    <CatalogRefLink
                                      entityRef={owners.get(d.service)!}
                                      defaultKind="group"
                                    />
                                  ),
                                })
                              : null}
                          </>
                        }
                      />
                    </ListItem>
                  ))}
                </List>
              </>
            ) : (
              <DialogContentText>
                {t('model.moveAlias.notServed', { model: model.name })}
              </DialogContentText>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setStep('pick')}>
              {t('model.moveAlias.back')}
            </Button>
            <Button
              color="primary"
              variant="contained"
              onClick={confirm}
              disabled={saving}
            >
              {saving
                ? t('model.moveAlias.moving')
                : t('model.moveAlias.move', {
                    alias,
                    version: String(version),
                  })}
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
