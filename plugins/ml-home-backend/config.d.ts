export interface Config {
  /** Configuration of the ML Home backend plugin. */
  mlHome?: {
    /**
     * Check that the owner of a project or model is a group in the software catalog when it is
     * set (a 400 names an unknown owner). Defaults to true; turn off only for a portal without
     * a catalog.
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
