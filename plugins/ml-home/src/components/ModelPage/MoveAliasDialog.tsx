import { useApi } from '@backstage/frontend-plugin-api';
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
import { CatalogRefLink } from '../common/CatalogRefLink';
import { errorMessage } from '../common/format';

function aliasProblem(alias: string): string | undefined {
  if (!alias) return 'Pick or type an alias';
  if (!NAME_PATTERN.test(alias)) {
    return 'Use lowercase letters, digits and dashes';
  }
  if (alias === 'latest' || /^v\d+$/.test(alias)) {
    return "'latest' and 'v<number>' name versions and cannot be aliases";
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
    const problem = aliasProblem(alias);
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
          <DialogTitle id="move-alias-title">Move an alias</DialogTitle>
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
                  label="Alias"
                  required
                  margin="dense"
                  variant="outlined"
                  error={!!aliasError}
                  helperText={
                    aliasError ??
                    (current
                      ? `Now on v${current.version}`
                      : 'A new alias is created')
                  }
                />
              )}
            />
            <TextField
              id="move-alias-version"
              select
              label="Version"
              value={version}
              onChange={e => setVersion(Number(e.target.value))}
              required
              fullWidth
              margin="dense"
              variant="outlined"
            >
              {versions.map(v => (
                <MenuItem key={v} value={v}>
                  v{v}
                </MenuItem>
              ))}
            </TextField>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" color="primary" variant="contained">
              Review
            </Button>
          </DialogActions>
        </form>
      ) : (
        <>
          <DialogTitle id="move-alias-title">
            {current
              ? `Move ${alias} from v${current.version} to v${version}?`
              : `Point the new alias ${alias} at v${version}?`}
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
                  These services serve {model.name} right now. Systems that load
                  the model by its alias pick up v{version} on their next load:
                </DialogContentText>
                <List dense aria-label="Services serving the model">
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
                            {`${d.environment} · serves v${d.version}`}
                            {owners.get(d.service) ? (
                              <>
                                {' · owned by '}
                                <CatalogRefLink
                                  entityRef={owners.get(d.service)!}
                                  defaultKind="group"
                                />
                              </>
                            ) : null}
                          </>
                        }
                      />
                    </ListItem>
                  ))}
                </List>
              </>
            ) : (
              <DialogContentText>
                No service serves {model.name} at the moment.
              </DialogContentText>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setStep('pick')}>Back</Button>
            <Button
              color="primary"
              variant="contained"
              onClick={confirm}
              disabled={saving}
            >
              {saving ? 'Moving…' : `Move ${alias} to v${version}`}
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
