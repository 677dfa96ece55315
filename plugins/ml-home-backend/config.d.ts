export interface Config {
  /** Configuration of the ML Home backend plugin. */
  mlHome?: {
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
