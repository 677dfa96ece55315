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
    demoData?: {
      /**
       * Load the deterministic demo ML organisation on start when the ML Home database holds no
       * project yet. Defaults to false.
       */
      enabled?: boolean;
      /** Seed of the demo generator; the same seed gives the same data. */
      seed?: number;
      /** Multiplies the number of demo projects (1 gives about 40). */
      scale?: number;
    };
  };
}
