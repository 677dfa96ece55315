export interface Config {
  mlHome?: {
    /** The demo ML organisation (`@ml-home/plugin-ml-home-backend-module-demo`). */
    demoData?: {
      /**
       * Load the deterministic demo ML organisation on start when the ML Home database holds no
       * project yet (live or deleted). Defaults to false.
       */
      enabled?: boolean;
      /** Seed of the demo generator; the same seed gives the same data. */
      seed?: number;
      /** Multiplies the number of demo projects (1 gives about 40). */
      scale?: number;
    };
  };
}
