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
      /**
       * The demo's "now", an ISO 8601 time: every demo timestamp lies at or before it, running
       * runs a few minutes before. Defaults to the time the demo is loaded, so the demo always
       * looks current; set it for data that is the same on every load (tests, screenshots).
       */
      now?: string;
    };
  };
}
