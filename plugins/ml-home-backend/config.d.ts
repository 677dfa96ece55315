export interface Config {
  /** Configuration of the ML Home backend plugin. */
  mlHome?: {
    /**
     * Check the entity refs ML Home stores against the software catalog: the owner of a project
     * or model must be a group, a deployment's serving service a component, a project's related
     * entities must exist (a 400 names the field otherwise). Defaults to true; turn off only for
     * a portal without a catalog. Owners must be groups of the calling user either way.
     */
    checkOwnersInCatalog?: boolean;
  };
}
